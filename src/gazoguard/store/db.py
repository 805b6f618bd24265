"""Engine and session factory for SQLite (embedded default) and PostgreSQL; migrations run at open."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from gazoguard.core.private_files import private_file
from gazoguard.store.anchor import AuditAnchor

MIGRATIONS = Path(__file__).parent / "migrations"


class Store:
    """One database: ``with store.session() as s`` commits on success and rolls back on error."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # appends to the audit chain are serialised in-process; PostgreSQL also locks the head row
        self.audit_lock = threading.Lock()
        # signed checkpoints of the audit head outside the database (gazoguard.store.anchor); None: not anchored
        self.anchor: AuditAnchor | None = None
        event.listen(self._sessions, "after_commit", self._checkpoint)
        event.listen(self._sessions, "after_rollback", lambda session: session.info.pop("audit_head", None))

    def _checkpoint(self, session: Session) -> None:
        head = session.info.pop("audit_head", None)
        if head is not None and self.anchor is not None:
            self.anchor.record(*head)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:" and not path.startswith("file:"):
            private_file(Path(path))  # 0600 in a 0700 folder: customer refs, session and key hashes
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten, not left in free pages
            cursor.close()

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_store(url: str, *, run_migrations: bool = True) -> Store:
    engine = make_engine(url)
    if run_migrations:
        migrate(engine)
    return Store(engine)
