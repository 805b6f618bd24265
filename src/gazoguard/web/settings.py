"""Settings for the web app, from environment variables (GAZOGUARD_*) or a .env file."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GAZOGUARD_", env_file=".env", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8000
    max_upload_mb: int = 25
    data_dir: Path = Path("gazoguard-data")
    database_url: str = ""  # empty: SQLite in data_dir
    default_profile: str = "personal"
    warm_up: bool = True
    # intake gateway (/api/v1/intake, and the staff console unless console=false: an API-only deployment)
    console: bool = True
    vault_key: str = ""  # base64 AES-256 key; empty: data_dir/vault.key, created 0600 on first run
    retention_interval_s: float = 3600.0  # how often expired cases are purged while serving (also on every open); 0: only on open and by command
    login_max_failures: int = 5  # wrong passwords per (client, user name) per login_window_s, then 429 for that pair
    login_max_failures_per_client: int = 20  # wrong passwords per client address (any names) per window
    login_max_failures_per_name: int = 100  # per user name from all clients together (a spread-out guess)
    login_window_s: float = 900.0
    # browser guards: the Host names served besides loopback and `host` (e.g. the name behind a reverse proxy)
    allowed_hosts: list[str] = []
    body_idle_timeout_s: float = 20.0  # an upload with no byte for this long is closed (408)
    body_total_timeout_s: float = 120.0  # and one whose body is not in after this long
    # the audit log's signed checkpoints, kept outside the database; empty: data_dir/audit-anchor/
    audit_anchor_dir: Path | None = None
    # hash registry: anonymous registrations and matches per client address per hour
    registry_registrations_per_hour: int = 10
    registry_anonymous_matches_per_hour: int = 60
    cookie_secure: bool = False  # set true behind HTTPS
    # escalation alerts by e-mail (empty smtp_host: alerts stay queued and are shown as such in the console)
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"  # starttls | tls (implicit, port 465) | none
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_sender: str = "gazoguard@localhost"
    smtp_timeout_s: float = 10.0
    smtp_ca_file: str = ""
    alert_interval_s: float = 15.0  # how often due alerts are sent
    alert_max_attempts: int = 5
    alert_backoff_s: float = 30.0  # the wait after the first failure; doubled after each further one
    timezone: str = "Asia/Tokyo"  # how times are shown on the console and the customer pages (IANA name)

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024

    @property
    def anchor_dir(self) -> Path:
        return self.audit_anchor_dir or self.data_dir / "audit-anchor"

    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'gazoguard.sqlite3'}"
