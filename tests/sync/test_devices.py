"""Two devices of one user edit offline, sync, and converge with nothing lost."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.support import Account, GraphQLClient
from tests.sync.feed import RESOLVE, multipart, upload

LOGIN = """
mutation($u: String!, $p: String!, $d: String) {
  login(username: $u, password: $p, deviceName: $d) { ... on AuthPayload { token } }
}
"""

FEED = """
query($cursor: String) {
  changes(cursor: $cursor, first: 3) {
    cursor hasMore
    changes { kind id parentId entry { name ... on File { rev contentHash } } }
  }
}
"""


@dataclass
class LocalFile:
    id: str | None
    rev: int
    content: bytes
    dirty: bool = False


@dataclass
class Device:
    """A sync client: a flat folder of files, a cursor, and the rules a client follows."""

    gql: GraphQLClient
    token: str
    files: dict[str, LocalFile] = field(default_factory=dict)
    cursor: str | None = None

    def edit(self, name: str, content: bytes) -> None:
        known = self.files.get(name)
        if known is None:
            self.files[name] = LocalFile(None, 0, content, dirty=True)
        else:
            known.content, known.dirty = content, True

    async def _download(self, file_id: str) -> bytes:
        response = await self.gql.http.get(
            f"/files/{file_id}/content", headers={"Authorization": f"Bearer {self.token}"}
        )
        assert response.status_code == 200
        return response.content

    async def pull(self) -> None:
        while True:
            data = await self.gql.data(FEED, {"cursor": self.cursor}, token=self.token)
            page = data["changes"]
            for change in page["changes"]:
                by_id = {f.id: name for name, f in self.files.items()}
                old_name = by_id.get(change["id"])
                if change["kind"] == "DELETED":
                    if old_name and not self.files[old_name].dirty:
                        del self.files[old_name]
                    continue
                entry = change["entry"]
                if change["parentId"] is None or "rev" not in entry:
                    continue  # the root folder
                local = self.files.get(old_name or entry["name"])
                if local is not None and local.dirty:
                    continue  # the local edit is pushed (and checked) next
                if old_name and old_name != entry["name"]:
                    del self.files[old_name]
                content = await self._download(change["id"])
                self.files[entry["name"]] = LocalFile(change["id"], entry["rev"], content)
            self.cursor = page["cursor"]
            if not page["hasMore"]:
                return

    async def push(self) -> None:
        for name, local in list(self.files.items()):
            if not local.dirty:
                continue
            if local.id is None:
                result = await upload(self.gql, self.token, name, local.content)
            else:
                result = await upload(
                    self.gql, self.token, name, local.content, mode="UPDATE", parentRev=local.rev
                )
            if result["__typename"] == "ConflictError":
                result = await self._resolve(local)
            assert result["__typename"] == "File", result
            local.id, local.rev, local.dirty = result["id"], result["rev"], False
            local.content = await self._download(result["id"])

    async def _resolve(self, local: LocalFile) -> dict[str, Any]:
        """Merge text when the edits do not overlap; otherwise keep both."""
        assert local.id is not None
        for resolution in ("MERGE", "KEEP_BOTH"):
            variables = {"fileId": local.id, "baseRev": local.rev, "resolution": resolution}
            body = await multipart(
                self.gql, RESOLVE, variables, token=self.token, content=local.content
            )
            assert "errors" not in body, body
            result: dict[str, Any] = body["data"]["resolveConflict"]
            if result["__typename"] == "ResolvedConflict":
                return {"__typename": "File", **result["file"]}
        raise AssertionError("no resolution worked")

    async def sync(self) -> None:
        await self.pull()
        await self.push()
        await self.pull()

    def tree(self) -> dict[str, bytes]:
        return {name: f.content for name, f in self.files.items()}


async def _second_device(gql: GraphQLClient, account: Account) -> str:
    data = await gql.data(LOGIN, {"u": account.username, "p": account.password, "d": "laptop"})
    token: str = data["login"]["token"]
    return token


async def _server_tree(gql: GraphQLClient, account: Account) -> dict[str, bytes]:
    fresh = Device(gql, account.token)
    await fresh.pull()
    return fresh.tree()


async def test_two_devices_converge_and_lose_nothing(gql: GraphQLClient) -> None:
    account = await gql.signup()
    phone = Device(gql, account.token)
    laptop = Device(gql, await _second_device(gql, account))

    phone.edit("notes.txt", b"one\ntwo\nthree\nfour\n")
    phone.edit("todo.txt", b"milk\n")
    phone.edit("keep.txt", b"untouched\n")
    await phone.sync()
    await laptop.sync()
    assert laptop.tree() == phone.tree()

    # Offline on both: edits to different lines, to the same line, new files.
    phone.edit("notes.txt", b"ONE\ntwo\nthree\nfour\n")
    laptop.edit("notes.txt", b"one\ntwo\nthree\nFOUR\n")
    phone.edit("todo.txt", b"eggs\n")
    laptop.edit("todo.txt", b"bread\n")
    phone.edit("from-phone.txt", b"p\n")
    laptop.edit("from-laptop.txt", b"l\n")

    await phone.sync()
    await laptop.sync()
    await phone.sync()

    server = await _server_tree(gql, account)
    assert phone.tree() == laptop.tree() == server
    assert server["notes.txt"] == b"ONE\ntwo\nthree\nFOUR\n"  # merged
    assert server["keep.txt"] == b"untouched\n"
    assert server["from-phone.txt"] == b"p\n" and server["from-laptop.txt"] == b"l\n"
    # The overlapping edit survives as a conflicted copy beside the winner.
    todo = {name: content for name, content in server.items() if name.startswith("todo")}
    assert sorted(todo.values()) == [b"bread\n", b"eggs\n"]
    assert todo["todo.txt"] == b"eggs\n"
    copies = [name for name in todo if name != "todo.txt"]
    assert len(copies) == 1 and f"{account.username}'s conflicted copy" in copies[0]
