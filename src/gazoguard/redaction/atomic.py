"""Atomic writes: a temporary file in the target's folder, fsync, then ``os.replace``.

A crash, a kill or a full disk mid-way leaves either the old target or none,
never a half-written file; the temporary file is removed on any failure.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from gazoguard.redaction.errors import RedactionError


def check_writable(target: Path) -> None:
    """Fail early (before any work) when ``target``'s folder is missing or not writable."""
    folder = target.parent
    if not folder.is_dir():
        raise RedactionError("output_dir_missing", path=str(folder))
    if target.is_dir():
        raise RedactionError("output_unwritable", path=str(target))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise RedactionError("output_unwritable", path=str(folder))


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that it appears whole or not at all."""
    folder = target.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise RedactionError("output_dir_missing", path=str(folder)) from None
    except OSError as exc:
        raise _as_error(exc, target) from None
    tmp = Path(tmp_name)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; reading os.umask would race other threads
        os.replace(tmp, target)
        _fsync_dir(folder)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _as_error(exc, target) from None
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; some file systems refuse to open folders, which is fine."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _as_error(exc: OSError, target: Path) -> RedactionError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return RedactionError("disk_full", path=str(target))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return RedactionError("output_unwritable", path=str(target))
    return RedactionError("write_failed", path=str(target), detail=exc.strerror or type(exc).__name__)
