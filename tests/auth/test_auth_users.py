"""argon2 hashes, logins, lockout after repeated failures, server-side sessions."""

from __future__ import annotations

import pytest

from gazoguard.auth.sessions import end_session, find_session, start_session
from gazoguard.auth.users import MAX_FAILED_LOGINS, authenticate, create_user
from gazoguard.auth.errors import AuthError

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


def test_login_and_lockout(store):
    with store.session() as session:
        create_user(session, "carol", PASSWORD, "admin")
    with store.session() as session:
        assert authenticate(session, "carol", PASSWORD).user is not None
        assert authenticate(session, "nobody", PASSWORD).user is None
    for attempt in range(MAX_FAILED_LOGINS):
        with store.session() as session:
            result = authenticate(session, "carol", "wrong password")
            assert result.user is None
            assert result.locked == (attempt == MAX_FAILED_LOGINS - 1)
    with store.session() as session:
        locked = authenticate(session, "carol", PASSWORD)
        assert locked.user is None and locked.locked  # the right password does not help while locked


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
