"""Files only the owner may read: database files and their folders are created 0600 / 0700.

Customer references, session and API-key hashes and PIN hashes live in these files, so nobody else on the
machine may read them.  Folders this code creates are made 0700; a folder that already exists (the user's
choice, perhaps their home) is left as it is, but the database file itself is always tightened to 0600.
SQLite creates its -wal and -shm files with the database file's permissions.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) 0700; an existing folder keeps its mode."""
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        os.chmod(folder, DIR_MODE)  # mkdir's mode is masked by the umask
    return path


def private_file(path: Path) -> Path:
    """Make sure ``path`` exists as a regular file readable only by its owner (created empty if missing)."""
    path = Path(path)
    private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
        os.close(fd)
    except FileExistsError:
        pass
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        os.chmod(path, FILE_MODE)
    for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"), path.with_name(path.name + "-journal")):
        if companion.exists() and stat.S_IMODE(companion.stat().st_mode) & 0o077:
            os.chmod(companion, FILE_MODE)
    return path
