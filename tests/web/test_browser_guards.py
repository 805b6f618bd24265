"""A malicious web page against a local server: DNS rebinding (any Host) and cross-site POSTs are refused,
/docs loads nothing from another host, and every response carries CSP, frame and referrer headers."""

from __future__ import annotations

import re

import pytest
from hardening_app import hardened_client

from gazoguard.web.security import allowed_hosts, host_name


@pytest.fixture()
def client(tmp_path):
    with hardened_client(tmp_path / "data") as c:
        yield c


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.nip.io", "10.0.0.5"])
def test_a_rebound_host_name_is_refused_before_any_route(client, host):
    response = client.get("/api/v1/profiles", headers={"Host": host})
    assert response.status_code == 400 and response.json()["code"] == "bad_host"
    assert client.post("/api/v1/registry/registrations", headers={"Host": host}, json={}).status_code == 400


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST"])
def test_loopback_names_are_served(client, host):
    assert client.get("/api/v1/profiles", headers={"Host": host}).status_code == 200


def test_the_configured_host_and_extra_names_are_served(tmp_path):
    with hardened_client(tmp_path / "d", host="192.168.1.20", allowed_hosts=["gazo.internal"]) as c:
        assert c.get("/api/v1/profiles", headers={"Host": "192.168.1.20:8000"}).status_code == 200
        assert c.get("/api/v1/profiles", headers={"Host": "gazo.internal"}).status_code == 200
        assert c.get("/api/v1/profiles", headers={"Host": "other.internal"}).status_code == 400
    assert "0.0.0.0" not in allowed_hosts("0.0.0.0")  # a wildcard bind does not make every name acceptable
    assert host_name("[::1]:80") == "::1" and host_name("Example:81") == "example"


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"Origin": "http://127.0.0.1:9999"},  # another local port is another origin
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},
])
def test_a_cross_site_state_changing_request_is_refused(client, headers):
    response = client.post("/api/v1/terms", data={"text": "規約"}, headers=headers)
    assert response.status_code == 403 and response.json()["code"] == "cross_site_request"
    login = client.post("/console/login", data={"username": "a", "password": "b", "csrf": "x"}, headers=headers)
    assert login.status_code == 403


def test_same_origin_and_non_browser_requests_pass(client):
    assert client.post("/api/v1/terms", data={"text": "規約"}).status_code == 200  # curl, a chat system
    same = {"Origin": "http://127.0.0.1", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/api/v1/terms", data={"text": "規約"}, headers=same).status_code == 200
    # a same-origin form under our own Referrer-Policy: no-referrer: chromium sends Origin: null
    form = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/api/v1/terms", data={"text": "規約"}, headers=form).status_code == 200
    # a cross-site GET is a plain navigation or an image: allowed, and it changes nothing
    assert client.get("/api/v1/profiles", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 200


@pytest.mark.parametrize("path", ["/", "/console/login", "/api/v1/profiles", "/docs", "/static/app.css", "/nowhere", "/openapi.json"])
def test_every_response_has_the_security_headers(client, path):
    response = client.get(path)
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";")[0]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_refusals_carry_the_headers_too(client):
    assert client.get("/", headers={"Host": "evil.example"}).headers["x-frame-options"] == "DENY"


def test_docs_load_only_files_of_this_server(client):
    page = client.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/") or s.startswith("data:") for s in sources), sources
    assert "<script>" not in page.text  # no inline script (the CSP would block it)
    for source in sources:
        if source.startswith("/"):
            assert client.get(source).status_code == 200, source
    assert client.get("/redoc").status_code == 404  # ReDoc needs a CDN: not served


def test_console_pages_have_no_inline_style_or_script(client):
    page = client.get("/console/login").text
    assert "<style" not in page and "<script>" not in page and " style=" not in page
