"""Signed checkpoints of the audit chain, kept outside the database: truncation and emptying are caught.

The chain and its head row live in the same database, so whoever can delete rows can delete the newest
entries *and* rewrite the head.  After every commit that appended entries, the newest (seq, hash) is
appended to ``checkpoints.jsonl`` in the anchor folder (by default ``data_dir/audit-anchor``, or
``GAZOGUARD_AUDIT_ANCHOR_DIR``: another disk or mount), signed with an Ed25519 key kept in the same
folder (0600).  ``gazoguard audit verify`` then requires the database to still hold every checkpointed
entry with the same hash, and ``gazoguard audit export-head`` writes the newest checkpoint with the
public key, to keep elsewhere (a mail, a ticket) and check later with ``audit verify --expect``.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from gazoguard.core.private_files import private_dir, private_file

FORMAT = "gazoguard.audit-head/1"
KEY_FILE = "anchor.key"
CHECKPOINTS = "checkpoints.jsonl"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    at: str
    signature: str

    def message(self) -> bytes:
        return f"{FORMAT}|{self.seq}|{self.hash}|{self.at}".encode()

    def to_dict(self) -> dict[str, object]:
        return {"seq": self.seq, "hash": self.hash, "at": self.at, "sig": self.signature}

    @classmethod
    def from_dict(cls, data: dict) -> Checkpoint:  # type: ignore[type-arg]
        seq, digest, at, sig = data["seq"], data["hash"], data["at"], data["sig"]
        if not (isinstance(seq, int) and not isinstance(seq, bool) and seq >= 0 and isinstance(digest, str)
                and len(digest) == 64 and isinstance(at, str) and isinstance(sig, str)):
            raise ValueError("malformed checkpoint")
        return cls(seq, digest, at, sig)


@dataclass(frozen=True)
class AnchorState:
    checkpoints: list[Checkpoint]  # every checkpoint with a valid signature
    forged: int  # lines whose signature or shape is wrong

    @property
    def newest(self) -> Checkpoint | None:
        return max(self.checkpoints, key=lambda c: c.seq, default=None)


class AuditAnchor:
    def __init__(self, folder: Path) -> None:
        self.folder = private_dir(Path(folder))
        self._key = _load_or_create_key(self.folder / KEY_FILE)

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self._key.public_key()

    def public_key_text(self) -> str:
        raw = self.public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return base64.b64encode(raw).decode()

    def record(self, seq: int, digest: str) -> None:
        """Append a signed checkpoint; never raises (a missed checkpoint is covered by the next one)."""
        try:
            at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
            unsigned = Checkpoint(seq, digest, at, "")
            signed = Checkpoint(seq, digest, at, base64.b64encode(self._key.sign(unsigned.message())).decode())
            line = (json.dumps(signed.to_dict(), separators=(",", ":")) + "\n").encode()
            path = private_file(self.folder / CHECKPOINTS)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND)
            try:
                os.write(fd, line)  # one write of < 4 KB with O_APPEND: lines of several processes never mix
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            log.exception("could not write the audit checkpoint for entry %s", seq)

    def read(self) -> AnchorState:
        path = self.folder / CHECKPOINTS
        if not path.exists():
            return AnchorState([], 0)
        good, forged = [], 0
        lines = path.read_bytes().split(b"\n")
        for number, raw in enumerate(lines):
            if not raw.strip():
                continue
            try:
                checkpoint = Checkpoint.from_dict(json.loads(raw))
                verify_signature(self.public_key, checkpoint)
            except (ValueError, KeyError, TypeError, InvalidSignature):
                if number == len(lines) - 1:  # an unterminated last line: a write cut short by a crash
                    continue
                forged += 1
                continue
            good.append(checkpoint)
        return AnchorState(good, forged)

    def export(self) -> dict[str, object] | None:
        newest = self.read().newest
        if newest is None:
            return None
        return {"format": FORMAT, "count": newest.seq, **newest.to_dict(), "public_key": self.public_key_text()}


def verify_signature(public_key: Ed25519PublicKey, checkpoint: Checkpoint) -> None:
    try:
        signature = base64.b64decode(checkpoint.signature, validate=True)
    except ValueError:
        raise InvalidSignature() from None
    public_key.verify(signature, checkpoint.message())


def exported_checkpoint(data: dict) -> Checkpoint:  # type: ignore[type-arg]
    """The checkpoint of an ``export-head`` file, its signature checked against the key it names."""
    if data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} file")
    checkpoint = Checkpoint.from_dict(data)
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(str(data.get("public_key", "")), validate=True))
    verify_signature(key, checkpoint)
    return checkpoint


def _load_or_create_key(path: Path) -> Ed25519PrivateKey:
    if path.exists():
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(path.read_bytes().strip()))
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return _load_or_create_key(path)
    with os.fdopen(fd, "wb") as fh:
        fh.write(base64.b64encode(raw))
        fh.flush()
        os.fsync(fh.fileno())
    return key
