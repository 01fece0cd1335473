"""The planner, table-driven: every pair of concurrent changes, no I/O."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import pytest

from dropbox_lite.client import ops as o
from dropbox_lite.client.planner import plan
from dropbox_lite.client.scan import Scanned, identify
from dropbox_lite.client.tree import NEW, Node, conflicted_name, paths

ROOT = "root"
TAG = "alice's conflicted copy 2026-11-25"
NFC = unicodedata.normalize("NFC", "café.txt")
NFD = unicodedata.normalize("NFD", "café.txt")


def f(i: str, name: str, content: str, parent: str = ROOT, rev: int = 1) -> Node:
    return Node(i, parent, name, False, f"h-{content}", rev, len(content))


def d(i: str, name: str, parent: str = ROOT) -> Node:
    return Node(i, parent, name, True)


def tree(*nodes: Node) -> dict[str, Node]:
    return {ROOT: Node(ROOT, None, "", True), **{n.id: n for n in nodes}}


@dataclass
class Case:
    base: list[Node]
    remote: list[Node]
    local: list[Node]
    expect: list[o.Op]
    prefer_remote: set[str] = field(default_factory=set)


def ops(case: Case) -> list[o.Op]:
    return plan(
        base=tree(*case.base),
        remote=tree(*case.remote),
        local=tree(*case.local),
        root_id=ROOT,
        conflict_tag=TAG,
        prefer_remote=case.prefer_remote,
    )


A = f("a", "a.txt", "v1")
A_LOCAL_EDIT = Node("a", ROOT, "a.txt", False, "h-local", None, 5)
A_REMOTE_EDIT = f("a", "a.txt", "remote", rev=2)
FOLDER = d("F", "F")

CASES: dict[str, Case] = {
    "in sync: nothing": Case([A], [A], [A], []),
    "local edit: UPDATE from the base rev": Case(
        [A], [A], [A_LOCAL_EDIT], [o.Upload("a", "a.txt", ROOT, "a.txt", "h-local", 1, 5)]
    ),
    "remote edit: download over the unchanged local file": Case(
        [A], [A_REMOTE_EDIT], [A], [o.Download(A_REMOTE_EDIT, "a.txt", "h-v1")]
    ),
    "edit/edit: UPDATE (the server answers ConflictError, then MERGE or KEEP_BOTH)": Case(
        [A],
        [A_REMOTE_EDIT],
        [A_LOCAL_EDIT],
        [o.Upload("a", "a.txt", ROOT, "a.txt", "h-local", 1, 5)],
    ),
    "edit/edit to the same content: no conflict, no transfer": Case(
        [A],
        [f("a", "a.txt", "same", rev=2)],
        [f("a", "a.txt", "same")],
        [o.Record(f("a", "a.txt", "same", rev=2))],
    ),
    "local delete of an unchanged file: delete on the server": Case(
        [A], [A], [], [o.RemoteDelete(A, "a.txt")]
    ),
    "local delete / remote edit: the edit wins, downloaded again": Case(
        [A], [A_REMOTE_EDIT], [], [o.Download(A_REMOTE_EDIT, "a.txt", None)]
    ),
    "remote delete of an unchanged file: delete locally": Case(
        [A], [], [A], [o.LocalDelete("a", (("a", "a.txt", "h-v1"),), ())]
    ),
    "remote delete / local edit: the edit wins (forgotten, then uploaded as new)": Case(
        [A], [], [A_LOCAL_EDIT], [o.Forget("a", kept="a.txt")]
    ),
    "deleted on both sides: forgotten": Case([A], [], [], [o.Forget("a")]),
    "local rename / remote edit: rename on the server first": Case(
        [A],
        [A_REMOTE_EDIT],
        [f("a", "b.txt", "v1")],
        [o.RemoteMove("a", ROOT, "b.txt", rename_only=True)],
    ),
    "remote rename / local edit: rename locally first": Case(
        [A],
        [f("a", "b.txt", "v1")],
        [A_LOCAL_EDIT],
        [o.LocalMove(f("a", "b.txt", "v1"), "a.txt", "b.txt")],
    ),
    "rename/rename to different names: the server's wins": Case(
        [A],
        [f("a", "server.txt", "v1")],
        [f("a", "local.txt", "v1")],
        [o.LocalMove(f("a", "server.txt", "v1"), "local.txt", "server.txt")],
    ),
    "rename/rename to the same name: recorded": Case(
        [A], [f("a", "b.txt", "v1")], [f("a", "b.txt", "v1")], [o.Record(f("a", "b.txt", "v1"))]
    ),
    "local move into a folder: moveEntry": Case(
        [A, FOLDER],
        [A, FOLDER],
        [f("a", "a.txt", "v1", parent="F"), FOLDER],
        [o.RemoteMove("a", "F", "a.txt", rename_only=False)],
    ),
    "a refused local rename goes the server's way": Case(
        [A],
        [A],
        [f("a", "b.txt", "v1")],
        [o.LocalMove(A, "b.txt", "a.txt")],
        prefer_remote={"a"},
    ),
    "move into a folder deleted remotely: the folder is kept (forgotten, created again)": Case(
        [A, FOLDER],
        [A],
        [f("a", "a.txt", "v1", parent="F"), FOLDER],
        [o.Forget("F", kept="F")],
    ),
    "remote delete of a folder with nothing new locally: deleted locally": Case(
        [FOLDER, f("x", "x", "1", parent="F")],
        [],
        [FOLDER, f("x", "x", "1", parent="F")],
        [o.LocalDelete("F", (("x", "F/x", "h-1"),), (("F", "F"),))],
    ),
    "remote delete of a folder with a local edit inside: kept": Case(
        [FOLDER, f("x", "x", "1", parent="F")],
        [],
        [FOLDER, f("x", "x", "2", parent="F")],
        [o.Forget("F", kept="F"), o.Forget("x", kept="F/x")],
    ),
    "a mount taken away (only the folder deleted, its contents left unreachable)": Case(
        [FOLDER, f("x", "x", "1", parent="F"), d("s", "s", parent="F")],
        [f("x", "x", "1", parent="F"), d("s", "s", parent="F")],
        [FOLDER, f("x", "x", "1", parent="F"), d("s", "s", parent="F")],
        [o.LocalDelete("F", (("x", "F/x", "h-1"),), (("s", "F/s"), ("F", "F")))],
    ),
    "a mount taken away with an edit and a new file in it: both kept": Case(
        [FOLDER, f("x", "x", "1", parent="F"), f("y", "y", "1", parent="F")],
        [f("x", "x", "1", parent="F"), f("y", "y", "1", parent="F")],
        [
            FOLDER,
            f("x", "x", "2", parent="F"),
            f("y", "y", "1", parent="F"),
            Node(NEW + "F/n", "F", "n", False, "h-3"),
        ],
        [
            o.Forget("F", kept="F"),
            o.Forget("x", kept="F/x"),
            o.LocalDelete("y", (("y", "F/y", "h-1"),), ()),
        ],
    ),
    "local delete of a folder the server added to: the folder comes back": Case(
        [FOLDER], [FOLDER, f("n", "new", "1", parent="F")], [], [o.Mkdir(FOLDER, "F")]
    ),
    "contents moved out of a folder deleted here: the moves first, the delete next": Case(
        [FOLDER, f("x", "x", "1", parent="F")],
        [FOLDER, f("x", "x", "1", parent="F")],
        [f("x", "x", "1")],
        [o.RemoteMove("x", ROOT, "x", rename_only=False)],
    ),
    "contents moved out of a folder deleted here, the move refused: the folder comes back": Case(
        [FOLDER, f("x", "x", "1", parent="F")],
        [FOLDER, f("x", "x", "1", parent="F")],
        [f("x", "x", "1")],
        [o.Mkdir(FOLDER, "F")],
        prefer_remote={"x"},
    ),
    "contents moved out of a folder the server deleted: the moves first, the delete next": Case(
        [FOLDER, f("x", "x", "1", parent="F")],
        [f("x", "x", "1")],
        [FOLDER, f("x", "x", "1", parent="F")],
        [o.LocalMove(f("x", "x", "1"), "F/x", "x")],
    ),
    "a folder renamed in case only with its contents, seen as new: no deadlock": Case(
        [FOLDER, f("x", "x", "1", parent="F")],
        [FOLDER, f("x", "x", "1", parent="F")],
        [Node(NEW + "f", ROOT, "f", True), f("x", "X", "1", parent=NEW + "f")],
        [o.LocalMove(FOLDER, "f", "F")],  # taken for the server's folder, its case undone
    ),
    "a new folder named like a folder moved into it here: the new one steps aside": Case(
        [FOLDER],
        [FOLDER],
        [Node(NEW + "f", ROOT, "f", True), d("F", "F", parent=NEW + "f")],
        [o.ConflictRename("f", f"f ({TAG})")],
    ),
    "content moved out of a folder onto its name (in another case): steps aside": Case(
        [FOLDER, d("g", "g", parent="F")],
        [FOLDER, d("g", "g", parent="F")],
        [d("g", "f")],
        [o.ConflictRename("f", f"f ({TAG})")],
    ),
    "moved out of a folder deleted here, renamed on the server: the folder comes back": Case(
        [FOLDER, f("x", "x", "1", parent="F")],
        [FOLDER, f("x", "X", "1", parent="F")],
        [f("x", "x", "1")],
        [o.Mkdir(FOLDER, "F")],
    ),
    "local delete of a folder unchanged on the server: one deleteEntry": Case(
        [FOLDER, f("x", "x", "1", parent="F")],
        [FOLDER, f("x", "x", "1", parent="F")],
        [],
        [o.RemoteDelete(FOLDER, "F")],
    ),
    "local file replaced by a folder: delete first, the folder is created next": Case(
        [A], [A], [Node(NEW + "a.txt", ROOT, "a.txt", True)], [o.RemoteDelete(A, "a.txt")]
    ),
    "remote file replaced by a folder: delete locally first, mkdir next": Case(
        [A], [d("g", "a.txt")], [A], [o.LocalDelete("a", (("a", "a.txt", "h-v1"),), ())]
    ),
    "local case-only rename": Case(
        [A], [A], [f("a", "A.txt", "v1")], [o.RemoteMove("a", ROOT, "A.txt", rename_only=True)]
    ),
    "remote case-only rename": Case(
        [A], [f("a", "A.txt", "v1")], [A], [o.LocalMove(f("a", "A.txt", "v1"), "a.txt", "A.txt")]
    ),
    "NFC on the server, NFD on disk: not a rename": Case(
        [f("c", NFC, "1")], [f("c", NFC, "1")], [f("c", NFD, "1")], []
    ),
    "new on both sides in NFC and NFD, same content: adopted": Case(
        [],
        [f("c", NFC, "1")],
        [Node(NEW + NFD, ROOT, NFD, False, "h-1")],
        [o.Record(f("c", NFC, "1"))],
    ),
    "new on both sides, different content: the local one becomes a conflicted copy": Case(
        [],
        [f("c", "x.txt", "server")],
        [Node(NEW + "x.txt", ROOT, "x.txt", False, "h-local")],
        [o.ConflictRename("x.txt", f"x ({TAG}).txt")],
    ),
    "new on both sides, names differing in case: the local one is renamed to match": Case(
        [],
        [f("c", "X.txt", "1")],
        [Node(NEW + "x.txt", ROOT, "x.txt", False, "h-1")],
        [o.LocalMove(f("c", "X.txt", "1"), "x.txt", "X.txt")],
    ),
    "new local file: ADD": Case(
        [],
        [],
        [Node(NEW + "n", ROOT, "n", False, "h-1", None, 1)],
        [o.Upload(None, "n", ROOT, "n", "h-1", None, 1)],
    ),
    "new local folder, its contents wait for it": Case(
        [],
        [],
        [Node(NEW + "D", ROOT, "D", True), Node(NEW + "D/n", NEW + "D", "n", False, "h-1")],
        [o.CreateFolder("D", ROOT, "D")],
    ),
    "new local name differing in case from a synced one: conflicted copy": Case(
        [A],
        [A],
        [A, Node(NEW + "A.txt", ROOT, "A.txt", False, "h-2")],
        [o.ConflictRename("A.txt", f"A ({TAG}).txt")],
    ),
    "remote new folder, its contents wait for it": Case(
        [], [FOLDER, f("x", "x", "1", parent="F")], [], [o.Mkdir(FOLDER, "F")]
    ),
    "local rename onto a name the server just gave another file: local one moves aside": Case(
        [A],
        [A, f("b", "b.txt", "server")],
        [f("a", "b.txt", "v1")],
        [o.ConflictRename("b.txt", f"b ({TAG}).txt")],
    ),
    "empty base (state lost): identical files adopted, nothing deleted": Case(
        [],
        [f("a", "a.txt", "v1"), FOLDER],
        [Node(NEW + "a.txt", ROOT, "a.txt", False, "h-v1"), Node(NEW + "F", ROOT, "F", True)],
        [o.Record(FOLDER), o.Record(f("a", "a.txt", "v1"))],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_plan(name: str) -> None:
    case = CASES[name]
    assert sorted(map(repr, ops(case))) == sorted(map(repr, case.expect))


def test_state_lost_never_plans_a_delete() -> None:
    remote = [f("a", "a.txt", "server"), FOLDER, f("x", "x", "1", parent="F")]
    local = [
        Node(NEW + "a.txt", ROOT, "a.txt", False, "h-local"),
        Node(NEW + "only-here", ROOT, "only-here", False, "h-3"),
    ]
    planned = ops(Case([], remote, local, []))
    assert not [op for op in planned if isinstance(op, (o.LocalDelete, o.RemoteDelete))]
    assert o.ConflictRename("a.txt", f"a ({TAG}).txt") in planned
    assert o.Upload(None, "only-here", ROOT, "only-here", "h-3", None, 0) in planned


def test_no_two_operations_touch_the_same_path() -> None:
    # A remote move into F and a remote delete of F's parent path would race: one waits.
    base = [d("P", "P"), d("Q", "Q"), f("a", "a", "1", parent="P")]
    remote = [d("P", "Q2"), d("Q", "P2"), f("a", "a", "1", parent="Q")]
    planned = ops(Case(base, remote, base, []))
    touched = [op.dst for op in planned if isinstance(op, o.LocalMove)]
    assert len(touched) == len(set(touched)) and len(planned) >= 1


def scanned(path: str, folder: bool = False, digest: str | None = None, inode: int = 0) -> Scanned:
    return Scanned(path, folder, 0, 0, inode, None if folder else digest)


def test_identify_by_path_then_content_then_inode() -> None:
    base = tree(
        f("a", "a.txt", "v1"),
        d("F", "F"),
        f("x", "x", "2", parent="F"),
        d("G", "G"),
        f("g", "kept", "3", parent="G"),
        d("gone", "Gone"),
        f("y", "y", "4", parent="gone"),
    )
    local = identify(
        [
            scanned("A.txt", digest="h-v1"),  # case-only rename: same content
            scanned("F", folder=True),
            scanned("F/x", digest="h-changed"),  # edited in place
            scanned("H", folder=True, inode=77),  # G renamed: same inode, same contents
            scanned("H/kept", digest="h-3"),
            scanned("E", folder=True, inode=78),  # a new folder on a reused inode
            scanned("new", digest="h-9"),
        ],
        base=base,
        base_paths=paths(base, ROOT),
        root_id=ROOT,
        inodes={"G": 77, "gone": 78},
    )
    assert local["a"].name == "A.txt"
    assert local["x"].hash == "h-changed" and local["x"].parent_id == "F"
    assert local["G"].name == "H"
    assert local[NEW + "E"].is_folder
    assert local[NEW + "new"].parent_id == ROOT


def test_identify_a_moved_file_by_its_content() -> None:
    base = tree(d("F", "F"), f("x", "x", "1"))
    local = identify(
        [scanned("F", folder=True), scanned("F/y", digest="h-1")],
        base=base,
        base_paths=paths(base, ROOT),
        root_id=ROOT,
        inodes={},
    )
    assert local["x"].parent_id == "F" and local["x"].name == "y"


def test_conflicted_names_are_numbered() -> None:
    first = conflicted_name("r.pdf", TAG, set())
    assert first == f"r ({TAG}).pdf"
    assert conflicted_name("r.pdf", TAG, {first.casefold()}) == f"r ({TAG} 2).pdf"
    assert conflicted_name("Makefile", TAG, set()) == f"Makefile ({TAG})"
    assert conflicted_name(".bashrc", TAG, set()) == f".bashrc ({TAG})"
