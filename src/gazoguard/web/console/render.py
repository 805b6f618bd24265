"""Rendering console templates with the signed-in user, their CSRF token and the language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from gazoguard.core.clock import DEFAULT_TZ, local_date, local_time
from gazoguard.intake.labels import label, pair

templates = Jinja2Templates(directory=Path(__file__).parent.parent / "templates")


def render(request: Request, name: str, context: dict[str, Any], *, principal=None, status_code: int = 200) -> HTMLResponse:  # type: ignore[no-untyped-def]
    lang = "en" if request.query_params.get("lang") == "en" else "ja"
    settings = getattr(request.app.state, "settings", None)
    tz = getattr(settings, "timezone", DEFAULT_TZ) or DEFAULT_TZ
    base = {"lang": lang, "principal": principal, "csrf": principal.csrf if principal else "",
            "when": lambda moment, seconds=False: local_time(moment, tz, seconds=seconds),
            "day": lambda moment: local_date(moment, tz), "tz": tz}
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status_code)


def t(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


templates.env.globals["t"] = t
templates.env.globals["label"] = label
templates.env.globals["label_pair"] = pair
