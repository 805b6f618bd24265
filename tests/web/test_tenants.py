"""Another tenant: one organisation's admin neither reads the other's audit log, nor assigns its cases to the
other's staff, nor purges the other's expired cases (and a purge is logged in the admin's name)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from gazoguard.auth.users import create_user
from gazoguard.intake.testing import ScriptedChecker, World
from gazoguard.store.models import AuditEntry, Case, User
from gazoguard.store.testing import database_url, postgres_server  # noqa: F401
from gazoguard.web.app import create_app
from gazoguard.web.settings import Settings

POLICY = Path(__file__).resolve().parents[2] / "examples" / "policy.toml"
OTHER_ORG = "momiji-books"


@pytest.fixture()
def two_orgs(database_url, tmp_path):  # noqa: F811
    settings = Settings(warm_up=False, data_dir=tmp_path / "data", database_url=database_url, retention_interval_s=0)
    app = create_app(settings, checker=ScriptedChecker())
    with TestClient(app, follow_redirects=False, base_url="http://127.0.0.1") as client:
        gw = app.state.gateway
        world = World(gw, POLICY.read_text(encoding="utf-8"))
        other_policy = POLICY.read_text(encoding="utf-8").replace('id = "sakura-zakka"', f'id = "{OTHER_ORG}"', 1)
        other = _OtherOrg(gw, other_policy)
        yield client, world, other
    app.state.gateway.close()


class _OtherOrg:
    """A second organisation with its own admin, staff member and an expired case."""

    def __init__(self, gw, policy_text: str) -> None:  # type: ignore[no-untyped-def]
        from gazoguard.intake.policies import register_policy
        from gazoguard.intake.service import IntakeRequest, IntakeService
        from gazoguard.intake.testing import scripted_picture

        with gw.store.session() as session:
            register_policy(gw.store, session, policy_text, "test")
            self.admin = create_user(session, "momiji-admin", World.PASSWORD, "admin", OTHER_ORG).id
            self.staff = create_user(session, "momiji-staff", World.PASSWORD, "staff", OTHER_ORG).id
        service = IntakeService(gw.store, gw.vault, ScriptedChecker())
        self.case = service.receive(IntakeRequest(OTHER_ORG, "web-chat", "M-1", "cust-m1", "inquiry", scripted_picture("receipt")),
                                    actor="api:test")
        with gw.store.session() as session:
            session.execute(update(Case).values(expires_at=dt.datetime(2000, 1, 1)))  # every case of both orgs expired


def test_an_admin_reads_only_their_organisations_audit_entries(two_orgs):
    client, world, other = two_orgs
    world.login(client, "admin")
    page = client.get("/console/audit").text
    shown = lambda ref: f"case:{ref}"[:24] in page  # noqa: E731 - the page shows a target's first 24 characters
    assert not shown(other.case.case_ref)  # the other organisation's intake entry
    assert shown(world.ordinary.case_ref)
    with world.gateway.store.session() as session:
        theirs = session.execute(select(AuditEntry).where(AuditEntry.org_id == OTHER_ORG)).scalars().all()
    assert theirs and all(f"<td>{e.seq}</td>" not in page for e in theirs)


def test_an_admin_cannot_assign_a_case_to_another_organisations_staff(two_orgs):
    client, world, other = two_orgs
    csrf = world.login(client, "admin")
    response = client.post(f"/console/cases/{world.ordinary.case_ref}/assign", data={"csrf": csrf, "staff": "momiji-staff"})
    assert response.status_code == 403
    with world.gateway.store.session() as session:
        case = session.execute(select(Case).where(Case.public_id == world.ordinary.case_ref)).scalar_one()
        assert case.assigned_to != other.staff
    ok = client.post(f"/console/cases/{world.ordinary.case_ref}/assign", data={"csrf": csrf, "staff": "staff2"})
    assert ok.status_code == 303


def test_a_retention_purge_deletes_only_the_admins_organisation_and_names_the_admin(two_orgs):
    client, world, other = two_orgs
    csrf = world.login(client, "admin")
    assert client.post("/console/retention/purge", data={"csrf": csrf}).status_code == 303
    with world.gateway.store.session() as session:
        left = {c.public_id: c.org_id for c in session.execute(select(Case)).scalars()}
        deletes = [e for e in session.execute(select(AuditEntry).where(AuditEntry.action == "delete")).scalars()
                   if "retention" in e.detail]
    assert other.case.case_ref in left  # the other organisation's expired case is still there
    assert world.ordinary.case_ref not in left
    assert deletes and {e.actor for e in deletes} == {"user:admin1"} and {e.org_id for e in deletes} == {"sakura-zakka"}


def test_a_deployment_wide_auditor_sees_every_organisation(two_orgs):
    client, world, other = two_orgs
    with world.gateway.store.session() as session:
        create_user(session, "root-auditor", World.PASSWORD, "auditor", None)
        uid = session.execute(select(User.id).where(User.username == "root-auditor")).scalar_one()
    world.users["root"] = uid
    world.login(client, "root")
    page = client.get("/console/audit").text
    assert f"case:{other.case.case_ref}"[:24] in page and f"case:{world.ordinary.case_ref}"[:24] in page
