"""The randomized multi-device simulation: offline operations on every device, then
syncs in random order until quiet, with faults injected; invariants after every round.

With several users (`Member`s) one folder is shared: every device converges to its own
user's tree, the shared folder holds the same in every member's tree, and a member
removed mid-run loses the folder on every device but keeps their own files (and the
edits they had not synced yet).

Run by tests/client/test_simulation.py (its environment variables make it bigger).
"""

from __future__ import annotations

import random
import re
import shutil
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from dropbox_lite.client.engine import SyncError
from dropbox_lite.client.remote import RemoteError, Unreachable
from tests.client.devices import Device, Faults, local_tree, nfc, server_tree

FILE_NAMES = [
    "a.txt",
    "A.txt",
    "b.md",
    unicodedata.normalize("NFC", "café.txt"),
    unicodedata.normalize("NFD", "café.txt"),
    "p.bin",
    "notes",
]
FOLDER_NAMES = ["docs", "Docs", "x", "y"]
MARKER = re.compile(rb"<m\d+>")
MAX_PASSES = 25


@dataclass
class Report:
    seed: int
    rounds: int = 0
    operations: int = 0
    syncs: int = 0
    faults: int = 0
    kills: int = 0
    conflicts: int = 0
    lost_states: int = 0
    removals: int = 0
    removed_devices: int = 0
    edits_during_sync: int = 0


@dataclass
class Member:
    """A user's devices (indexes into the simulation's list) and where the shared folder is
    in their tree: it is never deleted, renamed or moved; a viewer changes nothing in it."""

    devices: list[int]
    shared: str | None = None
    viewer: bool = False


@dataclass
class Removal:
    """`member` (an index into the members) is removed from the shared folder in round
    `round`, after the first pass of syncs; `run` does it on the server."""

    round: int
    member: int
    run: Callable[[], Awaitable[None]]


@dataclass
class _Round:
    touched: dict[int, set[str]] = field(default_factory=dict)
    deletes: list[tuple[int, str, set[str], str]] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    empty_folders: set[str] = field(default_factory=set)  # deleted while empty
    made_folders: set[int] = field(default_factory=set)  # devices that made folders
    twins: dict[int, dict[str, set[str]]] = field(default_factory=dict)  # same content
    above: dict[str, set[str]] = field(default_factory=dict)  # a deleted entry's folders
    moved: dict[int, set[str]] = field(default_factory=dict)  # what each device moved


class Simulation:
    """Three (or more) devices of one account (or of several `members`) and one checker of
    the server."""

    def __init__(
        self,
        devices: list[Device],
        faults: Faults,
        seed: int,
        *,
        members: list[Member] | None = None,
        removal: Removal | None = None,
    ) -> None:
        self.devices = devices
        self.members = members or [Member(list(range(len(devices))))]
        self.removal = removal
        self.faults = faults
        self.rng = random.Random(seed)
        faults.rng = random.Random(seed + 1)
        self.report = Report(seed)
        self.markers = 0

    def marker(self) -> bytes:
        self.markers += 1
        return f"<m{self.markers}>".encode()

    def member_of(self, index: int) -> Member:
        return next(m for m in self.members if index in m.devices)

    async def run(self, rounds: int, ops_per_device: int, fault_every: int = 2) -> Report:
        for number in range(rounds):
            with_faults = fault_every > 0 and number % fault_every == fault_every - 1
            removed = None
            if self.removal is not None and self.removal.round == number:
                removed = self.members[self.removal.member]
            await self.round(ops_per_device, with_faults, removed)
        return self.report

    async def round(
        self, ops_per_device: int, with_faults: bool, removed: Member | None = None
    ) -> None:
        record = _Round()
        written: set[bytes] = set()
        amnesiac: set[int] = set()
        own_before: dict[str, str | None] = {}
        if removed is not None:
            own_before = self.outside(await self.tree_of(removed), removed.shared)
        for index, dev in enumerate(self.devices):
            view: dict[str, str | None] = dict(dev.base_paths())
            by_hash: dict[str, set[str]] = {}
            for i, digest in dev.base_hashes().items():
                by_hash.setdefault(digest, set()).add(i)
            record.twins[index] = {i: same - {i} for same in by_hash.values() for i in same}
            member = self.member_of(index)
            # A viewer's lost state turns its stale copies into local-only conflicted copies
            # (the server refuses them); a removed member's would upload the whole folder.
            keeps_state = member.viewer or member is removed
            if with_faults and not keeps_state and self.rng.random() < 0.15:
                self.report.lost_states += 1
                amnesiac.add(index)
                record.log.append(f"device{index} lost its state")
                for extra in ("", "-wal", "-shm"):
                    (dev.folder / ".dropbox-lite" / f"state.db{extra}").unlink(missing_ok=True)
            record.touched[index] = set()
            if member.shared is None:
                area = "all"
            elif member is removed:
                area = "inside"  # its own files come through untouched, its writes here stay
            else:
                area = "outside" if member.viewer else "all"
            for _ in range(self.rng.randint(1, ops_per_device)):
                self.offline_op(index, dev.folder, view, record, area)
            if index in amnesiac:  # without a base its deletes cannot reach the server
                record.deletes = [d for d in record.deletes if d[0] != index]
            present = {nfc(p.relative_to(dev.folder).as_posix()) for p in dev.folder.rglob("*")}
            synced_at = {i: nfc(p) for p, i in dev.base_paths().items()}
            for item in [
                d
                for d in record.deletes
                if d[0] == index and (d[3] in present or synced_at.get(d[1]) in present)
            ]:
                # Another entry under an equivalent name, or where it was last synced: an edit.
                record.deletes.remove(item)
                record.touched[index] |= item[2]
            written |= self.markers_in(dev.folder) & self.fresh
        fresh_of_removed: set[bytes] = set()
        if removed is not None:
            # Its deletes inside may never reach the server: the folder goes first.
            record.deletes = [d for d in record.deletes if d[0] not in removed.devices]
            for index in removed.devices:
                fresh_of_removed |= self.markers_in(self.devices[index].folder) & self.fresh
        if removed is None:
            for index in range(len(self.devices)):
                if self.rng.random() < 0.5:
                    self.edit_during_sync(index, record, written)
        await self.sync_until_quiet(with_faults, removed)
        for dev in self.devices:
            dev.during = None
        top = None
        if removed is not None:
            top, removed.shared = removed.shared, None
        await self.check(record, written)
        if removed is not None and top is not None:
            await self.check_removed(removed, top, own_before, fresh_of_removed)
        self.report.rounds += 1

    @property
    def fresh(self) -> set[bytes]:
        return {f"<m{n}>".encode() for n in range(self.round_start, self.markers + 1)}

    round_start = 1

    def edit_during_sync(self, index: int, record: _Round, written: set[bytes]) -> None:
        """Make the device's next sync meet an edit that lands while it runs: a marker
        appended to one of its own root-level files, or a new one (never in a shared
        folder, so a viewer's or a removed member's rules do not change)."""
        dev = self.devices[index]

        def change() -> None:
            marker = self.marker()
            files = sorted(p for p in dev.folder.iterdir() if p.is_file())
            if files and self.rng.random() < 0.7:
                target = self.rng.choice(files)
                target.write_bytes(target.read_bytes() + marker)
                synced = dev.base_paths().get(nfc(target.name))
                if synced is not None:
                    record.touched[index].add(synced)  # an edit: it beats a delete
            else:
                target = dev.folder / f"during {marker.decode()[1:-1]}.txt"
                target.write_bytes(marker)
            written.add(marker)
            self.report.edits_during_sync += 1
            record.log.append(f"device{index} changed {target.name} during its sync")

        dev.during = change

    async def sync_until_quiet(self, with_faults: bool, removed: Member | None = None) -> None:
        for number in range(MAX_PASSES):
            if number == 1 and removed is not None:
                assert self.removal is not None
                await self.removal.run()  # some of its devices synced this round, some not
                self.report.removals += 1
            self.faults.rate = 0.06 if with_faults and number < 2 else 0.0
            quiet = True
            for dev in self.rng.sample(self.devices, len(self.devices)):
                self.report.syncs += 1
                try:
                    stats = await dev.sync()
                except (Unreachable, RemoteError, SyncError):
                    self.report.kills += 1
                    quiet = False
                    if self.rng.random() < 0.5:  # as a SIGKILL mid-download leaves it
                        partial = dev.folder / ".dropbox-lite" / "tmp" / "partial"
                        partial.parent.mkdir(exist_ok=True)
                        partial.write_bytes(b"half a file")
                    continue
                self.report.conflicts += stats.conflicts
                if stats.operations:
                    quiet = False
            if quiet and self.faults.rate == 0 and (removed is None or number > 0):
                self.report.faults = self.faults.injected
                self.round_start = self.markers + 1
                return
        raise AssertionError(f"seed {self.report.seed}: no quiet pass after {MAX_PASSES}")

    async def tree_of(self, member: Member) -> dict[str, str | None]:
        first = self.devices[member.devices[0]]
        tree, _ = await server_tree(first.http, first.token)
        return tree

    @staticmethod
    def outside(tree: dict[str, str | None], top: str | None) -> dict[str, str | None]:
        if top is None:
            return dict(tree)
        return {p: h for p, h in tree.items() if p != top and not p.startswith(top + "/")}

    @staticmethod
    def inside(tree: dict[str, str | None], top: str) -> dict[str, str | None]:
        return {p[len(top) + 1 :]: h for p, h in tree.items() if p.startswith(top + "/")}

    async def check(self, record: _Round, written: set[bytes]) -> None:
        seed = self.report.seed
        live: set[str] = set()
        found: set[bytes] = set()
        shared: list[tuple[str, dict[str, str | None]]] = []
        for member in self.members:
            first = self.devices[member.devices[0]]
            tree, ids = await server_tree(first.http, first.token)
            live |= ids
            for index in member.devices:
                dev = self.devices[index]
                mine = local_tree(dev.folder)
                diff = [
                    ("local", sorted(set(mine.items()) - set(tree.items()))),
                    ("server", sorted(set(tree.items()) - set(mine.items()))),
                ]
                assert mine == tree, f"seed {seed}: {dev.folder.name} differs: {diff}"
            found |= self.markers_in(first.folder)
            if member.shared is not None:
                assert tree.get(member.shared, "") is None, f"seed {seed}: no {member.shared}"
                shared.append((first.username, self.inside(tree, member.shared)))
        for username, contents in shared[1:]:
            assert contents == shared[0][1], (
                f"seed {seed}: {username} sees the shared folder otherwise than"
                f" {shared[0][0]}: {sorted(set(contents.items()) ^ set(shared[0][1].items()))}"
            )
        assert written <= found, f"seed {seed}: writes lost: {sorted(written - found)}"
        for index, entry, cover, _path in record.deletes:
            others = set().union(*(t for i, t in record.touched.items() if i != index))
            if entry in record.empty_folders and index in record.made_folders:
                continue  # on a reused inode that is a rename to any sync engine
            if record.twins.get(index, {}).get(entry, set()) - live:
                continue  # of two identical files one was deleted, one moved: either one
            user = self.member_of(index)
            if any(
                record.above.get(entry, set()) & ids
                for i, ids in record.moved.items()
                if self.member_of(i) is not user
            ):
                continue  # another user moved a folder above it out of the share first
            if not others & cover:
                if entry in live:
                    print("\n".join(record.log))
                assert entry not in live, f"seed {seed}: a delete of {entry} did not take effect"

    async def check_removed(
        self, member: Member, top: str, own_before: dict[str, str | None], fresh: set[bytes]
    ) -> None:
        """The removed member's tree keeps their own files as they were; of the shared folder
        `top` only files with edits their devices had not synced are left (as their own)."""
        seed = self.report.seed
        tree = await self.tree_of(member)
        assert self.outside(tree, top) == own_before, f"seed {seed}: own files changed"
        first = self.devices[member.devices[0]]
        # Conflicted copies its devices made of their own local versions are kept too.
        copy = f"({first.username}'s conflicted copy "
        on_disk = {nfc(p.relative_to(first.folder).as_posix()): p for p in first.folder.rglob("*")}
        for path, digest in self.inside(tree, top).items():
            if digest is not None and copy not in path:
                kept = set(MARKER.findall(on_disk[f"{top}/{path}"].read_bytes()))
                assert kept & fresh, f"seed {seed}: {top}/{path} left behind after the removal"
        self.report.removed_devices += len(member.devices)

    def markers_in(self, folder: Path) -> set[bytes]:
        found: set[bytes] = set()
        for path in folder.rglob("*"):
            if ".dropbox-lite" not in path.parts and path.is_file():
                found.update(MARKER.findall(path.read_bytes()))
        return found

    # -- offline operations ------------------------------------------------------------

    def offline_op(
        self,
        index: int,
        folder: Path,
        view: dict[str, str | None],
        record: _Round,
        area: str = "all",
    ) -> None:
        """One random change made offline; `view` maps this device's paths to ids; `area`:
        "all" but the shared folder itself, "outside" of it, or "inside" (creates and edits
        only)."""
        top = self.member_of(index).shared
        entries = sorted(
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*")
            if ".dropbox-lite" not in p.relative_to(folder).parts
        )
        folders = ["", *(p for p in entries if (folder / p).is_dir())]
        if top is not None:
            within = [p for p in entries if p.startswith(top + "/")]
            if area == "inside":
                entries, folders = within, [top, *(p for p in folders if p in within)]
            elif area == "outside":
                entries = [p for p in entries if p != top and p not in within]
                folders = [p for p in folders if p != top and p not in within]
            else:
                entries = [p for p in entries if p != top]
        files = [p for p in entries if (folder / p).is_file()]
        kind = self.rng.choices(
            ["create", "edit", "delete", "rename", "move", "mkdir"], [3, 3, 2, 2, 2, 1]
        )[0]
        if area == "inside" and kind not in ("create", "edit"):
            return  # a removed member's last writes: each holds a marker of its own
        touched = record.touched[index]
        self.report.operations += 1
        record.log.append(f"device{index} {kind}")

        def note(*paths: str) -> None:
            record.log[-1] += " " + " -> ".join(ascii(p) for p in paths)

        def vget(path: str) -> str | None:
            if path in view:
                return view[path]
            same = [i for p, i in view.items() if nfc(p) == nfc(path)]
            return same[0] if len(same) == 1 else None

        def ids_above(path: str) -> set[str]:
            parts = path.split("/")
            above = ("/".join(parts[:i]) for i in range(1, len(parts)))
            return {i for p in above if (i := vget(p))}

        def ids_below(path: str) -> set[str]:
            found = {i for p, i in view.items() if i and p.startswith(path + "/")}
            return found | ({i} if (i := vget(path)) else set())

        def arrive(path: str) -> None:
            """Something new at `path`: if this device deleted an entry there, that was an
            edit or a replacement as far as any sync engine can tell."""
            key = nfc(path)
            touched.update(ids_above(path))
            for item in list(record.deletes):
                if item[0] == index and item[3] == key:
                    record.deletes.remove(item)
                    touched.update(item[2])

        def join(parent: str, name: str) -> str:
            return f"{parent}/{name}" if parent else name

        if kind == "create" or (kind in ("edit", "delete", "rename", "move") and not entries):
            path = join(self.rng.choice(folders), self.rng.choice(FILE_NAMES))
            if (folder / path).exists():
                return
            (folder / path).write_bytes(self.content(path, b""))
            note(path)
            arrive(path)
            view.setdefault(path, None)
        elif kind == "edit" and files:
            path = self.rng.choice(files)
            (folder / path).write_bytes(self.content(path, (folder / path).read_bytes()))
            note(path)
            touched |= ids_above(path) | ids_below(path)
        elif kind == "mkdir":
            path = join(self.rng.choice(folders), self.rng.choice(FOLDER_NAMES))
            if (folder / path).exists():
                return
            (folder / path).mkdir()
            record.made_folders.add(index)
            note(path)
            arrive(path)
            view.setdefault(path, None)
        elif kind == "delete":
            path = self.rng.choice(entries)
            cover = ids_below(path)
            is_dir = (folder / path).is_dir()
            if is_dir:
                shutil.rmtree(folder / path)
            else:
                (folder / path).unlink()
            entry = vget(path)
            note(path, str(entry))
            if entry and cover == {entry} and is_dir:
                record.empty_folders.add(entry)
            if entry:
                record.deletes.append((index, entry, cover, nfc(path)))
                record.above[entry] = ids_above(path)
            touched |= cover | ids_above(path)
            for p in [p for p in view if p == path or p.startswith(path + "/")]:
                del view[p]
        else:  # rename or move
            path = self.rng.choice(entries)
            is_dir = (folder / path).is_dir()
            parent, _, name = path.rpartition("/")
            if kind == "rename":
                pool = FOLDER_NAMES if is_dir else FILE_NAMES
                target = join(parent, self.rng.choice([*pool, name.swapcase()]))
            else:
                destination = self.rng.choice(folders)
                if destination == path or destination.startswith(path + "/"):
                    return
                target = join(destination, name)
            if (folder / target).exists() or target == path:
                return
            (folder / path).rename(folder / target)
            note(path, target)
            touched |= ids_above(path) | ids_above(target)
            if entry := vget(path):
                touched.add(entry)
                record.moved.setdefault(index, set()).add(entry)
            arrive(target)
            for p in [p for p in view if p == path or p.startswith(path + "/")]:
                view[target + p[len(path) :]] = view.pop(p)

    def content(self, path: str, old: bytes) -> bytes:
        marker = self.marker()
        if path.endswith(".bin"):
            return b"\x00" + marker + self.rng.randbytes(8)
        lines = (
            old.decode("utf-8", "replace").splitlines()
            if old and not old.startswith(b"\x00")
            else []
        )
        if lines and self.rng.random() < 0.5:
            lines[self.rng.randrange(len(lines))] = marker.decode()
        else:
            lines.append(marker.decode())
        return ("\n".join(lines) + "\n").encode()
