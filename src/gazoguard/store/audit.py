"""The hash-chained audit log: every view, download, decision, deletion and policy change.

Entry *n* stores ``hash = sha256(prev_hash ‖ canonical(seq, at, actor, action, target, detail))`` with
``prev_hash`` = entry *n-1*'s hash; the head row keeps the newest (seq, hash).  Editing an entry breaks
its hash, removing one breaks the sequence and the next entry's link, reordering breaks the links, and
removing the newest entries disagrees with the head.  The head row lives in the same database, so removing
the newest entries *with* the head row, or emptying the log, is caught by the signed checkpoints kept outside
it (:mod:`gazoguard.store.anchor`): every checkpointed entry must still be there with the same hash.

An entry names its organisation (``org_id``, part of the hash when set) so each organisation's admins and
auditors see only their own entries; deployment-wide users see all.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gazoguard.store.anchor import AuditAnchor, Checkpoint
from gazoguard.store.db import Store
from gazoguard.store.models import AuditEntry, AuditHead, utcnow

GENESIS = "0" * 64


def entry_hash(prev_hash: str, seq: int, at: str, actor: str, action: str, target: str, detail: str,
               org_id: str | None = None) -> str:
    fields: list[object] = [seq, at, actor, action, target, detail]
    if org_id is not None:  # entries written before organisations were recorded keep their hashes
        fields.append(org_id)
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def _at_text(entry: AuditEntry) -> str:
    return entry.at.isoformat(timespec="microseconds")


def append(store: Store, session: Session, actor: str, action: str, target: str = "", *, org_id: str | None = None,
           **detail: Any) -> AuditEntry:
    """Append one entry inside ``session``'s transaction (it commits with the change it records).

    ``org_id`` is the organisation the entry belongs to (None: deployment-wide, e.g. a failed sign-in).
    Once the transaction commits, the store's anchor (if any) records a signed checkpoint of the new head.
    """
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
        actor = actor[:100]
        entry = AuditEntry(seq=seq, at=at, actor=actor, action=action, target=target, detail=detail_text, prev_hash=head.hash,
                           org_id=org_id)
        entry.hash = entry_hash(head.hash, seq, _at_text(entry), actor, action, target, detail_text, org_id)
        session.add(entry)
        head.seq, head.hash = seq, entry.hash
        session.flush()
        session.info["audit_head"] = (seq, entry.hash)  # checkpointed after the commit (Store)
        return entry


@dataclass(frozen=True)
class Break:
    seq: int
    problem: str  # edited | missing | reordered | head_mismatch | truncated | anchor_mismatch | anchor_forged

    def describe(self) -> tuple[str, str]:
        ja = {
            "edited": "内容が書き換えられています",
            "missing": "直前の記録が削除されています",
            "reordered": "順序が入れ替えられているか、前の記録とつながっていません",
            "head_mismatch": "最新の記録が削除されたか、末尾が書き換えられています",
            "truncated": "署名付きチェックポイントにある記録がデータベースにありません（末尾・先頭行の削除または全削除）",
            "anchor_mismatch": "署名付きチェックポイントと記録のハッシュが一致しません",
            "anchor_forged": "署名付きチェックポイントの署名が正しくありません",
        }[self.problem]
        en = {
            "edited": "its content was edited",
            "missing": "the entry before it was removed",
            "reordered": "it was reordered or does not link to the entry before it",
            "head_mismatch": "the newest entries were removed or the tail was rewritten",
            "truncated": "a signed checkpoint names this entry but the database no longer has it (tail, head row or all removed)",
            "anchor_mismatch": "the entry's hash differs from the signed checkpoint",
            "anchor_forged": "a checkpoint's signature is wrong",
        }[self.problem]
        return f"記録 #{self.seq}: {ja}", f"entry #{self.seq}: {en}"


def verify(session: Session, anchor: AuditAnchor | None = None, expected: list[Checkpoint] = ()) -> list[Break]:  # type: ignore[assignment]
    """Every break in the chain, oldest first; empty when the log is intact.

    With an ``anchor``, every checkpoint it signed must match an entry still in the database; ``expected``
    are checkpoints from elsewhere (an exported head), checked the same way.
    """
    breaks: list[Break] = []
    state = anchor.read() if anchor is not None else None
    pinned = {c.seq: c.hash for c in (state.checkpoints if state else [])}
    for checkpoint in expected:
        pinned.setdefault(checkpoint.seq, checkpoint.hash)
    mismatched = set()
    prev_hash, expected_seq = GENESIS, 1
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
        recomputed = entry_hash(entry.prev_hash, entry.seq, _at_text(entry), entry.actor, entry.action, entry.target,
                                entry.detail, entry.org_id)
        if recomputed != entry.hash:
            breaks.append(Break(entry.seq, "edited"))
        elif entry.seq != expected_seq:
            breaks.append(Break(entry.seq, "missing"))
        elif entry.prev_hash != prev_hash:
            breaks.append(Break(entry.seq, "reordered"))
        if entry.seq in pinned and pinned[entry.seq] != entry.hash:
            mismatched.add(entry.seq)
        prev_hash, expected_seq = entry.hash, entry.seq + 1
    head = session.get(AuditHead, 1)
    last_seq = expected_seq - 1
    if head is not None and (head.seq != last_seq or head.hash != prev_hash):
        breaks.append(Break(head.seq, "head_mismatch"))
    breaks += [Break(seq, "anchor_mismatch") for seq in sorted(mismatched)[:1]]
    newest = max(pinned, default=0)
    if newest > last_seq:
        breaks.append(Break(newest, "truncated"))
    if state is not None and state.forged:
        breaks.append(Break(0, "anchor_forged"))
    return breaks


def entries(session: Session, *, limit: int = 200, offset: int = 0, org_id: str | None = None) -> list[AuditEntry]:
    """The newest entries; with ``org_id``, only that organisation's."""
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit).offset(offset)
    if org_id is not None:
        query = query.where(AuditEntry.org_id == org_id)
    return list(session.execute(query).scalars())
