"""Duplicate groups: the same bytes under several names, and near-duplicates by PDQ (the hash registry's code).

"The same licence photo 40 times" becomes one group.  Near-duplicates are distinct contents whose PDQ
hashes lie within :data:`~gazoguard.hashes.registry.DEFAULT_THRESHOLD` bits (re-encoded, resized or
lightly edited copies), found with the registry's multi-index search; flat pictures whose PDQ quality
is below :data:`~gazoguard.hashes.compute.LOW_QUALITY` say too little to be grouped by likeness.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from gazoguard.hashes.bits import hex_to_bytes
from gazoguard.hashes.compute import LOW_QUALITY
from gazoguard.hashes.index import MIHIndex
from gazoguard.hashes.registry import DEFAULT_THRESHOLD
from gazoguard.scan.ledger import Ledger

MAX_MEMBERS_SHOWN = 50


@dataclass(frozen=True)
class Group:
    kind: str  # exact | near
    count: int  # images (rows) in the group
    contents: int  # distinct SHA-256 in the group
    level: str  # the most serious level among its members
    members: tuple[tuple[str, str], ...]  # (source, path), at most MAX_MEMBERS_SHOWN

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "count": self.count, "contents": self.contents, "level": self.level,
                "members": [{"source": s, "path": p} for s, p in self.members]}


_LEVEL_ORDER = {"": 0, "safe": 1, "caution": 2, "danger": 3, "block": 4}


def find_groups(ledger: Ledger, *, threshold: int = DEFAULT_THRESHOLD) -> list[Group]:
    """Exact groups (one content, several names) and near groups (several contents), largest first."""
    contents = ledger.query(
        "SELECT sha256, COUNT(*), json_extract(MIN(row), '$.pdq'), json_extract(MIN(row), '$.pdq_quality') "
        "FROM results WHERE status='ok' GROUP BY sha256 ORDER BY sha256")
    shas = [c[0] for c in contents]
    parent = list(range(len(shas)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    usable = [i for i, c in enumerate(contents) if c[2] and (c[3] or 0) >= LOW_QUALITY]
    if len(usable) > 1:
        hashes = np.stack([hex_to_bytes(contents[i][2]) for i in usable])
        index = MIHIndex.build(hashes)
        for position, i in enumerate(usable):
            found, _ = index.search(hashes[position], threshold)
            for other in found:
                a, b = root(i), root(usable[int(other)])
                if a != b:
                    parent[max(a, b)] = min(a, b)
    clusters: dict[int, list[int]] = {}
    for i in range(len(shas)):
        clusters.setdefault(root(i), []).append(i)
    groups = []
    for members in clusters.values():
        rows = sum(contents[i][1] for i in members)
        if rows < 2:
            continue
        groups.append(_group(ledger, [shas[i] for i in members], rows))
    return sorted(groups, key=lambda g: (-g.count, g.members))


def _group(ledger: Ledger, shas: list[str], rows: int) -> Group:
    marks = ",".join("?" * len(shas))
    found = ledger.query(
        f"SELECT source, path, json_extract(row, '$.level') FROM results WHERE sha256 IN ({marks}) "
        f"ORDER BY source, path LIMIT {MAX_MEMBERS_SHOWN}", tuple(shas))
    levels = ledger.query(f"SELECT DISTINCT json_extract(row, '$.level') FROM results WHERE sha256 IN ({marks})", tuple(shas))
    level = max((lv[0] or "" for lv in levels), key=lambda lv: _LEVEL_ORDER.get(lv, 0))
    return Group("exact" if len(shas) == 1 else "near", rows, len(shas), level, tuple((s, p) for s, p, _ in found))
