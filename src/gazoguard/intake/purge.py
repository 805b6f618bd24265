"""Deleting one case everywhere: its encrypted files, its rows, its alerts — logged, then audited."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from gazoguard.intake.vault import Vault
from gazoguard.store import audit
from gazoguard.store.db import Store
from gazoguard.store.models import Alert, Case, CaseImage, RetentionLogEntry


@dataclass(frozen=True)
class Deleted:
    case_public_id: str
    purpose: str
    files: int
    rows: int


def count_case(session: Session, case: Case, vault: Vault) -> Deleted:
    files = sum(1 for image in case.images if image.file_name and vault.path_for(image.file_name).exists())
    alerts = session.execute(select(func.count()).select_from(Alert).where(Alert.case_id == case.id)).scalar_one()
    return Deleted(case.public_id, case.purpose, files, 1 + len(case.images) + alerts)


def delete_case(store: Store, session: Session, vault: Vault, case: Case, *, actor: str, reason: str) -> Deleted:
    counted = count_case(session, case, vault)
    files = 0
    for image in case.images:
        if image.file_name and vault.delete(image.file_name):
            files += 1
    session.execute(delete(Alert).where(Alert.case_id == case.id))
    session.execute(delete(CaseImage).where(CaseImage.case_id == case.id))
    session.execute(delete(Case).where(Case.id == case.id))
    session.expunge(case)
    session.add(RetentionLogEntry(org_id=case.org_id, case_public_id=case.public_id, purpose=case.purpose, reason=reason,
                                  files_deleted=files, rows_deleted=counted.rows))
    audit.append(store, session, actor, "delete", f"case:{case.public_id}", org_id=case.org_id, reason=reason, files=files, rows=counted.rows)
    return Deleted(case.public_id, case.purpose, files, counted.rows)
