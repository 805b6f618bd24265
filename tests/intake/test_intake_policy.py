"""Policy validation, versioning (each change audited) and the customer notice."""

from __future__ import annotations

import pytest

from gazoguard.intake.errors import IntakeError
from gazoguard.intake.notice import build_notice
from gazoguard.intake.policies import current_policy, register_policy, versions
from gazoguard.intake.policy import parse_policy
from gazoguard.store import audit


def test_example_policy_is_valid(policy_text):
    policy = parse_policy(policy_text)
    assert policy.channels == ("web-chat", "line")
    assert policy.retention_for("inquiry") == 30 and policy.retention_for("dispute") == 90
    assert policy.escalation["report"][0].startswith("privacy@")
    assert policy.ai_service is not None and policy.ai_service.training_use is False


@pytest.mark.parametrize(("old", "new", "field"), [
    ('id = "sakura-zakka"', 'id = "Sakura Zakka!"', "organisation.id"),
    ("days = { inquiry = 30, return = 60, dispute = 90 }", "days = { inquiry = 0 }", "retention.days.inquiry"),
    ('accept_images = ["web-chat", "line"]', "accept_images = []", "channels.accept_images"),
    ("training_use = false\n", "", "ai_service.training_use"),
    ('action = "report"', 'action = "shout"', "escalation[1].action"),
    ("deadline_days = 14", "deadline_days = 365", "deletion.deadline_days"),
    ("masked_first = true", "masked_first = false\nused_x = 1", None),
])
def test_invalid_policies_name_the_field(policy_text, old, new, field):
    assert old in policy_text
    broken = policy_text.replace(old, new, 1)
    if field is None:  # masked_first=false only matters when the service is used
        assert parse_policy(broken).ai_service.masked_first is False
        with pytest.raises(IntakeError, match="masked_first"):
            parse_policy(broken.replace("used = false", "used = true"))
        return
    with pytest.raises(IntakeError) as err:
        parse_policy(broken)
    assert err.value.code == "bad_policy" and field in err.value.message_en


def test_broken_toml_is_a_clear_error():
    with pytest.raises(IntakeError) as err:
        parse_policy("[organisation\nid = 1")
    assert err.value.code == "bad_policy" and "ポリシー" in err.value.message_ja


def test_versions_and_audit(gateway, policy_text):
    store = gateway.store
    with store.session() as session:
        assert register_policy(store, session, policy_text, "admin").version == 1  # same text: no new version
        changed = policy_text.replace("inquiry = 30", "inquiry = 45")
        assert register_policy(store, session, changed, "user:admin").version == 2
    with store.session() as session:
        assert current_policy(session, "sakura-zakka").retention_for("inquiry") == 45
        assert [v.version for v in versions(session, "sakura-zakka")] == [2, 1]
        changes = [e for e in audit.entries(session) if e.action == "policy_change"]
        assert len(changes) == 2 and changes[0].actor == "user:admin"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_notice_lists_what_to_send_and_what_not(policy_text, lang):
    policy = parse_policy(policy_text)
    notice = build_notice(policy, lang)
    text = notice.as_text()
    for kind in policy.allowed + policy.forbidden:
        assert (kind.ja if lang == "ja" else kind.en) in text
    assert ("送らないでください" if lang == "ja" else "Please do not send") in text
    assert "14" in text  # the deletion deadline
