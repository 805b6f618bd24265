"""An organisation's intake policy: a validated TOML file, stored as numbered versions.

The file says which image kinds help and which must not be sent, which channels accept images,
how long each purpose keeps its images, who is alerted for which outcome, and the terms of any AI
service images are sent to.  See examples/policy.toml.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from gazoguard.intake.errors import IntakeError

ACTIONS = ("accept", "refuse", "escalate", "ask_to_mask", "report")
ORG_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")


@dataclass(frozen=True)
class ImageKind:
    id: str
    ja: str
    en: str
    why_ja: str = ""
    why_en: str = ""


@dataclass(frozen=True)
class AiService:
    name: str
    used: bool
    masked_first: bool
    training_use: bool
    retention_days: int
    third_parties: tuple[str, ...]


@dataclass(frozen=True)
class Policy:
    org_id: str
    org_name: str
    contact: str
    allowed: tuple[ImageKind, ...]
    forbidden: tuple[ImageKind, ...]
    channels: tuple[str, ...]
    retention_days: dict[str, int]
    default_purpose: str
    deletion_deadline_days: int
    escalation: dict[str, tuple[str, ...]]  # action → recipients, in the order they are alerted
    ai_service: AiService | None
    profile: str = "business-intake"
    keep_masked_copy: bool = True
    sha256: str = field(default="", compare=False)
    text: str = field(default="", compare=False, repr=False)

    def retention_for(self, purpose: str) -> int:
        return self.retention_days[purpose]

    @property
    def purposes(self) -> tuple[str, ...]:
        return tuple(self.retention_days)


def parse_policy(text: str) -> Policy:
    """Validate and parse a policy file; every problem is an ``IntakeError('bad_policy')`` naming the field."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise IntakeError("bad_policy", detail=str(err)) from None
    org = _table(data, "organisation")
    org_id = _str(org, "organisation.id", "id")
    if not ORG_ID.match(org_id):
        raise IntakeError("bad_policy", detail="organisation.id: lower-case letters, digits and '-' only (2-63)")
    images = _table(data, "images")
    allowed = _kinds(images, "allowed")
    forbidden = _kinds(images, "forbidden")
    channels = tuple(_str_list(_table(data, "channels"), "channels.accept_images", "accept_images"))
    retention = _table(data, "retention")
    days = retention.get("days")
    if not isinstance(days, dict) or not days:
        raise IntakeError("bad_policy", detail="retention.days: a table of purpose = days is required")
    for purpose, value in days.items():
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 3650:
            raise IntakeError("bad_policy", detail=f"retention.days.{purpose}: a whole number of days from 1 to 3650")
    default_purpose = retention.get("default_purpose", next(iter(days)))
    if default_purpose not in days:
        raise IntakeError("bad_policy", detail=f"retention.default_purpose: {default_purpose!r} has no retention")
    deletion = data.get("deletion", {})
    deadline = deletion.get("deadline_days", 30)
    if not isinstance(deadline, int) or not 1 <= deadline <= 90:
        raise IntakeError("bad_policy", detail="deletion.deadline_days: 1 to 90")
    escalation: dict[str, tuple[str, ...]] = {}
    for index, line in enumerate(data.get("escalation", [])):
        action = line.get("action")
        if action not in ACTIONS:
            raise IntakeError("bad_policy", detail=f"escalation[{index}].action: one of {', '.join(ACTIONS)}")
        escalation[action] = tuple(_str_list(line, f"escalation[{index}].notify", "notify"))
    for required in ("escalate", "report"):
        if required not in escalation:
            raise IntakeError("bad_policy", detail=f"escalation: a line for {required!r} is required (who is alerted)")
    judgement = data.get("judgement", {})
    return Policy(
        org_id=org_id,
        org_name=_str(org, "organisation.name", "name"),
        contact=str(org.get("contact", "")),
        allowed=allowed,
        forbidden=forbidden,
        channels=channels,
        retention_days=dict(days),
        default_purpose=default_purpose,
        deletion_deadline_days=deadline,
        escalation=escalation,
        ai_service=_ai_service(data.get("ai_service")),
        profile=str(judgement.get("profile", "business-intake")),
        keep_masked_copy=bool(judgement.get("keep_masked_copy", True)),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
    )


def _table(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name)
    if not isinstance(value, dict):
        raise IntakeError("bad_policy", detail=f"[{name}] is required")
    return value


def _str(table: dict[str, Any], label: str, key: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise IntakeError("bad_policy", detail=f"{label}: text is required")
    return value.strip()


def _str_list(table: dict[str, Any], label: str, key: str) -> list[str]:
    value = table.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise IntakeError("bad_policy", detail=f"{label}: a non-empty list of text is required")
    return value


def _kinds(images: dict[str, Any], key: str) -> tuple[ImageKind, ...]:
    value = images.get(key)
    if not isinstance(value, list) or not value:
        raise IntakeError("bad_policy", detail=f"images.{key}: a non-empty list is required")
    kinds = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise IntakeError("bad_policy", detail=f"images.{key}[{index}]: a table with id, ja, en")
        label = f"images.{key}[{index}]"
        kinds.append(ImageKind(_str(item, label + ".id", "id"), _str(item, label + ".ja", "ja"), _str(item, label + ".en", "en"),
                               str(item.get("why_ja", "")), str(item.get("why_en", ""))))
    return tuple(kinds)


def _ai_service(value: Any) -> AiService | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise IntakeError("bad_policy", detail="[ai_service] must be a table")
    for key in ("training_use", "retention_days", "third_parties"):
        if key not in value:
            raise IntakeError("bad_policy", detail=f"ai_service.{key}: the service's terms must be recorded")
    if value.get("used", False) and not value.get("masked_first", True):
        raise IntakeError("bad_policy", detail="ai_service.masked_first: images sent to an AI service must be masked first")
    return AiService(
        name=str(value.get("name", "")),
        used=bool(value.get("used", False)),
        masked_first=bool(value.get("masked_first", True)),
        training_use=bool(value["training_use"]),
        retention_days=int(value["retention_days"]),
        third_parties=tuple(str(v) for v in value["third_parties"]),
    )
