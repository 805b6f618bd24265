"""Storage for the intake gateway: SQLAlchemy models, Alembic migrations, the hash-chained audit log."""

from gazoguard.store.db import Store, open_store

__all__ = ["Store", "open_store"]
