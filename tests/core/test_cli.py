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
    env = {
        "DROPBOX_LITE_MONGODB_URI": f"mongodb://127.0.0.1:{port}/x",
        "DROPBOX_LITE_DB_TIMEOUT_MS": "300",  # the default is 5 s
    }
    code, stderr = run_cli("serve", env=env)
    elapsed = time.monotonic() - started
    assert code == 1
    assert f"cannot reach MongoDB at mongodb://127.0.0.1:{port}/x within 0.3 s" in stderr
    assert "Traceback" not in stderr
    assert elapsed < 15


def test_export_schema_writes_the_committed_file(tmp_path: Path) -> None:
    out = tmp_path / "schema.graphql"
    code, stderr = run_cli("export-schema", "--output", str(out))
    assert code == 0, stderr
    assert out.read_text() == (ROOT / "schema" / "schema.graphql").read_text()


@pytest.mark.slow
def test_serve_answers_graphql_over_real_http(mongo_uri: str | None, tmp_path: Path) -> None:
    from tests.core.live_server import live_server

    log = tmp_path / "serve.log"
    with live_server(mongo_uri, output=log) as server:
        base = server.url
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
    if not mongo_uri:
        assert "NOTHING PERSISTS" in log.read_text()


def run_out(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DROPBOX_LITE_")}
    return subprocess.run(
        [sys.executable, "-m", "dropbox_lite", *args],
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
    )


def test_help_points_to_the_environment_variables() -> None:
    result = run_out("--help")
    assert result.returncode == 0
    assert "`dropbox-lite config --help` lists them" in " ".join(result.stdout.split())


def test_config_help_lists_every_variable_the_configuration_reads() -> None:
    import re

    source = (ROOT / "dropbox_lite" / "core" / "config.py").read_text()
    read = set(re.findall(r'reader\.\w+\(\s*"([A-Z_]+)"', source))
    assert {"SECRET_KEY", "MONGODB_URI", "LOG_FORMAT", "UPKEEP_INTERVAL_SECONDS"} <= read
    result = run_out("config", "--help")
    assert result.returncode == 0
    listed = set(re.findall(r"^  ([A-Z_, ]+?)  ", result.stdout, re.MULTILINE))
    names = {name.strip() for group in listed for name in group.split(",")}
    assert read <= names, f"not in `config --help`: {sorted(read - names)}"
    assert {"SECRET_KEY_FILE", "DB_PASSWORD_FILE"} <= names


def test_secrets_come_from_files(tmp_path: Path) -> None:
    key = tmp_path / "secret_key"
    key.write_text("k" * 40 + "\n")
    password = tmp_path / "db_password"
    password.write_text("p@ss:word\n")
    result = run_out(
        "config",
        env={
            "DROPBOX_LITE_SECRET_KEY_FILE": str(key),
            "DROPBOX_LITE_DB_HOST": "mongo",
            "DROPBOX_LITE_DB_USER": "app",
            "DROPBOX_LITE_DB_PASSWORD_FILE": str(password),
        },
    )
    assert result.returncode == 0, result.stderr
    assert "secret_keys = (set)" in result.stdout
    assert "secret_key_generated = False" in result.stdout
    assert "db_password = (set)" in result.stdout
    assert "kkkk" not in result.stdout and "p@ss" not in result.stdout

    from dropbox_lite.core.config import get_db_uri, load_config

    settings = load_config(
        {
            "DROPBOX_LITE_SECRET_KEY_FILE": str(key),
            "DROPBOX_LITE_DB_HOST": "mongo",
            "DROPBOX_LITE_DB_USER": "app",
            "DROPBOX_LITE_DB_PASSWORD_FILE": str(password),
        }
    )
    assert settings.secret_keys == ("k" * 40,)
    assert get_db_uri(settings) == "mongodb://app:p%40ss%3Aword@mongo:27017/dropbox_lite"


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({"DROPBOX_LITE_SECRET_KEY_FILE": "/nonexistent/key"}, "cannot read /nonexistent/key"),
        ({"DROPBOX_LITE_DB_PASSWORD_FILE": "EMPTY"}, "is empty"),
        (
            {"DROPBOX_LITE_SECRET_KEY_FILE": "EMPTY", "DROPBOX_LITE_SECRET_KEY": "x" * 20},
            "not both",
        ),
        ({"DROPBOX_LITE_LOG_FORMAT": "xml"}, "DROPBOX_LITE_LOG_FORMAT: must be one of text, json"),
    ],
)
def test_bad_secret_files_and_log_formats_stop_with_one_line(
    tmp_path: Path, env: dict[str, str], problem: str
) -> None:
    empty = tmp_path / "empty"
    empty.write_text("\n")
    env = {k: str(empty) if v == "EMPTY" else v for k, v in env.items()}
    result = run_out("config", env=env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and problem in lines[0], result.stderr


# -- what the image and scripts/serve install (checked as files: no Docker engine here) --


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[name.lower().replace("_", "-")] = version.strip()
    return pins


def test_constraints_pin_every_runtime_dependency_within_its_range() -> None:
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = _pins()
    for spec in project["dependencies"]:
        requirement = Requirement(spec)
        name = requirement.name.lower().replace("_", "-")
        assert name in pins, f"{name} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pins[name]), (spec, pins[name])
    assert not {"pytest", "mypy", "ruff", "gql"} & set(pins)  # serving needs no dev tools


def test_the_image_installs_the_pins_and_checks_the_configured_port() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install --requirement constraints.txt" in dockerfile
    assert "pip install --no-deps ." in dockerfile and "pip check" in dockerfile
    healthcheck = dockerfile[dockerfile.index("HEALTHCHECK") :].split("\nCMD")[0]
    assert "DROPBOX_LITE_PORT" in healthcheck and "/readyz" in healthcheck
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    assert ignored[ignored.index("*") :][:1] == ["*"]  # everything out, then only what is needed
    allowed = {line[1:] for line in ignored if line.startswith("!")}
    assert allowed == {"dropbox_lite/", "pyproject.toml", "README.md", "constraints.txt"}


def test_compose_publishes_on_loopback_and_reads_secrets_from_files() -> None:
    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    app, mongo = compose["services"]["app"], compose["services"]["mongo"]
    assert app["ports"] == ["127.0.0.1:${DROPBOX_LITE_PORT:-8000}:${DROPBOX_LITE_PORT:-8000}"]
    env = app["environment"]
    assert env["DROPBOX_LITE_SECRET_KEY_FILE"] == "/run/secrets/secret_key"
    assert env["DROPBOX_LITE_DB_PASSWORD_FILE"] == "/run/secrets/db_password"
    assert "DROPBOX_LITE_SECRET_KEY" not in env and "DROPBOX_LITE_DB_PASSWORD" not in env
    assert env["DROPBOX_LITE_TRUSTED_PROXIES"].endswith(
        compose["networks"]["default"]["ipam"]["config"][0]["gateway"] + "}"
    )
    assert set(app["secrets"]) == {"secret_key", "db_password"}
    assert "--replSet rs0" in mongo["entrypoint"][-1]
    assert "rs.initiate" in mongo["healthcheck"]["test"][-1]
    assert app["depends_on"]["mongo"]["condition"] == "service_healthy"
    assert all(s["file"].startswith("./secrets/") for s in compose["secrets"].values())


@pytest.mark.parametrize(
    ("flags", "access_log"), [((), False), (("--access-log",), True), (("--no-access-log",), False)]
)
def test_uvicorns_access_line_is_off_unless_asked_for(
    monkeypatch: pytest.MonkeyPatch, flags: tuple[str, ...], access_log: bool
) -> None:
    # dropbox-lite logs its own line per request; uvicorn's holds query strings (signatures).
    from dropbox_lite.core import cli, server

    seen: dict[str, object] = {}
    monkeypatch.setattr(server, "run_app", lambda **kwargs: seen.update(kwargs))
    assert cli.main(["serve", *flags]) == 0
    assert seen["access_log"] is access_log


@pytest.mark.slow
def test_the_image_health_check_asks_the_configured_port(mongo_uri: str | None) -> None:
    import json
    import re

    from tests.core.live_server import live_server

    dockerfile = (ROOT / "Dockerfile").read_text()
    command = json.loads(re.search(r"HEALTHCHECK .*?CMD (\[.*?\])\n", dockerfile, re.DOTALL)[1])
    assert command[0] == "python"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DROPBOX_LITE_")}

    def check(port: int) -> int:
        env = {**clean, "DROPBOX_LITE_PORT": str(port)}
        return subprocess.run([sys.executable, *command[1:]], env=env, timeout=30).returncode

    with live_server(mongo_uri) as server:
        assert check(server.port) == 0
        assert check(free_port()) != 0  # nothing listens there
