"""What ``gazoguard check`` says, word for word, for a safe, a risky and a teen result (golden files)."""

from __future__ import annotations

from gazoguard.cli.check import format_report
from gazoguard.core.finding import Finding
from gazoguard.pipeline.annotate import legend_lines
from gazoguard.pipeline.report import Report
from gazoguard.pipeline.verdict import assess
from gazoguard.profiles import load_profile

IMAGE = {"path": "photo.jpg", "width": 640, "height": 480, "format": "JPEG"}


def _report(findings: list[Finding], profile: str) -> Report:
    return Report(image=IMAGE, profile=profile, findings=tuple(findings), verdict=assess(findings, load_profile(profile)))


def test_a_safe_result_asks_the_three_questions_and_is_no_guarantee(golden):
    text = format_report(_report([], "personal"))
    assert "Q1." in text and "保証するものではありません" in text
    golden("check_safe_personal.txt", text)


def test_the_ai_upload_profile_asks_the_three_questions_too(golden):
    text = format_report(_report([Finding("phone", 0.9, "t", (1, 1, 50, 20), "090-1234-5678")], "ai-upload"))
    assert "Q3." in text
    golden("check_phone_ai_upload.txt", text)


def test_teen_help_lines_are_a_help_block_not_a_numbered_reason(golden):
    text = format_report(_report([Finding("face", 0.9, "t", (1, 1, 50, 50))], "teen"))
    numbered = [line for line in text.splitlines() if line.lstrip()[:2].rstrip(".").isdigit()]
    assert len(numbered) == 1 and "相談先" not in numbered[0]
    assert "困ったときの相談先" in text
    golden("check_face_teen.txt", text)


def test_the_annotated_legend_carries_the_safe_note_and_the_questions(golden):
    lines = [text for text, _ in legend_lines(_report([], "personal"))]
    golden("legend_safe_personal.txt", "\n".join(lines) + "\n")


def test_the_terms_checker_says_why_and_gives_an_overall_verdict(golden):
    from gazoguard.cli.terms import format_result
    from gazoguard.terms import check_terms

    text = format_result(check_terms("画像は自動保存しません。年齢確認を行います。"))
    lines = text.splitlines()
    assert lines[0].startswith("× 総合") and "スクリーンショット" in text
    golden("terms_vague.txt", text + "\n")


def test_the_business_intake_action_is_a_label_not_a_code(golden):
    import re

    from gazoguard.intake.labels import table

    text = format_report(_report([Finding("face", 0.9, "t", (1, 1, 50, 50)), Finding("face", 0.9, "t", (60, 1, 110, 50))],
                                 "business-intake"))
    codes = set(table()["action"])
    assert "対応: " in text and not any(re.search(rf"\b{c}\b", text) for c in codes)
    golden("check_faces_business_intake.txt", text)


def test_minor_signs_read_as_sentences_and_latin_labels_are_spaced(golden):
    findings = [Finding("possible_minor", 0.8, "t", (1, 1, 50, 50)), Finding("school_text", 0.9, "t", (1, 60, 90, 80), "〇〇中学校 2年"),
                Finding("url", 0.9, "t", (1, 90, 90, 100), "https://example.jp"), Finding("sns_id", 0.9, "t", (1, 110, 90, 120), "@hana")]
    text = format_report(_report(findings, "personal"))
    assert "未成年の可能性があります" in text and "の可能性の兆候" not in text
    assert "学校名・学年の文字が読み取れます（未成年の手がかり）" in text
    assert "URL が読み取れます" in text and "SNS・LINE の ID が読み取れます" in text
    golden("check_minor_and_text_personal.txt", text)
