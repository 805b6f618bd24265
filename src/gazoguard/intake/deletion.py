"""Customer deletion requests: recorded with a deadline, carried out across every copy, then closed."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from gazoguard.intake.policies import current_policy
from gazoguard.intake.purge import delete_case
from gazoguard.intake.vault import Vault
from gazoguard.store import audit
from gazoguard.store.db import Store
from gazoguard.store.models import Case, DeletionRequest, utcnow


def record_request(store: Store, session: Session, org_id: str, customer_ref: str, *, actor: str) -> DeletionRequest:
    customer_ref = customer_ref.strip()
    if not customer_ref or len(customer_ref) > 200:
        from gazoguard.intake.errors import IntakeError

        raise IntakeError("bad_field", field="customer_ref")
    policy = current_policy(session, org_id)
    now = utcnow()
    request = DeletionRequest(public_id=uuid.uuid4().hex, org_id=org_id, customer_ref=customer_ref, received_at=now,
                              deadline=now + dt.timedelta(days=policy.deletion_deadline_days), recorded_by=actor)
    session.add(request)
    session.flush()
    audit.append(store, session, actor, "deletion_request", f"deletion:{request.public_id}", org_id=request.org_id, deadline=request.deadline.isoformat())
    return request


def carry_out(store: Store, session: Session, vault: Vault, request: DeletionRequest, *, actor: str) -> DeletionRequest:
    """Delete every case of the customer (files, rows, alerts) and close the request with the counts."""
    query = select(Case).where(Case.org_id == request.org_id, Case.customer_ref == request.customer_ref)
    cases = list(session.execute(query).scalars())
    files = rows = 0
    for case in cases:
        deleted = delete_case(store, session, vault, case, actor=actor, reason="deletion_request")
        files += deleted.files
        rows += deleted.rows
    request.status, request.completed_at = "completed", utcnow()
    request.cases_deleted, request.files_deleted, request.rows_deleted = len(cases), files, rows
    audit.append(store, session, actor, "deletion_complete", f"deletion:{request.public_id}", org_id=request.org_id,
                 cases=len(cases), files=files, rows=rows)
    return request


def list_requests(session: Session, org_id: str | None) -> list[DeletionRequest]:
    query = select(DeletionRequest).order_by(DeletionRequest.received_at.desc())
    if org_id is not None:
        query = query.where(DeletionRequest.org_id == org_id)
    return list(session.execute(query).scalars())
