"""Caps on live `changes` subscriptions, per socket and per user in this process.

Each subscription is a task that reads the feed whenever anything changes; one user
holding 2,400 of them raised another user's latency tenfold (issue 18 item 8). One
object per application (built in create_app) counts them; two apps share nothing.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterator
from typing import TypeVar

K = TypeVar("K")


class TooManySubscriptions(Exception):
    """Refused: the socket or the user holds as many subscriptions as allowed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SubscriptionCaps:
    """Counts live subscriptions by socket and by user, refusing past the caps."""

    def __init__(self, *, per_socket: int, per_user: int) -> None:
        self.per_socket = per_socket
        self.per_user = per_user
        self._sockets: Counter[int] = Counter()
        self._users: Counter[str] = Counter()

    def live(self, *, user_id: str) -> int:
        """The user's live subscriptions in this process."""
        return self._users[user_id]

    @contextlib.contextmanager
    def slot(self, *, socket: object, user_id: str) -> Iterator[None]:
        """Hold one subscription's place for the block; TooManySubscriptions if none is free."""
        key = id(socket)  # the socket is alive, so its id is its own, while it holds a slot
        if self._sockets[key] >= self.per_socket:
            raise TooManySubscriptions(
                f"A connection may hold at most {self.per_socket} subscriptions; "
                "complete one first or open another connection."
            )
        if self._users[user_id] >= self.per_user:
            raise TooManySubscriptions(
                f"You have {self.per_user} live subscriptions on this server, the most "
                "allowed; complete some first."
            )
        self._sockets[key] += 1
        self._users[user_id] += 1
        try:
            yield
        finally:
            _release(self._sockets, key)
            _release(self._users, user_id)


def _release(counter: Counter[K], key: K) -> None:
    counter[key] -= 1
    if counter[key] <= 0:
        del counter[key]
