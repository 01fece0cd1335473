"""Keeping the client's writes inside the synced folder, whatever the server sends.

A malicious or compromised server (or anyone on a plain-http link) chooses every name the
client writes. So a server name is used only when it is one safe path component, and every
change on disk goes through `Jail`: it walks from the folder to the target's parent one
component at a time with O_NOFOLLOW (a symbolic link anywhere on the way, even one that
points back inside, is refused) and acts relative to that directory's descriptor, so
nothing is ever written through a symbolic link or outside the folder, even when the disk
changes between the check and the write.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from dropbox_lite.client.hashing import hash_fd
from dropbox_lite.client.tree import name_key

STATE_DIR = ".dropbox-lite"
IGNORE_FILE = ".dropbox-lite-ignore"
RESERVED = frozenset(name_key(n) for n in (STATE_DIR, IGNORE_FILE))

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


class Unsafe(OSError):
    """A path the client refuses to touch (outside the folder, or through a link)."""


def safe_name(name: str) -> bool:
    """One ordinary path component: not empty, `.` or `..`, no separator, NUL or control
    character, valid UTF-8."""
    if name in ("", ".", "..") or "/" in name or "\\" in name:
        return False
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return False
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def reserved(name: str) -> bool:
    """A name the client keeps for itself in the folder's root (any case)."""
    return name_key(name) in RESERVED


def check_path(path: str) -> list[str]:
    """The components of a relative path inside the folder, or Unsafe."""
    parts = path.split("/")
    if not path or not all(safe_name(p) for p in parts) or reserved(parts[0]):
        raise Unsafe(f"refused to touch {path!r}: not a plain path inside the folder")
    return parts


class Jail:
    """Reads and changes below `root`, relative to descriptors opened without following links."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @contextmanager
    def parent(self, path: str) -> Iterator[tuple[int, str]]:
        """(descriptor of the parent directory, last component) of `path`."""
        parts = check_path(path)
        fd = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
        try:
            for part in parts[:-1]:
                try:
                    inner = os.open(part, _DIR_FLAGS, dir_fd=fd)
                except OSError as exc:
                    if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                        raise Unsafe(f"refused {path!r}: {part!r} is not a plain folder") from exc
                    raise
                os.close(fd)
                fd = inner
            yield fd, parts[-1]
        finally:
            os.close(fd)

    def lstat(self, path: str) -> os.stat_result | None:
        """The entry itself (a link is not followed); None when absent or its parent is."""
        try:
            with self.parent(path) as (fd, leaf):
                return os.stat(leaf, dir_fd=fd, follow_symlinks=False)
        except (FileNotFoundError, Unsafe):
            return None

    def is_dir(self, path: str) -> bool:
        """`path` is a real folder reached without links ("" is the folder itself)."""
        if not path:
            return True
        info = self.lstat(path)
        return info is not None and stat.S_ISDIR(info.st_mode)

    def inode(self, path: str) -> int | None:
        info = self.lstat(path)
        return None if info is None else info.st_ino

    def rename(self, src: str, dst: str) -> None:
        """Rename inside the folder, never through a link."""
        with self.parent(src) as (src_fd, src_leaf), self.parent(dst) as (fd, leaf):
            os.rename(src_leaf, leaf, src_dir_fd=src_fd, dst_dir_fd=fd)

    def hash_at(self, path: str) -> str | None:
        """The content hash of a regular file at `path`; None if absent; "" if not a file
        (a link, a folder, or below a link)."""
        try:
            with self.parent(path) as (fd, leaf):
                info = os.stat(leaf, dir_fd=fd, follow_symlinks=False)
                if not stat.S_ISREG(info.st_mode):
                    return ""
                handle = os.open(leaf, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=fd)
        except FileNotFoundError:
            return None
        except Unsafe:
            return ""
        try:
            return hash_fd(handle)
        finally:
            os.close(handle)

    def open_source(self, path: str) -> BinaryIO | None:
        """The regular file at `path`, opened without following links; None if not one."""
        try:
            with self.parent(path) as (fd, leaf):
                handle = os.open(leaf, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=fd)
        except (FileNotFoundError, NotADirectoryError, Unsafe):
            return None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return None
            raise
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            os.close(handle)
            return None
        return os.fdopen(handle, "rb")

    @contextmanager
    def open_file(self, path: str) -> Iterator[int]:
        """A read-only descriptor of the regular file at `path` (never through a link)."""
        with self.parent(path) as (fd, leaf):
            handle = os.open(leaf, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=fd)
            try:
                if not stat.S_ISREG(os.fstat(handle).st_mode):
                    raise Unsafe(f"refused {path!r}: not a regular file")
                yield handle
            finally:
                os.close(handle)


def create_new(path: Path, mode: int = 0o666) -> int:
    """A descriptor of a new file (never an existing one, never through a link)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    return os.open(path, flags, mode)
