"""The action plan of a scan (keep / delete / quarantine / report), and ``--apply``.

Planning is pure: each result row and the policy give one :class:`PlanItem`.  Nothing moves or is
deleted unless ``--apply`` is given.  Applying walks the plan in a fixed order; each action is marked
*started* in the ledger, carried out, written to the hash-chained audit log
(:mod:`gazoguard.store.audit`, in ``RUN_DIR/audit.sqlite`` — ``gazoguard audit verify --database-url
sqlite:///RUN_DIR/audit.sqlite`` checks it), then marked *done*.  A re-run after an interruption
finishes a started action from the state of the files (deleted already? moved already?) and finds its
audit entry by the action id, so no action is repeated or lost.  A file whose bytes changed since the
scan is never touched.  Entries inside archives and pictures of the intake store are planned, not
applied here (an archive is not rewritten; the intake store has its own retention and deletion).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gazoguard.scan.ledger import Ledger
from gazoguard.scan.sources import NEST

PERSONAL = frozenset({"personal_text", "document", "identity"})
SERIOUS = frozenset({"danger", "block"})
APPLIED = frozenset({"delete", "quarantine", "report"})
DERIVATIVE_MARKS = (".redacted", ".annotated")  # what gazoguard redact / check --annotate write beside a picture

LABELS = {
    "keep": ("保持", "keep"), "delete": ("削除", "delete"),
    "quarantine": ("隔離（管理者のみ）", "quarantine (admins only)"), "report": ("通報・隔離", "report and quarantine"),
}
WHY = {
    "not_checked": ("確認できなかったため人が確認します", "not checked: a person looks at it"),
    "sexual_and_minor": ("未成年の可能性と性的な内容：責任者へ通報", "possible minor with sexual content: report to the responsible person"),
    "possible_minor": ("未成年の可能性：表示せず隔離", "possible minor: quarantined, never displayed"),
    "sexual": ("性的な内容（ポリシーによる）", "sexual content (per policy)"),
    "retention_passed": ("個人情報を含み保存期間（{days} 日）を過ぎています", "personal data past its retention ({days} days)"),
    "within_retention": ("個人情報を含みますが保存期間内です", "personal data, still within retention"),
    "no_retention": ("個人情報を含みます（保存期間の定めなし）", "personal data (no retention set)"),
    "nothing_to_do": ("問題なし", "nothing to act on"),
}


@dataclass(frozen=True)
class ScanPolicy:
    """What the scan needs from the policy file: retention, and what happens to sexual content."""

    retention_days: int | None = None
    sexual: str = "quarantine"  # quarantine | delete
    sha256: str = "none"
    profile: str = "business-intake"

    @classmethod
    def load(cls, path: Path | None) -> ScanPolicy:
        if path is None:
            return cls()
        from gazoguard.intake.policy import parse_policy

        text = path.read_text(encoding="utf-8")
        policy = parse_policy(text)
        extra = tomllib.loads(text).get("scan", {})
        purpose = extra.get("purpose", policy.default_purpose)
        sexual = extra.get("sexual", "quarantine")
        if sexual not in ("quarantine", "delete"):
            from gazoguard.intake.errors import IntakeError

            raise IntakeError("bad_policy", detail="scan.sexual: quarantine or delete")
        return cls(policy.retention_for(purpose), sexual, policy.sha256, policy.profile)


@dataclass(frozen=True)
class PlanItem:
    id: str
    source: str
    path: str
    sha256: str
    action: str
    why: str
    days: int | None
    applicable: bool  # a plain file of a folder source: --apply can act on it

    def to_dict(self) -> dict[str, Any]:
        ja, en = WHY[self.why]
        return {"id": self.id, "source": self.source, "path": self.path, "sha256": self.sha256,
                "action": self.action, "why": self.why, "why_ja": ja.format(days=self.days), "why_en": en.format(days=self.days),
                "applicable": self.applicable}


def plan_for(row: dict[str, Any], policy: ScanPolicy, now: dt.datetime) -> PlanItem | None:
    """The action for one result row; None for a listed entry that is not an image (nothing to act on)."""
    if row["status"] == "skipped":
        return None
    action, why = _decide(row, policy, now)
    ident = hashlib.sha256(f"{row['source']}\0{row['path']}\0{row['sha256']}".encode()).hexdigest()[:20]
    applicable = NEST not in row["path"] and Path(row["source"]).is_dir()
    return PlanItem(ident, row["source"], row["path"], row["sha256"], action, why, policy.retention_days, applicable)


def _decide(row: dict[str, Any], policy: ScanPolicy, now: dt.datetime) -> tuple[str, str]:
    if row["status"] != "ok":
        return "keep", "not_checked"
    if row["sexual"] and row["minor"]:
        return "report", "sexual_and_minor"
    if row["minor"]:
        return "quarantine", "possible_minor"
    if row["sexual"]:
        return policy.sexual, "sexual"
    if set(row["categories"]) & PERSONAL and row["level"] in SERIOUS:
        if policy.retention_days is None:
            return "keep", "no_retention"
        stamp = dt.datetime.fromisoformat(row["file_time"]) if row["file_time"] else now
        if now - stamp > dt.timedelta(days=policy.retention_days):
            return "delete", "retention_passed"
        return "keep", "within_retention"
    return "keep", "nothing_to_do"


def build_plan(ledger: Ledger, policy: ScanPolicy, now: dt.datetime) -> list[PlanItem]:
    """The plan of every row, stored in the ledger (an action keeps its id and status across runs)."""
    items = []
    for row, _ in ledger.rows():
        item = plan_for(row, policy, now)
        if item is None:
            continue
        items.append(item)
        if item.action in APPLIED:
            ledger.plan_action(item.id, row, item.action, item.to_dict())
    return items


def apply_plan(ledger: Ledger, run_dir: Path, *, actor: str = "scan", quarantine: Path | None = None) -> dict[str, int]:
    """Carry out every planned delete / quarantine / report on folder files; returns counts by outcome."""
    from gazoguard.store import audit
    from gazoguard.store.db import open_store
    from gazoguard.store.models import AuditEntry

    store = open_store(f"sqlite:///{run_dir / 'audit.sqlite'}")
    vault = quarantine or run_dir / "quarantine"
    counts: dict[str, int] = {}
    try:
        for item in ledger.actions():
            if item["status"] in ("done", "changed", "not_applicable"):
                continue
            detail = item["detail"]
            if not detail.get("applicable"):
                outcome = "not_applicable"
            else:
                outcome = _carry_out(item, vault, resumed=item["status"] == "started", ledger=ledger)
            if outcome == "done":
                with store.session() as session:
                    recorded = session.query(AuditEntry).filter_by(target=item["id"]).first()
                    if recorded is None:
                        audit.append(store, session, actor, f"scan_{item['action']}", item["id"], source=item["source"],
                                     path=item["path"], sha256=item["sha256"], why=detail.get("why"))
            ledger.set_action_status(item["id"], outcome)
            counts[outcome] = counts.get(outcome, 0) + 1
    finally:
        store.close()
    return counts


def _carry_out(item: dict[str, Any], vault: Path, *, resumed: bool, ledger: Ledger) -> str:
    original = Path(item["source"]) / item["path"]
    kept = vault / (item["sha256"] + original.suffix.lower())
    if not original.exists():
        # gone: done by an interrupted earlier apply (it was marked started), or by someone else
        return "done" if resumed and (item["action"] == "delete" or kept.exists()) else "changed"
    if _sha256(original) != item["sha256"]:
        return "changed"  # the file is not what was scanned: never act on it
    ledger.set_action_status(item["id"], "started")
    if item["action"] == "delete":
        for derivative in _derivatives(original):
            derivative.unlink(missing_ok=True)
        original.unlink()
    else:
        _move_restricted(original, kept)
    return "done"


def _derivatives(original: Path) -> list[Path]:
    return sorted(p for mark in DERIVATIVE_MARKS for p in original.parent.glob(f"{original.stem}{mark}.*") if p != original)


def _move_restricted(original: Path, target: Path) -> None:
    """Into the quarantine folder (0700, files 0600), atomically when on the same file system."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(target.parent, 0o700)
    try:
        os.replace(original, target)
    except OSError:  # another file system: copy, flush, then remove the original
        tmp = target.with_name(target.name + ".tmp")
        shutil.copyfile(original, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        original.unlink()
    os.chmod(target, 0o600)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
