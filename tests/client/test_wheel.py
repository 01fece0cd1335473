"""Installing the sync client without the repository (issue 23, item 1): the server hands
out a wheel of itself, and pip installs it from the server's URL."""

from __future__ import annotations

import base64
import hashlib
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import httpx
import pytest

import dropbox_lite
from dropbox_lite.client.wheel import WHEEL_NAME
from tests.core.live_server import live_server


async def test_the_server_says_how_to_install_the_client(http: httpx.AsyncClient) -> None:
    page = await http.get("/client/")
    assert page.status_code == 200
    assert f"pipx install http://testserver/client/{WHEEL_NAME}" in page.text
    assert "--install-service" in page.text


async def test_the_wheel_is_the_package_with_its_command_and_a_true_record(
    http: httpx.AsyncClient,
) -> None:
    response = await http.get(f"/client/{WHEEL_NAME}")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    info = f"dropbox_lite-{dropbox_lite.__version__}.dist-info"
    names = set(archive.namelist())
    assert {"dropbox_lite/client/cli.py", "dropbox_lite/__main__.py", f"{info}/RECORD"} <= names
    assert not any("__pycache__" in n for n in names)
    metadata = archive.read(f"{info}/METADATA").decode()
    assert f"Version: {dropbox_lite.__version__}" in metadata
    assert "Requires-Dist: httpx" in metadata
    assert (
        "dropbox-lite = dropbox_lite.core.cli:main"
        in archive.read(f"{info}/entry_points.txt").decode()
    )
    for line in archive.read(f"{info}/RECORD").decode().splitlines():
        name, digest, size = line.rsplit(",", 2)
        if name.endswith("RECORD"):
            continue
        data = archive.read(name)
        expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
        assert (digest, int(size)) == (f"sha256={expected.decode()}", len(data)), name
    again = await http.get(f"/client/{WHEEL_NAME}")
    assert again.content == response.content


@pytest.mark.slow
def test_pip_installs_the_client_from_the_servers_url(
    tmp_path: Path, mongo_uri: str | None
) -> None:
    target = tmp_path / "installed"
    with live_server(mongo_uri, log_level="warning") as running:
        result = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index"]
            + ["--target", str(target), f"{running.url}/client/{WHEEL_NAME}"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
    assert (target / "bin" / "dropbox-lite").exists()
    # The installed copy (not the checkout) runs `dropbox-lite sync --help`.
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, dropbox_lite; sys.argv = ['dropbox-lite', 'sync', '--help'];"
            " print(dropbox_lite.__file__);"
            " from dropbox_lite.core.cli import main; main()",
        ],
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.stdout.splitlines()[0] == str(target / "dropbox_lite" / "__init__.py"), run
    assert "--install-service" in run.stdout and "--exclude" in run.stdout
