"""Form fields shared by the image endpoints: the profile and the person's own limits."""

from __future__ import annotations

from fastapi import Form

from gazoguard.profiles import Profile
from gazoguard.web.profile_choice import Exposure, Limits, choose_profile


def profile_form(
    profile: str = Form("personal", description="プロファイル名 / profile name (personal, performer, teen, ai-upload)"),
    never_face: bool | None = Form(None, description="上限: 顔を写さない / limit: never a face"),
    never_room: bool | None = Form(None, description="上限: 部屋を写さない / limit: never the room"),
    max_exposure: Exposure | None = Form(None, description="露出の上限 / exposure limit"),
) -> Profile:
    """The chosen shipped profile, with the limits sent in the form set over its own."""
    return choose_profile(profile, Limits(never_face, never_room, max_exposure))
