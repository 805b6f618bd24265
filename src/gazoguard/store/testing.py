"""pytest fixtures: the same tests against SQLite and a throwaway PostgreSQL database.

PostgreSQL refuses to run as root, so the server is the Debian cluster started with ``pg_ctlcluster``;
a random role and one database per test are created over 127.0.0.1 and dropped afterwards, and the
cluster is stopped again if these fixtures started it.  Import into a conftest:
``from gazoguard.store.testing import database_url, postgres_server  # noqa: F401``
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class PostgresServer:
    port: int
    role: str
    password: str

    def admin_connect(self):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(host="127.0.0.1", port=self.port, user=self.role, password=self.password,
                               dbname="postgres", autocommit=True)


def _clusters() -> list[tuple[str, str, int, str]]:
    out = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 4:
            rows.append((parts[0], parts[1], int(parts[2]), parts[3]))
    return rows


def _psql(sql: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
                   check=True, capture_output=True, cwd="/")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if shutil.which("pg_ctlcluster") is None or shutil.which("pg_lsclusters") is None:
        pytest.skip("PostgreSQL is not installed (Debian package postgresql; CI installs it)")
    clusters = _clusters()
    if not clusters:
        pytest.skip("PostgreSQL is installed but has no cluster (pg_createcluster 15 main)")
    version, name, port, status = clusters[0]
    started = status != "online"
    if started:
        subprocess.run(["pg_ctlcluster", version, name, "start"], check=True)
    role, password = f"gg_test_{secrets.token_hex(4)}", secrets.token_urlsafe(16)
    _psql(f"CREATE ROLE {role} LOGIN CREATEDB PASSWORD '{password}'")
    # DROP DATABASE … WITH (FORCE) must also end an autovacuum worker that happens to be in the
    # test's database; without this membership that ends the test run with InsufficientPrivilege
    _psql(f"GRANT pg_signal_backend TO {role}")
    server = PostgresServer(port, role, password)
    try:
        yield server
    finally:
        with server.admin_connect() as conn:
            for (db,) in conn.execute("SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = %s)", (role,)).fetchall():
                conn.execute(f'DROP DATABASE "{db}" WITH (FORCE)')
        _psql(f"DROP ROLE {role}")
        if started:
            subprocess.run(["pg_ctlcluster", version, name, "stop"], check=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'gazoguard.sqlite3'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    db = f"gg_{secrets.token_hex(6)}"
    with server.admin_connect() as conn:
        conn.execute(f'CREATE DATABASE "{db}"')
    yield f"postgresql+psycopg://{server.role}:{server.password}@127.0.0.1:{server.port}/{db}"
    with server.admin_connect() as conn:
        conn.execute(f'DROP DATABASE "{db}" WITH (FORCE)')
