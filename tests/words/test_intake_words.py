"""What the business's customers and staff read: replies chosen by the reasons, the notice and the completion
report in Japanese labels and Japan time (golden files)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gazoguard.core.clock import local_time
from gazoguard.intake.completion import completion_report
from gazoguard.intake.labels import label, table
from gazoguard.intake.notice import build_notice
from gazoguard.intake.policy import parse_policy
from gazoguard.intake.replies import DEFAULTS, reply_key
from gazoguard.store.models import DeletionRequest

REPO = Path(__file__).resolve().parents[2]


def test_two_faces_get_the_reply_about_other_people_s_faces_not_phone_numbers():
    assert reply_key("ask_to_mask", [{"code": "face"}]) == "ask_to_mask:faces"
    assert "顔" in DEFAULTS["ask_to_mask:faces"][0] and "電話番号" not in DEFAULTS["ask_to_mask:faces"][0]


def test_readable_numbers_get_the_reply_about_numbers_even_beside_a_face():
    assert reply_key("ask_to_mask", [{"code": "phone"}, {"code": "face"}]) == "ask_to_mask"


def test_an_id_card_gets_the_reply_about_hiding_the_number_and_address():
    assert reply_key("ask_to_mask", [{"code": "document", "ja": "運転免許証が写っています。"}]) == "ask_to_mask:id_card"
    assert reply_key("ask_to_mask", [{"code": "document", "ja": "レシート・領収書が写っています。"}, {"code": "phone"}]) == "ask_to_mask"
    assert reply_key("ask_to_mask", [{"code": "my_number"}, {"code": "face"}]) == "ask_to_mask:id_card"
    assert "番号や住所は紙やアプリで隠した状態で" in DEFAULTS["ask_to_mask:id_card"][0]


def test_the_guide_s_id_request_template_is_there():
    assert DEFAULTS["id_request"][0] == "年齢確認のため、身分証のお写真をお願いしております。番号や住所は紙やアプリで隠した状態で撮影をお願いいたします。"


def test_every_reply_and_outcome_has_a_japanese_label():
    for key in DEFAULTS:
        assert label("reply", key) != key
    for group in ("action", "case_status", "deletion_status", "alert_status", "decision"):
        assert all(ja != code and en for code, (ja, en) in table()[group].items())


def test_the_customer_notice_names_purposes_in_japanese(golden):
    notice = build_notice(parse_policy((REPO / "examples" / "policy.toml").read_text(encoding="utf-8")), "ja")
    text = notice.as_text()
    assert "inquiry" not in text and "dispute" not in text and "通常のお問い合わせ" in text
    golden("notice_ja.txt", text + "\n")


def test_the_completion_report_is_in_japan_time_with_the_zone_shown(golden):
    received = dt.datetime(2026, 12, 4, 13, 5)  # stored UTC
    request = DeletionRequest(public_id="d-1", org_id="sakura-zakka", customer_ref="cust-42", received_at=received,
                              deadline=received + dt.timedelta(days=14), completed_at=received + dt.timedelta(hours=2),
                              status="completed", cases_deleted=3, files_deleted=3, rows_deleted=9)
    report = completion_report(request, "さくら雑貨店")
    rows = {ja: value for ja, _, value in report.rows}
    assert rows["受付日時"] == "2026-12-04 22:05 JST" and "UTC" not in "".join(rows.values())
    golden("completion_report.txt", "\n".join(f"{ja} / {en}: {value}" for ja, en, value in report.rows) + "\n")


def test_times_follow_the_configured_zone():
    moment = dt.datetime(2026, 12, 4, 13, 5)
    assert local_time(moment) == "2026-12-04 22:05 JST"
    assert local_time(moment, "Europe/Berlin") == "2026-12-04 14:05 CET"
