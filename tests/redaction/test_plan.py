"""Which findings get which cover: pure rules, no models."""

from __future__ import annotations

import pytest

from gazoguard.core.catalogue import kinds as catalogue_kinds
from gazoguard.core.finding import Finding
from gazoguard.redaction.errors import RedactionError
from gazoguard.redaction.plan import Method, method_for, pad_box, plan_redaction, resolve_kinds

SIZE = (1000, 800)


def f(kind: str, box=None, **attrs) -> Finding:
    return Finding(kind, 0.9, "t", box=box, attrs=attrs)


@pytest.mark.parametrize(
    "kind",
    [
        "person_name",
        "address",
        "phone",
        "my_number",
        "sns_id",
        "url",
        "place_text",
        "license_plate",
        "school_text",
        "name_tag",
    ],
)
def test_text_kinds_are_filled(kind):
    assert method_for(kind) is Method.FILL
    assert method_for(kind, solid=False) is Method.FILL


@pytest.mark.parametrize(
    "kind", ["qr_code", "barcode", "document", "screen", "exposed_breast", "exposed_genitals", "covered_sexual"]
)
def test_codes_documents_screens_sexual_are_filled(kind):
    assert method_for(kind) is Method.FILL


def test_faces_and_bodies_pixelated_unless_solid():
    for kind in ("face", "uniform", "reflection", "school_uniform"):
        assert method_for(kind) is Method.BLUR
        assert method_for(kind, solid=True) is Method.FILL


def test_every_hidden_data_kind_and_gps_is_stripped_not_painted():
    hidden = [k for k, info in catalogue_kinds().items() if info.category == "hidden_data"]
    assert hidden
    for kind in hidden + ["gps"]:
        assert method_for(kind) is Method.STRIP


def test_every_catalogue_kind_has_a_method():
    for kind in catalogue_kinds():
        assert isinstance(method_for(kind), Method)


def test_line_boxes_are_covered_one_by_one_not_their_union():
    lines = [(100, 100, 400, 130), (100, 140, 250, 170)]
    finding = f("address", box=(100, 100, 400, 170), line_boxes=lines)
    plan = plan_redaction([finding], SIZE)
    (cover,) = plan.covers
    assert len(cover.boxes) == 2
    for raw, padded in zip(lines, cover.boxes):
        assert padded[0] < raw[0] and padded[1] < raw[1] and padded[2] > raw[2] and padded[3] > raw[3]
        assert padded[0] >= raw[0] - 12  # "a few px", not a big margin
    # the empty corner to the right of the short second line stays untouched
    assert not any(b[0] <= 380 <= b[2] and b[1] <= 160 <= b[3] for b in cover.boxes)


def test_face_padding_is_about_15_percent_and_codes_get_a_margin():
    face = plan_redaction([f("face", box=(100, 100, 200, 200))], SIZE).covers[0].boxes[0]
    assert face == (85, 85, 215, 215)
    code = plan_redaction([f("qr_code", box=(100, 100, 300, 300))], SIZE).covers[0].boxes[0]
    assert code[0] <= 100 - 20 and code[2] >= 300 + 20


def test_boxes_are_clipped_to_the_picture():
    assert pad_box((-5, -5, 50, 50), 0.1, 3, 40, 40) == (0, 0, 40, 40)
    assert pad_box((900, 900, 950, 950), 0.1, 3, 100, 100) is None


def test_kinds_filter_accepts_kinds_and_categories():
    findings = [f("face", (0, 0, 50, 50)), f("phone", (0, 60, 50, 80)), f("gps"), f("qr_code", (100, 100, 200, 200))]
    only = plan_redaction(findings, SIZE, kinds=resolve_kinds(["face", "code"]))
    assert sorted(c.kind for c in only.covers) == ["face", "qr_code"]
    assert only.stripped == ()
    assert resolve_kinds(["personal_text"]) >= {"phone", "address", "my_number"}
    assert resolve_kinds(None) is None


def test_unknown_kind_is_a_clear_error():
    with pytest.raises(RedactionError) as info:
        resolve_kinds(["face", "fase"])
    assert info.value.code == "unknown_kind"
    assert "fase" in info.value.message_ja and "fase" in info.value.message_en


def test_document_box_filled_unless_only_fields_requested():
    doc = f("document", (50, 50, 600, 400))
    name = f("person_name", (100, 100, 200, 120))
    everything = plan_redaction([doc, name], SIZE)
    assert {c.kind for c in everything.covers} == {"document", "person_name"}
    fields = plan_redaction([doc, name], SIZE, kinds=resolve_kinds(["person_name"]))
    assert [c.kind for c in fields.covers] == ["person_name"]


def test_boxless_findings_are_listed_as_not_covered():
    plan = plan_redaction([f("sexual_image"), f("high_resolution"), f("capture_time")], SIZE)
    assert plan.covers == ()
    assert {(k, r) for _, k, r in plan.not_covered} == {
        ("sexual_image", "no_box"),
        ("high_resolution", "needs_max_side"),
    }
    assert [k for _, k in plan.stripped] == ["capture_time"]
    downscaled = plan_redaction([f("high_resolution")], SIZE, max_side=1200)
    assert [k for _, k in downscaled.downscaled] == ["high_resolution"]
    assert downscaled.redacted_kinds == {"high_resolution"}
