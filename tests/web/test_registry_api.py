"""The registry API on a tiny app that mounts only this router: register (multipart and JSON), match, withdraw
with PIN attempts limited per client, stats — never any image data in an answer, and a match tells each
caller only what its role needs (anonymous: whether; platform: how close; operator: whose)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image

from gazoguard.core.errors import GazoError
from gazoguard.hashes import HashFile, HashItem, compute_hashes
from gazoguard.hashes.keys import create_key
from gazoguard.hashes.service import open_registry
from gazoguard.imaging.picture import load_picture
from gazoguard.web import problems
from gazoguard.web.api import registry
from gazoguard.web.api.registry import MAX_ATTEMPTS
from gazoguard.web.settings import Settings

API = "/api/v1/registry"
PIN = "482913"


def _app(data_dir: Path) -> FastAPI:
    app = FastAPI()
    app.state.settings = Settings(data_dir=data_dir, warm_up=False, max_upload_mb=5)
    problems.install(app)
    app.include_router(registry.router, prefix="/api/v1")
    return app


@pytest.fixture
def client(tmp_path: Path):
    with TestClient(_app(tmp_path / "data")) as c:
        yield c


def _key(client: TestClient, role: str) -> dict[str, str]:
    root = Path(client.app.state.settings.data_dir) / "registry"
    open_registry(str(root), True)
    return {"Authorization": f"Bearer {create_key(root, role + '-test', role)}"}


@pytest.fixture(scope="module")
def pictures(eval_dir: Path) -> list[Image.Image]:
    out = []
    for p in sorted((eval_dir / "images" / "benign").iterdir()):
        try:
            out.append(load_picture(p).image)
        except GazoError:
            continue
        if len(out) == 3:
            break
    return out


@pytest.fixture(scope="module")
def hashfile(pictures: list[Image.Image]) -> dict:
    items = tuple(HashItem.from_hashes(str(i), compute_hashes(im)) for i, im in enumerate(pictures[:2]))
    return HashFile(items).to_dict()


def _jpeg(im: Image.Image, quality: int = 70) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=quality)
    return buf.getvalue()


def _centre_crop(im: Image.Image, fraction: float) -> Image.Image:
    dx, dy = int(im.width * fraction / 2), int(im.height * fraction / 2)
    return im.crop((dx, dy, im.width - dx, im.height - dy))


def _register_multipart(client: TestClient, hashfile: dict, case_no: str = "CASE-1", pin: str = PIN):
    raw = json.dumps(hashfile).encode()
    return client.post(f"{API}/registrations", files={"file": ("hashes.json", raw, "application/json")},
                       data={"case_no": case_no, "pin": pin})


def _match(client: TestClient, image: Image.Image, headers: dict[str, str] | None = None, **params):
    return client.post(f"{API}/match", files={"file": ("upload.jpg", _jpeg(image), "image/jpeg")}, params=params,
                       headers=headers or {})


def test_register_match_and_withdraw(client: TestClient, hashfile: dict, pictures: list[Image.Image]) -> None:
    r = _register_multipart(client, hashfile, case_no="相談-2024-001")
    assert r.status_code == 201, r.text
    reg = r.json()
    assert reg["registration_id"].startswith("reg-") and reg["items"] == 2 and reg["case_no"] == "相談-2024-001"

    # a re-encoded copy with 5 % cropped away is found, with its case number and distance (operator key)
    operator = _key(client, "operator")
    r = _match(client, _centre_crop(pictures[0], 0.05), operator)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["matched"] is True
    hit = body["matches"][0]
    assert hit["registration_id"] == reg["registration_id"] and hit["case_no"] == "相談-2024-001"
    assert 0 <= hit["distance"] <= 31 and hit["item"] == 0
    assert set(body) == {"matched", "max_distance", "quality", "low_quality", "matches"}  # no image data, no hash
    assert len(r.content) < 1000

    # a picture that was not registered does not match
    assert _match(client, pictures[2]).json()["matched"] is False
    # a rotated copy matches only as close as the threshold allows
    rotated = pictures[1].transpose(Image.Transpose.ROTATE_90)
    assert _match(client, rotated).json()["matched"] is True
    strict = _match(client, _centre_crop(pictures[0], 0.05), max_distance=0).json()
    assert strict["matched"] is False and strict["max_distance"] == 0

    stats = client.get(f"{API}/stats", headers=operator).json()
    assert stats["active_submissions"] == 1 and stats["active_items"] == 2

    r = client.post(f"{API}/registrations/{reg['registration_id']}/withdraw", json={"pin": PIN})
    assert r.status_code == 200 and r.json()["withdrawn"] is True and r.json()["hashes_removed"] > 0
    assert _match(client, pictures[0]).json()["matched"] is False
    assert client.get(f"{API}/stats", headers=operator).json()["active_submissions"] == 0


def test_register_json_body(client: TestClient, hashfile: dict, pictures: list[Image.Image]) -> None:
    r = client.post(f"{API}/registrations", json={"hashfile": hashfile, "case_no": "C-9", "pin": "secret-pin"})
    assert r.status_code == 201, r.text
    assert _match(client, pictures[1], _key(client, "operator")).json()["matches"][0]["case_no"] == "C-9"


def test_match_on_an_empty_registry(client: TestClient, pictures: list[Image.Image]) -> None:
    r = _match(client, pictures[0], _key(client, "platform"))
    assert r.status_code == 200 and r.json() == {
        "matched": False, "max_distance": 31, "quality": r.json()["quality"], "low_quality": False, "matches": []}


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"hashfile": {"format": "something-else"}, "case_no": "C", "pin": PIN}, "bad_hashfile"),
        ({"hashfile": "not an object", "case_no": "C", "pin": PIN}, "bad_registration"),
        ({"case_no": "C", "pin": PIN}, "bad_registration"),
        ({"hashfile": None, "case_no": "", "pin": PIN}, "bad_registration"),
        ({"hashfile": {"format": "gazoguard.hashes/1", "items": []}, "case_no": "C", "pin": PIN}, "no_hashes"),
    ],
)
def test_bad_registrations_are_problem_json(client: TestClient, payload: dict, code: str) -> None:
    r = client.post(f"{API}/registrations", json=payload)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == code and r.json()["message_ja"] and r.json()["message_en"]


def test_weak_pin_and_missing_case_are_refused(client: TestClient, hashfile: dict) -> None:
    assert _register_multipart(client, hashfile, pin="12").json()["code"] == "weak_secret"
    assert _register_multipart(client, hashfile, case_no=" ").json()["code"] == "bad_registration"
    broken = client.post(f"{API}/registrations", files={"file": ("h.json", b"{not json", "application/json")},
                         data={"case_no": "C", "pin": PIN})
    assert broken.status_code == 422 and broken.json()["code"] == "bad_hashfile"
    assert client.post(f"{API}/registrations", content=b"x", headers={"content-type": "text/plain"}).status_code == 415


def test_wrong_pin_is_403_and_attempts_are_limited_per_client(
    client: TestClient, hashfile: dict, pictures: list[Image.Image]
) -> None:
    reg = _register_multipart(client, hashfile).json()["registration_id"]
    url = f"{API}/registrations/{reg}/withdraw"
    for _ in range(MAX_ATTEMPTS):
        r = client.post(url, json={"pin": "000000"})
        assert r.status_code == 403 and r.json()["code"] == "wrong_secret"
        assert r.headers["content-type"].startswith("application/problem+json")
    r = client.post(url, json={"pin": PIN})  # even the right PIN waits now, from this client
    assert r.status_code == 429 and r.json()["code"] == "too_many_attempts"
    assert 0 < int(r.headers["Retry-After"]) <= 600
    assert _match(client, pictures[0]).json()["matched"] is True  # still registered

    # other registrations keep their own count; an unknown id looks like a wrong PIN
    other = _register_multipart(client, hashfile, case_no="C-2").json()["registration_id"]
    assert client.post(f"{API}/registrations/{other}/withdraw", json={"pin": PIN}).status_code == 200
    assert client.post(f"{API}/registrations/reg-0000000000000000/withdraw", json={"pin": PIN}).status_code == 403


def test_bad_uploads(client: TestClient) -> None:
    assert client.post(f"{API}/match", files={"file": ("x.txt", b"hello", "text/plain")}).status_code == 415
    r = client.post(f"{API}/match", files={"file": ("x.jpg", b"\xff\xd8 broken", "image/jpeg")})
    assert r.status_code in (415, 422) and r.headers["content-type"].startswith("application/problem+json")
    img = Image.new("RGB", (64, 64), (200, 10, 10))
    assert _match(client, img, max_distance=64).status_code == 422


def test_a_strangers_wrong_pins_never_lock_the_owner_out(tmp_path: Path, hashfile: dict) -> None:
    app = _app(tmp_path / "data")
    with TestClient(app, client=("203.0.113.5", 1)) as stranger, TestClient(app, client=("10.0.0.2", 1)) as owner:
        reg = _register_multipart(owner, hashfile).json()["registration_id"]
        url = f"{API}/registrations/{reg}/withdraw"
        statuses = [stranger.post(url, json={"pin": f"{n:06d}"}).status_code for n in range(30)]
        assert statuses[:MAX_ATTEMPTS] == [403] * MAX_ATTEMPTS and set(statuses[MAX_ATTEMPTS:]) == {429}
        assert owner.post(url, json={"pin": PIN}).status_code == 200


def test_one_client_guessing_across_registrations_is_throttled(tmp_path: Path, hashfile: dict) -> None:
    app = _app(tmp_path / "data")
    with TestClient(app, client=("198.51.100.3", 1)) as sprayer:
        statuses = [sprayer.post(f"{API}/registrations/reg-{n:016x}/withdraw", json={"pin": "123456"}).status_code
                    for n in range(25)]
    assert statuses[:20] == [403] * 20 and set(statuses[20:]) == {429}


def test_a_match_tells_each_caller_only_what_its_role_needs(client: TestClient, hashfile: dict, pictures) -> None:
    reg = _register_multipart(client, hashfile, case_no="秘密-1").json()["registration_id"]
    anonymous = _match(client, pictures[0])
    assert anonymous.status_code == 200 and anonymous.json()["matched"] is True
    assert "matches" not in anonymous.json() and reg not in anonymous.text and "秘密-1" not in anonymous.text
    platform = _match(client, pictures[0], _key(client, "platform")).json()
    assert platform["matches"] and set(platform["matches"][0]) == {"item", "variant", "distance"}
    operator = _match(client, pictures[0], _key(client, "operator")).json()
    assert operator["matches"][0]["registration_id"] == reg and operator["matches"][0]["case_no"] == "秘密-1"


def test_keys_are_checked_and_stats_need_one(client: TestClient, pictures) -> None:
    bad = {"Authorization": "Bearer gzr_not-a-key"}
    assert _match(client, pictures[0], bad).status_code == 401
    assert client.get(f"{API}/stats").status_code == 401
    assert client.get(f"{API}/stats", headers=bad).status_code == 401
    assert client.get(f"{API}/stats", headers=_key(client, "platform")).status_code == 200


def test_anonymous_registrations_and_matches_are_rate_limited(tmp_path: Path, hashfile: dict, pictures) -> None:
    app = _app(tmp_path / "data")
    app.state.settings = Settings(data_dir=tmp_path / "data", warm_up=False, max_upload_mb=5,
                                  registry_registrations_per_hour=3, registry_anonymous_matches_per_hour=2)
    with TestClient(app) as c:
        statuses = [_register_multipart(c, hashfile, case_no=f"C-{i}").status_code for i in range(5)]
        assert statuses == [201, 201, 201, 429, 429]
        assert _register_multipart(c, hashfile, case_no="C-op").status_code == 429
        operator = _key(c, "operator")
        raw = json.dumps(hashfile).encode()
        ok = c.post(f"{API}/registrations", files={"file": ("h.json", raw, "application/json")},
                    data={"case_no": "C-op", "pin": PIN}, headers=operator)
        assert ok.status_code == 201  # the operator registers on behalf of people without the limit
        assert [_match(c, pictures[0]).status_code for _ in range(3)] == [200, 200, 429]
        assert _match(c, pictures[0], operator).status_code == 200
