"""Intake fixtures: every test runs on SQLite and on a throwaway PostgreSQL database."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazoguard.intake.gateway import Gateway
from gazoguard.intake.policies import register_policy
from gazoguard.store.testing import database_url, postgres_server  # noqa: F401

EXAMPLE_POLICY = Path(__file__).resolve().parents[2] / "examples" / "policy.toml"


@pytest.fixture()
def policy_text() -> str:
    return EXAMPLE_POLICY.read_text(encoding="utf-8")


@pytest.fixture()
def gateway(database_url, tmp_path, policy_text):  # noqa: F811
    gw = Gateway.open(database_url, tmp_path / "data")
    with gw.store.session() as session:
        register_policy(gw.store, session, policy_text, "test")
    yield gw
    gw.close()
