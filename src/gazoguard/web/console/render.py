"""Rendering console templates with the signed-in user, their CSRF token and the language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

templates = Jinja2Templates(directory=Path(__file__).parent.parent / "templates")


def render(request: Request, name: str, context: dict[str, Any], *, principal=None, status_code: int = 200) -> HTMLResponse:  # type: ignore[no-untyped-def]
    lang = "en" if request.query_params.get("lang") == "en" else "ja"
    base = {"lang": lang, "principal": principal, "csrf": principal.csrf if principal else ""}
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status_code)


def t(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


templates.env.globals["t"] = t
