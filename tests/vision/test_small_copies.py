"""Reduced copies of a picture: one working copy per picture, every smaller copy made from it."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from gazoguard.imaging.picture import load_picture
from gazoguard.imaging.scaled import WORKING_SIDE, scaled_rgb, working_rgb


@pytest.fixture(scope="module")
def big_picture():
    rng = np.random.default_rng(3)
    smooth = cv2.resize(rng.integers(0, 256, (30, 40, 3), dtype=np.uint8), (4000, 3000), interpolation=cv2.INTER_CUBIC)
    return load_picture(Image.fromarray(smooth))


def test_the_working_copy_is_made_once_and_bounded(big_picture):
    first, scale = working_rgb(big_picture)
    again, _ = working_rgb(big_picture)
    assert again is first
    assert max(first.shape[:2]) == WORKING_SIDE and scale == pytest.approx(WORKING_SIDE / 4000)


@pytest.mark.parametrize("scale", [0.1, 0.33, 0.5])
def test_a_smaller_copy_matches_one_made_from_the_full_picture(big_picture, scale):
    copy = scaled_rgb(big_picture, scale)
    direct = cv2.resize(big_picture.rgb, (copy.shape[1], copy.shape[0]), interpolation=cv2.INTER_AREA)
    assert copy.shape == (round(3000 * scale), round(4000 * scale), 3)
    assert np.abs(copy.astype(int) - direct.astype(int)).mean() < 2.0


def test_an_enlarged_copy_comes_from_the_full_picture():
    small = load_picture(Image.new("RGB", (300, 200), (10, 200, 30)))
    assert scaled_rgb(small, 2.0).shape == (400, 600, 3)
    assert working_rgb(small)[1] == 1.0


def _jpeg(rgb: np.ndarray, orientation: int = 1) -> bytes:
    import io

    exif = Image.Exif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, format="JPEG", quality=92, exif=exif.tobytes())
    return buf.getvalue()


@pytest.fixture(scope="module")
def smooth_rgb():
    rng = np.random.default_rng(5)
    return cv2.resize(rng.integers(0, 256, (30, 40, 3), dtype=np.uint8), (4000, 3000), interpolation=cv2.INTER_CUBIC)


@pytest.mark.parametrize("orientation", [1, 6])
def test_a_large_jpeg_is_decoded_shrunk_and_matches_a_resized_copy(smooth_rgb, orientation):
    picture = load_picture(_jpeg(smooth_rgb, orientation))
    working, scale = working_rgb(picture)
    assert scale == pytest.approx(0.5)
    assert working.shape == (picture.height // 2, picture.width // 2, 3)  # 6: stored sideways, seen upright
    resized = cv2.resize(picture.rgb, (working.shape[1], working.shape[0]), interpolation=cv2.INTER_AREA)
    assert np.abs(working.astype(int) - resized.astype(int)).mean() < 2.0


def test_pictures_other_than_jpeg_are_not_decoder_shrunk(big_picture):
    from gazoguard.imaging.scaled import decoder_shrunk

    assert big_picture.format == "PNG" and decoder_shrunk(big_picture) is None


def test_a_decoder_shrunk_copy_a_little_over_the_working_side_is_kept_as_decoded(smooth_rgb):
    from gazoguard.imaging.scaled import DECODER_SHRUNK_SLACK

    wide = cv2.resize(smooth_rgb, (4350, 2760), interpolation=cv2.INTER_LINEAR)  # 1/2 is 2175 px: not resized to 2048
    picture = load_picture(_jpeg(wide))
    working, scale = working_rgb(picture)
    assert working.shape[:2] == (1380, 2175) and scale == pytest.approx(0.5)
    assert max(working.shape[:2]) <= WORKING_SIDE * DECODER_SHRUNK_SLACK
