"""Optional Ed25519 signature over a chain head, with a fingerprint a person can read aloud.

The user keeps the private key; the fingerprint (SHA-256 of the raw public
key) is what they hand to a lawyer, who then checks that a bundle was signed
by that key with ``gazoguard evidence verify --fingerprint``.
"""

from __future__ import annotations

import base64
import hashlib
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from gazoguard.core.atomic import write_bytes_atomic
from gazoguard.core.errors import GazoError
from gazoguard.evidence.chain import sealed_message, signed_message


def _ed25519():
    from cryptography.hazmat.primitives.asymmetric import ed25519

    return ed25519


def generate_key(path: Path) -> str:
    """Write a new private key (PEM, owner-readable only) and return its fingerprint."""
    from cryptography.hazmat.primitives import serialization

    path = Path(path)
    if path.exists():
        raise GazoError("output_exists", path=str(path))
    key = _ed25519().Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    write_bytes_atomic(path, pem, mode=0o600)
    return fingerprint(public_key_bytes(key))


def load_private_key(path: Path):
    from cryptography.hazmat.primitives import serialization

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise GazoError("bad_signing_key", path=str(path), detail=exc.strerror or type(exc).__name__) from None
    password = os.environ.get("GAZOGUARD_KEY_PASSPHRASE")
    try:
        key = serialization.load_pem_private_key(data, password=password.encode() if password else None)
    except (ValueError, TypeError) as exc:
        raise GazoError("bad_signing_key", path=str(path), detail=str(exc)[:120]) from None
    if not isinstance(key, _ed25519().Ed25519PrivateKey):
        raise GazoError("bad_signing_key", path=str(path), detail="not an Ed25519 key")
    return key


def public_key_bytes(private_key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(raw_public_key: bytes) -> str:
    """``SHA256:`` + 16 groups of 4 hex digits: short enough to compare by eye or phone."""
    digest = hashlib.sha256(raw_public_key).hexdigest()
    return "SHA256:" + " ".join(digest[i : i + 4] for i in range(0, 64, 4))


def normalise_fingerprint(text: str) -> str:
    text = text.strip()
    if text.upper().startswith("SHA256:"):
        text = text[7:]
    return "".join(ch for ch in text.lower() if ch in "0123456789abcdef")


def sign_head(private_key, locker_id: str, head_seq: int, head_hash: str) -> dict[str, Any]:
    return _signature(private_key, signed_message(locker_id, head_seq, head_hash), head_seq, head_hash)


def seal_bundle(
    private_key, locker_id: str, head_seq: int, head_hash: str, exported_at: str, generated: dict[str, str]
) -> dict[str, Any]:
    """Sign what a reader of the bundle sees (the PDF, the thumbnails), not only the chain head."""
    message = sealed_message(locker_id, head_seq, head_hash, exported_at, generated)
    return _signature(private_key, message, head_seq, head_hash)


def _signature(private_key, message: bytes, head_seq: int, head_hash: str) -> dict[str, Any]:
    raw_pub = public_key_bytes(private_key)
    signature = private_key.sign(message)
    return {
        "algorithm": "ed25519",
        "public_key": base64.b64encode(raw_pub).decode("ascii"),
        "fingerprint": fingerprint(raw_pub),
        "head_seq": head_seq,
        "head_hash": head_hash,
        "signed_at": datetime.now(timezone.utc).isoformat().replace("+00:00", "Z"),
        "signature": base64.b64encode(signature).decode("ascii"),
    }


def check_signature(sig: dict[str, Any], locker_id: str) -> tuple[bool, str]:
    """(signature valid for its stated head, fingerprint recomputed from the embedded key)."""
    try:
        message = signed_message(locker_id, int(sig["head_seq"]), str(sig["head_hash"]))
    except (KeyError, ValueError, TypeError):
        return False, str(sig.get("fingerprint", "?")) if isinstance(sig, dict) else "?"
    return _check(sig, message)


def check_seal(seal: dict[str, Any], locker_id: str, exported_at: str, generated: dict[str, str]) -> tuple[bool, str]:
    """(the export seal covers exactly this head and these generated files, fingerprint of its key)."""
    try:
        message = sealed_message(locker_id, int(seal["head_seq"]), str(seal["head_hash"]), exported_at, generated)
    except (KeyError, ValueError, TypeError):
        return False, str(seal.get("fingerprint", "?")) if isinstance(seal, dict) else "?"
    return _check(seal, message)


def _check(sig: dict[str, Any], message: bytes) -> tuple[bool, str]:
    from cryptography.exceptions import InvalidSignature

    try:
        raw_pub = base64.b64decode(str(sig["public_key"]), validate=True)
        signature = base64.b64decode(str(sig["signature"]), validate=True)
        key = _ed25519().Ed25519PublicKey.from_public_bytes(raw_pub)
    except (KeyError, ValueError, TypeError):
        return False, str(sig.get("fingerprint", "?")) if isinstance(sig, dict) else "?"
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False, fingerprint(raw_pub)
    return True, fingerprint(raw_pub)
