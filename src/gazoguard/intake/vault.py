"""Encryption at rest for every stored picture (AES-256-GCM); quarantined pictures live here too.

The key comes from settings (base64, 32 bytes) or from ``data_dir/vault.key``, created on first run
with 0600 permissions.  A file is ``b"GGV1" ‖ nonce(12) ‖ ciphertext+tag``; its name is bound into the
authenticated data, so swapping two files is detected on read.
"""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from gazoguard.intake.errors import IntakeError
from gazoguard.core.private_files import private_dir

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
    private_dir(data_dir)
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
        """Write ``name`` at once (stage and publish): for callers with no transaction to wait for."""
        self.stage(name, data)
        self.publish(name)

    def stage(self, name: str, data: bytes) -> None:
        """Write the sealed file under a staging name (``name.PID.pending``); :meth:`publish` makes it ``name``.

        A process killed before its database commit leaves only a staged file of a dead process, which
        :meth:`recover` removes; one killed after the commit but before publishing is published by it.
        """
        path = self.path_for(name)
        private_dir(path.parent)
        nonce = secrets.token_bytes(12)
        sealed = MAGIC + nonce + self._aead.encrypt(nonce, data, name.encode())
        tmp = self.root / f"{name}.{os.getpid()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(sealed)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self._staged(name))

    def publish(self, name: str) -> None:
        os.replace(self._staged(name), self.path_for(name))
        _fsync_dir(self.root)

    def discard(self, name: str) -> None:
        """Remove a staged or published file (the transaction that wrote it failed)."""
        staged = self._staged(name)
        if staged.exists():
            staged.unlink()
        self.delete(name)

    def recover(self, referenced: Callable[[str], bool]) -> tuple[int, int]:
        """Finish what killed processes left: publish staged files whose row exists, delete the rest.

        Only files of processes that are gone are touched. Returns (published, removed).
        """
        published = removed = 0
        if not self.root.is_dir():
            return 0, 0
        for path in self.root.iterdir():
            parts = path.name.rsplit(".", 2)
            if len(parts) != 3 or parts[2] not in ("tmp", "pending") or not parts[1].isdigit() or _alive(int(parts[1])):
                continue
            if parts[2] == "pending" and referenced(parts[0]):
                os.replace(path, self.path_for(parts[0]))
                published += 1
            else:
                path.unlink()
                removed += 1
        if published or removed:
            _fsync_dir(self.root)
        return published, removed

    def _staged(self, name: str) -> Path:
        return self.path_for(name).with_name(f"{name}.{os.getpid()}.pending")

    def get(self, name: str) -> bytes:
        path = self.path_for(name)
        if not path.exists():  # committed but not yet published (the writer is still at it, or was killed)
            path = next(iter(sorted(self.root.glob(f"{name}.*.pending"))), path)
        sealed = path.read_bytes()
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


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
