"""Who is asking: the signed-in user from the session cookie, role checks and CSRF checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from gazoguard.auth.roles import Role
from gazoguard.auth.sessions import COOKIE, csrf_matches, find_session
from gazoguard.intake.gateway import Gateway
from gazoguard.store.models import User


class LoginRequired(Exception):
    """Anonymous request to a console page: redirected to the login page (401 for non-GET)."""


class Denied(Exception):
    """Signed in, but this role or this user may not do this: 403."""


@dataclass(frozen=True)
class Principal:
    user: User
    csrf: str

    @property
    def role(self) -> str:
        return self.user.role

    @property
    def actor(self) -> str:
        return f"user:{self.user.username}"


def gateway(request: Request) -> Gateway:
    return request.app.state.gateway


def signed_in(request: Request) -> Principal:
    with gateway(request).store.session() as session:
        row = find_session(session, request.cookies.get(COOKIE))
        if row is None:
            raise LoginRequired()
        user = row.user
        session.expunge(user)
        return Principal(user, row.csrf)


def require(*roles: Role):  # type: ignore[no-untyped-def]
    def check(principal: Annotated[Principal, Depends(signed_in)]) -> Principal:
        if principal.role not in roles:
            raise Denied()
        return principal

    return check


async def form_with_csrf(request: Request, principal: Annotated[Principal, Depends(signed_in)]) -> dict[str, str]:
    """The posted form, after checking its CSRF token against the session's."""
    form = await request.form()
    if not csrf_matches(principal.csrf, str(form.get("csrf", ""))):
        raise Denied()
    return {k: v for k, v in form.items() if isinstance(v, str)}


SignedIn = Annotated[Principal, Depends(signed_in)]
Admin = Annotated[Principal, Depends(require(Role.ADMIN))]
AdminOrAuditor = Annotated[Principal, Depends(require(Role.ADMIN, Role.AUDITOR))]
AdminOrStaff = Annotated[Principal, Depends(require(Role.ADMIN, Role.STAFF))]
Form = Annotated[dict[str, str], Depends(form_with_csrf)]
