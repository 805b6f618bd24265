"""What to do now: short, calm, step-by-step playbooks (Japanese first, English beside).

``get(name)`` / ``all()`` return :class:`Playbook` objects loaded from
``playbooks/data/*.toml``; ``help_lines()`` the offline help-line list.

A step may be a reference instead of text: ``[[step]] ref = "three_questions"`` expands into the one set
of three questions (``pipeline.explain.THREE_QUESTIONS``), so a playbook never carries a set of its own.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from gazoguard.core.errors import GazoError

@dataclass(frozen=True)
class Step:
    ja: str
    en: str
    evidence: bool = False  # the step creates evidence worth putting into the locker
    command: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"ja": self.ja, "en": self.en, "evidence": self.evidence, "command": self.command}

@dataclass(frozen=True)
class HelpLine:
    ja: str
    en: str
    contact: str

    def to_dict(self) -> dict[str, str]:
        return {"ja": self.ja, "en": self.en, "contact": self.contact}

@dataclass(frozen=True)
class Playbook:
    name: str
    title_ja: str
    title_en: str
    summary_ja: str
    summary_en: str
    steps: tuple[Step, ...]
    order: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title_ja": self.title_ja,
            "title_en": self.title_en,
            "summary_ja": self.summary_ja,
            "summary_en": self.summary_en,
            "steps": [s.to_dict() for s in self.steps],
            "help_lines": [h.to_dict() for h in help_lines()],
        }

@lru_cache(maxsize=1)
def _load() -> dict[str, Playbook]:
    folder = resources.files("gazoguard.playbooks") / "data"
    books: dict[str, Playbook] = {}
    for item in folder.iterdir():
        if not item.name.endswith(".toml"):
            continue
        data = tomllib.loads(item.read_text(encoding="utf-8"))
        steps = tuple(step for s in data["step"] for step in _steps(s))
        books[data["name"]] = Playbook(
            data["name"], data["title_ja"], data["title_en"], data["summary_ja"], data["summary_en"], steps, int(data.get("order", 0))
        )
    return dict(sorted(books.items(), key=lambda kv: kv[1].order))

def _steps(data: dict[str, Any]) -> tuple[Step, ...]:
    ref = data.get("ref")
    if ref is None:
        return (Step(data["ja"], data["en"], bool(data.get("evidence", False)), data.get("command")),)
    if ref != "three_questions":
        raise ValueError(f"unknown playbook step reference {ref!r}")
    from gazoguard.pipeline.explain import THREE_QUESTIONS

    return tuple(Step(f"質問 {n}: {q['ja']}", f"Question {n}: {q['en']}") for n, q in enumerate(THREE_QUESTIONS, 1))


@lru_cache(maxsize=1)
def help_lines() -> tuple[HelpLine, ...]:
    text = (resources.files("gazoguard.playbooks") / "help_lines.toml").read_text(encoding="utf-8")
    return tuple(HelpLine(h["ja"], h["en"], h["contact"]) for h in tomllib.loads(text)["line"])

def all() -> list[Playbook]:  # noqa: A001 - the API the web layer asked for
    """Every playbook, in the order a person is likely to need them."""
    return list(_load().values())

def names() -> list[str]:
    return list(_load())

def get(name: str) -> Playbook:
    """The playbook called ``name``; unknown names raise GazoError("unknown_playbook")."""
    book = _load().get(name.strip().lower().replace("-", "_"))
    if book is None:
        raise GazoError("unknown_playbook", name=name, names=", ".join(names()))
    return book

def format_playbook(book: Playbook, lang: str = "ja") -> str:
    """Plain text for the terminal: Japanese with English beside it (``lang="en"``: English only)."""
    both = lang == "ja"
    title = f"{book.title_ja} / {book.title_en}" if both else book.title_en
    lines = [f"■ {title}", f"  {book.summary_ja}" if both else f"  {book.summary_en}"]
    if both:
        lines.append(f"  {book.summary_en}")
    for i, step in enumerate(book.steps, 1):
        lines.append(f"  {i}. {step.ja}" if both else f"  {i}. {step.en}")
        if both:
            lines.append(f"     {step.en}")
        if step.command:
            lines.append(f"     $ {step.command}")
    lines.append("  相談窓口 / help lines:" if both else "  help lines:")
    for h in help_lines():
        lines.append(f"   - {h.ja} / {h.en}: {h.contact}" if both else f"   - {h.en}: {h.contact}")
    return "\n".join(lines)
