"""Retention purge and deletion requests leave nothing of the case: every table and every file scanned."""

from __future__ import annotations

import datetime as dt
import os

from sqlalchemy import inspect, select, text, update

from gazoguard.cli.main import main
from gazoguard.intake import deletion
from gazoguard.intake.completion import completion_report, render_pdf
from gazoguard.intake.retention import purge_expired
from gazoguard.intake.service import IntakeRequest, IntakeService
from gazoguard.intake.testing import ScriptedChecker, scripted_picture
from gazoguard.store import audit
from gazoguard.store.models import Case, RetentionLogEntry


def _post(gateway, kind: str, case_id: str, customer: str):
    service = IntakeService(gateway.store, gateway.vault, ScriptedChecker())
    return service.receive(IntakeRequest("sakura-zakka", "web-chat", case_id, customer, "inquiry", scripted_picture(kind)), actor="api:test")


def _files(gateway) -> dict[str, bytes]:
    out = {}
    for root, _, names in os.walk(gateway.data_dir):
        for name in names:
            path = os.path.join(root, name)
            out[path] = open(path, "rb").read()
    return out


def _traces(gateway, customer: str) -> tuple[list[str], list[str]]:
    """(customer data: case ids, customer ref, picture hashes, file names; random refs of the cases and pictures)."""
    with gateway.store.session() as session:
        rows = session.execute(text(
            "SELECT c.external_id, c.customer_ref, i.sha256, i.file_name, c.public_id, i.public_id "
            "FROM case_images i JOIN cases c ON c.id = i.case_id WHERE c.customer_ref = :c"), {"c": customer}).all()
    data = sorted({v for row in rows for v in row[:4] if v})
    refs = sorted({v for row in rows for v in row[4:]})
    return data, refs


def _assert_gone(gateway, data: list[str], refs: list[str]) -> None:
    """No customer data in any table or file; the random refs only in the append-only logs."""
    with gateway.store.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            values = "\n".join(str(v) for row in conn.execute(text(f'SELECT * FROM "{table}"')) for v in row)
            for needle in data:
                assert needle not in values, f"{needle!r} still in table {table}"
            if table not in ("audit_log", "retention_log"):
                for needle in refs:
                    assert needle not in values, f"{needle!r} still in table {table}"
    for path, content in _files(gateway).items():
        for needle in data + refs:
            assert needle.encode() not in content and needle not in path, f"{needle!r} still in {path}"


def test_purge_deletes_the_expired_case_everywhere(gateway):
    keep = _post(gateway, "face", "C-keep", "cust-keep")
    expired = [_post(gateway, kind, "C-old", "cust-old") for kind in ("product", "receipt", "minor")]
    data, refs = _traces(gateway, "cust-old")
    assert len(data) == 2 + 3 + 3  # case id, customer, 3 hashes, 3 files
    with gateway.store.session() as session:
        old_files = [row[0] for row in session.execute(text(
            "SELECT file_name FROM case_images i JOIN cases c ON c.id = i.case_id WHERE c.external_id = 'C-old' AND file_name IS NOT NULL"))]
        session.execute(update(Case).where(Case.external_id == "C-old").values(expires_at=dt.datetime(2000, 1, 1)))
    assert len(old_files) == 3
    assert purge_expired(gateway.store, gateway.vault, dry_run=True)[0].files == 3
    assert all((gateway.vault.root / f).exists() for f in old_files)  # dry run deleted nothing

    done = purge_expired(gateway.store, gateway.vault)
    assert [(d.case_public_id, d.files) for d in done] == [(expired[0].case_ref, 3)]
    assert not any((gateway.vault.root / f).exists() for f in old_files)
    _assert_gone(gateway, data, refs)
    with gateway.store.session() as session:
        remaining = session.execute(select(Case)).scalars().all()
        assert [c.public_id for c in remaining] == [keep.case_ref]
        log = session.execute(select(RetentionLogEntry)).scalar_one()
        assert (log.reason, log.files_deleted) == ("retention", 3)
        assert audit.verify(session) == []


def test_cli_purge(gateway, database_url, capsys):
    _post(gateway, "product", "C-old", "cust-old")
    with gateway.store.session() as session:
        session.execute(update(Case).values(expires_at=dt.datetime(2000, 1, 1)))
    args = ["retention", "purge", "--database-url", database_url, "--data-dir", str(gateway.data_dir)]
    assert main(args + ["--dry-run"]) == 0
    assert "would delete" in capsys.readouterr().out
    assert main(args) == 0
    with gateway.store.session() as session:
        assert session.execute(select(Case)).first() is None


def test_deletion_request_removes_every_copy_and_reports(gateway):
    for i, kind in enumerate(("product", "receipt", "face")):
        _post(gateway, kind, f"C-{i}", "cust-del")
    _post(gateway, "sexual", "C-other", "cust-other")
    data, refs = _traces(gateway, "cust-del")
    data.remove("cust-del")  # the request keeps the customer reference: it is shown in the report
    with gateway.store.session() as session:
        request = deletion.record_request(gateway.store, session, "sakura-zakka", "cust-del", actor="user:admin1")
        assert (request.deadline - request.received_at).days == 14
        deletion.carry_out(gateway.store, session, gateway.vault, request, actor="user:admin1")
        assert (request.status, request.cases_deleted, request.files_deleted) == ("completed", 3, 3)
        report = completion_report(request, "さくら雑貨店")
    _assert_gone(gateway, data, refs)
    with gateway.store.engine.connect() as conn:
        holders = [t for t in inspect(conn).get_table_names()
                   if any("cust-del" in str(v) for row in conn.execute(text(f'SELECT * FROM "{t}"')) for v in row)]
    assert holders == ["deletion_requests"]
    pdf = render_pdf(report)
    assert pdf.startswith(b"%PDF") and b"IPAexGothic" in pdf
    assert ("削除した画像ファイル", "Image files deleted", "3") in report.rows


def _expire_all(gateway) -> None:
    with gateway.store.session() as session:
        session.execute(update(Case).values(expires_at=dt.datetime(2000, 1, 1)))


def _case_count(gateway) -> int:
    with gateway.store.session() as session:
        return len(session.execute(select(Case)).scalars().all())


def test_opening_the_gateway_purges_what_is_past_retention(gateway, database_url):
    """A CLI command or an API-only server enforces retention too: opening the gateway deletes expired cases."""
    from gazoguard.intake.gateway import Gateway

    _post(gateway, "product", "C-old", "cust-old")
    _expire_all(gateway)
    assert _case_count(gateway) == 1
    Gateway.open(database_url, gateway.data_dir).close()
    assert _case_count(gateway) == 0


def test_an_api_only_server_purges_while_serving_without_the_console(gateway, database_url):
    """Retention belongs to intake: with the console not mounted, the serving app still purges on schedule."""
    import time

    from fastapi.testclient import TestClient

    from gazoguard.intake.testing import ScriptedChecker
    from gazoguard.web.app import create_app
    from gazoguard.web.settings import Settings

    settings = Settings(warm_up=False, data_dir=gateway.data_dir, database_url=database_url, console=False, retention_interval_s=0.2)
    app = create_app(settings, checker=ScriptedChecker())
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/console/login").status_code == 404  # the console is not mounted
        _post(gateway, "product", "C-late", "cust-late")
        _expire_all(gateway)
        deadline = time.monotonic() + 15
        while _case_count(gateway) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _case_count(gateway) == 0
        assert app.state.gateway.scheduler is not None


def test_intake_status_says_how_retention_is_enforced(gateway, database_url, capsys):
    _post(gateway, "product", "C-old", "cust-old")
    _expire_all(gateway)
    assert main(["intake", "status", "--database-url", database_url, "--data-dir", str(gateway.data_dir)]) == 0
    out = capsys.readouterr().out
    assert "past retention, not yet deleted: 0" in out  # opening the gateway for the command purged it
    assert "runs whenever the gateway is opened" in out
    assert "last retention deletion: 20" in out
