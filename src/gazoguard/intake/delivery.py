"""Delivering escalation alerts: every due alert is sent, retried with exponential backoff, then delivered or failed.

An alert's life: ``queued`` → sent → ``delivered``; on an error ``retrying`` with ``next_attempt_at`` pushed back
``backoff_s × 2^(attempts-1)``; after ``max_attempts`` tries ``failed`` (shown in the console, where an admin can
queue it again). Each outcome is written to the audit trail; the mail names the case only, never customer data.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from gazoguard.intake.mailer import SmtpConfig, send_mail
from gazoguard.store import audit
from gazoguard.store.db import Store
from gazoguard.store.models import Alert, Case, utcnow

log = logging.getLogger(__name__)
PENDING = ("queued", "retrying")


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    backoff_s: float = 30.0

    def delay(self, attempts: int) -> dt.timedelta:
        return dt.timedelta(seconds=self.backoff_s * 2 ** max(0, attempts - 1))


@dataclass(frozen=True)
class DeliveryRun:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0


def body_for(alert: Alert, case: Case | None) -> str:
    ref = case.public_id if case else "?"
    return (f"画像ガードの受付コンソールで、案件 {ref} の確認をお願いします（/console/cases/{ref}）。\n"
            f"この連絡には、お客様の画像や個人情報は含まれていません。\n\n"
            f"Please review case {ref} in the gazoguard intake console (/console/cases/{ref}).\n"
            f"This message carries no picture and no customer details.\n")


def deliver_due(store: Store, config: SmtpConfig, retry: RetryPolicy = RetryPolicy(), *,
                now: dt.datetime | None = None) -> DeliveryRun:
    """Try every alert whose time has come, once each; returns how many were delivered, put back or given up."""
    moment = now or utcnow()
    counts = {"delivered": 0, "retrying": 0, "failed": 0}
    with store.session() as session:
        due = list(session.execute(
            select(Alert.id).where(Alert.status.in_(PENDING),
                                   or_(Alert.next_attempt_at.is_(None), Alert.next_attempt_at <= moment))
            .order_by(Alert.id)).scalars())
    for alert_id in due:  # one transaction per alert: no database lock is held while a mail server is slow
        with store.session() as session:
            alert = session.get(Alert, alert_id)
            if alert is not None and alert.status in PENDING:
                counts[_attempt(store, session, alert, config, retry, moment)] += 1
    return DeliveryRun(**counts)


def _attempt(store: Store, session: Session, alert: Alert, config: SmtpConfig, retry: RetryPolicy,
             moment: dt.datetime) -> str:
    alert.attempts += 1
    try:
        send_mail(config, alert.recipient, alert.subject, body_for(alert, session.get(Case, alert.case_id)))
    except Exception as err:  # noqa: BLE001 - every SMTP or network failure is a failed attempt, never a crash
        alert.last_error = f"{type(err).__name__}: {err}"[:500]
        if alert.attempts >= retry.max_attempts:
            alert.status, alert.next_attempt_at = "failed", None
            audit.append(store, session, "system:mailer", "alert_failed", f"alert:{alert.id}", attempts=alert.attempts)
        else:
            alert.status, alert.next_attempt_at = "retrying", moment + retry.delay(alert.attempts)
        session.flush()
        return alert.status
    alert.status, alert.delivered_at, alert.next_attempt_at, alert.last_error = "delivered", moment, None, None
    audit.append(store, session, "system:mailer", "alert_delivered", f"alert:{alert.id}", attempts=alert.attempts)
    session.flush()
    return "delivered"


def requeue(session: Session, alert: Alert) -> None:
    """An admin's "send again" for a failed alert: a fresh round of attempts, starting now."""
    if alert.status == "failed":
        alert.status, alert.attempts, alert.next_attempt_at = "queued", 0, None


class AlertSender:
    """Runs :func:`deliver_due` every ``interval_s`` seconds in a daemon thread while the app runs."""

    def __init__(self, store: Store, config: SmtpConfig, retry: RetryPolicy, interval_s: float) -> None:
        self.store, self.config, self.retry, self.interval_s = store, config, retry, interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="gazoguard-alerts", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                deliver_due(self.store, self.config, self.retry)
            except Exception:  # noqa: BLE001 - the next round retries
                log.exception("alert delivery failed")
