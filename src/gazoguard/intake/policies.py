"""Registering policy versions (each change audited) and reading an organisation's current policy."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gazoguard.intake.errors import IntakeError
from gazoguard.intake.policy import Policy, parse_policy
from gazoguard.store import audit
from gazoguard.store.db import Store
from gazoguard.store.models import Organisation, PolicyVersion

_parsed: dict[str, Policy] = {}  # sha256 → parsed policy; versions never change once stored


def register_policy(store: Store, session: Session, text: str, actor: str) -> PolicyVersion:
    """Store ``text`` as the organisation's newest version (a no-op if it is the same text)."""
    policy = parse_policy(text)
    org = session.get(Organisation, policy.org_id)
    if org is None:
        org = Organisation(id=policy.org_id, name=policy.org_name)
        session.add(org)
        session.flush()
    else:
        org.name = policy.org_name
    latest = _latest(session, policy.org_id)
    if latest is not None and latest.sha256 == policy.sha256:
        return latest
    version = PolicyVersion(org_id=policy.org_id, version=(latest.version + 1 if latest else 1), sha256=policy.sha256,
                            text=text, created_by=actor)
    session.add(version)
    session.flush()
    audit.append(store, session, actor, "policy_change", f"policy:{policy.org_id}", org_id=policy.org_id, version=version.version, sha256=policy.sha256)
    return version


def current_policy(session: Session, org_id: str) -> Policy:
    latest = _latest(session, org_id)
    if latest is None:
        raise IntakeError("no_policy", org=org_id)
    if latest.sha256 not in _parsed:
        _parsed[latest.sha256] = parse_policy(latest.text)
    return _parsed[latest.sha256]


def versions(session: Session, org_id: str) -> list[PolicyVersion]:
    query = select(PolicyVersion).where(PolicyVersion.org_id == org_id).order_by(PolicyVersion.version.desc())
    return list(session.execute(query).scalars())


def _latest(session: Session, org_id: str) -> PolicyVersion | None:
    newest = select(func.max(PolicyVersion.version)).where(PolicyVersion.org_id == org_id).scalar_subquery()
    query = select(PolicyVersion).where(PolicyVersion.org_id == org_id, PolicyVersion.version == newest)
    return session.execute(query).scalar_one_or_none()
