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
