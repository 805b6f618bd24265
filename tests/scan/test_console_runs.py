"""Scan runs under DATA_DIR/scans are listed in the staff console for admins, with their report; staff see nothing."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from scan_support import DETECTORS

from gazoguard.cli.main import main
from gazoguard.intake.testing import World
from gazoguard.scan.runs import list_runs
from gazoguard.web.app import create_app
from gazoguard.web.settings import Settings

POLICY = Path(__file__).resolve().parents[2] / "examples" / "policy.toml"


def test_an_admin_sees_the_run_and_its_report_and_staff_do_not(small_archive, tmp_path):
    data_dir = tmp_path / "data"
    out = data_dir / "scans" / "2026-12-chat"
    assert main(["scan", str(small_archive), "--out", str(out), "--in-process", "--detectors", ",".join(DETECTORS),
                 "--policy", str(POLICY)]) == 0
    (run,) = list_runs(data_dir / "scans")
    assert (run.name, run.results, run.checked, run.skipped) == ("2026-12-chat", 26, 25, 1) and run.has_report
    settings = Settings(warm_up=False, data_dir=data_dir, database_url=f"sqlite:///{tmp_path / 'db.sqlite'}", retention_interval_s=0)
    app = create_app(settings, checker=object())
    with TestClient(app, follow_redirects=False, base_url="http://127.0.0.1") as client:
        world = World(app.state.gateway, POLICY.read_text(encoding="utf-8"))
        world.login(client, "admin")
        page = client.get("/console/scans")
        assert page.status_code == 200 and "2026-12-chat" in page.text
        report = client.get("/console/scans/2026-12-chat/report.html")
        assert report.status_code == 200 and "Archive scan report" in report.text
        assert client.get("/console/scans/..%2F..%2Fetc/report.html").status_code == 404
        assert client.get("/console/scans/nope/report.html").status_code == 404
        client.cookies.clear()
        world.login(client, "assigned_staff")
        assert client.get("/console/scans").status_code == 403
        assert client.get("/console/scans/2026-12-chat/report.html").status_code == 403
    app.state.gateway.close()
