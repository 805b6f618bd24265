"""The judgement flow: what is kept, encrypted, alerted and replied for each outcome."""

from __future__ import annotations

import io

import pytest
from PIL import Image, UnidentifiedImageError
from sqlalchemy import select

from gazoguard.intake.errors import IntakeError
from gazoguard.intake.service import IntakeRequest, IntakeService
from gazoguard.intake.testing import ScriptedChecker, scripted_picture
from gazoguard.store import audit
from gazoguard.store.models import Alert, Case, CaseImage

EXPECTED = {  # kind → (action, stored, restricted)
    "product": ("accept", "original", False),
    "receipt": ("ask_to_mask", "masked", False),
    "face": ("ask_to_mask", "masked", False),
    "sexual": ("refuse", "none", True),
    "minor": ("escalate", "quarantine", True),
    "crime": ("report", "none", True),
}


def _post(gateway, kind: str, case_id: str = "C-1", channel: str = "web-chat", purpose: str = "inquiry"):
    service = IntakeService(gateway.store, gateway.vault, ScriptedChecker())
    return service.receive(IntakeRequest("sakura-zakka", channel, case_id, "cust-1", purpose, scripted_picture(kind)), actor="api:test")


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_each_outcome_keeps_only_what_the_policy_allows(gateway, kind):
    action, stored, restricted = EXPECTED[kind]
    result = _post(gateway, kind, case_id=f"C-{kind}")
    assert (result.action, result.restricted) == (action, restricted)
    assert "C-" + kind in result.reply["ja"] or action in ("refuse", "report", "ask_to_mask")
    with gateway.store.session() as session:
        image = session.execute(select(CaseImage).where(CaseImage.public_id == result.image_ref)).scalar_one()
        assert image.stored == stored
        files = list((gateway.data_dir / "vault").glob("*")) if (gateway.data_dir / "vault").exists() else []
        assert len(files) == (0 if stored == "none" else 1)
        for path in files:  # every kept picture is encrypted at rest: not decodable as an image
            with pytest.raises(UnidentifiedImageError):
                Image.open(path)
        if restricted:
            assert image.findings_json == "[]"  # nothing to draw for staff
            assert session.execute(select(Case)).scalar_one().restricted


def test_masked_copy_covers_the_numbers(gateway):
    result = _post(gateway, "receipt")
    with gateway.store.session() as session:
        image = session.execute(select(CaseImage).where(CaseImage.public_id == result.image_ref)).scalar_one()
    copy = Image.open(io.BytesIO(gateway.vault.get(image.file_name))).convert("RGB")
    assert copy.getpixel((30, 15)) == (0, 0, 0)          # inside the phone number's box
    assert copy.getpixel((90, 75)) == (240, 240, 230)    # outside: untouched
    assert "03-1234-5678" not in image.findings_json      # recognised text is never stored


def test_alerts_follow_the_escalation_line(gateway):
    _post(gateway, "minor", case_id="C-m")
    _post(gateway, "crime", case_id="C-c")
    with gateway.store.session() as session:
        alerts = list(session.execute(select(Alert).order_by(Alert.id)).scalars())
    assert [(a.action, a.recipient) for a in alerts] == [
        ("escalate", "shift-lead@sakura-zakka.example"), ("escalate", "privacy@sakura-zakka.example"),
        ("report", "privacy@sakura-zakka.example"), ("report", "legal@sakura-zakka.example"),
    ]
    assert all("cust-1" not in a.subject for a in alerts)


def test_images_of_one_case_share_it_and_every_intake_is_audited(gateway):
    first = _post(gateway, "product", case_id="C-9")
    second = _post(gateway, "receipt", case_id="C-9")
    assert first.case_ref == second.case_ref
    with gateway.store.session() as session:
        assert len(session.execute(select(Case)).scalars().all()) == 1
        intakes = [e for e in audit.entries(session) if e.action == "intake"]
        assert len(intakes) == 2 and all("cust-1" not in e.detail for e in intakes)
        assert audit.verify(session) == []


def test_closed_channel_and_unknown_purpose_are_refused(gateway):
    with pytest.raises(IntakeError) as err:
        _post(gateway, "product", channel="email")
    assert err.value.code == "channel_closed"
    with pytest.raises(IntakeError) as err:
        _post(gateway, "product", purpose="marketing")
    assert err.value.code == "unknown_purpose" and "dispute" in err.value.message_en


def test_retention_follows_the_purpose(gateway):
    inquiry = _post(gateway, "product", case_id="C-i", purpose="inquiry")
    dispute = _post(gateway, "product", case_id="C-d", purpose="dispute")
    with gateway.store.session() as session:
        cases = {c.public_id: c for c in session.execute(select(Case)).scalars()}
    days = {ref: (c.expires_at - c.created_at).days for ref, c in cases.items()}
    assert days[inquiry.case_ref] == 30 and days[dispute.case_ref] == 90
