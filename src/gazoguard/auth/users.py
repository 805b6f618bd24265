"""Creating users and checking logins, with a lockout after repeated failures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from gazoguard.auth.passwords import DUMMY_HASH, MIN_LENGTH, hash_password, verify_password
from gazoguard.auth.roles import Role
from gazoguard.auth.errors import AuthError
from gazoguard.store.models import User, utcnow

MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=15)


def create_user(session: Session, username: str, password: str, role: Role | str, org_id: str | None = None) -> User:
    role = Role(role)
    if len(password) < MIN_LENGTH:
        raise AuthError("weak_password", min=MIN_LENGTH)
    if session.execute(select(User).where(User.username == username)).scalar_one_or_none() is not None:
        raise AuthError("user_exists", name=username)
    user = User(username=username, password_hash=hash_password(password), role=role.value, org_id=org_id)
    session.add(user)
    session.flush()
    return user


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    locked: bool = False


def authenticate(session: Session, username: str, password: str, *, max_failed: int = MAX_FAILED_LOGINS) -> LoginResult:
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        verify_password(DUMMY_HASH, password)
        return LoginResult(None)
    now = utcnow()
    if user.locked_until is not None and user.locked_until > now:
        return LoginResult(None, locked=True)
    if not verify_password(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= max_failed:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
            return LoginResult(None, locked=True)
        return LoginResult(None)
    user.failed_logins = 0
    user.locked_until = None
    return LoginResult(user)
