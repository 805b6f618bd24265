"""Channels of an organisation and their API keys (only the SHA-256 of a key is stored)."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from gazoguard.store.models import Channel

KEY_PREFIX = "ggk_"


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_channel_key(session: Session, org_id: str, name: str) -> str:
    """A new API key for ``org_id``/``name`` (replacing any earlier key); returned once, never stored."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    channel = session.execute(select(Channel).where(Channel.org_id == org_id, Channel.name == name)).scalar_one_or_none()
    if channel is None:
        session.add(Channel(org_id=org_id, name=name, api_key_sha256=_digest(key)))
    else:
        channel.api_key_sha256 = _digest(key)
    session.flush()
    return key


def channel_for_key(session: Session, key: str) -> Channel | None:
    if not key.startswith(KEY_PREFIX):
        return None
    return session.execute(select(Channel).where(Channel.api_key_sha256 == _digest(key))).scalar_one_or_none()
