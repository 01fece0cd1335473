"""README's examples, pasted into one shell in order against a fresh server (issue 12 item 11).

The shell blocks of the sections below run as one bash script (`set -euo pipefail`) in an
empty directory against a real `dropbox-lite serve` on a free port; the GraphQL blocks are
validated against the live schema.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from graphql import parse, validate

from dropbox_lite.graphql import build_schema
from tests.core.live_server import live_server

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = (
    "Configuration",
    "HTTP routes",
    "Limits",
    "Accounts and sign-in",
    "Files and folders",
    "Downloading files",
    "Resumable, batched and delta uploads",
    "Sync protocol",
    "Sharing by link",
    "Shared folders",
    "WebDAV and the Nextcloud apps",
)
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def sections() -> dict[str, str]:
    text = (ROOT / "README.md").read_text()
    found: dict[str, str] = {}
    for chunk in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        title, _, body = chunk.partition("\n")
        found[title.strip()] = body
    return found


def blocks(language: str) -> list[str]:
    every = sections()
    missing = [s for s in SECTIONS if s not in every]
    assert not missing, f"README has no section {missing}"
    return [
        code
        for title in sections()  # README's order
        if title in SECTIONS
        for lang, code in BLOCK.findall(every[title])
        if lang == language
    ]


def test_graphql_examples_are_valid_against_the_schema() -> None:
    schema = build_schema()._schema
    examples = blocks("graphql")
    assert examples
    for example in examples:
        errors = validate(schema, parse(example))
        assert not errors, (example, errors)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("curl") is None, reason="needs curl")
def test_shell_examples_run_in_order_on_a_fresh_server(
    mongo_uri: str | None, tmp_path: Path
) -> None:
    script = "\n".join(blocks("sh"))
    assert "FOLDER_ID=" in script and "ResolvedConflict" in script
    with live_server(mongo_uri) as server:
        script = script.replace("127.0.0.1:8000", f"127.0.0.1:{server.port}")
        result = subprocess.run(
            ["bash", "-c", "set -euo pipefail\n" + script],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
    output = result.stdout
    assert result.returncode == 0, (output[-3000:], result.stderr[-3000:])
    assert '"errors"' not in output, output
    for expected in (
        '"__typename":"AuthPayload"',
        '{"data":{"logout":true}}',
        '"waitForChanges":{"changed":true',
        '"__typename":"ConflictError"',
        '"__typename":"ResolvedConflict"',
        "conflicted copy",
        '"__typename":"ShareLinkCreated"',
        '"access":"EDITOR"',
        '"name":"report (1).pdf"',
        '"role":"VIEWER","isOwner":false',
        '"__typename":"PermissionDeniedError"',
        '"path":"/Docs/draft.txt"',
        "hello over WebDAV",
        '"appPasswords":[{"name":"laptop"}]',
        "<d:href>/remote.php/dav/files/alice/Docs/</d:href>",
        '"shared":{"ownerUsername":"alice","yourRole":"EDITOR"}',
    ):
        assert expected in output, (expected, output[-3000:])
    uploaded = (tmp_path / "report.pdf").read_bytes()
    assert (tmp_path / "downloads" / "report.pdf").read_bytes() == uploaded
    assert (tmp_path / "downloads" / "head.bin").read_bytes() == uploaded[:1024]
    assert (tmp_path / "downloads" / "tail.bin").read_bytes() == uploaded[-100:]
    assert (tmp_path / "downloads" / "rest.bin").read_bytes() == uploaded[1048576:]
    assert (tmp_path / "signed.bin").read_bytes() == uploaded
    assert (tmp_path / "from-link" / "report.pdf").read_bytes() == uploaded
    assert (tmp_path / "from-link" / "first100.bin").read_bytes() == uploaded[:100]
