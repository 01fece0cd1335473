"""The command line, run as a user runs it: a real process, its exit status and stderr."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.mongo_server import free_port

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DROPBOX_LITE_")}
    result = subprocess.run(
        [sys.executable, "-m", "dropbox_lite", *args],
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )
    return result.returncode, result.stderr


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"DROPBOX_LITE_PORT": "abc"}, "DROPBOX_LITE_PORT"),
        ({"DROPBOX_LITE_MONGODB_URI": "mongodb://a:b:c@@host"}, "DROPBOX_LITE_MONGODB_URI"),
        ({"DROPBOX_LITE_ENV": "production"}, "DROPBOX_LITE_SECRET_KEY"),
        (
            {"DROPBOX_LITE_ENV": "production", "DROPBOX_LITE_SECRET_KEY": "k" * 32},
            "DROPBOX_LITE_MONGODB_URI",
        ),
        ({"DROPBOX_LITE_WORKERS": "2"}, "DROPBOX_LITE_WORKERS"),
    ],
)
def test_bad_configuration_exits_2_with_one_line(env: dict[str, str], variable: str) -> None:
    code, stderr = run_cli("serve", env=env)
    assert code == 2
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert variable in lines[0]
    assert "Traceback" not in stderr


def test_unreachable_database_fails_fast_with_a_clear_message() -> None:
    port = free_port()  # nothing listens there
    started = time.monotonic()
    code, stderr = run_cli(
        "serve", env={"DROPBOX_LITE_MONGODB_URI": f"mongodb://127.0.0.1:{port}/x"}
    )
    elapsed = time.monotonic() - started
    assert code == 1
    assert f"cannot reach MongoDB at mongodb://127.0.0.1:{port}/x" in stderr
    assert "Traceback" not in stderr
    assert elapsed < 15


def test_export_schema_writes_the_committed_file(tmp_path: Path) -> None:
    out = tmp_path / "schema.graphql"
    code, stderr = run_cli("export-schema", "--output", str(out))
    assert code == 0, stderr
    assert out.read_text() == (ROOT / "schema" / "schema.graphql").read_text()


@pytest.mark.slow
def test_serve_answers_graphql_over_real_http(mongo_uri: str | None) -> None:
    port = free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DROPBOX_LITE_")}
    env = {**clean, "DROPBOX_LITE_PORT": str(port), "DROPBOX_LITE_BCRYPT_ROUNDS": "4"}
    if mongo_uri:
        env["DROPBOX_LITE_MONGODB_URI"] = mongo_uri.rstrip("/") + f"/e2e_{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "dropbox_lite", "serve"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not become ready"
            assert process.poll() is None, "server exited"
            time.sleep(0.1)
        response = httpx.post(
            f"{base}/graphql", json={"query": "{ serverInfo { version storageBackend } }"}
        )
        assert response.status_code == 200
        expected = "mongodb" if mongo_uri else "memory"
        assert response.json()["data"]["serverInfo"]["storageBackend"] == expected
        signup = httpx.post(
            f"{base}/graphql",
            json={
                "query": 'mutation { signup(username: "e2e", password: "long enough pw") '
                "{ ... on AuthPayload { token } } }"
            },
        ).json()
        token = signup["data"]["signup"]["token"]
        me = httpx.post(
            f"{base}/graphql",
            json={"query": "{ me { username } }"},
            headers={"Authorization": f"Bearer {token}"},
        ).json()
        assert me["data"]["me"]["username"] == "e2e"
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=15)
    if not mongo_uri:
        assert "NOTHING PERSISTS" in output
