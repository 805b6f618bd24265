"""Face perception: real labelled photos, generated large pictures, the read-scale budget."""

from __future__ import annotations

import json
import threading

import pytest
from PIL import Image

from gazoguard.perception.faces import BASE_PX, EXTRA_PX_SHARE, FaceBox, FacePerception, read_scales
from gazoguard.imaging.picture import load_picture


@pytest.fixture(scope="module")
def perception() -> FacePerception:
    p = FacePerception()
    p.ensure_loaded()
    return p


@pytest.fixture(scope="module")
def face_labels(eval_dir):
    return json.loads((eval_dir / "face_boxes.json").read_text())


def found(label, box) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return label[0] <= cx <= label[2] and label[1] <= cy <= label[3]


@pytest.mark.parametrize(("width", "height"), [(640, 480), (1155, 866), (1600, 1200), (4000, 3000), (12000, 9000)])
def test_read_scales_stay_inside_the_pixel_budget(width, height):
    pixels = width * height
    budget = min(pixels, BASE_PX + EXTRA_PX_SHARE * max(0, pixels - BASE_PX))
    scales = read_scales(width, height)
    assert all(0 < s <= 1.0 for s in scales)
    assert sum(pixels * s * s for s in scales) <= budget * 1.001
    assert scales == sorted(scales, reverse=True)


def test_small_pictures_are_read_once_at_full_resolution():
    assert read_scales(800, 600) == [1.0]


def test_twelve_megapixels_get_an_overview_and_a_detail_pass():
    detail, overview = read_scales(4000, 3000)
    assert detail > 2 * overview


def test_every_labelled_face_in_a_group_photo(perception, eval_dir, face_labels):
    path = "images/faces/dlib_2008_002079.jpg"  # six people, faces 37-53 px
    faces = perception.compute(load_picture(eval_dir / path), None)
    assert all(isinstance(f, FaceBox) and len(f.landmarks) == 5 for f in faces)
    for label in face_labels[path]:
        assert any(found(label, f.box) for f in faces), label


def test_boxes_are_in_oriented_pixels(perception, eval_dir, face_labels):
    path = "images/faces/silentface_image_T1.jpg"  # stored sideways, EXIF orientation 6
    picture = load_picture(eval_dir / path)
    assert picture.orientation == 6
    faces = perception.compute(picture, None)
    (label,) = face_labels[path]
    assert any(found(label, f.box) for f in faces)


def test_no_face_on_a_plain_picture(perception):
    assert perception.compute(load_picture(Image.new("RGB", (640, 480), (90, 140, 200))), None) == []


def test_tiny_picture_has_no_faces(perception):
    assert perception.compute(load_picture(Image.new("RGB", (8, 8))), None) == []


def _paste_face(eval_dir, canvas_size, face_px, at):
    """A real face (from a labelled photo) scaled to ``face_px`` and pasted on a large grey canvas."""
    photo = Image.open(eval_dir / "images/faces/fr_obama.jpg").convert("RGB")
    labels = json.loads((eval_dir / "face_boxes.json").read_text())["images/faces/fr_obama.jpg"][0]
    x0, y0, x1, y1 = labels
    pad = (x1 - x0) // 2
    head = photo.crop((x0 - pad, y0 - pad, x1 + pad, y1 + pad))
    zoom = face_px / (x1 - x0)
    head = head.resize((round(head.width * zoom), round(head.height * zoom)))
    canvas = Image.new("RGB", canvas_size, (128, 128, 128))
    canvas.paste(head, at)
    offset = round(pad * zoom)
    return canvas, (at[0] + offset, at[1] + offset, at[0] + offset + face_px, at[1] + offset + face_px)


@pytest.mark.slow
@pytest.mark.parametrize("face_px", [48, 1500])
def test_small_and_huge_faces_on_a_twelve_megapixel_picture(perception, eval_dir, face_px):
    canvas, label = _paste_face(eval_dir, (4000, 3000), face_px, (1200, 600))
    faces = perception.compute(load_picture(canvas), None)
    assert any(found(label, f.box) for f in faces)


def test_parallel_calls_give_the_same_faces(perception, eval_dir):
    picture = load_picture(eval_dir / "images/faces/fr_two_people.jpg")
    expected = perception.compute(picture, None)
    results: list[list[FaceBox]] = []
    threads = [threading.Thread(target=lambda: results.append(perception.compute(picture, None))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(expected) == 2
    assert results == [expected] * 3


@pytest.mark.parametrize("face_px", [40, 100])
def test_a_face_on_the_seam_between_two_strips_is_found_once(perception, eval_dir, face_px):
    import numpy as np

    from gazoguard.perception.faces import STRIP_OVERLAP, STRIP_PX, centerface_in_strips

    width = 2000
    rows = STRIP_PX // width  # the first strip ends here; the second starts STRIP_OVERLAP rows above
    _, probe = _paste_face(eval_dir, (width, 1400), face_px, (900, 0))
    top = rows - face_px // 2 - probe[1]  # the face straddles the first strip's last row
    canvas, label = _paste_face(eval_dir, (width, 1400), face_px, (900, top))
    assert label[1] < rows < label[3] and label[1] > rows - STRIP_OVERLAP  # cut by one strip, whole in the next
    proposals = [p for p in centerface_in_strips(np.asarray(canvas), perception._net, 0.5)]
    hits = [p for p in proposals if found(label, p.box)]
    assert len(hits) == 1



def test_passes_of_any_size_keep_their_buffers_bounded(perception):
    """No memory pattern is cached per input size; the arena holds at most one pass's buffers."""
    import sys

    import numpy as np

    from gazoguard.core.memory import release_free_memory
    from gazoguard.perception.faces import STRIP_PX, centerface

    assert not perception._net._session.get_session_options().enable_mem_pattern
    if not sys.platform.startswith("linux"):
        return

    def anon_mb() -> float:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("RssAnon:")) / 1024

    rng = np.random.default_rng(0)
    width = 1536
    centerface(rng.integers(0, 255, (STRIP_PX // width, width, 3), dtype=np.uint8), perception._net, 0.2)
    release_free_memory()
    after_largest = anon_mb()
    for rows in (96, 160, 224, 320, 416, 512, 608):  # every strip and scale another shape
        centerface(rng.integers(0, 255, (rows, width, 3), dtype=np.uint8), perception._net, 0.2)
    release_free_memory()
    assert anon_mb() - after_largest < 30
