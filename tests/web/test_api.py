"""The REST API: /api/v1/check returns the report contract; bad input gets 4xx problem+json, never 500."""

from __future__ import annotations

import io
import json
import struct
import zlib
from importlib import resources

import httpx
import jsonschema
import pytest
from PIL import Image

SCHEMA = json.loads(resources.files("gazoguard").joinpath("schema/report-1.json").read_text(encoding="utf-8"))


def _png(size=(160, 120), colour=(200, 210, 220)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, format="PNG")
    return buf.getvalue()


def _bomb_png(width=30000, height=30000) -> bytes:
    """A tiny file that claims 900 MP: header and one compressed empty IDAT."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + chunk(b"IEND", b"")


def test_check_returns_a_valid_report(client):
    res = client.post("/api/v1/check", files={"file": ("a.png", _png(), "image/png")}, data={"profile": "personal"})
    assert res.status_code == 200
    body = res.json()
    jsonschema.validate(body, SCHEMA)
    assert body["image"]["width"] == 160
    assert res.headers["x-request-id"]


def test_profiles_and_health(client):
    names = [p["name"] for p in client.get("/api/v1/profiles").json()]
    assert "personal" in names
    health = client.get("/api/v1/health").json()
    assert health["status"] == "ok" and health["detectors"]


@pytest.mark.parametrize(
    ("files", "status", "code"),
    [
        ({"file": ("a.txt", b"hello", "text/plain")}, 415, "unsupported_input"),
        ({"file": ("a.jpg", b"not really a jpeg", "image/jpeg")}, 415, "not_an_image"),
        ({"file": ("a.png", b"", "image/png")}, 400, "empty_file"),
        ({"file": ("bomb.png", _bomb_png(), "image/png")}, 413, "too_many_pixels"),
    ],
)
def test_bad_uploads_get_a_clear_problem(client, files, status, code):
    res = client.post("/api/v1/check", files=files)
    assert res.status_code == status
    assert res.headers["content-type"].startswith("application/problem+json")
    body = res.json()
    assert body["code"] == code and body["message_ja"] and body["message_en"]


def test_missing_file_field_is_422_not_500(client):
    res = client.post("/api/v1/check", data={"profile": "personal"})
    assert res.status_code == 422
    assert res.json()["code"] == "invalid_request"


def test_upload_over_the_limit_is_413(client):
    res = client.post("/api/v1/check", files={"file": ("big.png", b"\x89PNG" + b"0" * (6 * 1024 * 1024), "image/png")})
    assert res.status_code == 413
    assert res.json()["code"] == "file_too_large"


def test_malformed_multipart_is_4xx(client):
    res = client.post("/api/v1/check", content=b"--xx\r\nnonsense", headers={"content-type": "multipart/form-data; boundary=xx"})
    assert 400 <= res.status_code < 500


def test_unknown_profile_is_400(client):
    res = client.post("/api/v1/check", files={"file": ("a.png", _png(), "image/png")}, data={"profile": "nope"})
    assert res.status_code == 400 and res.json()["code"] == "unknown_profile"


def test_openapi_describes_the_api(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/v1/check", "/api/v1/redact", "/api/v1/talk", "/api/v1/terms", "/api/v1/playbooks",
            "/api/v1/playbooks/{name}", "/api/v1/profiles", "/api/v1/health"} <= set(spec["paths"])
    check_form = spec["components"]["schemas"]["Body_check_api_v1_check_post"]["properties"]
    assert {"file", "profile", "never_face", "never_room", "max_exposure"} <= set(check_form)


def test_a_real_server_on_loopback_answers(live_server, eval_dir):
    photo = eval_dir / "images" / "exif" / "exifsamples_gps_DSCN0010.jpg"
    with open(photo, "rb") as fh:
        res = httpx.post(f"{live_server}/api/v1/check", files={"file": (photo.name, fh, "image/jpeg")}, timeout=120)
    assert res.status_code == 200
    jsonschema.validate(res.json(), SCHEMA)
    assert httpx.get(f"{live_server}/", timeout=10).text.count("画像ガード") >= 1
