"""argon2 hashes, logins (never a lockout in the database), server-side sessions."""

from __future__ import annotations

import pytest

from gazoguard.auth.sessions import end_session, find_session, start_session
from gazoguard.auth.errors import AuthError
from gazoguard.auth.users import authenticate, create_user

PASSWORD = "a long enough password"


def test_password_is_stored_as_argon2id(store):
    with store.session() as session:
        user = create_user(session, "alice", PASSWORD, "staff")
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash


def test_weak_password_and_duplicate_user_are_refused(store):
    with store.session() as session:
        with pytest.raises(AuthError) as err:
            create_user(session, "bob", "short", "staff")
        assert err.value.code == "weak_password"
        create_user(session, "bob", PASSWORD, "staff")
        with pytest.raises(AuthError):
            create_user(session, "bob", PASSWORD, "admin")


def test_login_never_locks_the_account_in_the_database(store):
    """Throttling is per client in the web layer: a stranger's wrong passwords never lock the owner out."""
    with store.session() as session:
        create_user(session, "carol", PASSWORD, "admin")
    with store.session() as session:
        assert authenticate(session, "carol", PASSWORD) is not None
        assert authenticate(session, "nobody", PASSWORD) is None
    for _ in range(20):
        with store.session() as session:
            assert authenticate(session, "carol", "wrong password") is None
    with store.session() as session:
        assert authenticate(session, "carol", PASSWORD) is not None


def test_sessions_store_only_a_digest(store):
    with store.session() as session:
        user = create_user(session, "dave", PASSWORD, "auditor")
        token, row = start_session(session, user)
        assert token not in row.token_sha256
    with store.session() as session:
        assert find_session(session, token).user.username == "dave"
        assert find_session(session, token + "x") is None
        end_session(session, token)
    with store.session() as session:
        assert find_session(session, token) is None
