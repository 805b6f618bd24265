"""Crash-safe file writes: a reader sees the old file or the new one, never half of one.

Where the kernel allows it (Linux, ``O_TMPFILE``) the bytes go to a file with
no name until they are complete and synced: a ``kill -9`` mid-write leaves
nothing behind, not even a temporary file.  Elsewhere a named temporary file
beside the target is used and removed on any Python-level failure.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import secrets
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

_AT_FDCWD, _AT_EMPTY_PATH = -100, 0x1000


def _find_linkat():  # noqa: ANN202 - a ctypes function or None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        fn = libc.linkat
    except (OSError, AttributeError):
        return None
    fn.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int)
    return fn


_linkat = _find_linkat()
_NO_TMPFILE = {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT, errno.EACCES, errno.EPERM}


def write_bytes_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` whole or not at all (replacing an existing file)."""
    with atomic_output(Path(path), mode=mode) as fh:
        _write_all(fh.fileno(), data)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_text_atomic(path: Path, text: str, *, mode: int | None = None) -> None:
    write_bytes_atomic(path, text.encode("utf-8"), mode=mode)


@contextmanager
def atomic_output(target: Path, *, mode: int | None = None, replace: bool = True) -> Iterator[BinaryIO]:
    """A file object whose content appears at ``target`` only when the block ends without an error.

    ``replace=False`` never overwrites: an existing ``target`` raises ``FileExistsError`` at the end.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    fd, named = _open_temp(folder, target.name)
    fh = os.fdopen(fd, "w+b")
    try:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
        if mode is not None:
            os.fchmod(fh.fileno(), mode)
        _publish(fh.fileno(), named, target, folder, replace)
    except BaseException:
        fh.close()
        if named is not None:
            named.unlink(missing_ok=True)
        raise
    fh.close()
    fsync_dir(folder)


def _open_temp(folder: Path, name: str) -> tuple[int, Path | None]:
    """(descriptor, None) for a nameless file, or (descriptor, path) for a named temporary one."""
    flag = getattr(os, "O_TMPFILE", 0)
    if flag and Path("/proc/self/fd").is_dir():
        try:
            return os.open(folder, flag | os.O_RDWR | getattr(os, "O_CLOEXEC", 0), 0o600), None
        except OSError as exc:
            if exc.errno not in _NO_TMPFILE:
                raise
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    return fd, Path(tmp)


def _link_fd(fd: int, dst: Path) -> bool:
    """Give the nameless file ``fd`` the name ``dst``: linkat(AT_EMPTY_PATH), else via /proc; False if neither works."""
    if _linkat is not None:
        if _linkat(fd, b"", _AT_FDCWD, os.fsencode(dst), _AT_EMPTY_PATH) == 0:
            return True
        err = ctypes.get_errno()
        if err == errno.EEXIST:
            raise FileExistsError(err, os.strerror(err), str(dst))
    try:
        os.link(f"/proc/self/fd/{fd}", dst, follow_symlinks=True)
        return True
    except FileExistsError:
        raise
    except OSError:
        return False


def _copy_to_named(fd: int, folder: Path, name: str) -> Path:
    """Last resort when the kernel cannot name an O_TMPFILE: copy it into a named temporary file."""
    out_fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        while block := os.read(fd, 1 << 20):
            os.write(out_fd, block)
        os.fchmod(out_fd, os.fstat(fd).st_mode & 0o7777)
        os.fsync(out_fd)
    finally:
        os.close(out_fd)
    return Path(tmp)


def _publish(fd: int, named: Path | None, target: Path, folder: Path, replace: bool) -> None:
    if named is None:
        if not replace:
            if _link_fd(fd, target):  # fails if target exists: never overwrites
                return
            named = _copy_to_named(fd, folder, target.name)
        else:
            named = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
            if not _link_fd(fd, named):  # complete and synced from here on
                named = _copy_to_named(fd, folder, target.name)
    if named is not None and replace:
        try:
            os.replace(named, target)
        except BaseException:
            named.unlink(missing_ok=True)
            raise
        return
    try:
        os.link(named, target)  # never overwrites
    finally:
        named.unlink(missing_ok=True)


def fsync_dir(directory: Path) -> None:
    """Make a rename durable (POSIX needs the directory entry flushed too)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
