"""The eval scoring is a pure function of labels and reports; these pin down its matching rules."""

from pathlib import Path

from gazoguard.evaluation.dataset import LabelledImage, load_dataset
from gazoguard.evaluation.matching import face_matches, string_matches
from gazoguard.evaluation.score import score_codes, score_faces, score_metadata, score_personal_text


def _item(rel="a.jpg", **kw) -> LabelledImage:
    base = dict(
        path=Path(rel), rel=rel, category="faces", has_face=False, face_boxes=(), has_gps=False, has_exif=False,
        has_text_pii=False, texts=(), has_qr=False, qr_payloads=(), has_barcode=False, is_screen=False,
        is_document=False, doc_kind="none",
    )
    base.update(kw)
    return LabelledImage(**base)


def _report(*findings) -> dict:
    return {"findings": [dict(category="personal_text", attrs={}, score=0.9, box=None, text=None) | f for f in findings]}


def test_strings_match_across_full_width_and_spacing():
    assert string_matches("090-1234-5678", "０９０ １２３４ ５６７８")
    assert string_matches("東京都千代田区千代田1-1", "東京都千代田区千代田1-1")
    assert not string_matches("東京都千代田区千代田1-1", "千代田")


def test_face_found_by_overlap_or_centre():
    assert face_matches((10, 10, 50, 50), (12, 12, 52, 52))
    assert not face_matches((10, 10, 50, 50), (100, 100, 140, 140))


def test_face_recall_is_counted_per_size_band():
    item = _item(has_face=True, face_boxes=((0, 0, 30, 30), (100, 100, 200, 200)))
    report = {"findings": [{"kind": "face", "category": "identity", "box": [98, 101, 199, 205]}]}
    bands = score_faces([item], {"a.jpg": report})["bands"]
    assert bands["20-40"]["recall"] == 0.0 and bands[">=40"]["recall"] == 1.0


def test_personal_text_recall_and_precision_by_kind():
    item = _item(has_text_pii=True, texts=(("山田太郎", "person_name"), ("090-1234-5678", "phone"), ("株式会社サンプル", None)))
    report = _report(
        {"kind": "person_name", "text": "山田太郎"},
        {"kind": "phone", "text": "03-0000-0000"},  # not labelled: a false positive
        {"kind": "person_name", "text": "株式会社サンプル"},  # a context string: not scored
    )
    scored = score_personal_text([item], {"a.jpg": report})
    assert scored["by_kind"]["person_name"]["recall"] == 1.0
    assert scored["by_kind"]["person_name"]["precision"] == 1.0
    assert scored["by_kind"]["phone"]["recall"] == 0.0
    assert scored["by_kind"]["phone"]["precision"] == 0.0


def test_qr_payload_must_be_exact_and_gps_false_claims_are_counted():
    qr = _item(has_qr=True, qr_payloads=("https://example.com/a",))
    good = {"findings": [{"kind": "qr_code", "category": "code", "text": "https://example.com/a"}]}
    assert score_codes([qr], {"a.jpg": good})["qr_payload_accuracy"] == 1.0
    bad = {"findings": [{"kind": "qr_code", "category": "code", "text": "https://example.com/"}]}
    assert score_codes([qr], {"a.jpg": bad})["qr_payload_accuracy"] == 0.0
    no_gps = _item()
    claimed = {"findings": [{"kind": "gps", "category": "place"}]}
    assert score_metadata([no_gps], {"a.jpg": claimed})["gps_false_claims"] == 1


def test_the_shared_eval_set_loads(eval_dir):
    items = load_dataset(eval_dir)
    assert len(items) >= 80
    assert sum(i.has_gps for i in items) >= 1
    assert any(i.face_boxes for i in items)
