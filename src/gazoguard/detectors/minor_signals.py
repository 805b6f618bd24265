"""Minor signals in readable text: school names, grades and classes, student IDs, school-age words, ages.

What is caught (from OCR text, so only what is readable):

* ``school_text`` — a school name with the name before it (〇〇小学校, 〇〇中学校,
  〇〇高等学校, 〇〇高校, 〇〇中等教育学校, 〇〇義務教育学校, 〇〇学園, 〇〇幼稚園,
  〇〇保育園); grade and class (1年2組, 3年B組, 中2, 高1, 小5, 2年生); student-ID
  words (学生証, 生徒手帳, 生徒証); school-age words (小学生, 中学生, 高校生,
  女子高生, 中高生, 園児, and JK / JC / JS next to Japanese text).
* ``possible_minor`` — an age under 18 written out (15歳, １６才), except in
  rules such as 「15歳以上」「12歳未満」 which describe an audience, not a person.

What is not caught, honestly: no model that estimates age from a face or a
body is available offline (STACK.md), so nothing here looks at pixels.  A
school uniform, a school emblem or a small child without readable text gives
no finding; a school name embroidered on clothing is caught only when OCR can
read it.  These findings are weak evidence: in every profile they raise
caution/danger or an ``escalate`` action, and only together with a sexual
finding does pipeline/verdict.py turn them into ``block`` (the legal red line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazoguard.detectors.base import Detector
from gazoguard.core.finding import Finding
from gazoguard.imaging.picture import Picture
from gazoguard.perception.scene import Scene

# kanji, katakana, latin, digits and の (お茶の水): other hiragana are particles that end a name,
# unless the whole name is hiragana (ひまわり幼稚園)
_NAME = r"[一-龥々〆ヶのァ-ヴーA-Za-zＡ-Ｚａ-ｚ0-9０-９・]"
_KANJI_NUM = "一二三四五六七八九"


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    basis: str
    weight: float
    pattern: re.Pattern[str]


CUES: tuple[Cue, ...] = (
    Cue("school_text", "school_name", 0.85, re.compile(
        rf"(?:(?<![ぁ-ん])[ぁ-ん]{{2,6}}|{_NAME}{{1,10}}?)(?:中等教育学校|義務教育学校|高等専門学校|高等学校|小学校|中学校|高校|学園|幼稚園|保育園)"
    )),
    Cue("school_text", "grade_class", 0.8, re.compile(
        rf"(?<![0-9０-９])[1-6１-６{_KANJI_NUM[:6]}]\s?年\s?[0-9０-９A-Za-zＡ-Ｚ{_KANJI_NUM}十]{{1,2}}\s?組"
    )),
    Cue("school_text", "grade_short", 0.7, re.compile(
        r"(?<![一-龥々ぁ-んァ-ヴーA-Za-z0-9０-９])(?:小[1-6１-６]|中[1-3１-３]|高[1-3１-３])"
        r"(?![0-9０-９.,．，%％円万千百階号日月時分回位番人])"
    )),
    Cue("school_text", "grade_year", 0.6, re.compile(rf"(?<![0-9０-９])[1-6１-６{_KANJI_NUM[:6]}]年生")),
    Cue("school_text", "student_id", 0.9, re.compile(r"学生証|生徒手帳|生徒証")),
    Cue("school_text", "school_age_word", 0.8, re.compile(
        r"女子高生|男子高生|女子高校生|男子高校生|女子中学生|男子中学生|小学生|中学生|高校生|中高生|園児"
    )),
    Cue("possible_minor", "age_text", 0.5, re.compile(
        r"(?<![0-9０-９])(?:1[0-7]|[1-9]|１[０-７]|[１-９])\s?[歳才](?!\s?(?:以上|以下|未満|から|まで|以降|向け|対象))"
    )),
)
_SLANG = Cue("school_text", "school_age_word", 0.6, re.compile(r"(?<![A-Za-z])(?:JK|JC|JS)(?![A-Za-z])"))
_JAPANESE = re.compile(r"[ぁ-んァ-ヴ一-龥]")


def find_cues(text: str) -> list[tuple[Cue, int, int]]:
    """Every (cue, start, end) in ``text``; slang (JK/JC/JS) only when the text is Japanese."""
    cues = CUES + ((_SLANG,) if _JAPANESE.search(text) else ())
    hits = []
    for cue in cues:
        for match in cue.pattern.finditer(text):
            hits.append((cue, match.start(), match.end()))
    return hits


class MinorSignalsDetector(Detector):
    name = "minor_signals"
    kinds = frozenset({"school_text", "possible_minor"})
    timeout_s = 30.0
    order = 60

    def detect(self, picture: Picture, scene: Scene) -> list[Finding]:
        layout = scene.text()
        findings = []
        for cue, start, end in find_cues(layout.text):
            box = layout.box_for_span(start, end)
            if box is None:
                continue
            score = cue.weight * (layout.score_for_span(start, end) or 1.0)
            findings.append(
                Finding(cue.kind, score, self.name, box=box, text=layout.text[start:end], attrs={"basis": cue.basis})
            )
        return findings
