"""Japanese person names: after a label (氏名, 名前, 代表者, …), before an honorific (様, さん, 殿), in a
self-introduction (はじめまして、山田太郎です / 担当の山田と申します), and short lines GiNZA reads as a
person; plus the katakana reading (フリガナ) next to a found name.

GiNZA alone is not trusted on prose (it tags officials in reports, product
names): a GiNZA ``Person`` counts only when it is most of a short line, as
names stand on forms, cards and name tags, or when it confirms an honorific.
"""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch
from gazoguard.recognizers.jp import ginza_model
from gazoguard.recognizers.normalize import NormalizedText

_KANJI = r"一-龥々〆ヶ"
# kanji, katakana or hiragana names, and a foreign resident's name in capitals (在留カード: NGUYEN VAN AN)
_NAME = (
    rf"[{_KANJI}]{{1,5}}[ \u3000]?[{_KANJI}ぁ-んァ-ヶー]{{1,6}}|[ァ-ヶー]{{2,10}}[ \u3000]?[ァ-ヶー]{{0,10}}|[ぁ-ん]{{2,8}}[ \u3000]?[ぁ-ん]{{0,8}}"
    r"|[A-Z][A-Z'-]+(?:[ ,]{1,2}[A-Z][A-Z'-]+){1,3}"
)
_LABEL = (
    r"(?:お?名前|氏\s*名|[^\s\n]{0,6}者\s*氏?名(?!称)|患者名|代表者|申請者|契約者|受取人|担当者?|世帯主|保護者|"
    r"ご?芳名|署名|記入者|届出人|フリガナ|ふりがな|カナ氏名)"
)
# a licence prints the birth date right after the name on one row: 氏名 日本花子 昭和61年5月1日生
_DATE_START = r"(?:明治|大正|昭和|平成|令和|\d)"
_ERA_AT_END = re.compile(r"(?:明治|大正|昭和|平成|令和)$")
_LABELLED = re.compile(rf"{_LABEL}\s*[:：]?[ \t\u3000]*\n?[ \t\u3000]*(?P<name>{_NAME})(?=$|\n|\s|[（(様殿]|{_DATE_START})", re.MULTILINE)
# 樣 is the older form of 様 (and how OCR sometimes reads it); a given name may be in hiragana (長谷川さくら様)
_HONORIFIC = re.compile(
    rf"(?P<name>[{_KANJI}]{{2,6}}|[{_KANJI}]{{1,4}}[ \u3000]?[ぁ-ん]{{2,4}}|[ァ-ヶー]{{3,10}})\s?(?:様|樣|さん|殿|くん|ちゃん|先生)"
)
# Words before 様/殿 that are roles or groups, not people (お客様, 市長殿, 御中 …).
_NOT_PERSON_END = re.compile(r"(?:長|客|皆|各位|御中|会社|社|部|課|係|所|庁|省|局|室|員|者|方|殿|様|神|仏|王)$")
# Characters that make a "name" after a label part of a phrase instead (被保険者証の記号及び番号).
_NOT_IN_NAME = re.compile(r"[のび及等証欄]|番号|記号|申請|年月日")
_LABEL_WORDS = re.compile(r"^(?:生年月日|住所|電話|番号|性別|年齢|フリガナ|ふりがな|氏名|名前|印|続柄|職業|連絡先|所属)")
# a self-introduction: a greeting or 私は/担当の before the name, or 申します/いいます after it
_INTRO_BEFORE = r"(?:(?:はじめまして|初めまして|こんにちは|こんばんは|おはようございます)[、,。!！\s]*(?:私は|わたしは|僕は|ぼくは|俺は)?|私は|わたしは|僕は|ぼくは|俺は|担当の|担当者の|名前は|名前が)"
_INTRO_AFTER = r"(?:と申します|といいます|と言います|っていいます|って言います|と申す者です)"
_INTRODUCED = re.compile(
    rf"{_INTRO_BEFORE}[ \u3000]?(?P<name>[{_KANJI}]{{1,5}}(?:[ \u3000\n]?[{_KANJI}ぁ-んァ-ヶー]{{1,5}})?)(?=[ \u3000]?(?:です|でした|だよ|{_INTRO_AFTER}))"
    rf"|(?<![{_KANJI}ぁ-ん])(?P<name2>[{_KANJI}]{{1,5}}(?:[ \u3000\n]?[{_KANJI}ぁ-んァ-ヶー]{{1,5}})?)(?=[ \u3000]?{_INTRO_AFTER})"
)
# katakana words that label a form's fields, not anyone's reading
_KANA_FIELD_WORDS = re.compile(r"マイナンバー|メール|アドレス|パスポート|カード|ナンバー|パスワード|ユーザー|アカウント|ログイン|ポイント|コード|サイン|フリガナ|ニックネーム")
_KATAKANA_LINE = re.compile(r"^[ァ-ヶー]{4,20}(?:[ \u3000][ァ-ヶー]{1,12})?$")
_COMPANY_KANA = re.compile(r"カブシキ|ユウゲン|ガイシャ|ゴウドウ|ザイダン|シャダン|コーポレーション|カンパニー")


# what after a dictionary name makes it the name of a place, a firm or a time, not a person
_PLACE_AFTER_NAME = re.compile(r"^(?:町|村|市|区|駅|通り?|橋|線|丁目|年|年度|号|式|流|電機|商店|工業|製作所|記念)")
_GIVEN_NAME_LINE = re.compile(rf"[{_KANJI}ぁ-んァ-ヶー]{{1,6}}(?=\n|$)")


def _one_row_gap(text: NormalizedText, start: int, end: int) -> bool:
    """The blank between two words is one space, or a line break where OCR split one row (鈴木　恵美)."""
    gap = text.norm[start:end]
    return gap in (" ", "\u3000") or (gap == "\n" and text.breaks_one_row(start))


def _given_name_across_row_break(text: NormalizedText, end: int) -> int:
    """Where a labelled name ends: past ``end`` when OCR split the row there (山田　太郎 as 山田 / 太郎)
    and the next piece is a short word alone, as a given name stands."""
    if end < len(text.norm) and text.breaks_one_row(end):
        given = _GIVEN_NAME_LINE.match(text.norm, end + 1)
        if given and not _LABEL_WORDS.match(given.group()):
            return given.end()
    return end


def _is_a_name(words: str) -> bool:
    """GiNZA reads ``words`` as a person: its entity model or, without context, its dictionary."""
    return ginza_model.tags_person(words) or ginza_model.reads_as_person_name(words)


def _as_one_row(name: str) -> str | None:
    """A name OCR split across a row break, read as the one row it is (None when it is whole)."""
    return name.replace("\n", " ") if "\n" in name else None


class JapaneseNameRecognizer(Recognizer):
    name = "person_name_jp"
    kinds = frozenset({"person_name"})
    needs_japanese = True

    def __init__(self, use_ginza: bool = True) -> None:
        self.use_ginza = use_ginza

    def load(self) -> None:
        if self.use_ginza:
            ginza_model.load_in_background()  # the first name candidate waits for it

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for m in _LABELLED.finditer(text.norm):
            name = _ERA_AT_END.sub("", m.group("name").rstrip()).rstrip()  # 日本花子昭和 → 日本花子: the era starts the date
            if _LABEL_WORDS.match(name) or _NOT_IN_NAME.search(name) or len(name.replace(" ", "")) < 2:
                continue
            if self.use_ginza and not re.fullmatch(r"[A-Z ,'-]+", name) and ginza_model.only_common_words(name):
                continue  # 担当者 クレジット: a word of the form, not the value of the label
            s = m.start("name")
            e = _given_name_across_row_break(text, s + len(name))
            out.append(self.match(text, s, e, "person_name", 0.88, reading=_as_one_row(text.norm[s:e]), source="label"))
        for m in _HONORIFIC.finditer(text.norm):
            name = m.group("name")
            confirmed = self.use_ginza and _is_a_name(name)
            if _NOT_PERSON_END.search(name) and not confirmed:
                continue  # 営業部様, お客様; but 阿部さん and 岡部様 are people, as GiNZA reads them
            if re.search("[ぁ-ん]", name) and not confirmed:
                continue  # 子どもさん is not a name; 長谷川さくら様 is, as the dictionary reads it
            out.append(self.match(text, m.start("name"), m.end("name"), "person_name", 0.85 if confirmed else 0.65, source="honorific"))
        out.extend(self._introduced(text))
        if self.use_ginza:
            out.extend(self._standalone_lines(text))
            out.extend(self._dictionary_names(text))
        out.extend(self._readings(text, out))
        return out

    def _introduced(self, text: NormalizedText) -> list[TextMatch]:
        """Names people give of themselves; GiNZA must read the words as a person (私は学生です is not a name)."""
        if not self.use_ginza:
            return []
        out: list[TextMatch] = []
        for m in _INTRODUCED.finditer(text.norm):
            group = "name" if m.group("name") else "name2"
            name = m.group(group)
            if _NOT_IN_NAME.search(name) or _NOT_PERSON_END.search(name):
                continue
            if "\n" in name and not text.breaks_one_row(m.start(group) + name.index("\n")):
                continue  # a name goes on across a line break only where OCR split one row
            if _is_a_name(name.replace("\n", "")):
                out.append(self.match(text, m.start(group), m.end(group), "person_name", 0.85, reading=_as_one_row(name), source="introduction"))
        return out

    def _dictionary_names(self, text: NormalizedText) -> list[TextMatch]:
        """A family name the dictionary knows followed by a given name it knows (Sudachi's 人名-姓 then
        人名-名, with one space or none between) is a name wherever it stands: attendee lists, table
        rows (山口真由美開発部427), chat speakers (山崎蓮: 了解です), minutes.  A one-character family
        name is left to the labels and honorifics (平成元年 reads as 平 + 成元)."""
        out: list[TextMatch] = []
        words = ginza_model.dictionary_words(text.norm)
        for i, (start, end, tag) in enumerate(words):
            if not tag.endswith("人名-姓") or end - start < 2 or (start > 0 and text.norm[start - 1].isascii() and text.norm[start - 1].isalnum()):
                continue  # LAZONA西口直: a word of a sign or a code, glued to Latin letters
            j = i + 1
            if j < len(words) and words[j][2] == "空白" and _one_row_gap(text, words[j][0], words[j][1]):
                j += 1
            if j >= len(words) or not words[j][2].endswith("人名-名"):
                continue
            name_end = words[j][1]
            if j + 1 < len(words) and _PLACE_AFTER_NAME.match(text.norm[name_end : words[j + 1][1]]):
                continue  # 中村智子町: a place named after someone
            out.append(self.match(text, start, name_end, "person_name", 0.86, reading=_as_one_row(text.norm[start:name_end]), source="dictionary"))
        return out

    def _standalone_lines(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        pos = 0
        for line in text.norm.split("\n"):
            stripped = line.strip()
            if 2 <= len(stripped) <= 12 and re.search(rf"[{_KANJI}]", stripped) and not re.search(r"\d", stripped):
                lead = len(line) - len(line.lstrip())
                for a, b in ginza_model.person_spans(stripped):
                    span = stripped[a:b]
                    if b - a < 2 or (b - a) < 0.7 * len(stripped) or not re.search(rf"[{_KANJI}]", span):
                        continue
                    if re.search(r"[A-Za-z]", span):
                        continue  # 护照PASSPORT: a title in two scripts, not a person
                    if _NOT_PERSON_END.search(span) and not ginza_model.reads_as_person_name(span):
                        continue  # an office or a group (…省, …部), not a person
                    out.append(self.match(text, pos + lead + a, pos + lead + b, "person_name", 0.7, source="ginza"))
            pos += len(line) + 1
        return out

    def _readings(self, text: NormalizedText, names: list[TextMatch]) -> list[TextMatch]:
        """A katakana line within two lines of a found name is its reading (フリガナ)."""
        if not names:
            return []
        lines: list[tuple[int, int]] = []
        pos = 0
        for line in text.norm.split("\n"):
            lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        name_lines = {i for i, (a, b) in enumerate(lines) for n in names if a <= text.norm_index(n.start) < b + 1}
        out: list[TextMatch] = []
        for i, (a, b) in enumerate(lines):
            value = text.norm[a:b].strip()
            if i in name_lines or not _KATAKANA_LINE.match(value) or _COMPANY_KANA.search(value) or _KANA_FIELD_WORDS.search(value):
                continue
            if self.use_ginza and ginza_model.only_common_words(value):
                continue  # クレジット, ポイントカード: a katakana word of the form, not a name's reading
            if any(abs(i - j) <= 2 for j in name_lines):
                lead = text.norm[a:b].index(value)
                out.append(self.match(text, a + lead, a + lead + len(value), "person_name", 0.7, source="reading"))
        return out
