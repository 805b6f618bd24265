"""Who may see what, the review queue, assignment and decisions.

Staff see only the cases assigned to them and never a restricted one; admins see every case of their
organisation; auditors see no case at all (only logs and the policy).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from gazoguard.auth.roles import Role
from gazoguard.store import audit
from gazoguard.store.db import Store
from gazoguard.store.models import Case, CaseImage, User

DECISIONS = ("approve", "ask_resend", "escalate", "close")


def can_view_case(user: User, case: Case) -> bool:
    if user.org_id is not None and user.org_id != case.org_id:
        return False
    if user.role == Role.ADMIN:
        return True
    return user.role == Role.STAFF and case.assigned_to == user.id and not case.restricted


def can_view_image(user: User, image: CaseImage) -> bool:
    """Restricted pictures are never served to anyone but an admin, whatever the case's assignment."""
    if image.restricted and user.role != Role.ADMIN:
        return False
    return image.file_name is not None and can_view_case(user, image.case)


def queue_for(session: Session, user: User, *, restricted: bool = False) -> list[Case]:
    query = select(Case).order_by(Case.created_at.desc(), Case.id.desc()).limit(500)
    if user.org_id is not None:
        query = query.where(Case.org_id == user.org_id)
    if user.role == Role.ADMIN:
        query = query.where(Case.restricted == restricted)
    elif user.role == Role.STAFF and not restricted:
        query = query.where(Case.assigned_to == user.id, Case.restricted.is_(False))
    else:
        return []
    return list(session.execute(query).scalars())


def assignable_staff(session: Session, org_id: str) -> list[User]:
    query = select(User).where(User.role == Role.STAFF, (User.org_id == org_id) | User.org_id.is_(None)).order_by(User.username)
    return list(session.execute(query).scalars())


def assign(store: Store, session: Session, admin: User, case: Case, staff: User | None) -> None:
    if case.restricted and staff is not None:
        raise PermissionError("restricted cases stay with admins")
    if staff is not None and staff.role != Role.STAFF:
        raise PermissionError("cases are assigned to staff")
    if staff is not None and staff.org_id is not None and staff.org_id != case.org_id:
        raise PermissionError("cases are assigned to staff of their own organisation")
    if admin.org_id is not None and admin.org_id != case.org_id:
        raise PermissionError("an admin assigns only their organisation's cases")
    case.assigned_to = staff.id if staff else None
    audit.append(store, session, f"user:{admin.username}", "assign", f"case:{case.public_id}", org_id=case.org_id,
                 to=staff.username if staff else None)


def decide(store: Store, session: Session, user: User, case: Case, decision: str, image: CaseImage | None = None) -> None:
    if decision not in DECISIONS:
        raise ValueError(decision)
    if image is not None:
        image.decision, image.decided_by = decision, user.id
    if decision == "close":
        case.status = "closed"
    elif decision == "escalate":
        case.status, case.assigned_to = "escalated", None
    else:
        case.status = "open"
    audit.append(store, session, f"user:{user.username}", "decision", f"case:{case.public_id}", org_id=case.org_id,
                 decision=decision, image=image.public_id if image else None)
