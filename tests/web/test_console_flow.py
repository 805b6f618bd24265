"""Console over HTTP: login with CSRF, lockout, CSRF on every form, replies editor, policy change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gazoguard.intake.testing import World
from gazoguard.store import audit
from gazoguard.store.testing import database_url, postgres_server  # noqa: F401
from gazoguard.web.app import create_app
from gazoguard.web.settings import Settings

POLICY = Path(__file__).resolve().parents[2] / "examples" / "policy.toml"


@pytest.fixture()
def console(database_url, tmp_path, checker):  # noqa: F811
    settings = Settings(warm_up=False, data_dir=tmp_path / "data", database_url=database_url, retention_interval_s=0,
                        login_max_failures=3)
    app = create_app(settings, checker=checker)
    with TestClient(app, follow_redirects=False, base_url="http://127.0.0.1") as client:
        yield client, World(app.state.gateway, POLICY.read_text(encoding="utf-8"))
    app.state.gateway.close()


def _login_form(client) -> str:
    page = client.get("/console/login")
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def test_login_needs_the_form_token_and_locks_out(console):
    client, world = console
    assert client.get("/console").headers["location"].startswith("/console/login")
    no_token = client.post("/console/login", data={"username": "admin1", "password": World.PASSWORD})
    assert no_token.status_code == 400
    token = _login_form(client)
    ok = client.post("/console/login", data={"csrf": token, "username": "admin1", "password": World.PASSWORD})
    assert ok.status_code == 303 and "gg_session" in ok.cookies
    client.cookies.clear()
    statuses = []
    for _ in range(3):
        statuses.append(client.post("/console/login", data={"csrf": _login_form(client), "username": "staff1", "password": "wrong!"}).status_code)
    assert statuses == [401, 401, 429]
    locked = client.post("/console/login", data={"csrf": _login_form(client), "username": "staff1", "password": World.PASSWORD})
    assert locked.status_code == 429


def test_every_form_post_needs_the_session_csrf_token(console):
    client, world = console
    csrf = world.login(client, "admin")
    assert client.post("/console/replies", data={"accept_ja": "x"}).status_code == 403
    assert client.post("/console/replies", data={"csrf": "forged", "accept_ja": "x"}).status_code == 403
    saved = client.post("/console/replies", data={"csrf": csrf, "accept_ja": "ありがとうございます（{case_id}）"})
    assert saved.status_code == 303
    assert "ありがとうございます（{case_id}）" in client.get("/console/replies").text
    with world.gateway.store.session() as session:
        assert any(e.action == "replies_change" for e in audit.entries(session))


def test_policy_change_is_versioned_and_invalid_ones_are_refused(console):
    client, world = console
    csrf = world.login(client, "admin")
    bad = client.post("/console/policy", data={"csrf": csrf, "text": "[organisation]\nid = 'x'"})
    assert bad.status_code == 400 and "ポリシーが不正です" in bad.text
    changed = POLICY.read_text(encoding="utf-8").replace("inquiry = 30", "inquiry = 21")
    assert client.post("/console/policy", data={"csrf": csrf, "text": changed}).status_code == 303
    page = client.get("/console/policy").text
    assert page.count("<tr><td>") >= 2 and ">21<" in page


def test_staff_decision_on_assigned_case_is_audited(console):
    client, world = console
    csrf = world.login(client, "assigned_staff")
    case = client.get(f"/console/cases/{world.ordinary.case_ref}")
    assert case.status_code == 200 and "03-1234-5678" not in case.text
    response = client.post(f"/console/cases/{world.ordinary.case_ref}/decision",
                           data={"csrf": csrf, "decision": "approve", "image": world.ordinary.image_ref})
    assert response.status_code == 303
    with world.gateway.store.session() as session:
        decisions = [e for e in audit.entries(session) if e.action == "decision"]
        views = [e for e in audit.entries(session) if e.action == "view"]
        assert decisions[0].actor == "user:staff1" and views
        assert audit.verify(session) == []
