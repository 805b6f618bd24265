"""A small slice of bench/eval_redaction.py with the real detectors: re-check clean, OCR reads no labelled string."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from gazoguard.imaging.picture import load_picture
from gazoguard.profiles import load_profile
from gazoguard.redaction import redact
from gazoguard.perception.scene import Scene

SLICE = [
    "images/en_pii/presidio_ocr_test.png",  # name, phone, e-mail, URL
    "images/faces/fr_obama-240p.jpg",  # one face
    "images/exif/exifsamples_gps_DSCN0010.jpg",  # GPS and camera EXIF
    "images/qr_barcode/zxing_qrcode-2_7.png",  # a form whose covered fields leave bare labels, and a QR code
]


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("...", "").replace("…", "")
    return "".join(ch for ch in text if not ch.isspace())


@pytest.mark.slow
@pytest.mark.parametrize("relative", SLICE)
def test_redacted_copy_rechecks_clean_and_leaks_no_labelled_text(relative: str, eval_dir: Path, tmp_path: Path, engine):
    source = eval_dir / relative
    report = engine.check(source)
    if not report.findings:
        pytest.skip(f"no detector found anything in {relative} yet")
    target = tmp_path / f"out{source.suffix}"
    result = redact(source, target, engine=engine, report=report)
    assert result.verified

    redacted = {c.kind for c in result.covers} | {k for _, k in result.stripped}
    recheck = engine.check(target)  # every detector, not only the ones the redaction re-ran
    profile = load_profile("personal")
    leftovers = [f for f in recheck.findings if f.kind in redacted and profile.counts(f.kind, f.score)]
    assert not leftovers, [f.to_dict() for f in leftovers]

    labels = json.loads((eval_dir / "text.json").read_text(encoding="utf-8")).get(relative, [])
    personal = [_normalise(x["text"]) for x in labels if x.get("kind") and len(_normalise(x["text"])) >= 3]
    if personal:
        seen = _normalise(Scene(load_picture(target), engine.perceptions).text().text)
        assert [p for p in personal if p in seen] == []
