"""Creating users and checking logins (throttling is the web layer's: see ``gazoguard.web.throttle``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from gazoguard.auth.passwords import DUMMY_HASH, MIN_LENGTH, hash_password, verify_password
from gazoguard.auth.roles import Role
from gazoguard.auth.errors import AuthError
from gazoguard.store.models import User


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


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The user if the password is right, else ``None``; an unknown name costs one argon2 check too.

    Nothing is locked in the database: a stranger who knows a name must not be able to lock its owner out.
    Failures are throttled per client and per name by the caller (``gazoguard.web.throttle``).
    """
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        verify_password(DUMMY_HASH, password)
        return None
    return user if verify_password(user.password_hash, password) else None
