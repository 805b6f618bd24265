"""The conversation check, the terms checker and the playbooks over HTTP."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

TERMS = Path(__file__).resolve().parents[1] / "data" / "terms"
SEXTORTION = "相手: 何歳？\n相手: 裸の写真送って\n自分: いや\n相手: 写真拡散されたくなかったら5万払え"
ORDINARY = "A: 今日のライブ楽しかったね\nB: うん、また行こう！"


def test_talk_finds_sextortion_with_evidence_and_a_playbook(client):
    res = client.post("/api/v1/talk", data={"text": SEXTORTION})
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["format"] == "gazoguard.talk/2" and body["level"] == "block"
    assert body["playbook"] == "threatened"
    last = body["messages"][-1]
    start, end = last["findings"][0]["span"]
    assert last["text"][start:end] == last["findings"][0]["evidence"]


def test_talk_ordinary_chat_is_safe(client):
    assert client.post("/api/v1/talk", data={"text": ORDINARY}).json()["level"] == "safe"


def test_talk_reads_screenshots_with_ocr(client, eval_dir):
    shot = next((eval_dir / "images" / "screens").iterdir())
    res = client.post("/api/v1/talk", files=[("files", (shot.name, shot.read_bytes(), "image/png"))])
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["sources"] == [shot.name]
    assert body["messages"], "the screenshot's text became messages"


@pytest.mark.parametrize(("data", "status", "code"), [({"text": "   "}, 422, "empty_text"), ({}, 422, "empty_text"),
                                                       ({"text": "a" * 200_001}, 413, "text_too_long")])
def test_talk_bad_input_is_a_clear_4xx(client, data, status, code):
    res = client.post("/api/v1/talk", data=data)
    assert res.status_code == status and res.json()["code"] == code


def test_terms_reports_signals_and_missing_topics(client):
    dangerous = client.post("/api/v1/terms", data={"text": (TERMS / "dangerous_ja.txt").read_text(encoding="utf-8")}).json()
    assert dangerous["format"] == "gazoguard.terms/1"
    assert dangerous["counts"]["danger"] >= 1
    short = client.post("/api/v1/terms", data={"text": "18歳未満の方はご利用いただけません。"}).json()
    outcomes = {s["id"]: s["outcome"] for s in short["signals"]}
    assert outcomes["age_limit"] != "missing" and outcomes["retention"] == "missing"
    assert all(s["evidence"] == [] for s in short["signals"] if s["outcome"] == "missing")


def test_terms_needs_text(client):
    assert client.post("/api/v1/terms", data={"text": ""}).status_code == 422


def test_playbooks_list_and_one(client):
    books = client.get("/api/v1/playbooks").json()
    names = [b["name"] for b in books]
    assert {"about_to_send", "already_sent", "threatened", "parent"} <= set(names)
    one = client.get("/api/v1/playbooks/threatened").json()
    assert one["steps"] and one["help_lines"]
    missing = client.get("/api/v1/playbooks/nope")
    assert missing.status_code == 404 and missing.json()["code"] == "unknown_playbook"


@pytest.mark.parametrize("path", ["/talk", "/terms", "/playbooks", "/talk?lang=en"])
def test_pages_render_and_are_linked_from_the_nav(client, path):
    res = client.get(path)
    assert res.status_code == 200 and 'id="nav-talk"' in res.text and 'id="nav-playbooks"' in res.text


def test_talk_over_a_real_server(live_server):
    res = httpx.post(f"{live_server}/api/v1/talk", data={"text": SEXTORTION}, timeout=60)
    assert res.status_code == 200 and res.json()["level"] == "block"
