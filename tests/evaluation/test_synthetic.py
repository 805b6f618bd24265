"""The generated labelled set: reproducible, well-formed values, and the engine finds what is planted."""

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from gazoguard.evaluation.score import score_personal_text
from gazoguard.evaluation.synthetic import KINDS, LAYOUTS, Values, generate
from gazoguard.recognizers.checksums import corporate_number_valid, luhn_valid, my_number_valid


def test_the_same_seed_draws_the_same_pictures_and_another_seed_others():
    first = [p.data for p in generate(3, seed=5)]
    assert first == [p.data for p in generate(3, seed=5)]
    assert first != [p.data for p in generate(3, seed=6)]


def test_every_layout_is_a_readable_picture_with_planted_values():
    pictures = list(generate(len(LAYOUTS), seed=2))
    assert [p.layout for p in pictures] == list(LAYOUTS)
    for picture in pictures:
        with Image.open(io.BytesIO(picture.data)) as image:
            assert image.width >= 800 and image.height >= 300
            assert image.format == ("JPEG" if picture.layout in ("card", "parcel", "idcard") else "PNG")
        assert {p.kind for p in picture.planted} <= set(KINDS)
        assert any(p.kind == "person_name" for p in picture.planted)


def test_numbers_are_drawn_valid_as_real_ones_are():
    import random

    values = Values(random.Random(9))
    for _ in range(200):
        assert my_number_valid(values.my_number().replace(" ", ""))
        assert corporate_number_valid(values.corporate_number())
        assert luhn_valid(re.sub(r"[ -]", "", values.credit_card()))
        phone = values.phone().translate(str.maketrans("０１２３４５６７８９－", "0123456789-"))
        assert re.fullmatch(r"0\d{1,4}-?[1-9]\d{0,3}-?\d{3,4}|0\d0[1-9]\d{7}", phone), phone


@pytest.mark.slow
def test_the_engine_finds_what_is_planted(engine):
    """A small slice of ``gazoguard eval --synthetic``: two pictures of each layout."""
    pictures = list(generate(2 * len(LAYOUTS), seed=4))
    reports = {p.name: engine.check(p.data, path=p.name).to_dict() for p in pictures}
    scored = score_personal_text([p.as_labelled(Path("synthetic")) for p in pictures], reports)
    assert scored["recall"] >= 0.9, scored["missed"]
    assert scored["precision"] >= 0.9, scored["false"]
