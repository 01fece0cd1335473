"""Operations that write more than one document: durable intents, run to their end.

No backend we test on has multi-document transactions, and a request can end at
any `await` (the client goes, a timeout, a crash). So a change that writes more
than one document is recorded first, as an intent in `operations`:

    {_id, kind, owner_id, args, started_at, lease_until}

then its steps run, shielded from the request's cancellation, and the intent is
deleted when they are done. Every step is idempotent, and the steps are ordered
so that a state between two of them grants no access that both the state before
and the state after deny (access is taken away first and given last). Whoever
finds an intent whose lease has run out (upkeep's pass, `finish_abandoned`) takes
it by a conditional update and runs its kind's finisher, which completes or rolls
back the operation from what is in the database, whatever step it died at.

The finishers are registered by the modules that own the operations (`finisher`);
this module knows none of them. Each kind's arguments are a frozen dataclass of its
own (an `Args`), stored in `args` as its fields and read back by its `load`, which
takes what older versions stored too; its finisher is handed that value. An intent
read back leaves this module as an `Intent` record (its `args` as stored); the
documents are built and read here only.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import Any, ClassVar, Self, TypeVar

from bson import ObjectId

from dropbox_lite.core.clock import aware
from dropbox_lite.core.db import Database
from dropbox_lite.core.state import current

OPERATIONS = "operations"
# An intent whose runner has not finished it within this long is taken as abandoned.
LEASE = timedelta(seconds=30)

log = logging.getLogger("dropbox_lite.operations")

T = TypeVar("T")


class Args:
    """The arguments of one kind of operation, subclassed by a frozen dataclass per kind:
    `kind` names it in `operations`; its fields are what is stored as `args`."""

    kind: ClassVar[str]

    def stored(self) -> dict[str, Any]:
        return dict(vars(self))

    @classmethod
    def load(cls, args: Mapping[str, Any]) -> Self:
        """The arguments as stored (by this version or an older one)."""
        raise NotImplementedError


A = TypeVar("A", bound=Args)
Finisher = Callable[[Database, A], Awaitable[None]]
# Each kind's finisher, filled as the owning modules are imported (`finisher`): a
# dispatch table of code, the same for every app, not state (nothing in it changes
# once the modules are loaded), so it stays here rather than on AppState.
_FINISHERS: dict[str, Callable[[Database, Mapping[str, Any]], Awaitable[None]]] = {}


class Running:
    """Operations running past their request's end, kept referenced until they finish:
    one app's (AppState.running, core/state.py)."""

    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[Any]] = set()

    def add(self, task: asyncio.Task[Any]) -> None:
        self.tasks.add(task)
        task.add_done_callback(self.discard)

    def discard(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("an operation left by its request failed: %r", task.exception())

    async def settle(self, timeout: float) -> int:
        """Give the operations of this event loop up to `timeout` seconds to finish (at
        shutdown); how many are still running (upkeep finishes their intents later)."""
        loop = asyncio.get_running_loop()
        mine = [task for task in self.tasks if task.get_loop() is loop]
        if not mine:
            return 0
        _, left = await asyncio.wait(mine, timeout=timeout)
        return len(left)


# Outside any app (a CLI command, a test calling a service) the operations left
# running are kept here: a task nobody references may be collected before it ends.
UNSERVED = Running()


def running() -> Running:
    """The operations left running by the app this runs in (else by no app)."""
    app = current()
    return UNSERVED if app is None else app.running


@dataclass(frozen=True)
class Intent:
    """An operation recorded before its first write and not yet finished."""

    id: ObjectId
    kind: str
    owner_id: ObjectId
    args: Mapping[str, Any]  # its kind's own (read-only); the finisher gets a copy
    started_at: datetime
    lease_until: datetime  # as stored: taking the intent matches it exactly


def _intent(doc: Mapping[str, Any]) -> Intent:
    return Intent(
        id=doc["_id"],
        kind=str(doc["kind"]),
        owner_id=doc["owner_id"],
        args=MappingProxyType(dict(doc["args"])),
        started_at=doc["started_at"],
        lease_until=doc["lease_until"],
    )


def finisher(kind: type[A]) -> Callable[[Finisher[A]], Finisher[A]]:
    """Register the function that completes (or rolls back) an abandoned `kind`."""

    def register(function: Finisher[A]) -> Finisher[A]:
        async def finish(db: Database, stored: Mapping[str, Any]) -> None:
            await function(db, kind.load(stored))

        _FINISHERS[kind.kind] = finish
        return function

    return register


async def begin(db: Database, kind: str, owner: ObjectId, args: Mapping[str, Any]) -> ObjectId:
    """Record the intent before the operation's first write; its id."""
    at = datetime.now(UTC)
    op_id = ObjectId()
    await db.collection(OPERATIONS).insert_one(
        {
            "_id": op_id,
            "kind": kind,
            "owner_id": owner,
            "args": dict(args),
            "started_at": at,
            "lease_until": at + LEASE,
        }
    )
    return op_id


async def end(db: Database, op_id: ObjectId) -> None:
    """The operation is done (or rolled back): nothing is left to finish."""
    await db.collection(OPERATIONS).delete_one({"_id": op_id})


async def to_the_end(work: Coroutine[Any, Any, T]) -> T:
    """Await `work`; if the caller is cancelled meanwhile, `work` still runs to its end."""
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        if not task.done():
            running().add(task)
        raise


async def run(
    db: Database, owner: ObjectId, steps: Callable[[], Coroutine[Any, Any, T]], args: Args
) -> T:
    """Record the intent, run `steps` to their end (shielded), then drop the intent.

    When `steps` raise, the intent stays for the finisher, which brings the tree to
    a whole state (`steps` that fail on purpose undo their own writes first and may
    then end the intent themselves; finishing a whole state again changes nothing).
    """
    kind, stored = args.kind, args.stored()
    op_id = await begin(db, kind, owner, stored)

    async def whole() -> T:
        try:
            result = await steps()
        except BaseException:
            await _finish_now(db, op_id, kind, stored)
            raise
        await end(db, op_id)
        return result

    return await to_the_end(whole())


async def _finish_now(db: Database, op_id: ObjectId, kind: str, args: Mapping[str, Any]) -> None:
    """After a step failed in this process: finish it here (best effort), else upkeep will."""
    try:
        await _FINISHERS[kind](db, args)
    except Exception as failed:  # the database may be gone: upkeep finishes it later
        log.warning("operation %s (%s) left for upkeep: %r", op_id, kind, failed)
        return
    await end(db, op_id)


async def finish_abandoned(db: Database, *, lease: timedelta = LEASE) -> int:
    """Finish every intent whose lease ran out (its runner died); how many were finished.

    An intent is taken by moving its lease forward conditionally, so on MongoDB two
    processes never finish one at once (FerretDB v1 does not isolate updates, so there
    two passes at the same moment may both take it: finishers are idempotent); a
    finisher that fails leaves it for the next pass.
    """
    finished = 0
    at = datetime.now(UTC)
    stale = at + LEASE - lease  # lease_until was set to start + LEASE
    intents = db.collection(OPERATIONS)
    async for doc in intents.find({"lease_until": {"$lte": stale}}).sort("started_at", 1):
        intent = _intent(doc)
        if not await _take(db, intent):
            continue
        function = _FINISHERS.get(intent.kind)
        if function is None:
            log.error("operation %s of unknown kind %r left alone", intent.id, intent.kind)
            continue
        try:
            await function(db, dict(intent.args))
        except Exception as failed:
            log.warning("operation %s (%s) not finished: %r", intent.id, intent.kind, failed)
            continue
        await end(db, intent.id)
        finished += 1
    return finished


async def _take(db: Database, intent: Intent) -> bool:
    """Move the intent's lease forward if nobody has since it was read: whether we did."""
    taken = await db.collection(OPERATIONS).update_one(
        {"_id": intent.id, "lease_until": intent.lease_until},
        {"$set": {"lease_until": _next_lease(intent.lease_until)}},
    )
    return bool(taken.modified_count)


def _next_lease(held: datetime) -> datetime:
    """The lease of whoever takes an intent whose lease is `held`: LEASE from now, and
    always later than `held`.

    Stored times keep milliseconds only, so an intent taken within the millisecond it
    began (a lease of 0, as tests and an impatient caller pass) would get its stored
    lease again: the update then changes nothing, reads as taken by someone else, and
    the intent was left unfinished. A later lease is always a change, so the
    conditional update that takes an intent reports whether this caller took it.
    """
    return max(datetime.now(UTC) + LEASE, aware(held) + timedelta(milliseconds=1))


async def pending(db: Database) -> list[Intent]:
    """Every intent not yet finished (for tests and `maintain`), oldest first."""
    return [_intent(doc) async for doc in db.collection(OPERATIONS).find({}).sort("started_at", 1)]
