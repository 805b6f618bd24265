"""Documents from OCR text and layout: keyword sets, title rule, MRZ, receipts, business cards, forms, cards."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from gazoguard.detectors.documents import DocumentDetector, confidence
from gazoguard.perception.faces import FaceBox
from gazoguard.imaging.picture import load_picture
from gazoguard.perception.scene import Scene
from gazoguard.perception.textlayout import Char, TextLayout
from gazoguard.vision.keywords import FoldedText, KeywordSet, evidence
from gazoguard.vision.mrz import find_mrz

TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
TD1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
TD2_ID = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]


def layout(*lines: str, x: int = 20, y: int = 20, char_w: int = 12, line_h: int = 20) -> TextLayout:
    """A text layout as OCR would give it: one line under the other, one box per character."""
    rows = []
    for i, text in enumerate(lines):
        top = y + i * (line_h + 6)
        rows.append([Char(ch, (x + k * char_w, top, x + (k + 1) * char_w, top + line_h), i, 0.99) for k, ch in enumerate(text)])
    return TextLayout(rows)


class FakeScene:
    def __init__(self, text: TextLayout, faces: list[FaceBox] | None = None) -> None:
        self._text, self._faces = text, faces

    def text(self) -> TextLayout:
        return self._text

    def faces(self) -> list[FaceBox]:
        if self._faces is None:
            raise NotImplementedError("no face model")
        return self._faces


@pytest.fixture(scope="module")
def detector() -> DocumentDetector:
    d = DocumentDetector()
    d.ensure_loaded()
    return d


def plain_picture(size=(800, 600), seed: int = 0):
    rng = np.random.default_rng(seed)
    pixels = rng.normal(128, 30, (size[1], size[0], 3)).clip(0, 255).astype(np.uint8)
    return load_picture(Image.fromarray(pixels))


def detect(detector, *lines: str, picture=None, faces=None):
    found = detector.detect(picture or plain_picture(), FakeScene(layout(*lines), faces))
    assert len(found) <= 1
    return found[0] if found else None


def test_japanese_driving_licence(detector):
    f = detect(detector, "氏名 日本花子", "住所 東京都千代田区霞が関2-1-2", "運転免許証", "東京都公安委員会", "免許の条件等")
    assert f is not None and f.kind == "document" and f.category == "document"
    assert f.attrs["doc_kind"] == "drivers_licence"
    assert f.score >= 0.8
    x0, y0, x1, y1 = f.box
    assert x0 <= 20 and y1 >= 20 + 4 * 26  # covers the supporting lines


def test_document_word_inside_running_text_is_only_a_mention(detector):
    assert detect(detector, "契約書の印紙税の非課税措置の延長について説明します") is None
    assert detect(detector, "Passport number is X1234567, phone number 212-555-2222.") is None


def test_same_word_as_a_title_counts(detector):
    f = detect(detector, "請求書", "株式会社サンプル 御中", "お支払期限 2025年1月31日")
    assert f is not None and f.attrs["doc_kind"] == "invoice"


def test_passport_from_its_machine_readable_zone(detector):
    f = detect(detector, "UTOPIA", *TD3)
    assert f is not None and f.attrs["doc_kind"] == "passport"
    assert any(e.startswith("mrz:td3:P") for e in f.attrs["evidence"])


def test_identity_card_from_a_td1_zone(detector):
    f = detect(detector, *TD1)
    assert f is not None and f.attrs["doc_kind"] == "id_card"


def test_td2_zone_lets_the_printed_title_decide(detector):
    travel = detect(detector, "OFFICIAL TRAVEL DOCUMENT", "Nationality", *TD2_ID)
    card = detect(detector, "IDENTITY CARD", *TD2_ID)
    assert travel.attrs["doc_kind"] == "passport"
    assert card.attrs["doc_kind"] == "id_card"


def test_mrz_fillers_misread_by_ocr_are_repaired():
    misread = [line.replace("<", "く") for line in TD3]
    mrz = find_mrz(layout(*misread))
    assert mrz is not None and mrz.format == "td3" and mrz.is_passport
    assert find_mrz(layout("HELLO WORLD", "TOTAL 1,234")) is None


def test_japanese_receipt_with_prices_and_runner_up(detector):
    f = detect(
        detector,
        "領収書",
        "おにぎり ¥150",
        "お茶 ¥130",
        "パン ¥220",
        "小計 ¥500",
        "合計 ¥540",
        "お預り ¥1,000",
        "お釣り ¥460",
    )
    assert f.attrs["doc_kind"] == "receipt"
    assert any(e.startswith("price_lines:") for e in f.attrs["evidence"])
    assert f.score > confidence(5.0)


def test_business_card_layout(detector):
    f = detect(detector, "株式会社サンプル商事", "営業部 課長", "山田 太郎", "TEL 03-1234-5678", "yamada@example.co.jp")
    assert f is not None and f.attrs["doc_kind"] == "business_card"


def test_blank_form_that_names_a_card_is_a_form(detector):
    f = detect(
        detector,
        "支給申請書兼利用者負担額減額・免除等申請書",
        "フリガナ",
        "氏名",
        "生年月日",
        "電話番号",
        "被保険者証の記号及び番号",
        "保険者名及び保険者番号",
        "記入すること",
    )
    assert f.attrs["doc_kind"] == "form"
    assert "insurance_card" in {a["doc_kind"] for a in f.attrs["alternatives"]}


def test_face_on_a_card_shaped_picture_makes_an_id_card(detector):
    card = plain_picture((856, 540), seed=3)
    lines = ("SAMPLE", "NO 0123456", "2030.01.01")
    face = FaceBox((60, 120, 260, 380), 0.9)
    with_face = detect(detector, *lines, picture=card, faces=[face])
    assert with_face is not None and with_face.attrs["doc_kind"] == "id_card"
    assert "layout:face_on_card" in with_face.attrs["evidence"]
    assert detect(detector, *lines, picture=card, faces=[]) is None
    assert detect(detector, *lines, picture=card, faces=None) is None  # no face model: no guess


def test_no_text_no_document(detector):
    assert detect(detector) is None
    assert detect(detector, "HAPPY BIRTHDAY", "2024") is None


def test_keyword_matching_folds_width_and_case_and_respects_words():
    words = KeywordSet("t", {"TOTAL": 1.0, "TAX": 0.5, "被保険者": 1.5, "被保険者証": 3.0})
    assert {h.term for h in words.hits(FoldedText("ｔｏｔａｌ 100"))} == {"TOTAL"}
    assert words.hits(FoldedText("SYNTAX ERROR")) == []
    hits = words.hits(FoldedText("被保険者証"))
    assert [h.term for h in hits] == ["被保険者証"]  # the shorter word inside it is not counted again
    assert evidence(hits) == 3.0


def test_card_outline_found_in_a_generated_photo():
    from gazoguard.vision.quads import find_quads

    canvas = np.full((600, 900, 3), 60, np.uint8)
    canvas[150:150 + 270, 200:200 + 428] = 235  # 428/270 ≈ 1.585: a card on a dark table
    quads = find_quads(load_picture(Image.fromarray(canvas)))
    assert quads and quads[0].is_card_shaped()
    x0, y0, x1, y1 = quads[0].box
    assert abs(x0 - 200) <= 6 and abs(y1 - 420) <= 6


@pytest.mark.slow
def test_eval_documents_kind(eval_dir, eval_manifest, engine, detector):
    """Every labelled non-screen document in ../shared/eval gets the right kind (real OCR)."""
    rows = [r for r in eval_manifest if r["is_document"] == "true" and r["doc_kind"] not in ("screen", "none")]
    assert rows
    right = 0
    for row in rows:
        picture = load_picture(eval_dir / row["path"])
        found = detector.detect(picture, Scene(picture, engine.perceptions))  # no engine timeout on a busy machine
        kinds = [f.attrs["doc_kind"] for f in found]
        right += kinds == [row["doc_kind"]]
    assert right / len(rows) >= 0.9


def test_a_receipt_without_a_title_is_known_by_its_prices_and_invoice_registration_number(detector):
    f = detect(detector, "ファミリーストア 駅前店", "おにぎり ¥150", "お茶 ¥130", "合計 ¥280", "クレジット ¥280", "登録番号 T8700110005901")
    assert f.attrs["doc_kind"] in ("receipt", "invoice")
    assert f.attrs["invoice_registration"] == ["T8700110005901"]


def test_a_t_number_failing_its_check_digit_is_no_invoice_registration(detector):
    f = detect(detector, "領収書", "合計 ¥280", "T8700110005902")
    assert "invoice_registration" not in f.attrs
