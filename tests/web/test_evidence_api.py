"""POST /api/v1/evidence/verify on a tiny app mounting only this router: intact, tampered, not a bundle, too large."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image, ImageDraw

from gazoguard.evidence import ItemDetails, Locker, export_bundle
from gazoguard.evidence.signing import generate_key, load_private_key
from gazoguard.web import problems
from gazoguard.web.api import evidence
from gazoguard.web.settings import Settings

URL = "/api/v1/evidence/verify"


def _app(data_dir: Path, max_upload_mb: int = 5) -> FastAPI:
    app = FastAPI()
    app.state.settings = Settings(data_dir=data_dir, warm_up=False, max_upload_mb=max_upload_mb)
    problems.install(app)
    app.include_router(evidence.router, prefix="/api/v1")
    return app


@pytest.fixture
def client(tmp_path: Path):
    with TestClient(_app(tmp_path / "data")) as c:
        yield c


def _png() -> bytes:
    im = Image.new("RGB", (160, 100), (235, 240, 250))
    ImageDraw.Draw(im).ellipse((30, 20, 110, 90), fill=(20, 120, 60))
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture
def locker(tmp_path: Path, eval_dir: Path) -> Locker:
    src = tmp_path / "src"
    src.mkdir()
    photo = sorted((eval_dir / "images" / "benign").iterdir())[0]
    (src / photo.name).write_bytes(photo.read_bytes())
    (src / "threat.png").write_bytes(_png())
    lk = Locker.init(tmp_path / "locker")
    lk.add_files([src / photo.name], ItemDetails(url="https://example.com/p/1", note="流出した画像"))
    lk.add_files([src / "threat.png"], ItemDetails(sender="@threat", note="脅迫の画面"))
    lk.add_record(ItemDetails(report_no="REP-7"))
    return lk


@pytest.fixture
def bundle(locker: Locker, tmp_path: Path) -> bytes:
    out = tmp_path / "bundle.zip"
    export_bundle(locker, out)
    return out.read_bytes()


def _post(client: TestClient, data: bytes, *, name: str = "bundle.zip", content_type: str = "application/zip", **form):
    return client.post(URL, files={"file": (name, data, content_type)}, data=form)


def _tampered(bundle: bytes, member_prefix: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bundle)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith(member_prefix):
                data = data[:-1] + bytes([data[-1] ^ 1])
            dst.writestr(info.filename, data)
    return out.getvalue()


def test_intact_bundle_verifies(client: TestClient, bundle: bytes) -> None:
    before = set(Path("/dev/shm").glob("gazo-verify-*")) if Path("/dev/shm").is_dir() else set()
    r = _post(client, bundle, name="証拠.zip")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True and body["entries"] == 3 and body["problems"] == []
    assert body["path"] == "証拠.zip" and body["first_broken_entry"] is None
    after = set(Path("/dev/shm").glob("gazo-verify-*")) if Path("/dev/shm").is_dir() else set()
    assert after <= before  # the temporary copy is gone


def test_changed_file_names_the_broken_entry(client: TestClient, bundle: bytes) -> None:
    r = _post(client, _tampered(bundle, "items/000002/"))
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is False and body["first_broken_entry"] == 2
    problem = body["problems"][0]
    assert problem["code"] == "file_changed" and problem["seq"] == 2
    assert problem["message_ja"] and problem["message_en"]


def test_changed_manifest_is_reported(client: TestClient, bundle: bytes) -> None:
    body = _post(client, _tampered(bundle, "manifest.json")).json()
    assert body["ok"] is False and body["problems"]


def test_expected_fingerprint(client: TestClient, locker: Locker, tmp_path: Path) -> None:
    fp = generate_key(tmp_path / "key.pem")
    key = load_private_key(tmp_path / "key.pem")
    locker.sign(key)
    export_bundle(locker, tmp_path / "signed.zip", sign_key=key)
    signed = (tmp_path / "signed.zip").read_bytes()
    assert _post(client, signed, fingerprint=fp).json()["ok"] is True
    other = generate_key(tmp_path / "other.pem")
    body = _post(client, signed, fingerprint=other).json()
    assert body["ok"] is False and body["problems"][0]["code"] == "fingerprint_mismatch"


@pytest.mark.parametrize(
    ("data", "content_type", "status", "code"),
    [
        (b"PK\x03\x04 not really a zip", "application/zip", 422, "bad_bundle"),
        (b"hello", "text/plain", 415, "unsupported_input"),
        (b"", "application/zip", 400, "empty_file"),
    ],
)
def test_not_a_bundle_is_problem_json(
    client: TestClient, data: bytes, content_type: str, status: int, code: str
) -> None:
    r = _post(client, data, content_type=content_type)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == code and r.json()["message_ja"]


def test_zip_without_manifest_is_not_a_bundle(client: TestClient) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    r = _post(client, buf.getvalue())
    assert r.status_code == 422 and r.json()["code"] == "bad_bundle"


def test_upload_size_is_limited(tmp_path: Path) -> None:
    with TestClient(_app(tmp_path, max_upload_mb=1)) as small:
        r = _post(small, b"PK" + bytes(1024 * 1024 + 10))
    assert r.status_code == 413 and r.json()["code"] == "file_too_large"


def test_zip_bomb_is_refused(client: TestClient, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(evidence, "MAX_EXPANDED_BYTES", 1_000_000)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", bytes(2_000_000))
    assert len(buf.getvalue()) < 50_000
    r = _post(client, buf.getvalue())
    assert r.status_code == 422 and r.json()["code"] == "bad_bundle"
