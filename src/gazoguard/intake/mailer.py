"""One e-mail over SMTP, with the transport security the deployment chose (STARTTLS, implicit TLS or none).

Credentials and the server come from settings (``GAZOGUARD_SMTP_*``); nothing here retries: ``delivery.py`` does.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

SECURITY = ("starttls", "tls", "none")


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    security: str = "starttls"  # starttls | tls (implicit, usually port 465) | none (a relay on the same machine)
    username: str = ""
    password: str = ""
    sender: str = "gazoguard@localhost"
    timeout_s: float = 10.0
    ca_file: str = ""  # a private CA for the server's certificate; empty: the system's trust store

    def __post_init__(self) -> None:
        if self.security not in SECURITY:
            raise ValueError(f"smtp_security must be one of {', '.join(SECURITY)} (given {self.security!r})")

    @classmethod
    def from_settings(cls, settings) -> SmtpConfig | None:  # type: ignore[no-untyped-def]
        """The settings' SMTP server, or None when no ``smtp_host`` is set (alerts then stay queued)."""
        if not getattr(settings, "smtp_host", ""):
            return None
        return cls(settings.smtp_host, settings.smtp_port, settings.smtp_security, settings.smtp_username,
                   settings.smtp_password, settings.smtp_sender, settings.smtp_timeout_s, settings.smtp_ca_file)

    def tls_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.ca_file or None)


def send_mail(config: SmtpConfig, recipient: str, subject: str, body: str) -> None:
    """Send one message; any refusal or connection problem raises (``smtplib.SMTPException`` or ``OSError``)."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = config.sender, recipient, subject
    message.set_content(body)
    if config.security == "tls":
        client: smtplib.SMTP = smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout_s, context=config.tls_context())
    else:
        client = smtplib.SMTP(config.host, config.port, timeout=config.timeout_s)
    with client:
        if config.security == "starttls":
            client.starttls(context=config.tls_context())
        if config.username:
            client.login(config.username, config.password)
        client.send_message(message)
