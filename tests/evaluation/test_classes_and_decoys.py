"""A frozen set's manifest may carry a `class` column and a decoys.json: eval scores per class and
counts decoys (strings that imitate a kind, e.g. a number failing its check digit) reported as that kind."""

import json
from pathlib import Path

from gazoguard.cli.eval import format_table
from gazoguard.evaluation.dataset import load_dataset
from gazoguard.evaluation.score import score_all

HEADER = "path,category,class,has_face,has_gps,has_exif,has_text_pii,has_qr,qr_payloads,has_barcode,is_screen,is_document,doc_kind"


def _folder(tmp_path: Path) -> Path:
    rows = [
        "a.png,ja_text,numbers,false,false,false,true,false,,false,false,false,none",
        "b.png,ja_text,names,false,false,false,true,false,,false,false,false,none",
        "c.png,screens,screens,false,false,false,false,false,,false,true,false,none",
    ]
    (tmp_path / "manifest.csv").write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    texts = {
        "a.png": [{"text": "1234 5678 9018", "kind": "my_number"}],
        "b.png": [{"text": "山田 太郎", "kind": "person_name"}, {"text": "佐藤 花子", "kind": "person_name"}],
    }
    decoys = {
        "a.png": [{"text": "1234 5678 9012", "imitates": "my_number"}, {"text": "4111 1111 1111 1112", "imitates": "credit_card"}],
        "b.png": [{"text": "氏名", "imitates": "person_name"}],
    }
    (tmp_path / "text.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "decoys.json").write_text(json.dumps(decoys, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def _finding(kind: str, text: str, category: str = "personal_text") -> dict:
    return {"kind": kind, "category": category, "text": text, "box": None, "score": 0.9, "attrs": {}}


REPORTS = {
    "a.png": {"findings": [_finding("my_number", "123456789018"), _finding("my_number", "123456789012")]},
    "b.png": {"findings": [_finding("person_name", "山田太郎")]},
    "c.png": {"findings": [_finding("screen", "", "document")]},
}


def test_the_class_column_and_decoys_are_read(tmp_path):
    items = {i.rel: i for i in load_dataset(_folder(tmp_path))}
    assert items["a.png"].klass == "numbers"
    assert ("1234 5678 9012", "my_number") in items["a.png"].decoys
    assert items["c.png"].decoys == ()


def test_a_decoy_reported_as_the_kind_it_imitates_counts_against_that_kind(tmp_path):
    m = score_all(load_dataset(_folder(tmp_path)), REPORTS)
    my = m["personal_text"]["by_kind"]["my_number"]
    assert my["decoys"] == 1 and my["decoys_reported"] == 1 and my["decoy_rate"] == 1.0
    assert m["personal_text"]["by_kind"]["credit_card"]["decoy_rate"] == 0.0
    assert m["personal_text"]["decoy_rate"] == round(1 / 3, 4)


def test_recall_precision_and_decoy_rate_are_given_per_class(tmp_path):
    by_class = score_all(load_dataset(_folder(tmp_path)), REPORTS)["by_class"]
    assert set(by_class) == {"numbers", "names", "screens"}
    assert by_class["names"]["recall"] == 0.5 and by_class["names"]["decoy_rate"] == 0.0
    assert by_class["numbers"]["recall"] == 1.0 and by_class["numbers"]["precision"] == 0.5
    assert by_class["screens"]["screen_recall"] == 1.0


def test_the_table_prints_classes_and_reported_decoys(tmp_path):
    m = score_all(load_dataset(_folder(tmp_path)), REPORTS)
    table = format_table(m)
    assert "class numbers" in table and "class names" in table
    assert "decoys 1/1" in table
    assert "decoy reported: a.png  my_number  1234 5678 9012" in table


def test_a_manifest_without_a_class_column_has_no_classes(eval_dir):
    items = load_dataset(eval_dir)
    assert all(i.klass == "" for i in items)


def test_generated_pictures_written_as_a_folder_load_back_with_their_class_and_decoys(tmp_path):
    from gazoguard.evaluation.folder import write_folder
    from gazoguard.evaluation.synthetic import generate
    from gazoguard.evaluation.synthetic_classes import CLASS_DRAWERS

    pictures = list(generate(2, 20099, ("numbers", "names"), CLASS_DRAWERS))
    items = [p.as_labelled(tmp_path) for p in pictures]
    write_folder(tmp_path, items)
    loaded = {i.rel: i for i in load_dataset(tmp_path)}
    for item in items:
        assert loaded[item.rel].klass == item.klass and loaded[item.rel].decoys == item.decoys
        assert loaded[item.rel].texts == item.texts
