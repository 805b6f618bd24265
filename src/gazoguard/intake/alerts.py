"""Alerts along the escalation line, recorded as outbox rows (the deployment's mailer sends them)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from gazoguard.intake.policy import Policy
from gazoguard.store.models import Alert, Case

SUBJECTS = {
    "escalate": ("確認が必要な画像", "a picture needs a manager's review"),
    "report": ("通報の判断が必要な画像", "a picture may need reporting"),
}


def raise_alerts(session: Session, policy: Policy, case: Case, action: str) -> list[Alert]:
    """One row per person on the line for ``action``; subjects name the case only, never customer data."""
    ja, en = SUBJECTS.get(action, ("確認が必要な画像", "a picture needs review"))
    alerts = [
        Alert(org_id=case.org_id, case_id=case.id, recipient=recipient, action=action,
              subject=f"[画像ガード] {ja} / {en}: case {case.public_id}")
        for recipient in policy.escalation.get(action, ())
    ]
    session.add_all(alerts)
    return alerts
