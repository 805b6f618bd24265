"""The MIH index finds exactly what brute force finds, and survives a save/load round trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from gazoguard.hashes.index import LARGE_LAYOUT, MIHIndex, brute_force_search


def _near(rng: np.random.Generator, row: np.ndarray, flips: int) -> np.ndarray:
    bits = np.unpackbits(row)
    bits[rng.choice(256, flips, replace=False)] ^= 1
    return np.packbits(bits)


@pytest.mark.parametrize(
    ("threshold", "sizes"),
    [
        (0, None), (15, None), (31, None), (40, None), (31, (20,) * 12 + (16,)),
        pytest.param(31, LARGE_LAYOUT, marks=pytest.mark.slow),  # 350 MB of bucket offsets: ~10 s
    ],
)
def test_mih_equals_brute_force(tmp_path: Path, threshold: int, sizes: tuple[int, ...] | None) -> None:
    rng = np.random.default_rng(threshold)
    hashes = rng.integers(0, 256, (20_000, 32), dtype=np.uint8)
    # planted clusters so that there is something to find at every distance
    for i in range(200):
        hashes[20_000 - 1 - i] = _near(rng, hashes[i % 50], int(rng.integers(0, 48)))
    MIHIndex.build(hashes, sizes).save(tmp_path / "ix")
    index = MIHIndex.load(tmp_path / "ix")
    found_any = 0
    for i in range(60):
        query = _near(rng, hashes[i % 50], int(rng.integers(0, 40)))
        got_ids, got_d = index.search(query, threshold)
        exp_ids, exp_d = brute_force_search(hashes, query, threshold)
        assert sorted(zip(got_ids.tolist(), got_d.tolist())) == sorted(zip(exp_ids.tolist(), exp_d.tolist()))
        found_any += len(got_ids)
    assert found_any > 0


def test_empty_index() -> None:
    index = MIHIndex.build(np.zeros((0, 32), np.uint8))
    ids, d = index.search(np.zeros(32, np.uint8), 31)
    assert ids.size == 0 and d.size == 0


@pytest.mark.parametrize("sizes", [None, (20,) * 12 + (16,)])
def test_streamed_build_writes_the_same_index(
    tmp_path: Path, sizes: tuple[int, ...] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gazoguard.hashes.index as index_module

    monkeypatch.setattr(index_module, "_BLOCK_ROWS", 777)  # several blocks, the last one partial
    rng = np.random.default_rng(5)
    hashes = rng.integers(0, 256, (5_000, 32), dtype=np.uint8)
    hashes[:100] = hashes[100:200]  # duplicates share buckets
    hashes.tofile(tmp_path / "rows.bin")
    rows = np.memmap(tmp_path / "rows.bin", dtype=np.uint8, mode="r").reshape(-1, 32)
    MIHIndex.build(hashes, sizes).save(tmp_path / "in-memory")
    streamed = MIHIndex.build_to(tmp_path / "streamed", rows, sizes)
    for name in ("hashes.npy", "offsets.npy", "meta.json"):
        assert (tmp_path / "in-memory" / name).read_bytes() == (tmp_path / "streamed" / name).read_bytes()
    # ids within one bucket may come in any order: compare each bucket as a set via the search results
    reference = MIHIndex.load(tmp_path / "in-memory")
    for q in hashes[::250]:
        got, exp = streamed.search(q, 31), reference.search(q, 31)
        assert sorted(zip(got[0].tolist(), got[1].tolist())) == sorted(zip(exp[0].tolist(), exp[1].tolist()))
