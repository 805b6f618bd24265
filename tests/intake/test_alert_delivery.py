"""Escalation alerts are delivered to a REAL SMTP server (aiosmtpd on 127.0.0.1), retried with backoff, and end
delivered or failed — including the server being down and coming back."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import select

from gazoguard.intake.delivery import RetryPolicy, deliver_due, requeue
from gazoguard.intake.mailer import SmtpConfig
from gazoguard.intake.service import IntakeRequest, IntakeService
from gazoguard.intake.testing import ScriptedChecker, scripted_picture
from gazoguard.store import audit
from gazoguard.store.models import Alert

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


class Inbox:
    """aiosmtpd handler: keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], str]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, N802 - aiosmtpd's hook name
        with self.lock:
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content.decode("utf-8", "replace")))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _authenticator(server, session, envelope, mechanism, auth_data):  # noqa: ANN001
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (b"alerts", b"s3cret")
    return AuthResult(success=ok)


@pytest.fixture()
def smtp_server():
    """Start/stop a real SMTP server on 127.0.0.1; ``start(port, tls=None|"starttls"|"tls")`` returns its inbox."""
    running: list[Controller] = []

    def start(port: int, *, tls: str | None = None, context: ssl.SSLContext | None = None) -> Inbox:
        inbox = Inbox()
        kwargs = {}
        if tls == "starttls":
            kwargs = {"tls_context": context, "require_starttls": True, "authenticator": _authenticator, "auth_required": True}
        elif tls == "tls":
            kwargs = {"ssl_context": context, "authenticator": _authenticator, "auth_required": True,
                      "auth_require_tls": False}
        controller = Controller(inbox, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        running.append(controller)
        return inbox

    def stop() -> None:
        while running:
            running.pop().stop()

    yield start, stop
    stop()


@pytest.fixture()
def certificate(tmp_path):
    """A self-signed certificate for 127.0.0.1 and its file, so the client really verifies the server."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    import ipaddress

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert_file, key_file)
    return str(cert_file), server_context


def _escalate(gateway, case_id: str = "C-minor") -> list[int]:
    service = IntakeService(gateway.store, gateway.vault, ScriptedChecker())
    service.receive(IntakeRequest("sakura-zakka", "web-chat", case_id, "cust-1", "inquiry", scripted_picture("minor")), actor="api:test")
    with gateway.store.session() as session:
        return [a.id for a in session.execute(select(Alert).order_by(Alert.id)).scalars()]


def _states(gateway) -> list[tuple[str, int]]:
    with gateway.store.session() as session:
        return [(a.status, a.attempts) for a in session.execute(select(Alert).order_by(Alert.id)).scalars()]


def test_an_escalation_is_delivered_over_plain_smtp_and_names_the_case_only(gateway, smtp_server):
    start, _ = smtp_server
    port = _free_port()
    inbox = start(port)
    ids = _escalate(gateway)
    assert ids and _states(gateway) == [("queued", 0)] * len(ids)
    run = deliver_due(gateway.store, SmtpConfig("127.0.0.1", port, "none", sender="gg@shop.example"))
    assert run.delivered == len(ids) and _states(gateway) == [("delivered", 1)] * len(ids)
    assert len(inbox.messages) == len(ids)
    sender, recipients, content = inbox.messages[0]
    assert sender == "gg@shop.example" and "cust-1" not in content
    with gateway.store.session() as session:
        assert "alert_delivered" in [e.action for e in audit.entries(session, limit=50)]


def test_starttls_with_login_is_verified_against_the_server_certificate(gateway, smtp_server, certificate):
    start, _ = smtp_server
    ca_file, context = certificate
    port = _free_port()
    inbox = start(port, tls="starttls", context=context)
    _escalate(gateway)
    config = SmtpConfig("127.0.0.1", port, "starttls", "alerts", "s3cret", ca_file=ca_file)
    assert deliver_due(gateway.store, config).delivered >= 1 and inbox.messages


def test_implicit_tls_with_login(gateway, smtp_server, certificate):
    start, _ = smtp_server
    ca_file, context = certificate
    port = _free_port()
    inbox = start(port, tls="tls", context=context)
    _escalate(gateway)
    config = SmtpConfig("127.0.0.1", port, "tls", "alerts", "s3cret", ca_file=ca_file)
    assert deliver_due(gateway.store, config).delivered >= 1 and inbox.messages


def test_wrong_credentials_are_a_failed_attempt_not_a_delivery(gateway, smtp_server, certificate):
    start, _ = smtp_server
    ca_file, context = certificate
    port = _free_port()
    inbox = start(port, tls="starttls", context=context)
    _escalate(gateway)
    config = SmtpConfig("127.0.0.1", port, "starttls", "alerts", "wrong", ca_file=ca_file)
    deliver_due(gateway.store, config, RetryPolicy(max_attempts=1))
    assert {s for s, _ in _states(gateway)} == {"failed"} and not inbox.messages


def test_server_down_fails_after_the_retries_then_delivers_when_it_comes_back(gateway, smtp_server):
    start, stop = smtp_server
    port = _free_port()  # nothing listens here yet
    ids = _escalate(gateway)
    config = SmtpConfig("127.0.0.1", port, "none", timeout_s=2)
    retry = RetryPolicy(max_attempts=3, backoff_s=60)
    t0 = dt.datetime(2026, 12, 4, 12, 0)
    assert deliver_due(gateway.store, config, retry, now=t0).retrying == len(ids)
    assert deliver_due(gateway.store, config, retry, now=t0 + dt.timedelta(seconds=30)).retrying == 0  # backing off
    with gateway.store.session() as session:
        waits = {a.next_attempt_at - t0 for a in session.execute(select(Alert)).scalars()}
    assert waits == {dt.timedelta(seconds=60)}
    deliver_due(gateway.store, config, retry, now=t0 + dt.timedelta(seconds=61))   # attempt 2, next wait 120 s
    deliver_due(gateway.store, config, retry, now=t0 + dt.timedelta(seconds=182))  # attempt 3: given up
    assert _states(gateway) == [("failed", 3)] * len(ids)
    with gateway.store.session() as session:
        assert all("Error" in (a.last_error or "") for a in session.execute(select(Alert)).scalars())

    inbox = start(port)  # the server comes back; an admin sends the failed alerts again
    with gateway.store.session() as session:
        for alert in session.execute(select(Alert)).scalars():
            requeue(session, alert)
    assert deliver_due(gateway.store, config, retry).delivered == len(ids)
    assert _states(gateway) == [("delivered", 1)] * len(ids) and len(inbox.messages) == len(ids)
    stop()


def test_a_retrying_alert_is_delivered_once_the_server_is_back(gateway, smtp_server):
    start, _ = smtp_server
    port = _free_port()
    ids = _escalate(gateway)
    config = SmtpConfig("127.0.0.1", port, "none", timeout_s=2)
    retry = RetryPolicy(max_attempts=5, backoff_s=1)
    t0 = dt.datetime(2026, 12, 4, 12, 0)
    deliver_due(gateway.store, config, retry, now=t0)
    start(port)
    assert deliver_due(gateway.store, config, retry, now=t0 + dt.timedelta(seconds=2)).delivered == len(ids)
    assert _states(gateway) == [("delivered", 2)] * len(ids)
