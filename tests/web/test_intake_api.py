"""The intake endpoint with the real engine on real pictures: API keys, judgement and canned replies."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import func, select

from gazoguard.intake.channels import create_channel_key
from gazoguard.intake.policies import register_policy
from gazoguard.store.models import Case, CaseImage
from gazoguard.store.testing import database_url, postgres_server  # noqa: F401
from gazoguard.web.app import create_app
from gazoguard.web.settings import Settings

POLICY = Path(__file__).resolve().parents[2] / "examples" / "policy.toml"


def small_jpeg(path: Path, side: int = 900) -> bytes:
    image = Image.open(path).convert("RGB")
    image.thumbnail((side, side))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


@pytest.fixture()
def api(database_url, tmp_path, checker):  # noqa: F811
    settings = Settings(warm_up=False, data_dir=tmp_path / "data", database_url=database_url, retention_interval_s=0)
    app = create_app(settings, checker=checker)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        gw = app.state.gateway
        with gw.store.session() as session:
            register_policy(gw.store, session, POLICY.read_text(encoding="utf-8"), "test")
            key = create_channel_key(session, "sakura-zakka", "web-chat")
        yield client, key, gw
    app.state.gateway.close()


def _post(client, key: str, data: bytes, case_id: str = "C-1", channel: str = "web-chat"):
    return client.post("/api/v1/intake/images", headers={"Authorization": f"Bearer {key}"},
                       data={"case_id": case_id, "channel": channel, "customer_ref": "cust-1", "purpose": "inquiry"},
                       files={"image": ("p.jpg", data, "image/jpeg")})


@pytest.mark.slow
def test_real_pictures_get_the_business_outcome(api, eval_dir):
    client, key, gw = api
    product = _post(client, key, small_jpeg(eval_dir / "images/benign/skimage_coffee.png"), "C-product")
    receipt = _post(client, key, small_jpeg(eval_dir / "images/en_pii/asprise_receipt.jpg", 1200), "C-receipt")
    face = _post(client, key, small_jpeg(eval_dir / "images/faces/fr_two_people.jpg"), "C-face")
    assert product.status_code == receipt.status_code == face.status_code == 200, receipt.text
    assert product.json()["action"] == "accept"
    assert receipt.json()["action"] == "ask_to_mask" and "phone" in {r["code"] for r in receipt.json()["reasons"]}
    assert face.json()["action"] == "ask_to_mask" and "face" in {r["code"] for r in face.json()["reasons"]}
    assert "C-product" in product.json()["reply"]["ja"] and product.json()["reply"]["en"]
    with gw.store.session() as session:
        stored = dict(session.execute(select(CaseImage.action, CaseImage.stored)).all())
    assert stored == {"accept": "original", "ask_to_mask": "masked"}


def test_api_key_is_required_and_bound_to_its_channel(api):
    client, key, gw = api
    data = small_jpeg(Path(__file__).resolve().parents[2] / "examples" / "delivery_slip.png", 200)
    assert _post(client, "", data).status_code == 401
    assert _post(client, "ggk_wrong", data).status_code == 401
    mismatch = _post(client, key, data, channel="line")
    assert mismatch.status_code == 403 and mismatch.json()["code"] == "channel_mismatch"
    not_image = _post(client, key, b"not an image at all")
    assert not_image.status_code == 415 and "message_ja" in not_image.json()
    with gw.store.session() as session:
        assert session.execute(select(func.count()).select_from(Case)).scalar_one() == 0


def test_notice_endpoint(api):
    client, _, _ = api
    body = client.get("/api/v1/intake/notice/sakura-zakka?lang=en").json()
    assert "Please do not send" in body["text"] and len(body["never"]) == 4
    assert client.get("/api/v1/intake/notice/nobody").status_code == 404
    assert "送らないでください" in client.get("/notice/sakura-zakka").text
