"""A test double for the engine: findings chosen by the picture's colour, judged by the real profile.

Tests generate tiny solid-colour pictures; :class:`ScriptedChecker` returns the findings scripted for
that colour and runs the real :func:`gazoguard.pipeline.verdict.assess` with the organisation's profile, so the
gateway's handling of every outcome is tested in milliseconds without models.
"""

from __future__ import annotations

import io

from PIL import Image

from gazoguard.pipeline.verdict import assess
from gazoguard.core.finding import Finding
from gazoguard.imaging.picture import Picture, decode_bytes
from gazoguard.profiles.loader import load_profile
from gazoguard.pipeline.report import Report

SCRIPT: dict[str, list[Finding]] = {
    "product": [],
    "receipt": [Finding("phone", 0.95, "personal_text", box=(10, 10, 50, 20), text="03-1234-5678")],
    "face": [Finding("face", 0.9, "faces", box=(20, 20, 60, 60))],
    "sexual": [Finding("exposed_breast", 0.9, "sexual", box=(5, 5, 40, 40))],
    "minor": [Finding("possible_minor", 0.8, "minor_signals", box=(5, 5, 40, 40))],
    "crime": [Finding("exposed_genitals", 0.9, "sexual"), Finding("possible_minor", 0.8, "minor_signals")],
}
COLOURS: dict[str, tuple[int, int, int]] = {
    "product": (40, 160, 60), "receipt": (240, 240, 230), "face": (200, 160, 130),
    "sexual": (250, 0, 120), "minor": (0, 90, 250), "crime": (120, 0, 160),
}


def scripted_picture(kind: str, size: tuple[int, int] = (96, 80)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, COLOURS[kind]).save(buffer, format="PNG")
    return buffer.getvalue()


class ScriptedChecker:
    def __init__(self) -> None:
        self.calls = 0

    def check(self, source, *, profile: str = "personal", path: str | None = None) -> Report:  # type: ignore[no-untyped-def]
        self.calls += 1
        picture = source if isinstance(source, Picture) else decode_bytes(source)
        colour = picture.image.convert("RGB").getpixel((0, 0))
        kind = next((k for k, c in COLOURS.items() if c == colour), "product")
        findings = SCRIPT[kind]
        prof = load_profile(profile)
        return Report(image=picture.summary(), profile=prof.name, findings=tuple(findings), verdict=assess(findings, prof))


class World:
    """A seeded organisation for console tests: four users, an ordinary and a restricted case."""

    PASSWORD = "correct horse battery"

    def __init__(self, gateway, policy_text: str) -> None:  # type: ignore[no-untyped-def]
        from gazoguard.auth.users import create_user
        from gazoguard.intake.channels import create_channel_key
        from gazoguard.intake.policies import register_policy
        from gazoguard.intake.service import IntakeRequest, IntakeService

        self.gateway = gateway
        store = gateway.store
        with store.session() as session:
            policy = register_policy(store, session, policy_text, "test")
            self.org_id = policy.org_id
            self.users = {
                "admin": create_user(session, "admin1", self.PASSWORD, "admin", self.org_id).id,
                "assigned_staff": create_user(session, "staff1", self.PASSWORD, "staff", self.org_id).id,
                "other_staff": create_user(session, "staff2", self.PASSWORD, "staff", self.org_id).id,
                "auditor": create_user(session, "auditor1", self.PASSWORD, "auditor", self.org_id).id,
            }
            self.api_key = create_channel_key(session, self.org_id, "web-chat")
        service = IntakeService(store, gateway.vault, ScriptedChecker())

        def post(kind: str, case_id: str, customer: str):  # type: ignore[no-untyped-def]
            return service.receive(IntakeRequest(self.org_id, "web-chat", case_id, customer, "inquiry", scripted_picture(kind)), actor="api:test")

        self.ordinary = post("receipt", "C-100", "cust-100")
        self.restricted = post("minor", "C-200", "cust-200")
        self.gone = post("product", "C-300", "cust-300")
        from sqlalchemy import select

        from gazoguard.intake import deletion, queue
        from gazoguard.store.models import Case, User

        with store.session() as session:
            admin = session.get(User, self.users["admin"])
            case = session.execute(select(Case).where(Case.public_id == self.ordinary.case_ref)).scalar_one()
            queue.assign(store, session, admin, case, session.get(User, self.users["assigned_staff"]))
            request = deletion.record_request(store, session, self.org_id, "cust-300", actor="test")
            deletion.carry_out(store, session, gateway.vault, request, actor="test")
            self.deletion_ref = request.public_id

    def session_cookie(self, role: str) -> str:
        from gazoguard.auth.sessions import start_session
        from gazoguard.store.models import User

        with self.gateway.store.session() as session:
            token, row = start_session(session, session.get(User, self.users[role]))
            self.csrf = row.csrf
            return token

    def login(self, client, role: str) -> str:  # type: ignore[no-untyped-def]
        """Put a fresh session cookie for ``role`` on ``client``; returns its CSRF token."""
        from gazoguard.auth.sessions import COOKIE

        client.cookies.set(COOKIE, self.session_cookie(role))
        return self.csrf
