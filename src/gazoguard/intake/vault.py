"""Encryption at rest for every stored picture (AES-256-GCM); quarantined pictures live here too.

The key comes from settings (base64, 32 bytes) or from ``data_dir/vault.key``, created on first run
with 0600 permissions.  A file is ``b"GGV1" ‖ nonce(12) ‖ ciphertext+tag``; its name is bound into the
authenticated data, so swapping two files is detected on read.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from gazoguard.intake.errors import IntakeError

MAGIC = b"GGV1"


def load_or_create_key(data_dir: Path, configured: str = "") -> bytes:
    if configured:
        try:
            key = base64.b64decode(configured, validate=True)
        except ValueError as err:
            raise IntakeError("vault_key", detail=str(err)) from None
        if len(key) != 32:
            raise IntakeError("vault_key", detail="32 bytes (base64) are required")
        return key
    path = data_dir / "vault.key"
    if path.exists():
        key = base64.b64decode(path.read_bytes().strip())
        if len(key) != 32:
            raise IntakeError("vault_key", detail=f"{path} does not hold 32 bytes")
        return key
    data_dir.mkdir(parents=True, exist_ok=True)
    key = AESGCM.generate_key(bit_length=256)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(base64.b64encode(key))
    return key


class Vault:
    def __init__(self, root: Path, key: bytes) -> None:
        self.root = root
        self._aead = AESGCM(key)

    def path_for(self, name: str) -> Path:
        if not name or "/" in name or name.startswith("."):
            raise ValueError(f"bad vault file name {name!r}")
        return self.root / name

    def put(self, name: str, data: bytes) -> None:
        path = self.path_for(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        nonce = secrets.token_bytes(12)
        sealed = MAGIC + nonce + self._aead.encrypt(nonce, data, name.encode())
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(sealed)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    def get(self, name: str) -> bytes:
        sealed = self.path_for(name).read_bytes()
        if not sealed.startswith(MAGIC):
            raise ValueError("not a vault file")
        nonce, body = sealed[4:16], sealed[16:]
        return self._aead.decrypt(nonce, body, name.encode())

    def delete(self, name: str) -> bool:
        """Overwrite then unlink; returns whether a file was there."""
        path = self.path_for(name)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return False
        with open(path, "r+b") as fh:
            fh.write(b"\0" * size)
            fh.flush()
            os.fsync(fh.fileno())
        path.unlink()
        return True
