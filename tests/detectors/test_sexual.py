"""The sexual-content decision, fed synthetic model outputs; and false positives of the real models on benign pictures.

No sexual picture is written, downloaded or generated: the decision is tested
with invented detector scores, the box mapping with a fake nudenet output on a
plain generated picture, and the real models only on the (non-nude) eval set.
"""

from __future__ import annotations

import csv

import numpy as np
import pytest
from PIL import Image

from gazoguard.detectors import sexual
from gazoguard.detectors.sexual import NUDENET_LABELS, Region, SexualContentDetector, decide
from gazoguard.imaging.picture import load_picture
from gazoguard.perception.scene import Scene

BOX = (10, 20, 110, 220)


def _kinds(findings):
    return sorted(f.kind for f in findings)


# --- the decision -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label, kind",
    [
        ("FEMALE_BREAST_EXPOSED", "exposed_breast"),
        ("BUTTOCKS_EXPOSED", "exposed_buttocks"),
        ("FEMALE_GENITALIA_EXPOSED", "exposed_genitals"),
        ("MALE_GENITALIA_EXPOSED", "exposed_genitals"),
        ("ANUS_EXPOSED", "exposed_anus"),
    ],
)
def test_a_strong_skin_toned_exposed_region_is_enough_alone(label, kind):
    found = decide([Region(label, 0.55, BOX, skin=0.6)], whole=0.01)
    assert _kinds(found) == [kind]
    assert found[0].box == BOX and found[0].attrs["basis"] == "region"


def test_a_strong_region_without_skin_is_not_enough_alone():
    # nudenet's shape-only false positives (a colour wheel as buttocks) have almost no skin in the box
    assert decide([Region("BUTTOCKS_EXPOSED", 0.83, BOX, skin=0.03)], whole=0.01) == []


def test_the_skin_check_cannot_refuse_a_grey_scale_picture():
    assert _kinds(decide([Region("FEMALE_BREAST_EXPOSED", 0.6, BOX, skin=None)], whole=0.0)) == ["exposed_breast"]


def test_a_weak_region_needs_the_whole_picture_to_agree():
    weak = Region("FEMALE_BREAST_EXPOSED", 0.35, BOX, skin=0.5)
    assert decide([weak], whole=sexual.WHOLE_CONFIRM - 0.01) == []
    found = decide([weak], whole=sexual.WHOLE_CONFIRM)
    assert _kinds(found) == ["exposed_breast"]
    assert found[0].attrs["basis"] == "region_confirmed_by_whole"


def test_a_skinless_region_is_still_found_when_the_whole_picture_agrees():
    found = decide([Region("BUTTOCKS_EXPOSED", 0.7, BOX, skin=0.0)], whole=0.6)
    assert _kinds(found) == ["exposed_buttocks"]


def test_below_the_weak_threshold_nothing_counts_even_with_a_high_whole_score():
    found = decide([Region("FEMALE_BREAST_EXPOSED", sexual.REGION_WEAK - 0.01, BOX, skin=0.9)], whole=0.7)
    assert found == []


@pytest.mark.parametrize("label", ["FEMALE_BREAST_COVERED", "FEMALE_GENITALIA_COVERED", "BUTTOCKS_COVERED", "ANUS_COVERED"])
def test_covered_intimate_areas(label):
    assert _kinds(decide([Region(label, sexual.COVERED_ALONE, BOX, skin=0.0)], whole=0.0)) == ["covered_sexual"]
    assert decide([Region(label, 0.45, BOX, skin=0.0)], whole=0.1) == []
    assert _kinds(decide([Region(label, 0.45, BOX, skin=0.0)], whole=0.45)) == ["covered_sexual"]


@pytest.mark.parametrize("label", ["FACE_FEMALE", "FACE_MALE", "MALE_BREAST_EXPOSED", "FEET_EXPOSED", "BELLY_EXPOSED", "ARMPITS_EXPOSED", "BELLY_COVERED"])
def test_non_sexual_labels_are_ignored(label):
    assert decide([Region(label, 0.99, BOX, skin=1.0)], whole=0.5) == []


def test_a_high_whole_picture_score_alone_gives_a_boxless_sexual_image():
    assert decide([], whole=sexual.WHOLE_ALONE - 0.01) == []
    found = decide([], whole=sexual.WHOLE_ALONE)
    assert _kinds(found) == ["sexual_image"]
    assert found[0].box is None and found[0].category == "sexual"


def test_regions_and_the_whole_score_are_reported_together():
    found = decide([Region("FEMALE_BREAST_EXPOSED", 0.4, BOX, skin=0.5)], whole=0.9)
    assert _kinds(found) == ["exposed_breast", "sexual_image"]
    assert found[0].attrs["whole_score"] == 0.9


# --- the detector with the models replaced ------------------------------------------------------


class _FakeSession:
    """Stands in for nudenet's ONNX session: one anchor of one label at a given place (model pixels)."""

    def __init__(self, label: str, score: float, cxcywh: tuple[float, float, float, float]) -> None:
        out = np.zeros((1, 4 + len(NUDENET_LABELS), 2100), dtype=np.float32)
        out[0, :4, 7] = cxcywh
        out[0, 4 + NUDENET_LABELS.index(label), 7] = score
        self.output = out

    def run(self, _names, _feeds):
        return [self.output]


def _detector(label: str, score: float, cxcywh, whole: float) -> SexualContentDetector:
    det = SexualContentDetector()
    det._nudenet = _FakeSession(label, score, cxcywh)  # the model call is replaced, not the decision
    det._nudenet_input = "images"
    det.whole_score = lambda _rgb: whole  # type: ignore[method-assign]
    det._loaded = True
    return det


def _picture_with_patch(colour: tuple[int, int, int]):
    image = Image.new("RGB", (2560, 1280), (40, 90, 160))
    image.paste(colour, (640, 320, 1280, 960))  # the patch the fake detection points at
    return load_picture(image)


def test_boxes_are_mapped_back_to_the_full_picture():
    # 2560 px wide → work copy 640 px → padded square 640 → model 320: factor 2 then 4
    det = _detector("BUTTOCKS_EXPOSED", 0.7, (120, 80, 80, 80), whole=0.0)
    picture = _picture_with_patch((224, 172, 150))
    found = det.detect(picture, Scene(picture, {}))
    assert _kinds(found) == ["exposed_buttocks"]
    x0, y0, x1, y1 = found[0].box
    assert abs(x0 - 640) <= 8 and abs(y0 - 320) <= 8 and abs(x1 - 1280) <= 8 and abs(y1 - 960) <= 8
    assert found[0].attrs["skin"] > 0.9


def test_the_same_detection_on_a_skinless_patch_is_dropped():
    det = _detector("BUTTOCKS_EXPOSED", 0.7, (120, 80, 80, 80), whole=0.0)
    picture = _picture_with_patch((30, 200, 60))
    assert det.detect(picture, Scene(picture, {})) == []


# --- the real models on benign pictures ---------------------------------------------------------


@pytest.fixture(scope="module")
def real_detector() -> SexualContentDetector:
    det = SexualContentDetector()
    det.ensure_loaded()
    return det


def test_plain_generated_pictures_give_nothing(real_detector):
    for image in (Image.new("RGB", (800, 600), (230, 180, 150)), Image.new("L", (300, 500), 128).convert("RGB")):
        picture = load_picture(image)
        assert real_detector.detect(picture, Scene(picture, {})) == []


@pytest.mark.slow
def test_false_positives_on_every_eval_image_stay_at_or_below_two_percent(real_detector, eval_dir):
    with open(eval_dir / "manifest.csv", newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["nudity"] == "no"]
    flagged = []
    for row in rows:
        picture = load_picture(eval_dir / row["path"])
        if real_detector.detect(picture, Scene(picture, {})):
            flagged.append(row["path"])
    assert len(flagged) <= 0.02 * len(rows), flagged


def test_a_stronger_non_sexual_box_does_not_hide_a_sexual_one():
    det = _detector("BUTTOCKS_EXPOSED", 0.7, (120, 80, 80, 80), whole=0.0)
    det._nudenet.output[0, :4, 8] = (120, 80, 82, 82)  # the same place, another anchor
    det._nudenet.output[0, 4 + NUDENET_LABELS.index("BELLY_EXPOSED"), 8] = 0.95
    picture = _picture_with_patch((224, 172, 150))
    assert _kinds(det.detect(picture, Scene(picture, {}))) == ["exposed_buttocks"]


def test_ignored_labels_give_no_region_at_all():
    det = _detector("FACE_FEMALE", 0.99, (120, 80, 80, 80), whole=0.0)
    picture = _picture_with_patch((224, 172, 150))
    small, scale = sexual._downscale(picture.rgb, sexual.WORK_SIDE)
    assert det.regions(small, scale) == []
