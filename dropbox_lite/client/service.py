"""`dropbox-lite sync DIR --install-service`: start the sync of DIR at login.

Linux: a systemd user unit in `$XDG_CONFIG_HOME/systemd/user/` (default `~/.config`),
enabled with `systemctl --user enable --now`; macOS: a launchd agent in
`~/Library/LaunchAgents/`, loaded with `launchctl load`; Windows: a scheduled task at logon
(`schtasks /Create /SC ONLOGON`). What is written (or run) is printed first.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape


def _command(folder: Path) -> list[str]:
    """The watcher of `folder`, with this very Python (the one the client is installed in)."""
    return [sys.executable, "-m", "dropbox_lite", "sync", str(folder)]


def _label(folder: Path) -> str:
    digest = hashlib.sha256(str(folder).encode()).hexdigest()[:8]
    return f"dropbox-lite-sync-{digest}"


def systemd_unit(folder: Path) -> str:
    command = " ".join(_systemd_quote(part) for part in _command(folder))
    return (
        "[Unit]\n"
        f"Description=dropbox-lite sync of {folder}\n"
        "After=network-online.target\n"
        "\n"
        "[Service]\n"
        f"ExecStart={command}\n"
        "Restart=on-failure\n"
        "RestartSec=30\n"
        "\n"
        "[Install]\n"
        "WantedBy=default.target\n"
    )


def _systemd_quote(part: str) -> str:
    escaped = part.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'"{escaped}"'


def launchd_agent(folder: Path) -> str:
    arguments = "".join(f"    <string>{escape(part)}</string>\n" for part in _command(folder))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN"'
        ' "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        '<plist version="1.0">\n<dict>\n'
        f"  <key>Label</key>\n  <string>org.dropbox-lite.{_label(folder)}</string>\n"
        f"  <key>ProgramArguments</key>\n  <array>\n{arguments}  </array>\n"
        "  <key>RunAtLoad</key>\n  <true/>\n"
        "  <key>KeepAlive</key>\n  <dict><key>SuccessfulExit</key><false/></dict>\n"
        "</dict>\n</plist>\n"
    )


def windows_task(folder: Path) -> list[str]:
    command = subprocess.list2cmdline(_command(folder))
    return ["schtasks", "/Create", "/F", "/SC", "ONLOGON", "/TN", _label(folder), "/TR", command]


def _run(command: list[str]) -> bool:
    print(f"running: {shlex.join(command)}", flush=True)
    if shutil.which(command[0]) is None:
        print(f"  {command[0]} is not here: run it yourself", flush=True)
        return False
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        reason = (result.stderr or result.stdout).strip().splitlines()
        print(f"  it failed ({reason[-1] if reason else result.returncode}): run it yourself")
        return False
    return True


def install(folder: Path, *, platform: str | None = None) -> int:
    """Write and start the service for `folder`; the exit status (0: started at login, 1:
    written but not started, the command to run printed)."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        command = windows_task(folder)
        print(f"the scheduled task that starts the sync of {folder} at logon:")
        print(f"  {subprocess.list2cmdline(command)}")
        return 0 if _run(command) else 1
    if platform == "darwin":
        target = (
            Path.home() / "Library" / "LaunchAgents" / f"org.dropbox-lite.{_label(folder)}.plist"
        )
        text = launchd_agent(folder)
        start = ["launchctl", "load", "-w", str(target)]
    else:
        config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
        target = config / "systemd" / "user" / f"{_label(folder)}.service"
        text = systemd_unit(folder)
        start = ["systemctl", "--user", "enable", "--now", target.name]
    print(f"writing {target}:")
    print(text, end="" if text.endswith("\n") else "\n", flush=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    loaded = platform == "darwin" or _run(["systemctl", "--user", "daemon-reload"])
    if loaded and _run(start):
        print(f"the sync of {folder} starts at login (and runs now)")
        return 0
    return 1  # written, not started: the command to run is printed above
