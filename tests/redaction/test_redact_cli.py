"""``gazoguard redact``: documented exit codes and JA/EN messages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PIL import Image

from gazoguard.cli import redact as redact_cli
from gazoguard.cli.main import main


@pytest.fixture()
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[0x010F] = "TestCam"
    Image.new("RGB", (80, 60), (10, 120, 200)).save(path, exif=exif)
    return path


@pytest.fixture(autouse=True)
def _use_test_engine(monkeypatch, test_engine):
    """The CLI builds no engine of its own: it uses the process-wide one, here the stand-in engine."""
    import gazoguard

    monkeypatch.setattr(gazoguard, "default_engine", lambda: test_engine)


def test_default_output_next_to_input_and_exit_0(photo: Path, capsys):
    code = main(["redact", str(photo), "--kinds", "hidden_data", "--preview", str(photo.parent / "pv")])
    assert code == redact_cli.EXIT_DONE
    out = capsys.readouterr().out
    assert "photo.redacted.jpg" in out and "再確認に合格" in out
    assert (photo.parent / "photo.redacted.jpg").is_file()
    assert (photo.parent / "pv" / "photo.redact-preview.png").is_file()


def test_json_output(photo: Path, tmp_path: Path, capsys):
    target = tmp_path / "clean.png"
    assert main(["redact", str(photo), "-o", str(target), "--kinds", "hidden_data", "--json", "--fill"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["output"] == str(target) and data["format"] == "PNG" and data["verified"]


def test_same_path_exit_5_bilingual(photo: Path, capsys):
    assert main(["redact", str(photo), "-o", str(photo)]) == redact_cli.EXIT_NOT_WRITTEN
    err = capsys.readouterr().err
    assert "元の画像" in err and "never modified" in err


def test_unknown_kind_is_a_usage_error(photo: Path, capsys):
    assert main(["redact", str(photo), "--kinds", "face,nonsense"]) == redact_cli.EXIT_USAGE
    assert "nonsense" in capsys.readouterr().err


def test_unreadable_input_exit_3(tmp_path: Path, capsys):
    bad = tmp_path / "notes.jpg"
    bad.write_text("not an image")
    assert main(["redact", str(bad), "--kinds", "hidden_data", "--lang", "en"]) == redact_cli.EXIT_UNREADABLE
    assert "error:" in capsys.readouterr().err
    assert sorted(os.listdir(tmp_path)) == ["notes.jpg"]


def test_unsupported_format_exit_5(photo: Path, tmp_path: Path):
    assert (
        main(["redact", str(photo), "-o", str(tmp_path / "x.gif"), "--kinds", "hidden_data"])
        == redact_cli.EXIT_NOT_WRITTEN
    )


def test_max_side_must_be_sane(photo: Path):
    with pytest.raises(SystemExit) as info:
        main(["redact", str(photo), "--max-side", "0"])
    assert info.value.code == 2


def test_missing_input_exit_3_not_an_output_error(tmp_path: Path, capsys):
    assert main(["redact", str(tmp_path / "gone" / "x.jpg")]) == redact_cli.EXIT_UNREADABLE
    assert "見つかりません" in capsys.readouterr().err
