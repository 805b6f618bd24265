"""The pre-send path keeps its promise: nothing the person uploads is written to disk, nothing leaves the machine.

Watched while /, /api/v1/check and /api/v1/redact run on a real picture: a fresh TMPDIR (also set as
tempfile.tempdir), the app's data_dir, every file opened for writing in this process (an audit hook), and
every socket connection and name lookup (only loopback is allowed).
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
import tempfile
from pathlib import Path

import httpx
import pytest

PHOTO = "images/ja_text/yomitoku_gallery5_licence.jpg"
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


class WriteRecorder:
    """An audit hook (hooks cannot be removed, so it is switched on and off) recording files opened to write."""

    def __init__(self) -> None:
        self.on = False
        self.writes: list[str] = []
        sys.addaudithook(self)

    def __call__(self, event: str, args: tuple) -> None:
        if not self.on or event != "open":
            return
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (isinstance(flags, int) and flags & WRITE_FLAGS)
        if writing and not (isinstance(path, str) and path.startswith("/dev/")):
            self.writes.append(str(path))


_RECORDER = WriteRecorder()


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")} if folder.exists() else set()


def _is_loopback(address: object) -> bool:
    if not isinstance(address, tuple):  # AF_UNIX
        return True
    host = address[0]
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@pytest.fixture()
def watched(tmp_path, monkeypatch, web_settings):
    """What happens while the test body runs: files opened to write, outbound connections, and new_files()."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    outbound: list[object] = []
    real_connect, real_connect_ex, real_getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def connect(self, address):
        if not _is_loopback(address):
            outbound.append(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        if not _is_loopback(address):
            outbound.append(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host not in (None, "localhost") and not _is_loopback((host, 0)):
            outbound.append(("dns", host))
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    data_dir = Path(web_settings.data_dir)
    before = _files(tmp) | _files(data_dir)

    def new_files() -> list[str]:
        return sorted(str(p) for p in (_files(tmp) | _files(data_dir)) - before)

    record = {"writes": _RECORDER.writes, "outbound": outbound, "new_files": new_files}
    _RECORDER.writes.clear()
    _RECORDER.on = True
    try:
        yield record
    finally:
        _RECORDER.on = False


def _pre_send(base_call, photo: bytes) -> None:
    assert base_call("GET", "/", None, None).status_code == 200
    files = {"file": ("licence.jpg", photo, "image/jpeg")}
    assert base_call("POST", "/api/v1/check", files, {"profile": "personal"}).status_code == 200
    res = base_call("POST", "/api/v1/redact?format=image", files, {"profile": "personal"})
    assert res.status_code == 200, res.text
    assert base_call("POST", "/api/v1/redact", files, {"profile": "teen", "kinds": "face"}).status_code == 200


def test_in_process_pre_send_writes_nothing(client, eval_dir, watched):
    photo = (eval_dir / PHOTO).read_bytes()
    _pre_send(lambda method, url, files, data: client.request(method, url, files=files, data=data), photo)
    _RECORDER.on = False
    assert watched["writes"] == [], f"files opened for writing: {watched['writes'][:5]}"
    assert watched["new_files"]() == []
    assert watched["outbound"] == []


def test_live_server_pre_send_writes_nothing_and_stays_on_loopback(live_server, eval_dir, watched):
    photo = (eval_dir / PHOTO).read_bytes()
    with httpx.Client(base_url=live_server, timeout=300) as http:
        _pre_send(lambda method, url, files, data: http.request(method, url, files=files, data=data), photo)
    _RECORDER.on = False
    assert watched["writes"] == [], f"files opened for writing: {watched['writes'][:5]}"
    assert watched["new_files"]() == []
    assert watched["outbound"] == [], f"non-loopback connections: {watched['outbound']}"


def test_the_watch_can_fail(watched, tmp_path):
    """The recorder sees a write and an outbound attempt (so the tests above can fail)."""
    with open(tempfile.gettempdir() + "/leak.bin", "wb") as fh:
        fh.write(b"x")
    with socket.socket() as s:
        s.settimeout(0.01)
        s.connect_ex(("192.0.2.1", 9))  # TEST-NET-1: never routed
    _RECORDER.on = False
    assert any(w.endswith("leak.bin") for w in watched["writes"])
    assert [Path(f).name for f in watched["new_files"]()] == ["leak.bin"]
    assert ("192.0.2.1", 9) in watched["outbound"]
