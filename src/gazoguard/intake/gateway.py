"""The gateway's long-lived parts for one deployment: the database and the encrypted vault."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gazoguard.private_files import private_dir
from gazoguard.intake.vault import Vault, load_or_create_key
from gazoguard.store.anchor import AuditAnchor
from gazoguard.store.db import Store, open_store


@dataclass
class Gateway:
    store: Store
    vault: Vault
    data_dir: Path

    @classmethod
    def open(cls, database_url: str, data_dir: Path, vault_key: str = "", anchor_dir: Path | None = None) -> Gateway:
        data_dir = private_dir(Path(data_dir))
        store = open_store(database_url)
        store.anchor = AuditAnchor(anchor_dir or data_dir / "audit-anchor")
        vault = Vault(data_dir / "vault", load_or_create_key(data_dir, vault_key))
        _recover_vault(store, vault)
        return cls(store, vault, data_dir)

    @classmethod
    def from_settings(cls, settings) -> Gateway:  # type: ignore[no-untyped-def]
        return cls.open(settings.sqlalchemy_url, settings.data_dir, getattr(settings, "vault_key", ""), settings.anchor_dir)

    def close(self) -> None:
        self.store.close()


def _recover_vault(store: Store, vault: Vault) -> None:
    """Publish or remove the staged files of intakes that a killed process left (see :meth:`Vault.stage`)."""
    from sqlalchemy import select

    from gazoguard.store.models import CaseImage

    def referenced(name: str) -> bool:
        with store.session() as session:
            return session.execute(select(CaseImage.id).where(CaseImage.file_name == name)).first() is not None

    vault.recover(referenced)


def add_store_arguments(parser) -> None:  # type: ignore[no-untyped-def]
    """--data-dir / --database-url for CLI commands (defaults: GAZOGUARD_DATA_DIR / GAZOGUARD_DATABASE_URL)."""
    parser.add_argument("--data-dir", type=Path, default=None, help="データの場所 / data directory")
    parser.add_argument("--database-url", default=None, help="SQLAlchemy URL (既定: data-dir の SQLite / default: SQLite in data-dir)")


def gateway_from_args(args) -> Gateway:  # type: ignore[no-untyped-def]
    from gazoguard.web.settings import Settings

    overrides = {k: v for k, v in (("data_dir", args.data_dir), ("database_url", args.database_url)) if v}
    return Gateway.from_settings(Settings(**overrides))
