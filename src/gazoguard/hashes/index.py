"""Exact radius search over 256-bit PDQ hashes by multi-index hashing (MIH), numpy only.

The 256 bits are split into 16 chunks of 16 bits.  If two hashes differ in at
most ``t`` bits, at least one chunk differs in at most ``t // 16`` bits
(pigeonhole), so probing every chunk value within that radius of the query's
chunk finds every true match; each candidate is then checked with the full
Hamming distance.  For the default ``t = 31`` a query probes 16 × 17 buckets;
with uniformly spread hashes a bucket holds N / 65 536 rows (~150 at 10 M).

Per chunk the row ids are stored sorted by chunk value together with bucket
offsets (a counting sort), so a probe is two array reads — no search.  All
arrays are ``.npy`` files opened memory-mapped: loading is instant and only the
pages a query touches are read.
"""

from __future__ import annotations

import itertools
import json
from functools import cache
from pathlib import Path

import numpy as np

from gazoguard.hashes.bits import HASH_BITS, HASH_BYTES, as_words, hamming

CHUNKS = 16
CHUNK_BITS = HASH_BITS // CHUNKS
BUCKETS = 1 << CHUNK_BITS
INDEX_FORMAT = "gazoguard.mih/1"


@cache
def _probe_masks(radius: int) -> np.ndarray:
    """All 16-bit masks with at most ``radius`` bits set."""
    masks = [0]
    for r in range(1, radius + 1):
        masks += [sum(1 << b for b in combo) for combo in itertools.combinations(range(CHUNK_BITS), r)]
    return np.array(masks, dtype=np.uint16)


def chunk_values(rows: np.ndarray) -> np.ndarray:
    """(N, 32) uint8 → (N, 16) uint16 chunk values (big-endian byte pairs)."""
    return np.ascontiguousarray(rows, dtype=np.uint8).reshape(-1, HASH_BYTES).view(">u2").astype(np.uint16)


class MIHIndex:
    def __init__(self, hashes: np.ndarray, ids: np.ndarray, offsets: np.ndarray) -> None:
        self.hashes = hashes  # (N, 32) uint8
        self.ids = ids  # (CHUNKS, N) uint32: row ids sorted by chunk value
        self.offsets = offsets  # (CHUNKS, BUCKETS + 1) int64: bucket starts
        self._words = as_words(hashes) if len(hashes) else np.zeros((0, 4), np.uint64)
        self._flat_ids = ids.reshape(-1)

    def __len__(self) -> int:
        return int(self.hashes.shape[0])

    @classmethod
    def build(cls, hashes: np.ndarray) -> "MIHIndex":
        hashes = np.ascontiguousarray(hashes, dtype=np.uint8).reshape(-1, HASH_BYTES)
        n = hashes.shape[0]
        if n >= 2**32:
            raise ValueError("at most 2**32 - 1 hashes per index")
        ids = np.empty((CHUNKS, n), dtype=np.uint32)
        offsets = np.zeros((CHUNKS, BUCKETS + 1), dtype=np.int64)
        words = hashes.view(">u2")
        for c in range(CHUNKS):
            keys = np.ascontiguousarray(words[:, c]).astype(np.uint16)
            ids[c] = np.argsort(keys, kind="stable")  # radix sort for 16-bit keys
            np.cumsum(np.bincount(keys, minlength=BUCKETS), out=offsets[c, 1:])
        return cls(hashes, ids, offsets)

    def save(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / "hashes.npy", self.hashes)
        np.save(directory / "ids.npy", self.ids)
        np.save(directory / "offsets.npy", self.offsets)
        meta = {"format": INDEX_FORMAT, "count": len(self), "chunks": CHUNKS}
        (directory / "meta.json").write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, *, mmap: bool = True) -> "MIHIndex":
        directory = Path(directory)
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != INDEX_FORMAT or meta.get("chunks") != CHUNKS:
            raise ValueError(f"unknown index format {meta.get('format')!r}")
        mode = "r" if mmap else None
        hashes = np.load(directory / "hashes.npy", mmap_mode=mode)
        ids = np.load(directory / "ids.npy", mmap_mode=mode)
        offsets = np.load(directory / "offsets.npy")
        if hashes.shape != (meta["count"], HASH_BYTES) or ids.shape != (CHUNKS, meta["count"]):
            raise ValueError("index arrays do not match meta.json")
        return cls(hashes, ids, offsets)

    def search(self, query: np.ndarray, threshold: int) -> tuple[np.ndarray, np.ndarray]:
        """Row ids within ``threshold`` bits of ``query`` (32 bytes) and their distances, nearest first."""
        n = len(self)
        if n == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.int32)
        masks = _probe_masks(threshold // CHUNKS)
        qchunks = chunk_values(query.reshape(1, HASH_BYTES))[0]
        keys = (qchunks[:, None] ^ masks[None, :]).astype(np.int64)  # (CHUNKS, M)
        rows = np.arange(CHUNKS)[:, None]
        starts = self.offsets[rows, keys].ravel()
        lengths = self.offsets[rows, keys + 1].ravel() - starts
        total = int(lengths.sum())
        if total == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.int32)
        flat_starts = starts + np.repeat(np.arange(CHUNKS, dtype=np.int64) * n, masks.size)
        run_begin = np.cumsum(lengths) - lengths
        positions = np.repeat(flat_starts - run_begin, lengths) + np.arange(total, dtype=np.int64)
        candidates = np.asarray(self._flat_ids[positions], dtype=np.int64)
        distances = np.bitwise_count(self._words[candidates] ^ as_words(query)).sum(axis=1, dtype=np.int32)
        hit = distances <= threshold
        found, first = np.unique(candidates[hit], return_index=True)
        found_d = distances[hit][first]
        order = np.argsort(found_d, kind="stable")
        return found[order], found_d[order]


def brute_force_search(
    hashes: np.ndarray, query: np.ndarray, threshold: int, *, block: int = 1 << 20
) -> tuple[np.ndarray, np.ndarray]:
    """The baseline: Hamming distance to every row (in blocks, to bound memory)."""
    ids, dists = [], []
    for start in range(0, len(hashes), block):
        d = hamming(np.asarray(hashes[start : start + block]), query)
        hit = np.nonzero(d <= threshold)[0]
        ids.append(hit + start)
        dists.append(d[hit])
    if not ids:
        return np.zeros(0, np.int64), np.zeros(0, np.int32)
    found, found_d = np.concatenate(ids).astype(np.int64), np.concatenate(dists)
    order = np.argsort(found_d, kind="stable")
    return found[order], found_d[order]
