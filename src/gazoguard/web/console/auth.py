"""Sign in and out.  The login form uses a double-submit CSRF cookie (there is no session yet)."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from gazoguard.auth.sessions import COOKIE, LIFETIME, csrf_matches, end_session, start_session
from gazoguard.auth.users import authenticate
from gazoguard.store import audit
from gazoguard.web.console.deps import Form, SignedIn, gateway
from gazoguard.web.console.render import render

router = APIRouter(include_in_schema=False)
LOGIN_CSRF = "gg_login_csrf"


@router.get("/console/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/console"):
    token = secrets.token_urlsafe(24)
    response = render(request, "console/login.html", {"login_csrf": token, "next": _safe_next(next), "error": None})
    response.set_cookie(LOGIN_CSRF, token, httponly=True, samesite="strict", secure=request.app.state.settings.cookie_secure)
    return response


@router.post("/console/login")
async def login(request: Request):
    form = await request.form()
    settings = request.app.state.settings
    if not csrf_matches(request.cookies.get(LOGIN_CSRF, ""), str(form.get("csrf", ""))):
        return _login_error(request, "フォームの有効期限が切れました。もう一度お試しください。", "The form expired. Please try again.", 400)
    username, password = str(form.get("username", "")), str(form.get("password", ""))
    gw = gateway(request)
    with gw.store.session() as session:
        result = authenticate(session, username, password, max_failed=settings.login_max_failures)
        if result.user is None:
            audit.append(gw.store, session, f"user:{username[:60]}", "login_failed", "console", locked=result.locked)
        else:
            token, _ = start_session(session, result.user)
            audit.append(gw.store, session, f"user:{result.user.username}", "login", "console")
    if result.locked:
        return _login_error(request, "ログインに続けて失敗したため、しばらくロックされています。", "Too many failed sign-ins: the account is locked for a while.", 429)
    if result.user is None:
        return _login_error(request, "ユーザー名またはパスワードが違います。", "Wrong user name or password.", 401)
    response = RedirectResponse(_safe_next(str(form.get("next", "/console"))), status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="lax", secure=settings.cookie_secure,
                        max_age=int(LIFETIME.total_seconds()), path="/")
    response.delete_cookie(LOGIN_CSRF)
    return response


@router.post("/console/logout")
def logout(request: Request, principal: SignedIn, form: Form):
    gw = gateway(request)
    with gw.store.session() as session:
        end_session(session, request.cookies.get(COOKIE))
        audit.append(gw.store, session, principal.actor, "logout", "console")
    response = RedirectResponse("/console/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


def _login_error(request: Request, ja: str, en: str, status: int) -> HTMLResponse:
    token = secrets.token_urlsafe(24)
    response = render(request, "console/login.html", {"login_csrf": token, "next": "/console", "error": (ja, en)}, status_code=status)
    response.set_cookie(LOGIN_CSRF, token, httponly=True, samesite="strict", secure=request.app.state.settings.cookie_secure)
    return response


def _safe_next(target: str) -> str:
    # only local console paths: never an open redirect
    return target if target.startswith("/console") and "//" not in target and "\\" not in target else "/console"
