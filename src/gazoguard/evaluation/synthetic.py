"""Generated images with Japanese personal data planted at known places: a labelled set of any size.

``../shared/eval`` holds 15 labelled text images; a user's pictures vary far more.  This module
draws seeded pictures of the kinds people send — a filled-in form, a card photographed on a
table, a chat screenshot, a parcel's delivery label, a Japanese identity card — with random but well-formed values (valid check digits, real
prefectures and wards, 和暦 and 西暦 dates, full-width digits now and then), in several fonts,
sizes, tints, rotations and JPEG qualities.  Each planted value is a label of
:class:`~gazoguard.evaluation.dataset.LabelledImage`, so the eval's own scoring applies unchanged.

    gazoguard eval --synthetic 60 [--seed 1]

The values are drawn from general rules, never from the eval set, and nothing here is tuned to
what the engine reads well: a miss is a finding about the engine, not about the generator.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from gazoguard.evaluation.dataset import LabelledImage
from gazoguard.core.fonts import cjk_font_path
from gazoguard.recognizers.checksums import corporate_number_check_digit, luhn_valid, my_number_check_digit

LAYOUTS = ("form", "card", "chat", "parcel", "idcard")

_SURNAMES = "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 斎藤 清水 山崎 池田 橋本 阿部 石川 前田 藤田 小川 岡田 後藤 長谷川 村上 近藤 石井 坂本 遠藤 青木 藤井 西村 福田 太田".split()
_GIVEN = "太郎 花子 健太 翔太 美咲 陽菜 大輔 恵美 直樹 由美 拓也 さくら 結衣 蓮 悠真 葵 一郎 明美 和也 真由美 光 誠 智子 亮 千尋 涼子 隆 彩 優斗 愛".split()
_ROMAN_SURNAMES = "sato suzuki takahashi tanaka ito watanabe yamamoto nakamura kobayashi kato yoshida yamada".split()
_ROMAN_GIVEN = "taro hanako kenta shota misaki hina daisuke emi naoki yumi takuya sakura".split()
# (prefecture, city or ward, town) — real places, so a gazetteer-free reader has to cope with all of them
_PLACES = (
    ("東京都", "新宿区", "西新宿"), ("東京都", "世田谷区", "桜新町"), ("東京都", "八王子市", "明神町"),
    ("大阪府", "大阪市北区", "梅田"), ("大阪府", "堺市堺区", "南瓦町"), ("神奈川県", "横浜市中区", "山下町"),
    ("神奈川県", "川崎市中原区", "小杉町"), ("愛知県", "名古屋市中村区", "名駅"), ("福岡県", "福岡市博多区", "博多駅前"),
    ("北海道", "札幌市中央区", "北一条西"), ("京都府", "京都市左京区", "吉田本町"), ("埼玉県", "さいたま市浦和区", "高砂"),
    ("千葉県", "船橋市", "本町"), ("兵庫県", "神戸市中央区", "三宮町"), ("宮城県", "仙台市青葉区", "一番町"),
    ("広島県", "広島市中区", "紙屋町"), ("静岡県", "浜松市中央区", "板屋町"), ("沖縄県", "那覇市", "久茂地"),
    ("新潟県", "新潟市中央区", "東大通"), ("長野県", "松本市", "中央"),
)
_BUILDINGS = ("ハイツ", "マンション", "コーポ", "レジデンス", "荘")
_BANKS = ("みずほ銀行", "三井住友銀行", "三菱UFJ銀行", "りそな銀行", "横浜銀行", "城南信用金庫")
_BRANCHES = ("渋谷支店", "新宿支店", "梅田支店", "本店営業部", "横浜駅前支店", "池袋支店")
_DOMAINS = ("example.co.jp", "mail.example.jp", "example.ne.jp", "example.com")
_ERAS = (("昭和", 1925), ("平成", 1988), ("令和", 2018))  # 元年 is the year after the offset
_WORDS = ("社外秘", "機密", "取扱注意", "Confidential")
_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


@dataclass(frozen=True)
class Planted:
    """One value drawn on a generated picture: its text as drawn, its kind and its label line."""

    kind: str
    text: str
    label: str  # how a form or a card names it (氏名, 住所 …); in a chat, the sentence around it


@dataclass(frozen=True)
class SyntheticImage:
    name: str
    layout: str
    data: bytes
    planted: tuple[Planted, ...]
    doc_kind: str = "none"  # the identity document an ``idcard`` picture shows
    klass: str = ""  # the class of issue 20 a picture of ``synthetic_classes`` stands for
    decoys: tuple[tuple[str, str], ...] = ()  # (text, kind it imitates) drawn on it
    context: tuple[str, ...] = ()  # strings drawn that are not personal (scored as neither right nor wrong)

    def as_labelled(self, root: Path) -> LabelledImage:
        return LabelledImage(
            path=root / self.name, rel=self.name, category="synthetic", has_face=False, face_boxes=(),
            has_gps=False, has_exif=False, has_text_pii=True,
            texts=tuple((p.text, p.kind) for p in self.planted) + tuple((t, None) for t in self.context),
            has_qr=False, qr_payloads=(), has_barcode=False, is_screen=self.layout == "chat",
            is_document=self.layout not in ("chat", "names", "addresses"), doc_kind=self.doc_kind,
            klass=self.klass, decoys=self.decoys,
        )


class Values:
    """Well-formed random personal values, one generator per kind (seeded)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def person_name(self) -> str:
        return self.rng.choice(_SURNAMES) + self.rng.choice(("", " ", "　")) + self.rng.choice(_GIVEN)

    def address(self) -> str:
        pref, city, town = self.rng.choice(_PLACES)
        r = self.rng
        block = r.choice((f"{r.randint(1, 9)}丁目{r.randint(1, 30)}番{r.randint(1, 20)}号", f"{r.randint(1, 9)}-{r.randint(1, 30)}-{r.randint(1, 20)}"))
        building = f" {r.choice(_SURNAMES)}{r.choice(_BUILDINGS)}{r.randint(1, 5)}0{r.randint(1, 9)}" if r.random() < 0.3 else ""
        return f"{pref}{city}{town}{block}{building}"

    def postcode(self) -> str:
        return f"〒{self.digits(3)}-{self.digits(4)}"

    def phone(self) -> str:
        """A number as the numbering plan allows it: a local number never starts with 0 or 1."""
        r = self.rng
        style = r.choice(("mobile", "tokyo", "area", "free", "plain", "wide"))
        if style == "mobile":
            return f"0{r.choice('789')}0-{r.choice('123456789')}{self.digits(3)}-{self.digits(4)}"
        if style == "tokyo":
            return f"0{r.choice('36')}-{self.local_number(4)}-{self.digits(4)}"
        if style == "area":
            return f"0{r.choice('12345789')}{r.randint(1, 9)}-{self.local_number(3)}-{self.digits(4)}"
        if style == "free":
            return f"0120-{self.local_number(3)}-{self.digits(3)}"
        if style == "plain":
            return f"0{r.choice('789')}0{r.choice('123456789')}{self.digits(7)}"
        return f"0{r.choice('789')}0-{r.choice('123456789')}{self.digits(3)}-{self.digits(4)}".translate(_FULL_WIDTH)

    def local_number(self, n: int) -> str:
        return self.rng.choice("23456789") + self.digits(n - 1)

    def email(self) -> str:
        r = self.rng
        return f"{r.choice(_ROMAN_GIVEN)}{r.choice(('.', '_', ''))}{r.choice(_ROMAN_SURNAMES)}{r.randint(1, 99)}@{r.choice(_DOMAINS)}"

    def birthdate(self) -> str:
        r = self.rng
        year, month, day = r.randint(1950, 2012), r.randint(1, 12), r.randint(1, 28)
        if r.random() < 0.4:
            era, offset = max((e for e in _ERAS if year > e[1]), key=lambda e: e[1])
            n = year - offset
            return f"{era}{'元' if n == 1 else n}年{month}月{day}日"
        return r.choice((f"{year}年{month}月{day}日", f"{year}/{month:02d}/{day:02d}", f"{year}年{month:02d}月{day:02d}日"))

    def my_number(self) -> str:
        first = self.digits(11)
        number = first + str(my_number_check_digit(first))
        return self.rng.choice((number, f"{number[:4]} {number[4:8]} {number[8:]}"))

    def corporate_number(self) -> str:
        base = self.digits(12)
        return str(corporate_number_check_digit(base)) + base

    def drivers_licence(self) -> str:
        return f"第{self.digits(12)}号"

    def passport(self) -> str:
        return self.rng.choice(("TK", "TR", "TZ", "MZ")) + self.digits(7)

    def insurance_number(self) -> str:
        return f"記号 {self.digits(self.rng.randint(2, 8))} 番号 {self.rng.randint(1, 999)}"

    def bank_account(self) -> str:
        r = self.rng
        return f"{r.choice(_BANKS)} {r.choice(_BRANCHES)} {r.choice(('普通', '当座'))} {self.digits(7)}"

    def credit_card(self) -> str:
        r = self.rng
        prefix = r.choice(("4", f"5{r.randint(1, 5)}", f"35{r.randint(28, 89)}"))  # Visa, Mastercard, JCB ranges
        first = prefix + self.digits(15 - len(prefix))
        number = next(first + d for d in "0123456789" if luhn_valid(first + d))
        return r.choice((" ", "-", "")).join(number[i : i + 4] for i in range(0, 16, 4))

    def sns_id(self) -> str:
        r = self.rng
        handle = f"{r.choice(_ROMAN_GIVEN)}_{r.choice(_ROMAN_SURNAMES)}{r.randint(1, 99)}"
        return r.choice((f"LINE ID: {handle}", f"@{handle}", f"Instagram: {handle}"))

    def confidential_word(self) -> str:
        return self.rng.choice(_WORDS)


# what a form or card prints before each value (the generator's own wording; several per kind)
_LABELS = {
    "person_name": ("氏名", "お名前", "名前"),
    "address": ("住所", "ご住所", "現住所"),
    "postcode": ("",),
    "phone": ("電話番号", "TEL", "携帯電話", "連絡先"),
    "email": ("メール", "E-mail", "メールアドレス"),
    "birthdate": ("生年月日",),
    "my_number": ("個人番号", "マイナンバー"),
    "corporate_number": ("法人番号",),
    "drivers_licence": ("免許証番号",),
    "passport": ("旅券番号", "パスポート番号"),
    "insurance_number": ("健康保険証",),
    "bank_account": ("振込先",),
    "credit_card": ("カード番号",),
    "sns_id": ("",),
    "confidential_word": ("",),
}
# how a chat message carries each value ({} is the value)
_SENTENCES = {
    "person_name": ("はじめまして、{}です。", "担当の{}と申します。"),
    "address": ("住所は{}です", "{}まで送ってください"),
    "postcode": ("郵便番号は{}です",),
    "phone": ("電話番号は{}です", "{}に電話ください"),
    "email": ("メールは{}までお願いします", "{}に送りました"),
    "birthdate": ("生年月日は{}です", "誕生日 {}"),
    "my_number": ("マイナンバーは{}です",),
    "corporate_number": ("弊社の法人番号は{}です",),
    "drivers_licence": ("免許証番号 {}",),
    "passport": ("パスポート番号は{}です",),
    "insurance_number": ("保険証の{}です",),
    "bank_account": ("振込先は{}です",),
    "credit_card": ("カード番号は{}です",),
    "sns_id": ("{} で追加してね", "{}"),
    "confidential_word": ("【{}】資料を送ります",),
}
KINDS = tuple(_LABELS)


def generate(count: int, seed: int = 1, layouts: tuple[str, ...] = LAYOUTS, extra_drawers: Mapping[str, Callable] | None = None) -> Iterator[SyntheticImage]:
    """``count`` pictures, cycling through ``layouts`` (these, or the classes of
    :mod:`~gazoguard.evaluation.synthetic_classes` given as ``extra_drawers``); the same seed (with the
    same fonts installed) gives the same pictures."""
    drawers = {**_DRAWERS, **(extra_drawers or {})}
    unknown = [name for name in layouts if name not in drawers]
    if unknown:
        raise ValueError(f"unknown layouts: {', '.join(unknown)} (known: {', '.join(drawers)})")
    for index in range(count):
        rng = random.Random(seed * 1_000_003 + index)
        layout = layouts[index % len(layouts)]
        yield drawers[layout](rng, f"synthetic/{seed}-{index:03d}-{layout}")


def _pick_kinds(rng: random.Random, n: int) -> list[str]:
    # every picture names someone: a name is what most of these pictures leak
    kinds = ["person_name"] + rng.sample([k for k in KINDS if k != "person_name"], n - 1)
    rng.shuffle(kinds)
    return kinds


def _font_paths() -> list[str]:
    found = [p for p in (cjk_font_path(), *_SYSTEM_FONTS) if p and Path(p).is_file()]
    return list(dict.fromkeys(found))


_SYSTEM_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
)


def _font(rng: random.Random, size: int) -> ImageFont.FreeTypeFont:
    paths = _font_paths()
    if not paths:
        raise RuntimeError("no CJK font installed (matplotlib-fontja or fonts-noto-cjk)")
    return ImageFont.truetype(rng.choice(paths), size)  # face 0 of the Noto CJK collections is Japanese


def _draw_form(rng: random.Random, name: str) -> SyntheticImage:
    values = Values(rng)
    kinds = _pick_kinds(rng, rng.randint(5, 8))
    size = rng.randint(22, 40)
    font = _font(rng, size)
    row = int(size * rng.uniform(1.9, 2.6))
    width = rng.randint(1100, 1500)
    paper = tuple(rng.randint(235, 255) for _ in range(3))
    image = Image.new("RGB", (width, 140 + row * (len(kinds) + 1)), paper)
    draw = ImageDraw.Draw(image)
    draw.text((60, 40), rng.choice(("申込書", "会員登録フォーム", "お客様情報", "登録内容の確認")), font=font, fill=(20, 20, 20))
    planted = []
    for i, kind in enumerate(kinds):
        y = 40 + row * (i + 1)
        value = getattr(values, kind)()
        label = rng.choice(_LABELS[kind])
        x = 60
        if label:
            draw.text((x, y), label, font=font, fill=(60, 60, 60))
            x += int(size * 7)
        draw.text((x, y), value, font=font, fill=(10, 10, 10))
        draw.line((60, y + row - size // 2, width - 60, y + row - size // 2), fill=(200, 200, 200), width=1)
        planted.append(Planted(kind, value, label))
    return SyntheticImage(name + ".png", "form", _encode(image, rng, photo=False), tuple(planted))


def _draw_card(rng: random.Random, name: str) -> SyntheticImage:
    """A card on a table, photographed: tinted, slightly turned, on a noisy background, as a JPEG."""
    values = Values(rng)
    kinds = _pick_kinds(rng, rng.randint(4, 6))
    size = rng.randint(24, 36)
    font = _font(rng, size)
    row = int(size * 1.8)
    card_w, card_h = rng.randint(1000, 1250), 60 + row * len(kinds) + 40
    tint = tuple(rng.randint(205, 250) for _ in range(3))
    card = Image.new("RGB", (card_w, card_h), tint)
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, card_w - 1, card_h - 1), outline=(120, 120, 150), width=6)
    planted = []
    for i, kind in enumerate(kinds):
        y = 40 + row * i
        value = getattr(values, kind)()
        label = rng.choice(_LABELS[kind])
        text = f"{label} {value}" if label else value
        draw.text((40, y), text, font=font, fill=(25, 25, 35))
        planted.append(Planted(kind, value, label))
    photo = _photographed(rng, card, turn=4, margin=(120, 400), surface=_table)
    return SyntheticImage(name + ".jpg", "card", _encode(photo, rng, photo=True), tuple(planted))


def _draw_chat(rng: random.Random, name: str) -> SyntheticImage:
    """A phone chat screenshot: bubbles left and right, one value per message."""
    values = Values(rng)
    kinds = _pick_kinds(rng, rng.randint(4, 7))
    size = rng.randint(28, 38)
    font = _font(rng, size)
    width = 1080
    bubble_h = int(size * 2.2)
    image = Image.new("RGB", (width, 220 + (bubble_h + 36) * len(kinds)), rng.choice(((140, 170, 200), (235, 235, 235), (255, 255, 255))))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 120), fill=(40, 40, 50))
    partner = rng.choice(_SURNAMES)
    draw.text((40, 40), partner + "さん", font=font, fill=(255, 255, 255))
    planted = [Planted("person_name", partner, "さん")]  # the partner's name in the title bar
    y = 160
    for kind in kinds:
        value = getattr(values, kind)()
        sentence = rng.choice(_SENTENCES[kind]).format(value)
        text_w = int(draw.textlength(sentence, font=font))
        mine = rng.random() < 0.5
        x0 = width - text_w - 90 if mine else 50
        draw.rounded_rectangle((x0, y, x0 + text_w + 40, y + bubble_h), radius=bubble_h // 2, fill=(140, 230, 120) if mine else (255, 255, 255))
        draw.text((x0 + 20, y + (bubble_h - size) // 2 - 2), sentence, font=font, fill=(0, 0, 0))
        planted.append(Planted(kind, value, sentence))
        y += bubble_h + 36
    return SyntheticImage(name + ".png", "chat", _encode(image, rng, photo=False), tuple(planted))


def _draw_parcel(rng: random.Random, name: str) -> SyntheticImage:
    """A delivery label on a cardboard box, photographed: the addressee and the sender, each with
    〒, address, name + 様 and telephone — the picture people send of a parcel that arrived."""
    values = Values(rng)
    size = rng.randint(20, 30)
    font, small = _font(rng, size), _font(rng, max(14, size * 2 // 3))
    width, row = rng.randint(900, 1150), int(size * 1.7)
    label = Image.new("RGB", (width, 40 + row * 9), (250, 250, 245))
    draw = ImageDraw.Draw(label)
    planted: list[Planted] = []
    y = 20
    for heading in ("お届け先", "ご依頼主"):
        draw.text((24, y), heading, font=small, fill=(200, 40, 40))
        y += row
        postcode, address, person, phone = values.postcode(), values.address(), values.person_name(), values.phone()
        draw.text((40, y), postcode, font=font, fill=(10, 10, 10))
        draw.text((40, y + row), address, font=font, fill=(10, 10, 10))
        draw.text((40, y + 2 * row), f"{person} 様", font=font, fill=(10, 10, 10))
        draw.text((40 + int(size * 9), y + 2 * row), f"TEL {phone}", font=font, fill=(10, 10, 10))
        planted += [Planted("postcode", postcode, heading), Planted("address", address, heading),
                    Planted("person_name", person, "様"), Planted("phone", phone, "TEL")]
        draw.line((20, y + 3 * row + 6, width - 20, y + 3 * row + 6), fill=(120, 120, 120), width=2)
        y += 3 * row + 20
    photo = _photographed(rng, label, turn=6, margin=(160, 500), surface=_cardboard)
    return SyntheticImage(name + ".jpg", "parcel", _encode(photo, rng, photo=True), tuple(planted))


_FOREIGN_NAMES = ("NGUYEN VAN AN", "TRAN THI LAN", "WANG XIAOMING", "KIM MINJUN", "SANTOS MARIA CLARA", "SHARMA PRIYA")
_SCHOOLS = ("東都大学 工学部", "北辰大学 経済学部", "青葉高等学校 普通科", "港南大学 文学部")


class _Row(NamedTuple):
    before: str
    value: str
    kind: str | None = None  # the planted kind, or None for a value that is not personal
    after: str = ""


def _id_rows(kind: str, values: Values) -> tuple[str, list[_Row]]:
    """A card's title and its rows, after the fronts of the real cards (運転免許証, マイナンバーカード,
    被保険者証, 学生証, 在留カード)."""
    r = values.rng
    name, birth, address = values.person_name(), values.birthdate(), values.address()
    issued = f"令和0{r.randint(1, 6)}年0{r.randint(1, 9)}月{r.randint(10, 28)}日 "
    if kind == "drivers_licence":
        return "運転免許証", [_Row("氏名 ", name, "person_name"), _Row("", birth, "birthdate", "生"), _Row("住所 ", address, "address"),
                             _Row("交付 " + issued, values.digits(5)), _Row("番号 ", values.drivers_licence(), "drivers_licence")]
    if kind == "my_number_card":
        return "個人番号カード", [_Row("氏名 ", name, "person_name"), _Row("住所 ", address, "address"), _Row("", birth, "birthdate", "生"),
                               _Row("性別 ", r.choice(("男", "女"))), _Row("有効期限 ", f"20{r.randint(28, 36)}年{r.randint(1, 12)}月{r.randint(1, 28)}日", None, "まで")]
    if kind == "insurance_card":
        return r.choice(("健康保険 被保険者証", "国民健康保険被保険者証")), [
            _Row("", values.insurance_number(), "insurance_number"), _Row("氏名 ", name, "person_name"), _Row("生年月日 ", birth, "birthdate"),
            _Row("保険者番号 ", values.digits(8)), _Row("保険者名称 ", r.choice(("全国健康保険協会", "東京都港区", "健康保険組合")))]
    if kind == "student_id":
        return "学生証", [_Row("", r.choice(_SCHOOLS)), _Row("学籍番号 ", f"{r.randint(18, 25)}{r.choice('ABCT')}{values.digits(4)}"),
                         _Row("氏名 ", name, "person_name"), _Row("生年月日 ", birth, "birthdate")]
    return "在留カード", [_Row("氏名 ", r.choice(_FOREIGN_NAMES), "person_name"), _Row("生年月日 ", birth, "birthdate"),
                         _Row("国籍・地域 ", r.choice(("ベトナム", "中国", "フィリピン", "ネパール"))), _Row("住居地 ", address, "address"),
                         _Row("在留資格 ", r.choice(("留学", "技能実習", "永住者")))]


def _draw_idcard(rng: random.Random, name: str) -> SyntheticImage:
    """The front of a Japanese identity card, with a photo box, photographed on a table."""
    values = Values(rng)
    kind = rng.choice(("drivers_licence", "my_number_card", "insurance_card", "student_id", "residence_card"))
    title, rows = _id_rows(kind, values)
    size = rng.randint(24, 32)
    font, big = _font(rng, size), _font(rng, size + 12)
    card = Image.new("RGB", (1100, 110 + int(size * 2.1) * len(rows) + 40), tuple(rng.randint(210, 245) for _ in range(3)))
    draw = ImageDraw.Draw(card)
    draw.text((36, 28), title, font=big, fill=(30, 30, 30))
    draw.rectangle((card.width - 250, 110, card.width - 40, 110 + 260), fill=(150, 150, 160))  # the photo
    planted = []
    for i, row in enumerate(rows):
        draw.text((36, 110 + int(size * 2.1) * i), row.before + row.value + row.after, font=font, fill=(15, 15, 15))
        if row.kind:
            planted.append(Planted(row.kind, row.value, row.before.strip()))
    photo = _photographed(rng, card, turn=5, margin=(120, 400), surface=_table)
    return SyntheticImage(name + ".jpg", "idcard", _encode(photo, rng, photo=True), tuple(planted), doc_kind=kind)


def _photographed(rng: random.Random, item: Image.Image, *, turn: float, margin: tuple[int, int], surface) -> Image.Image:  # type: ignore[no-untyped-def]
    """``item`` turned up to ``turn`` degrees and laid in the middle of a ``surface`` (table, cardboard)
    a random ``margin`` larger than it."""
    turned = item.rotate(rng.uniform(-turn, turn), resample=Image.BICUBIC, expand=True, fillcolor=(0, 0, 0))
    background = surface(rng, turned.width + rng.randint(*margin), turned.height + rng.randint(*margin))
    mask = turned.convert("L").point(lambda v: 255 if v > 0 else 0)  # the corners the turn added
    background.paste(turned, ((background.width - turned.width) // 2, (background.height - turned.height) // 2), mask)
    return background


def _cardboard(rng: random.Random, width: int, height: int) -> Image.Image:
    base = np.array([rng.randint(150, 190), rng.randint(110, 140), rng.randint(60, 90)], dtype=np.float32)
    noise = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 7, (height, width, 3)).astype(np.float32)
    ridges = np.sin(np.linspace(0, rng.uniform(60, 140), height, dtype=np.float32))[:, None, None] * 5
    return Image.fromarray(np.clip(base + noise + ridges, 0, 255).astype(np.uint8), "RGB")


def _table(rng: random.Random, width: int, height: int) -> Image.Image:
    """A wood-or-cloth-like background: a colour gradient with grain and sensor noise."""
    base = np.array([rng.randint(60, 180) for _ in range(3)], dtype=np.float32)
    ys = np.linspace(0, 1, height, dtype=np.float32)[:, None, None]
    grain = np.sin(np.linspace(0, rng.uniform(20, 80), width, dtype=np.float32))[None, :, None] * rng.uniform(4, 14)
    noise = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 6, (height, width, 3)).astype(np.float32)
    pixels = base + ys * rng.uniform(-40, 40) + grain + noise
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")


def _encode(image: Image.Image, rng: random.Random, *, photo: bool) -> bytes:
    buf = io.BytesIO()
    if photo:
        # chat apps send photos shrunk (LINE's standard quality: 1280 px on the long side)
        side = rng.choice((960, 1280, 1600, max(image.size)))
        if max(image.size) > side:
            scale = side / max(image.size)
            image = image.resize((round(image.width * scale), round(image.height * scale)), Image.LANCZOS)
        if rng.random() < 0.5:
            image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.9)))
        image.save(buf, format="JPEG", quality=rng.randint(70, 92))
    else:
        image.save(buf, format="PNG")
    return buf.getvalue()


_DRAWERS = {"form": _draw_form, "card": _draw_card, "chat": _draw_chat, "parcel": _draw_parcel, "idcard": _draw_idcard}
