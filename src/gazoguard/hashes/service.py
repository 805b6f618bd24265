"""What the web layer calls: register a hash file with a case number and a withdrawal PIN,
match an uploaded picture, withdraw a registration.

The PIN is stored only as an scrypt hash (stdlib, so the registry needs no
extra package); brute-force protection (rate limits, lock-outs) belongs to
the caller, which sees every attempt.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gazoguard.core.errors import GazoError
from gazoguard.hashes.compute import LOW_QUALITY, query_hashes
from gazoguard.hashes.hashfile import HashFile
from gazoguard.hashes.registry import DEFAULT_THRESHOLD, Match, Registry, Submission, check_threshold
from gazoguard.imaging.picture import ImageInput, load_picture

MIN_SECRET_LENGTH = 6
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True)
class MatchResult:
    pdq: str
    quality: int
    matches: list[Match] = field(default_factory=list)

    @property
    def low_quality(self) -> bool:
        return self.quality < LOW_QUALITY

    @property
    def matched(self) -> bool:
        return bool(self.matches)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pdq": self.pdq,
            "quality": self.quality,
            "low_quality": self.low_quality,
            "matched": self.matched,
            "matches": [m.to_dict() for m in self.matches],
        }


def hash_secret(secret: str) -> str:
    if len(secret) < MIN_SECRET_LENGTH:
        raise GazoError("weak_secret", min=MIN_SECRET_LENGTH)
    salt = os.urandom(16)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
    return "scrypt${n}${r}${p}$".format(**_SCRYPT) + f"{base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def check_secret(secret: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(secret.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return scheme == "scrypt" and hmac.compare_digest(got, expected)


@lru_cache(maxsize=8)
def open_registry(root: str, create: bool = False) -> Registry:
    """One long-lived :class:`Registry` per folder (it re-reads its state when another process changes it)."""
    registry = Registry.open(root, create=create)
    if create:
        registry.recover()  # a process killed mid-change left pending additions or temporary files
    return registry


def register_hashfile(
    root: str | Path, hashfile: HashFile | dict[str, Any] | str | Path, *, case_no: str | None, secret: str
) -> Submission:
    """Register every hash of a hash file under a case number; ``secret`` (a PIN) is needed to withdraw it."""
    if isinstance(hashfile, dict):
        hashfile = HashFile.from_dict(hashfile)
    elif not isinstance(hashfile, HashFile):
        hashfile = HashFile.read(hashfile)
    secret_hash = hash_secret(secret)
    return open_registry(str(root), True).add(hashfile, case_no=case_no, secret_hash=secret_hash)


def match_image(root: str | Path, image: ImageInput, *, threshold: int = DEFAULT_THRESHOLD) -> MatchResult:
    """Hash an upload (original orientation only: the registry holds the rotations, flips and crops) and match it.

    An upload with flat bars around it (a screenshot) is also matched without them, and each view also by
    its centre 97 % (see :func:`gazoguard.hashes.compute.query_hashes`).
    """
    check_threshold(threshold)
    hashes = query_hashes(load_picture(image))
    matches = open_registry(str(root)).match_any([q for q, _ in hashes], threshold)
    return MatchResult(bytes(hashes[0][0]).hex(), hashes[0][1], matches)


def withdraw(root: str | Path, submission_id: str, secret: str) -> int:
    """Withdraw a registration with its PIN; its hashes are erased. Returns the number of hashes removed."""
    registry = open_registry(str(root))
    if not check_secret(secret, registry.secret_hash_of(submission_id)):
        raise GazoError("wrong_secret")
    return registry.withdraw(submission_id)
