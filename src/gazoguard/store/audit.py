"""The hash-chained audit log: every view, download, decision, deletion and policy change.

Entry *n* stores ``hash = sha256(prev_hash ‖ canonical(seq, at, actor, action, target, detail))`` with
``prev_hash`` = entry *n-1*'s hash; the head row keeps the newest (seq, hash).  Editing an entry breaks
its hash, removing one breaks the sequence and the next entry's link, reordering breaks the links, and
removing the newest entries disagrees with the head.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gazoguard.store.db import Store
from gazoguard.store.models import AuditEntry, AuditHead, utcnow

GENESIS = "0" * 64


def entry_hash(prev_hash: str, seq: int, at: str, actor: str, action: str, target: str, detail: str) -> str:
    canonical = json.dumps([seq, at, actor, action, target, detail], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def _at_text(entry: AuditEntry) -> str:
    return entry.at.isoformat(timespec="microseconds")


def append(store: Store, session: Session, actor: str, action: str, target: str = "", **detail: Any) -> AuditEntry:
    """Append one entry inside ``session``'s transaction (it commits with the change it records)."""
    with store.audit_lock:
        query = select(AuditHead).where(AuditHead.id == 1)
        if store.dialect == "postgresql":
            query = query.with_for_update()
        head = session.execute(query).scalar_one_or_none()
        if head is None:
            head = AuditHead(id=1, seq=0, hash=GENESIS)
            session.add(head)
        detail_text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
        at = utcnow()
        seq = head.seq + 1
        entry = AuditEntry(seq=seq, at=at, actor=actor, action=action, target=target, detail=detail_text, prev_hash=head.hash)
        entry.hash = entry_hash(head.hash, seq, _at_text(entry), actor, action, target, detail_text)
        session.add(entry)
        head.seq, head.hash = seq, entry.hash
        session.flush()
        return entry


@dataclass(frozen=True)
class Break:
    seq: int
    problem: str  # edited | missing | reordered | head_mismatch

    def describe(self) -> tuple[str, str]:
        ja = {
            "edited": "内容が書き換えられています",
            "missing": "直前の記録が削除されています",
            "reordered": "順序が入れ替えられているか、前の記録とつながっていません",
            "head_mismatch": "最新の記録が削除されたか、末尾が書き換えられています",
        }[self.problem]
        en = {
            "edited": "its content was edited",
            "missing": "the entry before it was removed",
            "reordered": "it was reordered or does not link to the entry before it",
            "head_mismatch": "the newest entries were removed or the tail was rewritten",
        }[self.problem]
        return f"記録 #{self.seq}: {ja}", f"entry #{self.seq}: {en}"


def verify(session: Session) -> list[Break]:
    """Every break in the chain, oldest first; empty when the log is intact."""
    breaks: list[Break] = []
    prev_hash, expected_seq = GENESIS, 1
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
        recomputed = entry_hash(entry.prev_hash, entry.seq, _at_text(entry), entry.actor, entry.action, entry.target, entry.detail)
        if recomputed != entry.hash:
            breaks.append(Break(entry.seq, "edited"))
        elif entry.seq != expected_seq:
            breaks.append(Break(entry.seq, "missing"))
        elif entry.prev_hash != prev_hash:
            breaks.append(Break(entry.seq, "reordered"))
        prev_hash, expected_seq = entry.hash, entry.seq + 1
    head = session.get(AuditHead, 1)
    last_seq = expected_seq - 1
    if head is not None and (head.seq != last_seq or head.hash != prev_hash):
        breaks.append(Break(head.seq, "head_mismatch"))
    return breaks


def entries(session: Session, *, limit: int = 200, offset: int = 0) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit).offset(offset)
    return list(session.execute(query).scalars())
