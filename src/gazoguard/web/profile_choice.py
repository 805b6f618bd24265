"""The profile a web request asks for: a shipped profile by name, optionally with the person's own limits.

Only shipped profile names are accepted here: ``load_profile`` also reads profile files by path, which a
web client must never be able to reach.  Limits (``never_face``, ``never_room``, ``max_exposure``) are
applied as a child profile that ``extends`` the chosen one, so the loader validates them as it would a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from gazoguard.core.errors import GazoError
from gazoguard.profiles import Profile, load_profile
from gazoguard.profiles.loader import builtin_names, parse_profile

Exposure = Literal["none", "covered", "exposed"]

#: profiles the public pages offer; business-intake belongs to the intake console
PUBLIC_PROFILES = ("personal", "performer", "teen", "ai-upload")


@dataclass(frozen=True)
class Limits:
    never_face: bool | None = None
    never_room: bool | None = None
    max_exposure: Exposure | None = None

    def is_empty(self) -> bool:
        return self.never_face is None and self.never_room is None and self.max_exposure is None

    def as_toml(self) -> str:
        lines = []
        for key in ("never_face", "never_room"):
            value = getattr(self, key)
            if value is not None:
                lines.append(f"{key} = {'true' if value else 'false'}")
        if self.max_exposure is not None:
            lines.append(f'max_exposure = "{self.max_exposure}"')
        return "\n".join(lines)


def choose_profile(name: str, limits: Limits | None = None) -> Profile:
    """The shipped profile ``name`` with ``limits`` set over its own; unknown names raise ``unknown_profile``."""
    if name not in builtin_names():
        raise GazoError("unknown_profile", name=name[:80])
    if limits is None or limits.is_empty():
        return load_profile(name)
    return _with_limits(name, limits)


@lru_cache(maxsize=64)
def _with_limits(name: str, limits: Limits) -> Profile:
    # the child keeps the parent's name so reports and the page still say "performer"
    text = f'extends = "{name}"\nname = "{name}"\n\n[limits]\n{limits.as_toml()}\n'
    return parse_profile(text, f"{name} (limits)")
