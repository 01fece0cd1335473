"""The server, through its public API only: GraphQL over HTTP and `/files/{id}/content`."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import httpx

from dropbox_lite.client.hashing import ContentHasher
from dropbox_lite.client.tree import Node

ENTRY = "__typename id name parentId ... on File { rev contentHash size }"
RESULT = f"__typename ... on Entry {{ {ENTRY} }} ... on Error {{ code message }}"
FILE_RESULT = (
    f"__typename ... on File {{ {ENTRY} }} ... on Error {{ code message }}"
    " ... on ConflictError { current { rev contentHash } }"
)

Progress = Callable[[int], None]


class RemoteError(Exception):
    """The server refused a request (`code` from `errors[]`)."""

    def __init__(self, message: str, code: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.reason = reason  # extensions.reason: the precise refusal behind a BAD_USER_INPUT


class Unreachable(Exception):
    """The server cannot be reached."""


class SessionGone(Exception):
    """The upload session expired or the server does not know it (start another)."""


class Busy(Exception):
    """The server has as many of this user's uploads running as it takes (try again)."""


def denied(result: dict[str, Any]) -> bool:
    """A write the server refused because this user may not make it (a VIEWER's, say)."""
    return (
        result.get("__typename") == "PermissionDeniedError"
        or result.get("code") == "PERMISSION_DENIED"
    )


def node_of(entry: dict[str, Any]) -> Node:
    """A remote tree node from a GraphQL `Entry`."""
    is_folder = entry["__typename"] == "Folder"
    return Node(
        entry["id"],
        entry.get("parentId"),
        entry["name"],
        is_folder,
        None if is_folder else entry["contentHash"],
        None if is_folder else entry["rev"],
        0 if is_folder else int(entry["size"]),
    )


class _Counting:
    """A file object that reports what httpx has read from it."""

    def __init__(self, handle: IO[bytes], progress: Progress | None) -> None:
        self.handle = handle
        self.progress = progress

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        if self.progress is not None and data:
            self.progress(len(data))
        return data


class Remote:
    """GraphQL calls of one signed-in device."""

    def __init__(self, http: httpx.AsyncClient, token: str | None = None) -> None:
        self.http = http
        self.token = token
        self.guarded_delete: bool | None = None  # the server takes deleteEntry(ifRev)
        self.guarded_folder_delete: bool | None = None  # ... and deleteEntry(unchangedSince)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    async def _post(self, **kwargs: Any) -> dict[str, Any]:
        try:
            response = await self.http.post("/graphql", headers=self.headers, **kwargs)
        except httpx.TransportError as exc:
            raise Unreachable(f"cannot reach the server at {self.http.base_url} ({exc})") from exc
        if response.status_code >= 500:
            raise Unreachable(f"the server answered {response.status_code}")
        try:
            body: dict[str, Any] = response.json()
        except ValueError as exc:
            raise Unreachable(f"the server answered {response.status_code}, not JSON") from exc
        errors = body.get("errors")
        if errors:
            first = errors[0]
            code = str(first.get("extensions", {}).get("code", "ERROR"))
            if code == "SERVICE_UNAVAILABLE":
                raise Unreachable(first.get("message", "the server is unavailable"))
            reason = first.get("extensions", {}).get("reason")
            raise RemoteError(
                str(first.get("message", code)), code, None if reason is None else str(reason)
            )
        data: dict[str, Any] = body["data"]
        return data

    async def query(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        return await self._post(json={"query": query, "variables": variables or {}})

    async def login(self, username: str, password: str, device: str) -> tuple[str, str]:
        """(token, user id), or RemoteError with the server's reason."""
        data = await self.query(
            """mutation($u: String!, $p: String!, $d: String) {
              login(username: $u, password: $p, deviceName: $d) {
                __typename ... on AuthPayload { token user { id } }
                ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } } }""",
            {"u": username, "p": password, "d": device},
        )
        result = data["login"]
        if result["__typename"] != "AuthPayload":
            raise RemoteError(result["message"], result["code"])
        return str(result["token"]), str(result["user"]["id"])

    async def me(self) -> str:
        data = await self.query("{ me { id } }")
        if data["me"] is None:
            raise RemoteError("signed out", "UNAUTHENTICATED")
        return str(data["me"]["id"])

    async def changes(self, cursor: str | None, first: int = 1000) -> dict[str, Any]:
        data = await self.query(
            f"""query($c: String, $f: Int) {{ changes(cursor: $c, first: $f) {{
              cursor hasMore changes {{ kind id parentId entry {{ {ENTRY} }} }} }} }}""",
            {"c": cursor, "f": first},
        )
        page: dict[str, Any] = data["changes"]
        return page

    async def wait_for_changes(self, cursor: str, timeout: int) -> tuple[bool, int]:
        data = await self.query(
            "query($c: String!, $t: Int) { waitForChanges(cursor: $c, timeoutSeconds: $t)"
            " { changed backoffSeconds } }",
            {"c": cursor, "t": timeout},
        )
        result = data["waitForChanges"]
        return bool(result["changed"]), int(result["backoffSeconds"])

    async def entry(self, entry_id: str) -> Node | None:
        data = await self.query(f"query($i: ID) {{ entry(id: $i) {{ {ENTRY} }} }}", {"i": entry_id})
        return None if data["entry"] is None else node_of(data["entry"])

    async def create_folder(self, parent_id: str, name: str) -> dict[str, Any]:
        data = await self.query(
            "mutation($p: ID, $n: String!) { createFolder(parentId: $p, name: $n)"
            f" {{ {RESULT} }} }}",
            {"p": parent_id, "n": name},
        )
        result: dict[str, Any] = data["createFolder"]
        return result

    async def rename(self, entry_id: str, name: str) -> dict[str, Any]:
        data = await self.query(
            f"mutation($i: ID!, $n: String!) {{ renameEntry(id: $i, name: $n) {{ {RESULT} }} }}",
            {"i": entry_id, "n": name},
        )
        result: dict[str, Any] = data["renameEntry"]
        return result

    async def move(self, entry_id: str, parent_id: str, name: str) -> dict[str, Any]:
        data = await self.query(
            "mutation($i: ID!, $p: ID!, $n: String) { moveEntry(id: $i, parentId: $p, name: $n)"
            f" {{ {RESULT} }} }}",
            {"i": entry_id, "p": parent_id, "n": name},
        )
        result: dict[str, Any] = data["moveEntry"]
        return result

    async def delete(self, entry_id: str, *, if_rev: int | None = None) -> dict[str, Any] | None:
        """Move to the trash; with `if_rev`, only while the file is at that revision (a
        `ConflictError` when it moved on), or None from a server without that guard."""
        if if_rev is None:
            data = await self.query(
                f"mutation($i: ID!) {{ deleteEntry(id: $i) {{ {RESULT} }} }}", {"i": entry_id}
            )
        else:
            if self.guarded_delete is False:
                return None
            try:
                data = await self.query(
                    "mutation($i: ID!, $r: Int) { deleteEntry(id: $i, ifRev: $r)"
                    f" {{ {RESULT} }} }}",
                    {"i": entry_id, "r": if_rev},
                )
            except RemoteError as exc:
                if "ifRev" not in str(exc):
                    raise
                self.guarded_delete = False
                return None
            self.guarded_delete = True
        result: dict[str, Any] = data["deleteEntry"]
        return result

    async def delete_folder(self, entry_id: str, *, since: str) -> dict[str, Any] | None:
        """Move a folder to the trash only when nothing below it changed after the cursor
        `since` (a `ConflictError`, or CONFLICT, when something did); None from a server
        without that guard."""
        if self.guarded_folder_delete is False:
            return None
        try:
            data = await self.query(
                "mutation($i: ID!, $s: String) { deleteEntry(id: $i, unchangedSince: $s)"
                f" {{ {RESULT} }} }}",
                {"i": entry_id, "s": since},
            )
        except RemoteError as exc:
            if exc.reason == "CONFLICT":
                return {"__typename": "ConflictError", "code": "CONFLICT"}
            if "unchangedSince" not in str(exc):
                raise
            self.guarded_folder_delete = False
            return None
        self.guarded_folder_delete = True
        result: dict[str, Any] = data["deleteEntry"]
        return result

    async def _multipart(
        self,
        query: str,
        variables: dict[str, Any],
        source: Path | IO[bytes],
        progress: Progress | None,
    ) -> dict[str, Any]:
        operations = json.dumps({"query": query, "variables": {**variables, "file": None}})
        with contextlib.ExitStack() as stack:
            handle = stack.enter_context(source.open("rb")) if isinstance(source, Path) else source
            files = {"0": ("file", _Counting(handle, progress), "application/octet-stream")}
            return await self._post(
                data={"operations": operations, "map": json.dumps({"0": ["variables.file"]})},
                files=files,
            )

    async def upload(
        self,
        source: Path | IO[bytes],
        *,
        parent_id: str,
        name: str,
        content_hash: str,
        parent_rev: int | None,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """ADD when `parent_rev` is None, else UPDATE from that revision."""
        data = await self._multipart(
            "mutation($file: Upload!, $p: ID, $n: String, $m: WriteMode, $r: Int, $h: String) {"
            " uploadFile(file: $file, parentId: $p, name: $n, mode: $m, parentRev: $r,"
            f" contentHash: $h) {{ {FILE_RESULT} }} }}",
            {
                "p": parent_id,
                "n": name,
                "m": "ADD" if parent_rev is None else "UPDATE",
                "r": parent_rev,
                "h": content_hash,
            },
            source,
            progress,
        )
        result: dict[str, Any] = data["uploadFile"]
        return result

    async def resolve_conflict(
        self,
        source: Path | IO[bytes],
        *,
        file_id: str,
        base_rev: int,
        current_rev: int,
        resolution: str,
    ) -> dict[str, Any]:
        data = await self._multipart(
            "mutation($file: Upload, $i: ID!, $b: Int!, $c: Int, $r: ConflictResolution!) {"
            " resolveConflict(fileId: $i, baseRev: $b, currentRev: $c, resolution: $r,"
            " file: $file) { __typename ... on ResolvedConflict {"
            f" file {{ {ENTRY} }} conflictedCopy {{ {ENTRY} }} }}"
            " ... on Error { code message } } }",
            {"i": file_id, "b": base_rev, "c": current_rev, "r": resolution},
            source,
            None,
        )
        result: dict[str, Any] = data["resolveConflict"]
        return result

    async def download(
        self, entry_id: str, rev: int, out: IO[bytes], progress: Progress | None = None
    ) -> str:
        """Stream revision `rev` into `out`; its content hash."""
        hasher = ContentHasher()
        try:
            async with self.http.stream(
                "GET", f"/files/{entry_id}/content", params={"rev": rev}, headers=self.headers
            ) as response:
                if response.status_code == 404:
                    raise RemoteError("the file is gone", "NOT_FOUND")
                if response.status_code == 401:
                    raise RemoteError("signed out", "UNAUTHENTICATED")
                if response.status_code != 200:
                    raise Unreachable(f"download answered {response.status_code}")
                async for chunk in response.aiter_bytes(1024 * 1024):
                    out.write(chunk)
                    hasher.update(chunk)
                    if progress is not None:
                        progress(len(chunk))
        except httpx.TransportError as exc:
            raise Unreachable(f"the download broke off ({exc})") from exc
        return hasher.hexdigest()

    # -- the content plane: blocks, upload sessions, batched commits ---------------------

    async def missing_blocks(self, digests: list[str]) -> list[str]:
        """Which of these block digests (at most 1,000) the server still needs from us."""
        data = await self.query(
            "query($b: [String!]!) { missingBlocks(blocks: $b) }", {"b": digests}
        )
        return [str(d) for d in data["missingBlocks"]]

    async def start_session(self, length: int | None) -> dict[str, Any]:
        """An `UploadSession` (id, expiresAt), or the error refusing it (quota, size)."""
        data = await self.query(
            "mutation($l: Long) { startUploadSession(length: $l) { __typename"
            " ... on UploadSession { id expiresAt } ... on Error { code message } } }",
            {"l": length},
        )
        result: dict[str, Any] = data["startUploadSession"]
        return result

    async def cancel_session(self, session_id: str) -> bool:
        data = await self.query(
            "mutation($i: ID!) { cancelUploadSession(id: $i) }", {"i": session_id}
        )
        return bool(data["cancelUploadSession"])

    async def put_blocks(
        self, session_id: str, first: int, blocks: list[bytes], digests: list[str]
    ) -> None:
        """Stage blocks `first`, `first + 1`, ... in the session (each checked by the server
        against its digest): one `PUT` for one block, one `POST` for several."""
        headers = {**self.headers, "X-Block-Sha256": ",".join(digests)}
        url = f"/upload-sessions/{session_id}/blocks"
        try:
            if len(blocks) == 1:
                response = await self.http.put(f"{url}/{first}", content=blocks[0], headers=headers)
            else:
                headers["X-Block-Sizes"] = ",".join(str(len(b)) for b in blocks)
                response = await self.http.post(
                    url, params={"first": first}, content=b"".join(blocks), headers=headers
                )
        except httpx.TransportError as exc:
            raise Unreachable(f"the upload broke off ({exc})") from exc
        if response.status_code == 200:
            return
        if response.status_code >= 500:
            raise Unreachable(f"the server answered {response.status_code}")
        try:
            error = response.json()["errors"][0]
            code = str(error["extensions"]["code"])
            message = str(error["message"])
        except (ValueError, KeyError, IndexError, TypeError):
            code, message = "ERROR", f"the server answered {response.status_code}"
        if response.status_code == 404:
            raise SessionGone(message)
        if response.status_code == 429:
            raise Busy(message)
        raise RemoteError(message, code)

    async def finish_batch(self, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Commit files from their block lists (at most 1,000); each result on its own, in
        the order given (a `File`, or the error refusing that file)."""
        data = await self.query(
            "mutation($e: [UploadBatchEntry!]!) { finishUploadBatch(entries: $e) {"
            f" {FILE_RESULT} ... on BlocksMissingError {{ missing }} }} }}",
            {"e": entries},
        )
        results: list[dict[str, Any]] = data["finishUploadBatch"]
        return results
