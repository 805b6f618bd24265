"""Generated pictures for the classes of issue 20 — numbers, foreign documents, names, addresses — with
decoys: strings that imitate a kind and must not be reported as it.

    gazoguard eval --synthetic 40 --seed 20001 --layouts numbers,foreign_docs,names,addresses

Each picture carries its class (``LabelledImage.klass``) so ``gazoguard eval`` prints figures per
class.  Values come from general rules (check digits computed, names from the generator's own
lists); decoys are numbers one digit off their check, a form's field labels and a company's name.
"""

from __future__ import annotations

import random

from PIL import Image, ImageDraw, ImageFont

from gazoguard.evaluation.synthetic import (
    _BUILDINGS,
    _GIVEN,
    _PLACES,
    _ROMAN_GIVEN,
    _ROMAN_SURNAMES,
    _SURNAMES,
    Planted,
    SyntheticImage,
    Values,
    _encode,
    _font,
    _photographed,
    _table,
)
from gazoguard.recognizers.checksums import corporate_number_check_digit, luhn_valid, mrz_check_digit, my_number_check_digit

CLASS_LAYOUTS = ("numbers", "foreign_docs", "names", "addresses")
_MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
_LATIN_SURNAMES = ("ERIKSSON", "MUELLER", "DUPONT", "GARCIA", "NGUYEN", "KOWALSKI", "ROSSI", "SILVA", "JOHANSSON", "MARTIN", "SCHMIDT", "LEFEBVRE")
_LATIN_GIVEN = ("ANNA MARIA", "LUKAS", "CLAIRE", "JUAN CARLOS", "THI LAN", "PIOTR", "GIULIA", "MATEUS", "ERIK", "SOPHIE", "JONAS", "MARIE")
_COUNTRIES = (("DEU", "DEUTSCH"), ("FRA", "FRANCAISE"), ("UTO", "UTOPIAN"), ("SWE", "SVENSK"), ("ESP", "ESPANOLA"), ("VNM", "VIET NAM"), ("ITA", "ITALIANA"))
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
# the visual zone's field labels per language (surname, given names, document number, birth date, nationality)
_VIZ_LABELS = (
    ("Surname", "Given names", "Passport No.", "Date of birth", "Nationality"),
    ("Nom / Surname", "Prénoms / Given names", "N° du passeport", "Date de naissance", "Nationalité"),
    ("Name / Surname", "Vornamen / Given names", "Pass-Nr.", "Geburtsdatum", "Staatsangehörigkeit"),
    ("姓 / Surname", "名 / Given names", "护照号 / Passport No.", "出生日期 / Date of birth", "国籍 / Nationality"),
    ("성 / Surname", "이름 / Given names", "여권번호 / Passport No.", "생년월일 / Date of birth", "국적 / Nationality"),
    ("氏名 / Surname", "名 / Given name", "旅券番号 / Passport No.", "生年月日 / Date of birth", "国籍 / Nationality"),
)
_FORM_WORDS = ("クレジット", "番号", "お客様番号", "担当", "氏名", "ご利用日", "合計", "お預り")
_COMPANIES = ("株式会社サンプル商事", "みどり物産株式会社", "合同会社ひかりテック", "東西運輸株式会社")


def _latin_font(size: int, mono: bool = False) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(_MONO if mono else _SANS, size)
    except OSError:
        return ImageFont.load_default()


def _with_check(field: str) -> str:
    return field + str(mrz_check_digit(field))


def _mrz_date(rng: random.Random, lo: int, hi: int) -> tuple[str, str]:
    """(YYMMDD, as the visual zone prints it: 12 AUG 1974)."""
    year, month, day = rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28)
    return f"{year % 100:02d}{month:02d}{day:02d}", f"{day:02d} {_MONTHS[month - 1]} {year}"


def _off_by_one(rng: random.Random, digits: str, valid) -> str:  # type: ignore[no-untyped-def]
    """``digits`` with one digit changed so its check fails."""
    while True:
        i = rng.randrange(len(digits))
        wrong = digits[:i] + str((int(digits[i]) + rng.randint(1, 9)) % 10) + digits[i + 1 :]
        if not valid(wrong):
            return wrong


def _my_number(rng: random.Random) -> str:
    first = "".join(rng.choice("0123456789") for _ in range(11))
    return first + str(my_number_check_digit(first))


def _card(rng: random.Random) -> str:
    prefix = rng.choice(("4", f"5{rng.randint(1, 5)}", f"35{rng.randint(28, 89)}"))
    first = prefix + "".join(rng.choice("0123456789") for _ in range(15 - len(prefix)))
    return next(first + d for d in "0123456789" if luhn_valid(first + d))


def _corporate(rng: random.Random) -> str:
    base = "".join(rng.choice("0123456789") for _ in range(12))
    return str(corporate_number_check_digit(base)) + base


def _spaced(rng: random.Random, number: str) -> str:
    """A 12-digit number as people write it: 4-4-4 with one or more spaces or hyphens, or 6-6."""
    sep = rng.choice((" ", "  ", "-", "　", " - "))
    return rng.choice((sep.join((number[:4], number[4:8], number[8:])), f"{number[:6]}{sep}{number[6:]}", number))


def _sheet(lines: list[str], rng: random.Random, *, size: int | None = None) -> Image.Image:
    size = size or rng.randint(24, 34)
    font = _font(rng, size)
    row = int(size * rng.uniform(1.7, 2.2))
    width = rng.randint(1000, 1300)
    image = Image.new("RGB", (width, 80 + row * len(lines)), tuple(rng.randint(238, 255) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((50, 40 + row * i), line, font=font, fill=(15, 15, 15))
    return image


def draw_numbers(rng: random.Random, name: str) -> SyntheticImage:
    """A receipt or form with numbers in their real shapes, and numbers that fail their check."""
    values = Values(rng)
    planted: list[Planted] = []
    decoys: list[tuple[str, str]] = []
    lines = [rng.choice(("ご利用明細", "領収書", "お客様控え", "申込内容"))]
    card = _card(rng)
    masked = rng.choice((f"**** **** **** {card[-4:]}", f"{card[0]}XXXXX******{card[-4:]}", f"XXXX-XXXX-XXXX-{card[-4:]}", f"************{card[-4:]}"))
    lines.append(f"{rng.choice(('カード番号', 'クレジット', 'お支払い'))} {masked}")
    planted.append(Planted("credit_card", masked, "masked"))
    number = _my_number(rng)
    shown = _spaced(rng, number)
    if rng.random() < 0.4:  # split over two lines
        cut = shown.rfind(" ", 0, len(shown) - 2) if " " in shown else 8
        lines += [f"個人番号 {shown[:cut].rstrip()}", shown[cut:].strip()]
    else:
        lines.append(f"{rng.choice(('個人番号', 'マイナンバー'))} {shown}")
    planted.append(Planted("my_number", shown, "個人番号"))
    handle = f"{rng.choice(_ROMAN_GIVEN)}{rng.choice(('_', '.', ''))}{rng.choice(_ROMAN_SURNAMES)}{rng.randint(1, 99)}"
    lines.append(f"{rng.choice(('LINE ID', 'LINE', 'インスタ', 'Instagram', 'X(旧Twitter)'))}{rng.choice((': ', '：', ' '))}{handle}")
    planted.append(Planted("sns_id", handle, "label"))
    lines.append(f"登録番号 T{_corporate(rng)}")  # the shop's invoice registration: business data, labelled as context
    context = [lines[-1].split(" ", 1)[1]]
    bad_my = _off_by_one(rng, _my_number(rng), lambda d: my_number_check_digit(d[:11]) == int(d[11]))
    bad_card = _off_by_one(rng, _card(rng), luhn_valid)
    bad_corp = _off_by_one(rng, _corporate(rng), lambda d: corporate_number_check_digit(d[1:]) == int(d[0]))
    shown_bad = f"{bad_my[:4]} {bad_my[4:8]} {bad_my[8:]}"
    lines += [f"{rng.choice(('受付番号', 'お問合せ番号', '個人番号'))} {shown_bad}", f"カード番号 {' '.join(bad_card[i:i + 4] for i in range(0, 16, 4))}",
              f"法人番号 {bad_corp}"]
    decoys += [(shown_bad, "my_number"), (" ".join(bad_card[i:i + 4] for i in range(0, 16, 4)), "credit_card"), (bad_corp, "corporate_number")]
    phone = values.phone()
    lines.append(f"TEL {phone}")
    planted.append(Planted("phone", phone, "TEL"))
    image = _sheet(lines, rng)
    photo = rng.random() < 0.5
    if photo:
        image = _photographed(rng, image, turn=3, margin=(100, 300), surface=_table)
    return SyntheticImage(name + (".jpg" if photo else ".png"), "numbers", _encode(image, rng, photo=photo), tuple(planted),
                          klass="numbers", decoys=tuple(decoys), context=tuple(context))


def draw_foreign_doc(rng: random.Random, name: str) -> SyntheticImage:
    """A passport data page (TD3) or an ID card (TD1): visual zone by field labels, then the MRZ."""
    surname, given = rng.choice(_LATIN_SURNAMES), rng.choice(_LATIN_GIVEN)
    code, nationality = rng.choice(_COUNTRIES)
    doc = rng.choice("ABCDEFGHJKLMNPRTUVWXYZ") + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRTUVWXYZ") for _ in range(7)) + rng.choice("0123456789")
    birth, birth_shown = _mrz_date(rng, 1950, 2008)
    expiry, expiry_shown = _mrz_date(rng, 2027, 2036)
    sex = rng.choice("MF")
    labels = rng.choice(_VIZ_LABELS)
    below = rng.random() < 0.6  # the value under its label, as passports print it
    rows = [(labels[0], surname, "person_name"), (labels[1], given, "person_name"), (labels[2], doc, "passport"),
            (labels[3], birth_shown, "birthdate"), (labels[4], nationality, None)]
    rng.shuffle(rows)
    size = rng.randint(22, 30)
    font, mono = _font(rng, size), _latin_font(size + 4, mono=True)
    td1 = rng.random() < 0.35
    if td1:
        l1 = f"I<{code}{doc}{mrz_check_digit(doc)}".ljust(30, "<")
        l2 = f"{_with_check(birth)}{sex}{_with_check(expiry)}{code}".ljust(29, "<")
        l2 += str(mrz_check_digit(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]))
        l3 = f"{surname.replace(' ', '<')}<<{given.replace(' ', '<')}".ljust(30, "<")[:30]
        mrz = [l1, l2, l3]
        title = rng.choice(("IDENTITY CARD", "PERSONALAUSWEIS", "CARTE NATIONALE D'IDENTITÉ", "RESIDENCE PERMIT"))
    else:
        l1 = f"P<{code}{surname.replace(' ', '<')}<<{given.replace(' ', '<')}".ljust(44, "<")[:44]
        body = f"{doc}{mrz_check_digit(doc)}{code}{_with_check(birth)}{sex}{_with_check(expiry)}" + "<" * 14 + "<"
        composite = body[0:10] + body[13:20] + body[21:43]
        mrz = [l1, body + str(mrz_check_digit(composite))]
        title = rng.choice(("PASSPORT / PASSEPORT", "REISEPASS / PASSPORT", "护照 PASSPORT", "여권 PASSPORT", "旅券 PASSPORT"))
    row = int(size * 1.9)
    height = 90 + row * (len(rows) * (2 if below else 1) + 1) + (size + 14) * 2 * len(mrz) + 40
    page = Image.new("RGB", (1250, height), tuple(rng.randint(215, 245) for _ in range(3)))
    draw = ImageDraw.Draw(page)
    draw.text((40, 30), title, font=_font(rng, size + 8), fill=(40, 40, 80))
    draw.rectangle((40, 100, 300, 420), fill=(160, 160, 170))  # the photo
    planted: list[Planted] = []
    decoys: list[tuple[str, str]] = []
    y = 100
    for label, value, kind in rows:
        if below:
            draw.text((340, y), label, font=_font(rng, max(14, size - 8)), fill=(90, 90, 110))
            draw.text((340, y + row // 2 + 4), value, font=font, fill=(10, 10, 10))
            y += int(row * 1.6)
        else:
            draw.text((340, y), f"{label}  {value}", font=font, fill=(10, 10, 10))
            y += row
        if kind:
            planted.append(Planted(kind, value, label))
        decoys.append((label.split("/")[-1].strip(), "person_name"))
    planted.append(Planted("birthdate", birth, "mrz"))  # the machine-readable zone prints it again, as YYMMDD
    draw.text((340, y), f"Date of expiry  {expiry_shown}    Sex  {sex}", font=font, fill=(10, 10, 10))
    y = max(y + row * 2, 440)
    for line in mrz:
        draw.text((40, y), line, font=mono, fill=(10, 10, 10))
        y += (size + 14) * 2 - 10
    page = page.crop((0, 0, page.width, min(page.height, y + 30)))
    photo = rng.random() < 0.6
    image = _photographed(rng, page, turn=3, margin=(80, 260), surface=_table) if photo else page
    return SyntheticImage(name + (".jpg" if photo else ".png"), "foreign_docs", _encode(image, rng, photo=photo), tuple(planted),
                          doc_kind="id_card" if td1 else "passport", klass="foreign_docs", decoys=tuple(decoys))


def _jp_name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(("", " ", "　")) + rng.choice(_GIVEN)


def draw_names(rng: random.Random, name: str) -> SyntheticImage:
    """Minutes with an attendee list, a member table, or a group chat with ○○さん in its bubbles."""
    style = rng.choice(("minutes", "table", "chat"))
    people = list(dict.fromkeys(_jp_name(rng) for _ in range(rng.randint(3, 5))))
    planted = [Planted("person_name", p, style) for p in people]
    decoys = [(w, "person_name") for w in rng.sample(_FORM_WORDS, 3)]
    if style == "minutes":
        attendees = f"{rng.choice(('出席者', '参加者', '出席'))}: " + rng.choice(("、", ", ", " / ")).join(people[:-1])
        lines = [rng.choice(("議事録", "定例会議 議事録", "打合せメモ")), f"日時: 2026年{rng.randint(1, 12)}月{rng.randint(1, 28)}日 10:00-11:00", attendees]
        lines += [f"欠席: {people[-1]}", f"議題: {rng.choice(('予算の確認', '新製品の企画', '来期の体制'))}", f"{decoys[0][0]}について確認した"]
        image = _sheet(lines, rng)
    elif style == "table":
        lines = [rng.choice(("メンバー一覧", "連絡網", "名簿")), "氏名        所属        内線"]
        lines += [f"{p}    {rng.choice(('営業部', '総務課', '開発部', '経理'))}    {rng.randint(100, 999)}" for p in people]
        lines.append(f"{decoys[0][0]}  {decoys[1][0]}")
        image = _sheet(lines, rng)
    else:
        lines = [f"{rng.choice(('営業チーム', '同期会', 'PTA役員'))} ({len(people) + 1})"]
        for p in people:
            lines.append(rng.choice((f"{p}さん、明日の件よろしくお願いします", f"{p}: 了解です", f"{p}さんに確認します")))
        image = _sheet(lines, rng)
    return SyntheticImage(name + ".png", "names", _encode(image, rng, photo=False), tuple(planted), klass="names", decoys=tuple(decoys),
                          context=tuple(lines[:1]))


def draw_addresses(rng: random.Random, name: str) -> SyntheticImage:
    """A memo with a long address over two lines (building and room on the second), or a partial one."""
    pref, city, town = rng.choice(_PLACES)
    block = rng.choice((f"{rng.randint(1, 9)}丁目{rng.randint(1, 30)}番{rng.randint(1, 20)}号", f"{rng.randint(1, 9)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}",
                        f"{rng.randint(1, 9)}丁目{rng.randint(1, 30)}-{rng.randint(1, 20)}"))
    building = f"{rng.choice(_SURNAMES)}{rng.choice(_BUILDINGS + ('ビル', 'タワー', 'パレス'))}{rng.choice(('', ' ', 'A棟 ', '2号館 '))}{rng.randint(1, 12)}0{rng.randint(1, 9)}{rng.choice(('号室', '', '号'))}"
    person = _jp_name(rng)
    partial = rng.random() < 0.3
    if partial:  # town + block: still pins a home
        value = f"{town}{block}"
        lines = [rng.choice(("メモ", "待ち合わせ")), f"{person}さんの家は {value} です"]
        planted = [Planted("address", value, "partial")]
    else:
        first = f"{pref}{city}{town}{block}"
        lines = [rng.choice(("住所メモ", "送り先", "引っ越し先")), f"{rng.choice(('住所', '新住所', ''))} {first}".strip(), building, f"{person} 様"]
        planted = [Planted("address", f"{first}{building}", "two lines")]
    planted.append(Planted("person_name", person, "様"))
    image = _sheet(lines, rng)
    photo = rng.random() < 0.4
    if photo:
        image = _photographed(rng, image, turn=3, margin=(100, 300), surface=_table)
    return SyntheticImage(name + (".jpg" if photo else ".png"), "addresses", _encode(image, rng, photo=photo), tuple(planted), klass="addresses")


CLASS_DRAWERS = {"numbers": draw_numbers, "foreign_docs": draw_foreign_doc, "names": draw_names, "addresses": draw_addresses}
