"""The pre-send page says where the picture is processed, truthfully for the way it is served (golden files)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from gazoguard.web.app import create_app
from gazoguard.web.settings import Settings


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    # served to other machines under its public name, as a deployment configures it (the Host allow-list)
    return create_app(Settings(warm_up=False, console=False, allowed_hosts=["gazoguard.example.jp"],
                               data_dir=tmp_path_factory.mktemp("words-web")))


def _footer(app, base_url: str, client: tuple[str, int], **headers: str) -> str:
    with TestClient(app, base_url=base_url, client=client) as c:
        html = c.get("/", headers=headers).text
    return re.search(r'<footer[^>]*id="where"[^>]*>(.*?)</footer>', html, re.S).group(1)


def test_on_the_person_s_own_computer_it_says_this_device(app, golden):
    text = _footer(app, "http://127.0.0.1:8000", ("127.0.0.1", 50000))
    assert "この端末の中だけ" in text
    golden("footer_loopback.txt", text + "\n")


def test_served_to_another_machine_it_names_the_server(app, golden):
    text = _footer(app, "http://gazoguard.example.jp", ("192.0.2.7", 50000))
    assert "この端末" not in text and "gazoguard.example.jp" in text
    golden("footer_remote.txt", text + "\n")


def test_behind_a_proxy_on_loopback_it_is_not_this_device(app):
    text = _footer(app, "http://127.0.0.1:8000", ("127.0.0.1", 50000), **{"X-Forwarded-For": "198.51.100.3"})
    assert "この端末" not in text and "サーバー（127.0.0.1）" in text


def test_the_checker_page_shows_the_one_set_of_questions(app, golden):
    from gazoguard.pipeline.explain import THREE_QUESTIONS

    with TestClient(app, base_url="http://127.0.0.1:8000", client=("127.0.0.1", 1)) as c:
        html = c.get("/").text
    block = re.search(r'<fieldset id="questions".*?</fieldset>', html, re.S).group(0)
    texts = re.findall(r'data-ja="([^"]+)"', block)
    ticked = re.findall(r'<input type="checkbox" class="q">\s*<span[^>]*data-ja="([^"]+)"', block)
    assert [q["ja"] for q in THREE_QUESTIONS] == ticked
    golden("checker_questions.txt", "\n".join(texts) + "\n")


def test_the_checker_page_asks_where_the_picture_is_going(app):
    from gazoguard.pipeline.explain import DESTINATIONS

    with TestClient(app, base_url="http://127.0.0.1:8000", client=("127.0.0.1", 1)) as c:
        html = c.get("/").text
    block = re.search(r'<div id="where-to".*?</div>', html, re.S).group(0)
    assert "どこに届きますか" in block and "スクリーンショット" in block
    places = re.findall(r'class="dest" value="([a-z_]+)"', block)
    assert places == [d["id"] for d in DESTINATIONS] and {"one_to_one", "group", "open_chat", "board"} <= set(places)
    for d in DESTINATIONS:  # each place says who can see it, in Japanese
        assert re.search(r'data-destination="%s"[^>]*data-ja="[^"]*[ぁ-ん]' % d["id"], block) or \
            re.search(r'data-ja="[^"]*[ぁ-ん][^"]*"[^>]*data-destination="%s"' % d["id"], block)
