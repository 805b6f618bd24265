"""The scan runs kept under one folder (``DATA_DIR/scans`` for the staff console), summarised read-only from their ledgers."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from gazoguard.scan.ledger import LEDGER_NAME

RUN_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


@dataclass(frozen=True)
class RunSummary:
    name: str
    engine: str
    policy: str
    results: int
    checked: int
    skipped: int
    errors: int
    flagged: int  # danger or block
    planned: dict[str, int]  # delete / quarantine / report → how many
    applied: int
    updated: str  # when the ledger last changed (UTC)
    has_report: bool


def list_runs(root: Path) -> list[RunSummary]:
    """Every run folder directly under ``root`` that holds a ledger, newest first."""
    if not root.is_dir():
        return []
    runs = [summarise(path) for path in root.iterdir() if RUN_NAME.match(path.name) and (path / LEDGER_NAME).is_file()]
    return sorted(runs, key=lambda r: r.updated, reverse=True)


def run_dir(root: Path, name: str) -> Path | None:
    """The folder of run ``name`` under ``root``, or None (the name is checked, never joined blindly)."""
    if not RUN_NAME.match(name):
        return None
    path = root / name
    return path if (path / LEDGER_NAME).is_file() else None


def summarise(path: Path) -> RunSummary:
    ledger = path / LEDGER_NAME
    db = sqlite3.connect(f"{ledger.as_uri()}?mode=ro", uri=True)
    try:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        status = dict(db.execute("SELECT status, COUNT(*) FROM results GROUP BY status"))
        flagged = db.execute("SELECT COUNT(*) FROM results WHERE json_extract(row, '$.level') IN ('danger', 'block')").fetchone()[0]
        planned = dict(db.execute("SELECT action, COUNT(*) FROM actions GROUP BY action"))
        applied = db.execute("SELECT COUNT(*) FROM actions WHERE status='done'").fetchone()[0]
    finally:
        db.close()
    changed = max(p.stat().st_mtime for p in path.glob(LEDGER_NAME + "*"))
    return RunSummary(
        name=path.name, engine=meta.get("engine", ""), policy=meta.get("policy", ""), results=sum(status.values()),
        checked=status.get("ok", 0), skipped=status.get("skipped", 0), errors=status.get("error", 0), flagged=flagged,
        planned=planned, applied=applied,
        updated=dt.datetime.fromtimestamp(changed, tz=dt.timezone.utc).strftime("%Y-%m-%d %H:%M"),
        has_report=(path / "report.html").is_file(),
    )
