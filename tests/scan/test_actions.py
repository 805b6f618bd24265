"""The plan is dry-run first; --apply deletes and quarantines exactly once, audited, even when interrupted."""

from __future__ import annotations

import datetime as dt
import hashlib
import stat
from pathlib import Path

from scan_support import picture_bytes

from gazoguard.scan.actions import ScanPolicy, apply_plan, build_plan, plan_for
from gazoguard.scan.ledger import Ledger
from gazoguard.scan.worker import base_row

NOW = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
POLICY = ScanPolicy(retention_days=30, sha256="p1")
EXAMPLE_POLICY = Path(__file__).resolve().parents[2] / "examples" / "policy.toml"


def _row(path: str, *, source: str = "/nowhere", days_old: int = 1, data: bytes = b"x", **result) -> dict:
    stamp = (NOW - dt.timedelta(days=days_old)).timestamp()
    row = base_row({"source": source, "path": path, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "mtime": stamp}, status="ok")
    row.update({"level": "safe"} | result)
    return row


def test_the_plan_follows_the_business_order():
    decide = lambda row: plan_for(row, POLICY, NOW).action  # noqa: E731
    assert decide(_row("a", sexual=True, minor=True, level="block")) == "report"
    assert decide(_row("b", minor=True, level="danger")) == "quarantine"
    assert decide(_row("c", sexual=True, level="block")) == "quarantine"
    assert plan_for(_row("c", sexual=True, level="block"), ScanPolicy(30, "delete"), NOW).action == "delete"
    assert decide(_row("d", categories=["document"], level="danger", days_old=45)) == "delete"
    assert decide(_row("e", categories=["document"], level="danger", days_old=10)) == "keep"
    assert plan_for(_row("f", categories=["personal_text"], level="danger", days_old=400), ScanPolicy(), NOW).why == "no_retention"
    assert decide(_row("g", categories=["place"], level="caution", days_old=400)) == "keep"
    assert decide(base_row({"source": "/s", "path": "x", "sha256": "", "size": 0, "mtime": None}, status="error", reason="truncated")) == "keep"
    assert plan_for(base_row({"source": "/s", "path": "n.txt", "sha256": "", "size": 0, "mtime": None}, status="skipped", reason="not_an_image_type"), POLICY, NOW) is None


def test_the_policy_file_gives_retention_and_profile():
    policy = ScanPolicy.load(EXAMPLE_POLICY)
    assert policy.retention_days == 30 and policy.profile == "business-intake" and len(policy.sha256) == 64


def _folder_run(tmp_path: Path) -> tuple[Ledger, Path, dict[str, Path]]:
    source = tmp_path / "archive"
    source.mkdir()
    files = {name: source / f"{name}.jpg" for name in ("licence", "minor", "fresh", "plain")}
    for n, path in enumerate(files.values()):
        path.write_bytes(picture_bytes(n))
    (source / "licence.redacted.jpg").write_bytes(b"derivative")
    ledger = Ledger.open(tmp_path / "run", {"engine": "e", "policy": "p1"})
    facts = {"licence": dict(categories=["document"], level="danger", days_old=90), "minor": dict(minor=True, level="danger"),
             "fresh": dict(categories=["document"], level="danger", days_old=2), "plain": {}}
    for name, path in files.items():
        ledger.record(_row(path.name, source=str(source), data=path.read_bytes(), **facts[name]), [])
    return ledger, tmp_path / "run", files


def test_a_dry_run_changes_nothing(tmp_path):
    ledger, _, files = _folder_run(tmp_path)
    plan = {Path(p.path).stem: p.action for p in build_plan(ledger, POLICY, NOW)}
    assert plan == {"licence": "delete", "minor": "quarantine", "fresh": "keep", "plain": "keep"}
    assert all(p.exists() for p in files.values())


def test_apply_deletes_with_derivatives_quarantines_restricted_and_audits_each_action(tmp_path):
    from gazoguard.store import audit
    from gazoguard.store.db import open_store
    from gazoguard.store.models import AuditEntry

    ledger, run_dir, files = _folder_run(tmp_path)
    build_plan(ledger, POLICY, NOW)
    assert apply_plan(ledger, run_dir) == {"done": 2}
    assert not files["licence"].exists() and not (files["licence"].parent / "licence.redacted.jpg").exists()
    assert not files["minor"].exists() and files["fresh"].exists() and files["plain"].exists()
    (kept,) = (run_dir / "quarantine").iterdir()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    store = open_store(f"sqlite:///{run_dir / 'audit.sqlite'}")
    with store.session() as session:
        assert sorted(e.action for e in session.query(AuditEntry)) == ["scan_delete", "scan_quarantine"]
        assert audit.verify(session) == []
    assert apply_plan(ledger, run_dir) == {}  # a second --apply repeats nothing
    with store.session() as session:
        assert session.query(AuditEntry).count() == 2
    store.close()


def test_an_interrupted_apply_resumes_without_repeating_or_losing_an_action(tmp_path):
    from gazoguard.store.db import open_store
    from gazoguard.store.models import AuditEntry

    ledger, run_dir, files = _folder_run(tmp_path)
    build_plan(ledger, POLICY, NOW)
    delete = next(a for a in ledger.actions() if a["action"] == "delete")
    ledger.set_action_status(delete["id"], "started")  # killed after the file went, before the audit entry
    files["licence"].unlink()
    assert apply_plan(ledger, run_dir) == {"done": 2}
    store = open_store(f"sqlite:///{run_dir / 'audit.sqlite'}")
    with store.session() as session:
        assert session.query(AuditEntry).filter_by(target=delete["id"]).count() == 1
    store.close()
    assert {a["status"] for a in ledger.actions()} == {"done"}


def test_a_file_changed_since_the_scan_is_never_deleted(tmp_path):
    ledger, run_dir, files = _folder_run(tmp_path)
    build_plan(ledger, POLICY, NOW)
    files["licence"].write_bytes(picture_bytes(99))
    assert apply_plan(ledger, run_dir) == {"changed": 1, "done": 1}
    assert files["licence"].exists()
