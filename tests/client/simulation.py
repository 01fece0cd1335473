"""The randomized multi-device simulation: offline operations on every device, then
syncs in random order until quiet, with faults injected; invariants after every round.

Run by tests/client/test_simulation.py (its environment variables make it bigger).
"""

from __future__ import annotations

import random
import re
import shutil
import unicodedata
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


@dataclass
class _Round:
    touched: dict[int, set[str]] = field(default_factory=dict)
    deletes: list[tuple[int, str, set[str], str]] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    empty_folders: set[str] = field(default_factory=set)  # deleted while empty
    made_folders: set[int] = field(default_factory=set)  # devices that made folders


class Simulation:
    """Three (or more) devices of one account and one checker of the server."""

    def __init__(self, devices: list[Device], faults: Faults, seed: int) -> None:
        self.devices = devices
        self.faults = faults
        self.rng = random.Random(seed)
        faults.rng = random.Random(seed + 1)
        self.report = Report(seed)
        self.markers = 0

    def marker(self) -> bytes:
        self.markers += 1
        return f"<m{self.markers}>".encode()

    async def run(self, rounds: int, ops_per_device: int, fault_every: int = 2) -> Report:
        for number in range(rounds):
            with_faults = fault_every > 0 and number % fault_every == fault_every - 1
            await self.round(ops_per_device, with_faults)
        return self.report

    async def round(self, ops_per_device: int, with_faults: bool) -> None:
        record = _Round()
        written: set[bytes] = set()
        amnesiac: set[int] = set()
        for index, dev in enumerate(self.devices):
            view: dict[str, str | None] = dict(dev.base_paths())
            if with_faults and self.rng.random() < 0.15:  # the state database is lost
                self.report.lost_states += 1
                amnesiac.add(index)
                record.log.append(f"device{index} lost its state")
                for extra in ("", "-wal", "-shm"):
                    (dev.folder / ".dropbox-lite" / f"state.db{extra}").unlink(missing_ok=True)
            record.touched[index] = set()
            for _ in range(self.rng.randint(1, ops_per_device)):
                self.offline_op(index, dev.folder, view, record)
            if index in amnesiac:  # without a base its deletes cannot reach the server
                record.deletes = [d for d in record.deletes if d[0] != index]
            present = {nfc(p.relative_to(dev.folder).as_posix()) for p in dev.folder.rglob("*")}
            for item in [d for d in record.deletes if d[0] == index and d[3] in present]:
                record.deletes.remove(item)  # another entry under an equivalent name: an edit
                record.touched[index] |= item[2]
            written |= self.markers_in(dev.folder) & self.fresh
        await self.sync_until_quiet(with_faults)
        await self.check(record, written)
        self.report.rounds += 1

    @property
    def fresh(self) -> set[bytes]:
        return {f"<m{n}>".encode() for n in range(self.round_start, self.markers + 1)}

    round_start = 1

    async def sync_until_quiet(self, with_faults: bool) -> None:
        for number in range(MAX_PASSES):
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
            if quiet and self.faults.rate == 0:
                self.report.faults = self.faults.injected
                self.round_start = self.markers + 1
                return
        raise AssertionError(f"seed {self.report.seed}: no quiet pass after {MAX_PASSES}")

    async def check(self, record: _Round, written: set[bytes]) -> None:
        seed = self.report.seed
        first = self.devices[0]
        tree, live = await server_tree(first.http, first.token)
        for dev in self.devices:
            mine = local_tree(dev.folder)
            diff = [
                ("local", sorted(set(mine.items()) - set(tree.items()))),
                ("server", sorted(set(tree.items()) - set(mine.items()))),
            ]
            assert mine == tree, f"seed {seed}: {dev.folder.name} differs: {diff}"
        found = self.markers_in(first.folder)
        assert written <= found, f"seed {seed}: writes lost: {sorted(written - found)}"
        for index, entry, cover, _path in record.deletes:
            others = set().union(*(t for i, t in record.touched.items() if i != index))
            if entry in record.empty_folders and index in record.made_folders:
                continue  # on a reused inode that is a rename to any sync engine
            if not others & cover:
                if entry in live:
                    print("\n".join(record.log))
                assert entry not in live, f"seed {seed}: a delete of {entry} did not take effect"

    def markers_in(self, folder: Path) -> set[bytes]:
        found: set[bytes] = set()
        for path in folder.rglob("*"):
            if ".dropbox-lite" not in path.parts and path.is_file():
                found.update(MARKER.findall(path.read_bytes()))
        return found

    # -- offline operations ------------------------------------------------------------

    def offline_op(
        self, index: int, folder: Path, view: dict[str, str | None], record: _Round
    ) -> None:
        """One random change made offline; `view` maps this device's paths to ids."""
        entries = sorted(
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*")
            if ".dropbox-lite" not in p.relative_to(folder).parts
        )
        files = [p for p in entries if (folder / p).is_file()]
        folders = ["", *(p for p in entries if (folder / p).is_dir())]
        kind = self.rng.choices(
            ["create", "edit", "delete", "rename", "move", "mkdir"], [3, 3, 2, 2, 2, 1]
        )[0]
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
