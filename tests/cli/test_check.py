"""``gazoguard check``: human output in Japanese, JSON Lines, annotated pictures, exit codes."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from gazoguard.cli.main import main


@pytest.fixture()
def pictures(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    Image.new("RGB", (120, 90), (200, 220, 240)).save(folder / "plain.png")
    Image.new("RGB", (120, 90), (90, 90, 90)).save(folder / "sub" / "grey.jpg")
    (folder / "notes.txt").write_text("not a picture")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 this is not really a jpeg")
    return folder


def test_json_lines_one_report_per_image_from_a_folder(pictures, capsys):
    code = main(["check", str(pictures / "plain.png"), str(pictures / "sub"), "--json", "--detectors", "ocr"])
    lines = capsys.readouterr().out.strip().splitlines()
    reports = [json.loads(line) for line in lines]
    assert [r["schema"] for r in reports] == ["gazoguard.report/1"] * 2
    assert {r["image"]["path"].rsplit("/", 1)[-1] for r in reports} == {"plain.png", "grey.jpg"}
    assert code == 0


def test_unreadable_file_gives_a_clear_error_and_exit_3(pictures, capsys):
    code = main(["check", str(pictures / "broken.jpg"), "--detectors", "ocr"])
    out = capsys.readouterr().out
    assert code == 3
    assert "エラー" in out and "Traceback" not in out


def test_english_output_on_request(pictures, capsys):
    main(["check", str(pictures / "plain.png"), "--lang", "en", "--detectors", "ocr"])
    out = capsys.readouterr().out
    assert "verdict" in out and "判定" not in out


def test_annotate_writes_a_picture_with_a_legend(pictures, tmp_path):
    out_dir = tmp_path / "ann"
    main(["check", str(pictures / "plain.png"), "--annotate", str(out_dir), "--detectors", "ocr"])
    written = list(out_dir.glob("*.png"))
    assert len(written) == 1
    with Image.open(written[0]) as im:
        assert im.height > 90  # picture plus legend panel


def test_unknown_profile_is_a_usage_error(pictures, capsys):
    assert main(["check", str(pictures / "plain.png"), "--profile", "nope"]) == 2
    assert "nope" in capsys.readouterr().err
