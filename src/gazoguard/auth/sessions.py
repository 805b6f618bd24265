"""Server-side sessions: the cookie holds a random token, the database only its SHA-256."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from sqlalchemy import delete
from sqlalchemy.orm import Session

from gazoguard.store.models import User, WebSession, utcnow

COOKIE = "gg_session"
LIFETIME = dt.timedelta(hours=8)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(session: Session, user: User) -> tuple[str, WebSession]:
    token = secrets.token_urlsafe(32)
    row = WebSession(token_sha256=_digest(token), user_id=user.id, csrf=secrets.token_urlsafe(32), expires_at=utcnow() + LIFETIME)
    session.add(row)
    session.flush()
    return token, row


def find_session(session: Session, token: str | None) -> WebSession | None:
    if not token:
        return None
    row = session.get(WebSession, _digest(token))
    if row is None or row.expires_at <= utcnow():
        return None
    return row


def end_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(WebSession).where(WebSession.token_sha256 == _digest(token)))


def csrf_matches(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected, given)
