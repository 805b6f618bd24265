"""Encryption at rest: key file 0600, authenticated, files not decodable as images."""

from __future__ import annotations

import base64
import io
import stat

import pytest
from cryptography.exceptions import InvalidTag
from PIL import Image, UnidentifiedImageError

from gazoguard.intake.errors import IntakeError
from gazoguard.intake.testing import scripted_picture
from gazoguard.intake.vault import Vault, load_or_create_key


def test_key_file_is_created_once_with_0600(tmp_path):
    key = load_or_create_key(tmp_path)
    assert stat.S_IMODE((tmp_path / "vault.key").stat().st_mode) == 0o600
    assert load_or_create_key(tmp_path) == key and len(key) == 32


def test_configured_key_is_used_and_checked(tmp_path):
    key = bytes(range(32))
    assert load_or_create_key(tmp_path, base64.b64encode(key).decode()) == key
    assert not (tmp_path / "vault.key").exists()
    with pytest.raises(IntakeError):
        load_or_create_key(tmp_path, base64.b64encode(b"short").decode())


def test_round_trip_and_tamper_detection(tmp_path):
    vault = Vault(tmp_path / "vault", load_or_create_key(tmp_path))
    data = scripted_picture("minor")
    vault.put("a.bin", data)
    raw = (tmp_path / "vault" / "a.bin").read_bytes()
    assert data not in raw
    with pytest.raises(UnidentifiedImageError):
        Image.open(io.BytesIO(raw))
    assert vault.get("a.bin") == data
    (tmp_path / "vault" / "b.bin").write_bytes(raw)  # a file moved under another name does not decrypt
    with pytest.raises(InvalidTag):
        vault.get("b.bin")
    assert vault.delete("a.bin") and not (tmp_path / "vault" / "a.bin").exists()
    assert not vault.delete("a.bin")
