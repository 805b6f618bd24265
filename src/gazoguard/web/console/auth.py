"""Sign in and out.  The login form uses a double-submit CSRF cookie (there is no session yet).

Failed sign-ins are throttled per (client, name), per client and per name, in memory: unknown names are
counted exactly like real ones, and a throttled answer still runs one argon2 check, so neither the answer nor
its time tells which names exist; and a stranger throttles their own address, not the owner's.
"""

from __future__ import annotations

import hashlib
import secrets
import threading

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from gazoguard.auth.passwords import DUMMY_HASH, verify_password
from gazoguard.auth.sessions import COOKIE, LIFETIME, csrf_matches, end_session, start_session
from gazoguard.auth.users import authenticate
from gazoguard.store import audit
from gazoguard.web.console.deps import Form, SignedIn, gateway
from gazoguard.web.console.render import render
from gazoguard.web.throttle import FailureThrottle, client_address

router = APIRouter(include_in_schema=False)
LOGIN_CSRF = "gg_login_csrf"
_THROTTLE_LOCK = threading.Lock()


@router.get("/console/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/console"):
    token = secrets.token_urlsafe(24)
    response = render(request, "console/login.html", {"login_csrf": token, "next": _safe_next(next), "error": None})
    response.set_cookie(LOGIN_CSRF, token, httponly=True, samesite="strict", secure=request.app.state.settings.cookie_secure)
    return response


@router.post("/console/login")
async def login(request: Request):
    form = await request.form()
    if not csrf_matches(request.cookies.get(LOGIN_CSRF, ""), str(form.get("csrf", ""))):
        return _login_error(request, "フォームの有効期限が切れました。もう一度お試しください。", "The form expired. Please try again.", 400)
    username, password = str(form.get("username", ""))[:200], str(form.get("password", ""))[:1024]
    gw = gateway(request)
    throttle = login_throttle(request)
    keys = throttle_keys(client_address(request), username)
    with gw.store.session() as session:
        if throttle.blocked(keys) is not None:
            verify_password(DUMMY_HASH, password)  # a throttled answer costs what a checked one does
            user, throttled = None, True
        else:
            user = authenticate(session, username, password)
            throttled = user is None and throttle.fail(keys) is not None
        if user is None:
            # never the typed name itself: a fixed label and a short digest (an admin can still test a guess)
            audit.append(gw.store, session, "anonymous", "login_failed", "console", name_sha256=name_digest(username),
                         client=client_address(request)[:64], throttled=throttled)
        else:
            throttle.reset(keys[0])
            token, _ = start_session(session, user)
            audit.append(gw.store, session, f"user:{user.username}", "login", "console", org_id=user.org_id)
    if throttled:
        return _login_error(request, "ログインに続けて失敗したため、しばらくお待ちください。", "Too many failed sign-ins: please wait a while.", 429)
    if user is None:
        return _login_error(request, "ユーザー名またはパスワードが違います。", "Wrong user name or password.", 401)
    response = RedirectResponse(_safe_next(str(form.get("next", "/console"))), status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="lax", secure=request.app.state.settings.cookie_secure,
                        max_age=int(LIFETIME.total_seconds()), path="/")
    response.delete_cookie(LOGIN_CSRF)
    return response


@router.post("/console/logout")
def logout(request: Request, principal: SignedIn, form: Form):
    gw = gateway(request)
    with gw.store.session() as session:
        end_session(session, request.cookies.get(COOKIE))
        audit.append(gw.store, session, principal.actor, "logout", "console", org_id=principal.user.org_id)
    response = RedirectResponse("/console/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


def login_throttle(request: Request) -> FailureThrottle:
    """One throttle per app: per (client, name), per client and per name (see Settings.login_*)."""
    app = request.app
    with _THROTTLE_LOCK:
        if getattr(app.state, "login_throttle", None) is None:
            s = app.state.settings
            app.state.login_throttle = FailureThrottle(
                {"pair": s.login_max_failures, "client": s.login_max_failures_per_client, "name": s.login_max_failures_per_name},
                s.login_window_s)
        return app.state.login_throttle


def throttle_keys(client: str, username: str) -> list[tuple[str, ...]]:
    name = username.strip().casefold()
    return [("pair", client, name), ("client", client), ("name", name)]


def name_digest(username: str) -> str:
    return hashlib.sha256(username.strip().casefold().encode("utf-8")).hexdigest()[:16]


def _login_error(request: Request, ja: str, en: str, status: int) -> HTMLResponse:
    token = secrets.token_urlsafe(24)
    response = render(request, "console/login.html", {"login_csrf": token, "next": "/console", "error": (ja, en)}, status_code=status)
    response.set_cookie(LOGIN_CSRF, token, httponly=True, samesite="strict", secure=request.app.state.settings.cookie_secure)
    return response


def _safe_next(target: str) -> str:
    # only local console paths: never an open redirect
    return target if target.startswith("/console") and "//" not in target and "\\" not in target else "/console"
