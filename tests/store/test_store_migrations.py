"""Migrations run at open, are idempotent, and create every table the models declare."""

from __future__ import annotations

from sqlalchemy import inspect, text

from gazoguard.store.db import open_store
from gazoguard.store.models import Base


def test_every_model_table_exists(store):
    tables = set(inspect(store.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_opening_twice_keeps_the_data(store, database_url):
    with store.session() as session:
        session.execute(text("INSERT INTO organisations (id, name, created_at) VALUES ('o1', 'Org', CURRENT_TIMESTAMP)"))
    again = open_store(database_url)
    try:
        with again.session() as session:
            assert session.execute(text("SELECT name FROM organisations WHERE id = 'o1'")).scalar_one() == "Org"
            assert session.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0003"
    finally:
        again.close()


def test_every_model_column_exists(store):
    found = inspect(store.engine)
    for name, table in Base.metadata.tables.items():
        assert {c.name for c in table.columns} <= {c["name"] for c in found.get_columns(name)}, name
