"""Retention by deletion: cases past their purpose's period are deleted everywhere (scheduled + CLI)."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import select

from gazoguard.intake.purge import Deleted, count_case, delete_case
from gazoguard.intake.vault import Vault
from gazoguard.store.db import Store
from gazoguard.store.models import Case, utcnow

ACTOR = "system:retention"


def purge_expired(store: Store, vault: Vault, *, now: dt.datetime | None = None, dry_run: bool = False,
                  org_id: str | None = None, actor: str = ACTOR) -> list[Deleted]:
    """Delete (or with ``dry_run`` only list) every case whose retention has ended; with ``org_id``, only
    that organisation's.  ``actor`` is who the audit log names (the scheduler, or the admin who asked)."""
    now = now or utcnow()
    done: list[Deleted] = []
    query = select(Case.id).where(Case.expires_at <= now).order_by(Case.id)
    if org_id is not None:
        query = query.where(Case.org_id == org_id)
    with store.session() as session:
        ids = list(session.execute(query).scalars())
    for case_id in ids:  # one transaction per case: a failure leaves the others done and logged
        with store.session() as session:
            case = session.get(Case, case_id)
            if case is None:
                continue
            if dry_run:
                done.append(count_case(session, case, vault))
            else:
                done.append(delete_case(store, session, vault, case, actor=actor, reason="retention"))
    return done


class RetentionScheduler:
    """Runs :func:`purge_expired` every ``interval_s`` seconds in a daemon thread while the app runs."""

    def __init__(self, store: Store, vault: Vault, interval_s: float) -> None:
        self.store, self.vault, self.interval_s = store, vault, interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="gazoguard-retention", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                purge_expired(self.store, self.vault)
            except Exception:  # noqa: BLE001 - the next run retries; one failure must not stop retention
                import logging

                logging.getLogger(__name__).exception("retention purge failed")
