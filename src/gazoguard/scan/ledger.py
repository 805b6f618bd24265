"""The run ledger: ``RUN_DIR/ledger.sqlite``, the single truth of a scan.

One row per (source, path, content SHA-256), inserted once in its own transaction: a re-run after a
``kill -9`` skips what is there and checks the rest, so every image is reported exactly once.  The
engine and policy versions of the run are kept beside the rows; opening the ledger with other
versions is refused (:class:`VersionMismatch`) instead of mixing two judgements in one result.
The planned and applied actions live here too, so an interrupted ``--apply`` resumes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gazoguard.core.errors import GazoError

LEDGER_NAME = "ledger.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
  source TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL, status TEXT NOT NULL,
  row TEXT NOT NULL, findings TEXT NOT NULL,
  PRIMARY KEY (source, path, sha256));
CREATE INDEX IF NOT EXISTS results_sha ON results (sha256);
CREATE TABLE IF NOT EXISTS actions (
  id TEXT PRIMARY KEY, source TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL,
  action TEXT NOT NULL, status TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '{}');
"""


class VersionMismatch(GazoError):
    """The run directory holds results of another engine or policy."""

    def __init__(self, key: str, stored: str, current: str) -> None:
        super().__init__("scan_version_mismatch", detail=f"{key}: {stored} → {current}")
        self.key, self.stored, self.current = key, stored, current
        self.message_ja = f"この実行フォルダは別の{_LABEL_JA.get(key, key)}で作られています（{stored} → {current}）。新しい --out を使うか --restart で作り直してください。"
        self.message_en = f"This run folder was made with another {key} ({stored} → {current}); use a new --out or --restart."


_LABEL_JA = {"engine": "エンジン", "policy": "ポリシー"}


class Ledger:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a committed row survives a killed process
        self._db.executescript(SCHEMA)

    @classmethod
    def open(cls, run_dir: Path, versions: dict[str, str], *, restart: bool = False) -> Ledger:
        """Open (or create) the ledger of ``run_dir``; raise :class:`VersionMismatch` on other versions."""
        run_dir.mkdir(parents=True, exist_ok=True)
        path = run_dir / LEDGER_NAME
        if restart and path.exists():
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        ledger = cls(path)
        stored = ledger.meta()
        for key, value in versions.items():
            if key in stored and stored[key] != value:
                ledger.close()
                raise VersionMismatch(key, stored[key], value)
        ledger._db.executemany("INSERT OR IGNORE INTO meta VALUES (?, ?)", versions.items())
        return ledger

    def meta(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM meta"))

    def has(self, source: str, path: str, sha256: str) -> bool:
        found = self._db.execute("SELECT 1 FROM results WHERE source=? AND path=? AND sha256=?", (source, path, sha256))
        return found.fetchone() is not None

    def result_for_content(self, sha256: str) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
        """A finished result of the same bytes under another name (exact duplicates are checked once)."""
        found = self._db.execute(
            "SELECT row, findings FROM results WHERE sha256=? AND status='ok' ORDER BY rowid LIMIT 1", (sha256,)).fetchone()
        return (json.loads(found[0]), json.loads(found[1])) if found else None

    def record(self, row: dict[str, Any], findings: list[dict[str, Any]]) -> bool:
        """Insert one result; False when that (source, path, sha256) was already recorded."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO results VALUES (?, ?, ?, ?, ?, ?)",
            (row["source"], row["path"], row["sha256"], row["status"], _dump(row), _dump(findings)))
        return cursor.rowcount == 1

    def count(self, status: str | None = None) -> int:
        if status is None:
            return self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        return self._db.execute("SELECT COUNT(*) FROM results WHERE status=?", (status,)).fetchone()[0]

    def rows(self, *, batch: int = 2000) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
        """Every result in (source, path, sha256) order, read in batches (memory stays flat)."""
        last = ("", "", "")
        while True:
            chunk = self._db.execute(
                "SELECT source, path, sha256, row, findings FROM results WHERE (source, path, sha256) > (?, ?, ?) "
                "ORDER BY source, path, sha256 LIMIT ?", (*last, batch)).fetchall()
            if not chunk:
                return
            for source, path, sha256, row, findings in chunk:
                yield json.loads(row), json.loads(findings)
            last = chunk[-1][:3]

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """A read-only aggregate over the results (report and duplicate groups)."""
        return self._db.execute(sql, params).fetchall()

    # actions -----------------------------------------------------------------------------------
    def plan_action(self, action_id: str, row: dict[str, Any], action: str, detail: dict[str, Any]) -> None:
        self._db.execute("INSERT OR IGNORE INTO actions VALUES (?, ?, ?, ?, ?, 'planned', ?)",
                         (action_id, row["source"], row["path"], row["sha256"], action, _dump(detail)))

    def set_action_status(self, action_id: str, status: str) -> None:
        self._db.execute("UPDATE actions SET status=? WHERE id=?", (status, action_id))

    def actions(self) -> list[dict[str, Any]]:
        names = ("id", "source", "path", "sha256", "action", "status", "detail")
        found = self._db.execute("SELECT id, source, path, sha256, action, status, detail FROM actions ORDER BY id")
        return [dict(zip(names, r[:6] + (json.loads(r[6]),), strict=True)) for r in found]

    def close(self) -> None:
        self._db.close()


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
