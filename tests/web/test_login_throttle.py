"""Sign-in throttling: per client and per name, the same answer and about the same time for names that do
not exist, a stranger cannot lock the owner out, and the audit log never records the typed name."""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from gazoguard.intake.testing import ScriptedChecker, World
from gazoguard.store.models import AuditEntry
from gazoguard.web.app import create_app
from gazoguard.web.settings import Settings
from gazoguard.web.throttle import FailureThrottle

POLICY = Path(__file__).resolve().parents[2] / "examples" / "policy.toml"
LIMIT = 3


@pytest.fixture()
def site(tmp_path):
    settings = Settings(warm_up=False, data_dir=tmp_path / "data", retention_interval_s=0, login_max_failures=LIMIT,
                        login_max_failures_per_client=8, login_max_failures_per_name=30)
    app = create_app(settings, checker=ScriptedChecker())
    with TestClient(app, follow_redirects=False, base_url="http://127.0.0.1") as first:
        world = World(app.state.gateway, POLICY.read_text(encoding="utf-8"))
        yield app, world
    app.state.gateway.close()


def _client(app, address: str) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app, follow_redirects=False, base_url="http://127.0.0.1", client=(address, 40000))


def _login(client: TestClient, username: str, password: str):  # type: ignore[no-untyped-def]
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/console/login").text).group(1)
    return client.post("/console/login", data={"csrf": token, "username": username, "password": password})


def _page(response) -> str:  # type: ignore[no-untyped-def]
    return re.sub(r'value="[^"]{20,}"', 'value="…"', response.text)


def test_unknown_and_existing_names_get_the_same_answers(site):
    app, world = site
    seen = {}
    for name in ("admin1", "no-such-user"):
        client = _client(app, f"10.1.0.{len(seen) + 1}")
        answers = [_login(client, name, "wrong password!") for _ in range(LIMIT + 1)]
        seen[name] = [(r.status_code, _page(r)) for r in answers]
    assert [s for s, _ in seen["admin1"]] == [401] * (LIMIT - 1) + [429, 429]
    assert seen["admin1"] == seen["no-such-user"]


def test_a_throttled_answer_takes_about_as_long_as_a_checked_one(site):
    app, world = site
    client = _client(app, "10.2.0.1")
    for _ in range(LIMIT):
        _login(client, "admin1", "wrong password!")

    def timed(c: TestClient, name: str) -> float:
        start = time.perf_counter()
        _login(c, name, "wrong password!")
        return time.perf_counter() - start

    throttled = statistics.median(timed(client, "admin1") for _ in range(5))
    unknown = statistics.median(timed(_client(app, f"10.2.1.{i}"), "nobody") for i in range(5))
    assert throttled > 0.5 * unknown, (throttled, unknown)  # both run one argon2 check (was 6× faster)


def test_a_stranger_cannot_lock_the_owner_out(site):
    app, world = site
    stranger = _client(app, "203.0.113.9")
    for _ in range(LIMIT + 3):
        _login(stranger, "admin1", "guess guess")
    assert _login(stranger, "admin1", World.PASSWORD).status_code == 429  # the stranger is throttled…
    owner = _client(app, "10.3.0.1")
    assert _login(owner, "admin1", World.PASSWORD).status_code == 303  # …the owner, elsewhere, is not


def test_one_client_trying_many_names_is_throttled(site):
    app, world = site
    sprayer = _client(app, "198.51.100.7")
    statuses = [_login(sprayer, f"user{i}", "wrong password!").status_code for i in range(8)]
    assert statuses[-1] == 429 and statuses[0] == 401
    assert _login(sprayer, "staff1", World.PASSWORD).status_code == 429


def test_a_name_guessed_from_many_clients_is_throttled_for_new_clients(site):
    app, world = site
    statuses = []
    for i in range(15):  # 30 failures spread over 15 addresses, each under its own limit
        c = _client(app, f"192.0.2.{i}")
        statuses += [_login(c, "auditor1", "wrong password!").status_code for _ in range(LIMIT - 1)]
    assert statuses == [401] * 29 + [429]  # the 30th failure reaches the per-name limit
    assert _login(_client(app, "192.0.2.200"), "auditor1", "wrong password!").status_code == 429


def test_the_audit_log_never_records_the_typed_name(site):
    app, world = site
    attack = "<script>alert(1)</script>" + "x" * 80
    _login(_client(app, "10.4.0.1"), attack, "wrong password!")
    with world.gateway.store.session() as session:
        entry = session.execute(select(AuditEntry).where(AuditEntry.action == "login_failed")).scalars().all()[-1]
    assert entry.actor == "anonymous"
    assert "script" not in entry.detail and "xxxx" not in entry.detail and "name_sha256" in entry.detail


def test_the_throttle_table_stays_bounded_and_forgets_after_the_window():
    now = [0.0]
    throttle = FailureThrottle({"pair": 2}, window_s=10, max_keys=100, clock=lambda: now[0])
    for i in range(1000):
        throttle.fail([("pair", str(i))])
    assert len(throttle._failures) <= 100
    throttle.fail([("pair", "a")])
    assert throttle.fail([("pair", "a")]) is not None
    now[0] = 11
    assert throttle.blocked([("pair", "a")]) is None
