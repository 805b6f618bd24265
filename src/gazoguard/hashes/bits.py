"""256-bit PDQ hashes as 32 bytes, hex in the canonical PDQ spelling, Hamming distance.

pdqhash returns 256 bits most-significant first, so ``np.packbits`` gives the
big-endian bytes whose hex is the string ThreatExchange / HMA tools exchange.
"""

from __future__ import annotations

import numpy as np

HASH_BYTES = 32
HASH_BITS = 256


def bits_to_bytes(bits: np.ndarray) -> np.ndarray:
    return np.packbits(np.asarray(bits, dtype=np.uint8).reshape(HASH_BITS))


def bytes_to_hex(row: np.ndarray) -> str:
    return bytes(np.asarray(row, dtype=np.uint8)).hex()


def hex_to_bytes(text: str) -> np.ndarray:
    raw = bytes.fromhex(text)
    if len(raw) != HASH_BYTES:
        raise ValueError(f"a PDQ hash has {HASH_BYTES * 2} hex digits, got {len(text)}")
    return np.frombuffer(raw, dtype=np.uint8).copy()


def as_words(rows: np.ndarray) -> np.ndarray:
    """(N, 32) uint8 → (N, 4) uint64 view for fast XOR + popcount."""
    rows = np.ascontiguousarray(rows, dtype=np.uint8).reshape(-1, HASH_BYTES)
    return rows.view(np.uint64)


def hamming(rows: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Distances from ``query`` (32 bytes) to each of ``rows`` (N × 32 bytes)."""
    q = as_words(query.reshape(1, HASH_BYTES))
    return np.bitwise_count(as_words(rows) ^ q).sum(axis=1, dtype=np.int32)
