"""Every test here runs on SQLite and on a throwaway PostgreSQL database."""

from __future__ import annotations

import pytest

from gazoguard.store.db import open_store
from gazoguard.store.testing import database_url, postgres_server  # noqa: F401


@pytest.fixture()
def store(database_url):  # noqa: F811
    s = open_store(database_url)
    yield s
    s.close()
