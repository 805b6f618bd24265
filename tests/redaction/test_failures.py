"""Failure paths: clear JA/EN errors, the original untouched, and no partial file left behind."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest
from PIL import Image

from gazoguard.core import atomic as core_atomic
from gazoguard.redaction import atomic, redact
from gazoguard.redaction.errors import RedactionError

FAST = ["hidden_data", "gps"]  # only the metadata detector runs: these tests are about files, not models


@pytest.fixture()
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "photo.jpg"
    path.parent.mkdir()
    Image.new("RGB", (64, 48), (120, 30, 30)).save(path, format="JPEG", comment=b"hello")
    return path


def _listing(*folders: Path) -> dict[str, list[str]]:
    return {str(f): sorted(os.listdir(f)) for f in folders}


def _assert_bilingual(err: RedactionError) -> None:
    assert err.message_ja and err.message_en and err.message_ja != err.message_en
    assert any(ord(ch) > 0x3000 for ch in err.message_ja)  # Japanese text, not a copy of the English


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_same_input_and_output_path_is_refused(photo: Path, test_engine):
    before = _digest(photo), _listing(photo.parent)
    for target in (photo, photo.parent / ".." / "in" / "photo.jpg"):
        with pytest.raises(RedactionError) as info:
            redact(photo, target, engine=test_engine, kinds=FAST)
        assert info.value.code == "same_path"
        _assert_bilingual(info.value)
    assert (_digest(photo), _listing(photo.parent)) == before


def test_hard_link_to_the_input_is_refused(photo: Path, test_engine):
    link = photo.with_name("link.jpg")
    os.link(photo, link)
    with pytest.raises(RedactionError) as info:
        redact(photo, link, engine=test_engine, kinds=FAST)
    assert info.value.code == "same_path"


def test_missing_output_folder(photo: Path, tmp_path: Path, test_engine):
    with pytest.raises(RedactionError) as info:
        redact(photo, tmp_path / "nope" / "out.jpg", engine=test_engine, kinds=FAST)
    assert info.value.code == "output_dir_missing"
    _assert_bilingual(info.value)
    assert not (tmp_path / "nope").exists()


def test_unwritable_output_folder(photo: Path, tmp_path: Path, test_engine, monkeypatch):
    out_dir = tmp_path / "locked"
    out_dir.mkdir()
    if os.geteuid() == 0:  # root ignores permission bits: simulate the refusal of the file system
        monkeypatch.setattr(atomic.os, "access", lambda *a, **k: False)
    else:
        out_dir.chmod(0o555)
    try:
        with pytest.raises(RedactionError) as info:
            redact(photo, out_dir / "out.jpg", engine=test_engine, kinds=FAST)
    finally:
        out_dir.chmod(0o755)
    assert info.value.code == "output_unwritable"
    _assert_bilingual(info.value)
    assert os.listdir(out_dir) == []


def test_permission_denied_while_creating_the_temp_file(photo: Path, tmp_path: Path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(core_atomic, "_open_temp", refuse)
    with pytest.raises(RedactionError) as info:
        atomic.write_atomic(tmp_path / "out.jpg", b"data")
    assert info.value.code == "output_unwritable"
    assert os.listdir(tmp_path) == ["in"]


def test_disk_full_leaves_no_partial_file(photo: Path, tmp_path: Path, test_engine, monkeypatch):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    written: list[int] = []

    def write_then_fail(fd, data):
        written.append(os.write(fd, bytes(data[:100])))  # a partial write really reaches the temp file
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(core_atomic, "_write_all", write_then_fail)
    before = _listing(photo.parent, out_dir), _digest(photo)
    with pytest.raises(RedactionError) as info:
        redact(photo, out_dir / "clean.jpg", engine=test_engine, kinds=FAST)
    assert info.value.code == "disk_full"
    _assert_bilingual(info.value)
    assert written == [100]
    assert (_listing(photo.parent, out_dir), _digest(photo)) == before


def test_failed_write_keeps_an_existing_output_intact(tmp_path: Path, monkeypatch):
    target = tmp_path / "out.png"
    target.write_bytes(b"previous version")

    def fail(fd, data):
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(core_atomic, "_write_all", fail)
    with pytest.raises(RedactionError) as info:
        atomic.write_atomic(target, b"new")
    assert info.value.code == "write_failed"
    assert target.read_bytes() == b"previous version"
    assert os.listdir(tmp_path) == ["out.png"]


def test_interrupt_mid_write_removes_the_temp_file(tmp_path: Path, monkeypatch):
    def interrupted(fd, data):
        raise KeyboardInterrupt

    monkeypatch.setattr(core_atomic, "_write_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(tmp_path / "out.png", b"x")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("suffix", [".gif", ".tiff", ".bmp", ".heic", ""])
def test_unsupported_output_format(photo: Path, tmp_path: Path, suffix: str, test_engine):
    with pytest.raises(RedactionError) as info:
        redact(photo, tmp_path / f"out{suffix}", engine=test_engine, kinds=FAST)
    assert info.value.code == "unsupported_output_format"
    _assert_bilingual(info.value)
    assert sorted(os.listdir(tmp_path)) == ["in"]


def test_successful_write_is_whole_and_readable(photo: Path, test_engine):
    result = redact(photo, engine=test_engine, kinds=FAST)
    target = Path(result.output)
    assert target == photo.with_name("photo.redacted.jpg")
    assert sorted(os.listdir(photo.parent)) == ["photo.jpg", "photo.redacted.jpg"]  # no temp files left
    assert Image.open(target).size == (64, 48)
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)
