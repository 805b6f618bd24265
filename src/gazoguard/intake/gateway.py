"""The gateway's long-lived parts for one deployment: the database, the encrypted vault and retention.

Retention belongs to intake, not to any page: whoever opens the gateway (the web
app with or without the console, an API-only deployment, a CLI command) purges
what is past its date on opening, and a serving process keeps purging every
``retention_interval_s`` through :meth:`Gateway.serve_retention`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gazoguard.core.private_files import private_dir
from gazoguard.intake.delivery import AlertSender, RetryPolicy
from gazoguard.intake.mailer import SmtpConfig
from gazoguard.intake.retention import RetentionScheduler, purge_expired
from gazoguard.intake.vault import Vault, load_or_create_key
from gazoguard.store.anchor import AuditAnchor
from gazoguard.store.db import Store, open_store


@dataclass
class Gateway:
    store: Store
    vault: Vault
    data_dir: Path
    scheduler: RetentionScheduler | None = field(default=None, repr=False)
    sender: AlertSender | None = field(default=None, repr=False)

    @classmethod
    def open(cls, database_url: str, data_dir: Path, vault_key: str = "", anchor_dir: Path | None = None, *,
             purge_on_open: bool = True) -> Gateway:
        data_dir = private_dir(Path(data_dir))
        store = open_store(database_url)
        store.anchor = AuditAnchor(anchor_dir or data_dir / "audit-anchor")
        vault = Vault(data_dir / "vault", load_or_create_key(data_dir, vault_key))
        _recover_vault(store, vault)
        gateway = cls(store, vault, data_dir)
        if purge_on_open:
            purge_expired(store, vault)
        return gateway

    @classmethod
    def from_settings(cls, settings, *, purge_on_open: bool = True) -> Gateway:  # type: ignore[no-untyped-def]
        return cls.open(settings.sqlalchemy_url, settings.data_dir, getattr(settings, "vault_key", ""),
                        getattr(settings, "anchor_dir", None), purge_on_open=purge_on_open)

    def serve_retention(self, interval_s: float) -> RetentionScheduler | None:
        """Start purging every ``interval_s`` seconds (0 or less: only on open and by command)."""
        if interval_s <= 0 or self.scheduler is not None:
            return self.scheduler
        self.scheduler = RetentionScheduler(self.store, self.vault, interval_s)
        self.scheduler.start()
        return self.scheduler

    def serve_alerts(self, settings) -> AlertSender | None:  # type: ignore[no-untyped-def]
        """Start delivering escalation alerts over SMTP when the settings name a server."""
        config = SmtpConfig.from_settings(settings)
        if config is None or self.sender is not None:
            return self.sender
        retry = RetryPolicy(settings.alert_max_attempts, settings.alert_backoff_s)
        self.sender = AlertSender(self.store, config, retry, settings.alert_interval_s)
        self.sender.start()
        return self.sender

    def stop_alerts(self) -> None:
        if self.sender is not None:
            self.sender.stop()
            self.sender = None

    def stop_retention(self) -> None:
        if self.scheduler is not None:
            self.scheduler.stop()
            self.scheduler = None

    def close(self) -> None:
        self.stop_alerts()
        self.stop_retention()
        self.store.close()


def _recover_vault(store: Store, vault: Vault) -> None:
    """Publish or remove the staged files of intakes that a killed process left (see :meth:`Vault.stage`)."""
    from sqlalchemy import select

    from gazoguard.store.models import CaseImage

    def referenced(name: str) -> bool:
        with store.session() as session:
            return session.execute(select(CaseImage.id).where(CaseImage.file_name == name)).first() is not None

    vault.recover(referenced)

