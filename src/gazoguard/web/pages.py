"""Server-rendered pages: the pre-send checker, the conversation and terms checks, the playbooks and the guidance page."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from gazoguard import playbooks
from gazoguard.pipeline.explain import DESTINATIONS, HELP_HEADING, QUESTIONS_HEADING, SCREENSHOT_NOTE, THREE_QUESTIONS, WHERE_HINT, WHERE_QUESTION
from gazoguard.profiles import load_profile
from gazoguard.web.profile_choice import PUBLIC_PROFILES
from gazoguard.web.where import processing_place

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
router = APIRouter(include_in_schema=False)


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "ja"


def _page(request: Request, template: str, lang: str, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, template, {"lang": _lang(lang), "page": template.removesuffix(".html"),
                                                        "where": processing_place(request), **context})


@router.get("/", response_class=HTMLResponse)
def checker_page(request: Request, lang: str = "ja"):
    profiles = [load_profile(name) for name in PUBLIC_PROFILES]
    performer = load_profile("performer")
    return _page(request, "checker.html", lang, profiles=profiles, questions=THREE_QUESTIONS,
                 questions_heading=QUESTIONS_HEADING, help_heading=HELP_HEADING, limits=performer.limits,
                 where_question=(WHERE_QUESTION[0] + " " + WHERE_HINT[0], WHERE_QUESTION[1] + " " + WHERE_HINT[1]), destinations=DESTINATIONS, screenshot_note=SCREENSHOT_NOTE)


@router.get("/talk", response_class=HTMLResponse)
def talk_page(request: Request, lang: str = "ja"):
    return _page(request, "talk.html", lang)


@router.get("/terms", response_class=HTMLResponse)
def terms_page(request: Request, lang: str = "ja"):
    return _page(request, "terms.html", lang)


@router.get("/playbooks", response_class=HTMLResponse)
def playbooks_page(request: Request, lang: str = "ja"):
    return _page(request, "playbooks.html", lang, books=playbooks.all(), help_lines=playbooks.help_lines())


@router.get("/help", response_class=HTMLResponse)
def help_page(request: Request, lang: str = "ja"):
    return _page(request, "help.html", lang)
