"""API keys for the registry's platform calls, kept in the registry's own database (only their SHA-256).

Roles: ``platform`` — a service that blocks uploads: a match answers whether and how closely a picture
matches, never whose registration or which case; ``operator`` — the registry's operator (a support desk, the
police liaison): also the registration ids and case numbers, and registrations without the anonymous limit.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from gazoguard.core.errors import GazoError
from gazoguard.hashes.registry import _db

ROLES = ("platform", "operator")
KEY_PREFIX = "gzr_"


@dataclass(frozen=True)
class RegistryKey:
    name: str
    role: str


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _ensure_table(root: Path) -> None:
    with _db(root) as db:
        db.execute("CREATE TABLE IF NOT EXISTS api_keys (name TEXT UNIQUE NOT NULL, role TEXT NOT NULL,"
                   " key_sha256 TEXT UNIQUE NOT NULL, created_at TEXT NOT NULL)")


def create_key(root: str | Path, name: str, role: str) -> str:
    """A new key for ``name`` (replacing an earlier one of that name); returned once, only its digest is kept."""
    if role not in ROLES:
        raise GazoError("bad_registration", detail=f"role must be one of {', '.join(ROLES)}")
    root = Path(root)
    _ensure_table(root)
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with _db(root) as db:
        db.execute("DELETE FROM api_keys WHERE name = ?", (name,))
        db.execute("INSERT INTO api_keys (name, role, key_sha256, created_at) VALUES (?, ?, ?, ?)",
                   (name, role, _digest(key), now))
    return key


def revoke_key(root: str | Path, name: str) -> bool:
    _ensure_table(Path(root))
    with _db(Path(root)) as db:
        return db.execute("DELETE FROM api_keys WHERE name = ?", (name,)).rowcount > 0


def key_for(root: str | Path, key: str) -> RegistryKey | None:
    if not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    _ensure_table(Path(root))
    with _db(Path(root)) as db:
        row = db.execute("SELECT name, role FROM api_keys WHERE key_sha256 = ?", (_digest(key),)).fetchone()
    return RegistryKey(row[0], row[1]) if row else None
