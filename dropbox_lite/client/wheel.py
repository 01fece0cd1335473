"""The sync client, handed out by the server itself: `GET /client/` says how to install it
(`pipx install http://SERVER/client/dropbox_lite-VERSION-py3-none-any.whl`, no clone
needed), and that URL is a wheel of the running server's own package, built from its
installed files on first request (the `dropbox-lite` command with its `sync`)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
import zipfile
from importlib import metadata
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

import dropbox_lite
from dropbox_lite.core.state import state_of

DISTRIBUTION = "dropbox-lite"
WHEEL_NAME = f"dropbox_lite-{dropbox_lite.__version__}-py3-none-any.whl"
_PACKAGE = Path(dropbox_lite.__file__).parent
_DATE = (2026, 1, 1, 0, 0, 0)  # fixed times: the same files make the same wheel


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def _requirements() -> list[str]:
    try:
        return list(metadata.requires(DISTRIBUTION) or [])
    except metadata.PackageNotFoundError:
        return []


def build() -> bytes:
    """The wheel: every file of the installed package, its metadata and its command."""
    version = dropbox_lite.__version__
    info = f"dropbox_lite-{version}.dist-info"
    files: list[tuple[str, bytes]] = []
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files.append(
                (f"dropbox_lite/{path.relative_to(_PACKAGE).as_posix()}", path.read_bytes())
            )
    meta = [
        "Metadata-Version: 2.1",
        f"Name: {DISTRIBUTION}",
        f"Version: {version}",
        "Summary: A self-hosted file-hosting and sync service with a GraphQL API",
        "Requires-Python: >=3.11",
        *(f"Requires-Dist: {requirement}" for requirement in _requirements()),
    ]
    files += [
        (f"{info}/METADATA", ("\n".join(meta) + "\n").encode()),
        (
            f"{info}/WHEEL",
            b"Wheel-Version: 1.0\nGenerator: dropbox-lite\nRoot-Is-Purelib: true\n"
            b"Tag: py3-none-any\n",
        ),
        (
            f"{info}/entry_points.txt",
            b"[console_scripts]\ndropbox-lite = dropbox_lite.core.cli:main\n",
        ),
    ]
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in files)
    record += f"{info}/RECORD,,\n"
    files.append((f"{info}/RECORD", record.encode()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            entry = zipfile.ZipInfo(name, _DATE)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    return out.getvalue()


class BuiltWheel:
    """One app's wheel, built on first request and kept (its files do not change)."""

    def __init__(self) -> None:
        self._built: bytes | None = None

    async def get(self) -> bytes:
        if self._built is None:
            self._built = await asyncio.to_thread(build)
        return self._built


async def _wheel(request: Request) -> Response:
    return Response(
        await state_of(request).wheel.get(),
        media_type="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="{WHEEL_NAME}"'},
    )


async def _instructions(request: Request) -> Response:
    base = str(request.base_url).rstrip("/")
    url = f"{base}/client/{WHEEL_NAME}"
    return PlainTextResponse(
        "Install the dropbox-lite sync client (Python 3.11 or newer), without the repository:\n"
        f"\n  pipx install {url}\n"
        "\nor, without pipx, in a virtualenv of its own:\n"
        "\n  python3 -m venv ~/.dropbox-lite-client"
        f" && ~/.dropbox-lite-client/bin/pip install {url}\n"
        f"\nThen:\n\n  dropbox-lite sync ~/Dropbox-lite --server {base} --username NAME\n"
        "  dropbox-lite sync ~/Dropbox-lite --install-service   # start it at login\n"
    )


ROUTES: list[BaseRoute] = [
    Route("/client/", _instructions, methods=["GET"]),
    Route(f"/client/{WHEEL_NAME}", _wheel, methods=["GET"]),
]
