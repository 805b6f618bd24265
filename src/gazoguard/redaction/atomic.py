"""Redaction's atomic write: :mod:`gazoguard.core.atomic` with its failures as redaction errors.

A crash, a kill or a full disk mid-way leaves either the old target or none,
never a half-written file (see :func:`gazoguard.core.atomic.atomic_output`).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from gazoguard.core.atomic import write_bytes_atomic
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
    """Write ``data`` to ``target`` so that it appears whole or not at all (nothing left behind by a kill)."""
    if not target.parent.is_dir():
        raise RedactionError("output_dir_missing", path=str(target.parent))
    try:
        write_bytes_atomic(target, data, mode=0o644)
    except FileNotFoundError:
        raise RedactionError("output_dir_missing", path=str(target.parent)) from None
    except OSError as exc:
        raise _as_error(exc, target) from None


def _as_error(exc: OSError, target: Path) -> RedactionError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return RedactionError("disk_full", path=str(target))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return RedactionError("output_unwritable", path=str(target))
    return RedactionError("write_failed", path=str(target), detail=exc.strerror or type(exc).__name__)
