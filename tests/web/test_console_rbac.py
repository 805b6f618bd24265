"""RBAC matrix: every route of the app × every role, with the expected allow/deny.

The routes are enumerated from ``app.routes``: a new console or intake route without an entry in
EXPECTED fails the test.  Routes outside the console are public and are checked as allowed for all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gazoguard.intake.testing import World, scripted_picture
from gazoguard.store.testing import database_url, postgres_server  # noqa: F401
from gazoguard.web.app import create_app
from gazoguard.web.settings import Settings

POLICY = Path(__file__).resolve().parents[2] / "examples" / "policy.toml"
ROLES = ("anonymous", "other_staff", "assigned_staff", "admin", "auditor")
ALL = frozenset(ROLES)
SIGNED_IN = ALL - {"anonymous"}
ADMIN = frozenset({"admin"})
ADMIN_AUDITOR = frozenset({"admin", "auditor"})
CASE_WORKERS = frozenset({"admin", "assigned_staff"})
NOBODY: frozenset[str] = frozenset()  # the intake API takes an API key, never a console session

EXPECTED: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "/console/login"): ALL,
    ("POST", "/console/login"): ALL,
    ("POST", "/console/logout"): SIGNED_IN,
    ("GET", "/console"): SIGNED_IN,
    ("GET", "/console/restricted"): ADMIN,
    ("GET", "/console/cases/{case_ref}"): CASE_WORKERS,
    ("GET", "/console/images/{image_ref}"): CASE_WORKERS,
    ("GET", "/console/images/{image_ref}/download"): CASE_WORKERS,
    ("POST", "/console/cases/{case_ref}/decision"): CASE_WORKERS,
    ("POST", "/console/cases/{case_ref}/assign"): ADMIN,
    ("GET", "/console/replies"): ADMIN,
    ("POST", "/console/replies"): ADMIN,
    ("GET", "/console/policy"): SIGNED_IN,
    ("POST", "/console/policy"): ADMIN,
    ("GET", "/console/retention"): ADMIN_AUDITOR,
    ("POST", "/console/retention/purge"): ADMIN,
    ("GET", "/console/deletions"): ADMIN_AUDITOR,
    ("POST", "/console/deletions"): ADMIN,
    ("POST", "/console/deletions/{request_ref}/carry-out"): ADMIN,
    ("GET", "/console/deletions/{request_ref}/report.html"): ADMIN_AUDITOR,
    ("GET", "/console/deletions/{request_ref}/report.pdf"): ADMIN_AUDITOR,
    ("GET", "/console/audit"): ADMIN_AUDITOR,
    ("GET", "/console/alerts"): ADMIN,
    ("POST", "/console/alerts/{alert_id}/retry"): ADMIN,
    ("GET", "/console/scans"): ADMIN,
    ("GET", "/console/scans/{name}/report.html"): ADMIN,
    ("GET", "/notice/{org_id}"): ALL,
    ("POST", "/api/v1/intake/images"): NOBODY,
    ("GET", "/api/v1/intake/notice/{org_id}"): ALL,
    ("GET", "/api/v1/registry/stats"): NOBODY,  # a registry key (platform or operator), never a console session
}
OWNED_PREFIXES = ("/console", "/notice", "/api/v1/intake", "/api/v1/registry/stats")


def app_routes(app) -> list[tuple[str, str]]:
    """(method, path) of every route, routers flattened; mounts as GET."""
    def flat(routes):
        for route in routes:
            if hasattr(route, "effective_route_contexts"):
                yield from route.effective_route_contexts()
            else:
                yield route

    out = []
    for route in flat(app.routes):
        methods = getattr(route, "methods", None) or {"GET"}
        out.extend((m, route.path) for m in sorted(methods - {"HEAD"}))
    return out


@pytest.fixture()
def console(database_url, tmp_path, checker):  # noqa: F811
    """The app with the session's real checker (public routes use it); cases are seeded by World's scripted one."""
    settings = Settings(warm_up=False, data_dir=tmp_path / "data", database_url=database_url, retention_interval_s=0)
    app = create_app(settings, checker=checker)
    with TestClient(app, follow_redirects=False, base_url="http://127.0.0.1") as client:
        world = World(app.state.gateway, POLICY.read_text(encoding="utf-8"))
        yield app, client, world
    app.state.gateway.close()


def _request(client, world: World, role: str, method: str, template: str):
    path = (template.replace("{case_ref}", world.ordinary.case_ref).replace("{image_ref}", world.ordinary.image_ref)
            .replace("{request_ref}", world.deletion_ref).replace("{org_id}", world.org_id).replace("{name}", "x")
            .replace("/static", "/static/app.css"))
    client.cookies.clear()
    csrf = world.login(client, role) if role != "anonymous" else ""
    if method == "GET":
        return client.get(path)
    form = {"csrf": csrf, "decision": "approve", "image": world.ordinary.image_ref, "staff": "staff1",
            "customer_ref": "cust-rbac", "text": POLICY.read_text(encoding="utf-8"),
            "username": "admin1", "password": World.PASSWORD, "case_id": "C-rbac", "channel": "web-chat"}
    if path == "/console/login":  # anyone may sign in with valid credentials
        client.cookies.set("gg_login_csrf", "t")
        form["csrf"] = "t"
    if path == "/api/v1/intake/images":  # a complete request, but a session cookie is not an API key
        return client.post(path, data=form, files={"image": ("a.png", scripted_picture("product"), "image/png")})
    return client.post(path, data=form)


def _allowed(response) -> bool:
    if response.status_code in (401, 403):
        return False
    return not (response.status_code in (302, 303, 307) and response.headers["location"].startswith("/console/login?"))


def test_every_route_for_every_role(console):
    app, client, world = console
    routes = app_routes(app)
    owned = [r for r in routes if r[1].startswith(OWNED_PREFIXES)]
    assert sorted(owned) == sorted(EXPECTED), "a console/intake route has no RBAC expectation (or one is stale)"
    mismatches, checked = [], 0
    for method, path in routes:
        expected = EXPECTED.get((method, path), ALL)
        for role in ROLES:
            response = _request(client, world, role, method, path)
            checked += 1
            if _allowed(response) != (role in expected):
                mismatches.append(f"{method} {path} as {role}: {response.status_code}")
    assert not mismatches, "\n".join(mismatches)
    assert checked == len(routes) * len(ROLES) and checked >= 5 * len(EXPECTED)
    print(f"RBAC matrix: {len(routes)} routes × {len(ROLES)} roles = {checked} checks")


def test_restricted_case_is_invisible_to_staff(console):
    app, client, world = console
    for role in ("assigned_staff", "other_staff", "auditor"):
        world.login(client, role)
        assert world.restricted.case_ref not in client.get("/console").text
        assert client.get(f"/console/cases/{world.restricted.case_ref}").status_code == 403
        assert client.get(f"/console/images/{world.restricted.image_ref}").status_code == 403
    world.login(client, "admin")
    assert world.restricted.case_ref in client.get("/console/restricted").text
    image = client.get(f"/console/images/{world.restricted.image_ref}")
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
