"""Server-rendered pages: the pre-send checker and the guidance page."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from gazoguard.explain import THREE_QUESTIONS
from gazoguard.profiles import list_profiles

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def checker_page(request: Request, lang: str = "ja"):
    return templates.TemplateResponse(
        request,
        "checker.html",
        {"lang": "en" if lang == "en" else "ja", "profiles": list_profiles(), "questions": THREE_QUESTIONS},
    )


@router.get("/help", response_class=HTMLResponse)
def help_page(request: Request, lang: str = "ja"):
    return templates.TemplateResponse(request, "help.html", {"lang": "en" if lang == "en" else "ja"})
