"""POST /api/v1/redact: a verified redacted copy made in memory, as JSON (with base64) or as the image itself."""

from __future__ import annotations

import base64
import hashlib
import json

import httpx
import pytest
from web_pictures import decoded, png

FACES = "images/faces/fr_two_people.jpg"


@pytest.fixture(scope="module")
def face_photo(eval_dir) -> bytes:
    return (eval_dir / FACES).read_bytes()


def test_redact_as_image_returns_a_new_picture_and_a_header_summary(client, face_photo):
    res = client.post("/api/v1/redact?format=image", files={"file": ("two.jpg", face_photo, "image/jpeg")},
                      data={"profile": "personal", "kinds": "face"})
    assert res.status_code == 200, res.text
    assert res.headers["content-type"] == "image/jpeg"
    assert "attachment" in res.headers["content-disposition"]
    summary = json.loads(res.headers["x-gazoguard-redaction"])
    assert summary["schema"] == "gazoguard.redaction/1" and summary["verified"] is True
    out = decoded(res.content)
    assert out.size == decoded(face_photo).size
    assert hashlib.sha256(res.content).digest() != hashlib.sha256(face_photo).digest()
    assert not out.info.get("exif"), "the redacted copy carries no EXIF"


def test_redact_json_has_result_report_and_image(client, face_photo):
    res = client.post("/api/v1/redact", files={"file": ("two.jpg", face_photo, "image/jpeg")},
                      data={"profile": "personal", "kinds": "face", "max_side": "400"})
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["redaction"]["output"] is None, "nothing is written"
    assert body["redaction"]["size_out"] == [400, round(661 * 400 / 1126)]
    assert body["report"]["schema"] == "gazoguard.report/1"
    image = decoded(base64.b64decode(body["image"]["base64"]))
    assert image.size == tuple(body["redaction"]["size_out"]) and body["image"]["media_type"] == "image/jpeg"
    faces = [i for i, f in enumerate(body["report"]["findings"]) if f["kind"] == "face"]
    covered = {c["finding"] for c in body["redaction"]["covered"] if "finding" in c}
    assert set(faces) <= covered | {e["finding"] for e in body["redaction"]["not_covered"]}


def test_performer_limits_are_sent_as_a_profile_override(client, face_photo):
    files = {"file": ("two.jpg", face_photo, "image/jpeg")}
    free = client.post("/api/v1/check", files=files, data={"profile": "performer", "never_face": "false"}).json()
    strict = client.post("/api/v1/check", files=files, data={"profile": "performer", "never_face": "true"}).json()
    assert free["profile"] == strict["profile"] == "performer"
    if any(f["kind"] == "face" for f in strict["findings"]):
        assert strict["verdict"]["level"] == "block"
        assert free["verdict"]["level"] != "block"


@pytest.mark.parametrize(
    ("data", "status", "code"),
    [
        ({"profile": "performer", "max_exposure": "everything"}, 422, "invalid_request"),
        ({"profile": "../../etc/passwd"}, 400, "unknown_profile"),
        ({"profile": "personal", "kinds": "not_a_kind"}, 400, "unknown_kind"),
        ({"profile": "personal", "max_side": "3"}, 422, "invalid_request"),
    ],
)
def test_bad_redact_requests_get_a_clear_problem(client, data, status, code):
    res = client.post("/api/v1/redact", files={"file": ("a.png", png(), "image/png")}, data=data)
    assert res.status_code == status, res.text
    body = res.json()
    assert body["code"] == code and body["message_ja"] and body["message_en"]


def test_redact_refuses_a_non_image(client):
    res = client.post("/api/v1/redact?format=image", files={"file": ("a.jpg", b"not a jpeg", "image/jpeg")})
    assert res.status_code == 415 and res.json()["code"] == "not_an_image"


def test_redact_over_a_real_server(live_server):
    res = httpx.post(f"{live_server}/api/v1/redact?format=image", files={"file": ("a.png", png((200, 150)), "image/png")},
                     data={"profile": "personal"}, timeout=300)
    assert res.status_code == 200, res.text
    assert res.headers["content-type"] == "image/png"
    assert decoded(res.content).size == (200, 150)
