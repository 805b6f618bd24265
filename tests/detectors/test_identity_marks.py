"""Name tags: badge words on short lines, and short names worn below a face."""

from __future__ import annotations

import pytest

from gazoguard.detectors.identity_marks import NOT_DETECTED, IdentityMarkDetector, looks_like_name
from gazoguard.perception.faces import FaceBox
from gazoguard.perception.textlayout import Char, TextLayout


def line_at(text: str, x: int, y: int, char_w: int = 10, h: int = 14) -> list[Char]:
    return [Char(ch, (x + k * char_w, y, x + (k + 1) * char_w, y + h), 0, 0.99) for k, ch in enumerate(text)]


def layout(*lines: tuple[str, int, int]) -> TextLayout:
    return TextLayout([line_at(t, x, y) for t, x, y in lines])


class FakeScene:
    def __init__(self, text: TextLayout, faces: list[FaceBox] | None) -> None:
        self._text, self._faces = text, faces

    def text(self) -> TextLayout:
        return self._text

    def faces(self) -> list[FaceBox]:
        if self._faces is None:
            raise NotImplementedError("no face model")
        return self._faces


@pytest.fixture(scope="module")
def detector() -> IdentityMarkDetector:
    d = IdentityMarkDetector()
    d.ensure_loaded()
    return d


FACE = FaceBox((200, 100, 300, 220), 0.95)  # 100 × 120 px


def test_badge_word_on_a_short_line(detector):
    found = detector.detect(None, FakeScene(layout(("研修中 山田", 40, 40)), None))  # type: ignore[arg-type]
    assert [(f.kind, f.category, f.text) for f in found] == [("name_tag", "identity", "研修中 山田")]
    assert found[0].attrs["how"] == "badge_word"


def test_badge_word_inside_a_sentence_is_not_a_badge(detector):
    text = layout(("本件の担当は営業部の者が改めてご連絡いたします", 40, 40))
    assert detector.detect(None, FakeScene(text, None)) == []  # type: ignore[arg-type]


def test_short_name_worn_below_a_face(detector):
    text = layout(("佐藤", 230, 220 + 2 * 120))  # two face heights below the chin, under the face
    found = detector.detect(None, FakeScene(text, [FACE]))  # type: ignore[arg-type]
    assert [f.attrs["how"] for f in found] == ["name_under_face"]
    assert found[0].attrs["face_box"] == [200, 100, 300, 220]


def test_name_printed_just_beside_an_id_photo_is_not_a_badge(detector):
    text = layout(("佐藤", 230, 220 + 60))  # half a face height below: ID-card layout, not a badge
    assert detector.detect(None, FakeScene(text, [FACE])) == []  # type: ignore[arg-type]


def test_without_faces_only_the_badge_route_runs(detector):
    text = layout(("佐藤", 230, 460))
    assert detector.detect(None, FakeScene(text, None)) == []  # type: ignore[arg-type]


def test_text_dense_pictures_skip_the_face_route(detector):
    lines = [("佐藤", 230, 460)] + [(f"行{i}番目の文章です", 600, 20 * i) for i in range(25)]
    assert detector.detect(None, FakeScene(layout(*lines), [FACE])) == []  # type: ignore[arg-type]


def test_name_shapes():
    assert looks_like_name("山田") and looks_like_name("Anna Smith")
    assert not looks_like_name("会") and not looks_like_name("OOOOO") and not looks_like_name("公安委員会事務")


def test_marks_not_detected_are_declared_and_never_emitted():
    assert set(NOT_DETECTED) == {"lanyard", "uniform", "emblem", "tattoo", "reflection"}
    assert IdentityMarkDetector.kinds == frozenset({"name_tag"})
