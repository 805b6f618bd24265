"""Hash files carry no image data; the registry adds, matches, withdraws; CLI exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image, ImageOps

from gazoguard.cli.main import main
from gazoguard.core.errors import GazoError
from gazoguard.hashes import DIHEDRAL, VARIANTS, HashFile, HashItem, Registry, compute_hashes
from gazoguard.hashes.compute import crop_fraction
from gazoguard.hashes.service import match_image, register_hashfile, withdraw
from gazoguard.imaging.picture import load_picture


def _eval_images(eval_dir: Path, n: int) -> list[Path]:
    paths = []
    for p in sorted((eval_dir / "images").rglob("*")):
        if p.suffix.lower() in (".jpg", ".jpeg", ".png"):
            try:
                load_picture(p)
            except GazoError:
                continue
            paths.append(p)
        if len(paths) == n:
            break
    return paths


@pytest.fixture(scope="module")
def pictures(eval_dir: Path) -> list[Path]:
    return _eval_images(eval_dir, 4)


def test_hash_cli_writes_no_image_data(tmp_path: Path, pictures: list[Path]) -> None:
    out = tmp_path / "mine.json"
    assert main(["hash", *map(str, pictures), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert len(data["items"]) == len(pictures)
    assert all(set(item["pdq"]) == set(VARIANTS) and "pdq_quality" in item for item in data["items"])
    assert len(text) < 1500 * len(pictures)  # hashes only: far smaller than any picture
    assert not any(p.name in text for p in pictures)  # no file names unless asked
    assert main(["hash", str(tmp_path / "missing.jpg"), "-o", str(tmp_path / "x.json")]) == 2


def test_flat_picture_is_flagged_low_quality() -> None:
    hashes = compute_hashes(Image.new("RGB", (300, 300), (128, 128, 128)))
    assert hashes.low_quality


def test_registry_add_match_withdraw(tmp_path: Path, pictures: list[Path]) -> None:
    mine, other = pictures[:2], pictures[2:]
    hashfile = HashFile(tuple(HashItem.from_hashes(str(i), compute_hashes(load_picture(p))) for i, p in enumerate(mine)))
    root = tmp_path / "reg"
    sub = register_hashfile(root, hashfile.to_dict(), case_no="CASE-7", secret="482913")
    # a re-encoded, half-size copy of my picture is found; other pictures are not
    small = load_picture(mine[0]).image.copy()
    small = small.resize((max(1, small.width // 2), max(1, small.height // 2)))
    small.save(tmp_path / "upload.jpg", quality=50)
    result = match_image(root, tmp_path / "upload.jpg")
    assert result.matched and result.matches[0].submission_id == sub.submission_id
    assert result.matches[0].case_no == "CASE-7" and result.matches[0].item == 0
    for path in other:
        assert not match_image(root, path).matched
    rotated = load_picture(mine[1]).image.rotate(90, expand=True)
    assert match_image(root, rotated).matches[0].variant != "original"
    assert match_image(root, ImageOps.mirror(load_picture(mine[1]).image)).matched
    shown = load_picture(mine[0]).image
    screenshot = Image.new("RGB", (shown.width + 20, shown.height + shown.height // 4), (20, 20, 20))
    screenshot.paste(shown, (10, shown.height // 10))
    assert match_image(root, screenshot).matched  # flat app bars around the picture are trimmed

    with pytest.raises(GazoError):
        withdraw(root, sub.submission_id, "wrong-pin")
    assert match_image(root, tmp_path / "upload.jpg").matched
    assert withdraw(root, sub.submission_id, "482913") == 2 * len(VARIANTS)
    assert not match_image(root, tmp_path / "upload.jpg").matched
    stats = Registry.open(root).stats()
    assert stats["active_rows"] == 0 and stats["withdrawn_submissions"] == 1
    with pytest.raises(GazoError):
        register_hashfile(root, hashfile, case_no=None, secret="123")  # too short


def test_registry_index_rebuild_keeps_matches(tmp_path: Path, pictures: list[Path]) -> None:
    hashfile = HashFile((HashItem.from_hashes("1", compute_hashes(load_picture(pictures[0]))),))
    registry = Registry.open(tmp_path / "reg", create=True)
    registry.add(hashfile)
    registry.rebuild()
    registry.add(HashFile((HashItem.from_hashes("1", compute_hashes(load_picture(pictures[1]))),)))
    assert registry.stats()["indexed_rows"] == len(VARIANTS) and registry.stats()["rows"] == 2 * len(VARIANTS)
    reopened = Registry.open(tmp_path / "reg")
    for p in pictures[:2]:
        assert reopened.match_hash(compute_hashes(load_picture(p)).pdq["original"])[0].distance == 0


def test_registry_cli_exit_codes(tmp_path: Path, pictures: list[Path], monkeypatch) -> None:  # noqa: ANN001
    hashes = tmp_path / "h.json"
    assert main(["hash", str(pictures[0]), "-o", str(hashes)]) == 0
    reg = str(tmp_path / "reg")
    monkeypatch.setenv("TEST_PIN", "735120")
    assert main(["registry", "add", str(hashes), "--registry", reg, "--case-no", "A1", "--pin-env", "TEST_PIN"]) == 0
    assert main(["registry", "match", str(pictures[0]), "--registry", reg]) == 0
    assert main(["registry", "match", str(pictures[3]), "--registry", reg]) == 1
    assert main(["registry", "match", str(tmp_path / "none.jpg"), "--registry", reg]) == 2
    assert main(["registry", "match", str(pictures[0]), "--registry", str(tmp_path / "nope")]) == 2
    assert main(["registry", "match", str(pictures[0]), "--registry", reg, "--threshold", "999"]) == 2
    assert main(["registry", "stats", "--registry", reg]) == 0
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["registry", "add", str(bad), "--registry", reg]) == 2


@pytest.mark.parametrize(
    "box",
    [(0.025, 0.025, 0.025, 0.025), (0.04, 0.04, 0.04, 0.04), (0.05, 0.0, 0.0, 0.0), (0.0, 0.0, 0.0, 0.03)],
    ids=["centre5", "centre8", "left5", "bottom3"],
)
def test_small_crops_match_only_with_crop_rows(tmp_path: Path, pictures: list[Path], box) -> None:  # noqa: ANN001
    image = load_picture(pictures[1]).image
    hashes = compute_hashes(image)
    dihedral_only = HashItem("0", {k: v for k, v in hashes.pdq.items() if k in DIHEDRAL}, hashes.pdq_quality)
    old = Registry.open(tmp_path / "old", create=True)
    old.add(HashFile((dihedral_only,)))  # a hash file from before crops were hashed still registers
    cropped = crop_fraction(image, box)
    assert not old.match_hash(compute_hashes(cropped, crops=False).pdq["original"])
    root = tmp_path / "new"
    register_hashfile(root, HashFile((HashItem.from_hashes("0", hashes),)), case_no="C", secret="482913")
    assert match_image(root, cropped).matched


def test_hash_file_round_trip_keeps_crop_variants(tmp_path: Path, pictures: list[Path]) -> None:
    hashes = compute_hashes(load_picture(pictures[0]))
    HashFile((HashItem.from_hashes("a", hashes),)).write(tmp_path / "h.json")
    item = HashFile.read(tmp_path / "h.json").items[0]
    assert item.pdq == hashes.pdq and len(item.pdq) == len(VARIANTS)
