"""What a check looked at, and what it did not: every kind of the catalogue, checked / failed / not checked.

A ◎ safe verdict is only about what was looked at. The report says, kind by kind,
which detector looked (and answered), which failed or timed out, and which
kinds nothing looked for at all — rooms, windows, reflections, marks, uniforms —
so a person knows what to check with their own eyes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gazoguard.core.catalogue import kind_info, kinds
from gazoguard.core.finding import DetectorRun, RunStatus

NO_DETECTOR = "no_detector"  # gazoguard has no detector for this kind yet
NOT_SELECTED = "not_selected"  # a detector exists but was not run in this check


@dataclass(frozen=True)
class Coverage:
    checked: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]  # (kind, detector that failed or timed out)
    not_checked: tuple[tuple[str, str], ...]  # (kind, NO_DETECTOR | NOT_SELECTED)

    @property
    def complete(self) -> bool:
        return not self.failed and not self.not_checked

    def to_dict(self) -> dict[str, Any]:
        return {
            "checked": list(self.checked),
            "failed": [{"kind": k, "detector": d, **_label(k)} for k, d in self.failed],
            "not_checked": [{"kind": k, "reason": r, **_label(k)} for k, r in self.not_checked],
        }

    def labels(self, which: str, lang: str = "ja") -> list[str]:
        """The catalogue labels of the ``failed`` or ``not_checked`` kinds, in catalogue order."""
        entries = self.failed if which == "failed" else self.not_checked
        info = [kind_info(kind) for kind, _ in entries]
        return [i.ja if lang == "ja" else i.en for i in info]


def _label(kind: str) -> dict[str, str]:
    info = kind_info(kind)
    return {"ja": info.ja, "en": info.en}


def coverage_of(
    declared: Mapping[str, frozenset[str]],
    runs: Sequence[DetectorRun],
    registered: frozenset[str] = frozenset(),
) -> Coverage:
    """``declared``: the kinds each detector of this check may emit; ``registered``: the kinds any
    detector of the engine may emit (to tell "not run this time" from "nothing looks for it")."""
    status = {run.name: run.status for run in runs}
    checked, failed, not_checked = [], [], []
    for kind in kinds():
        lookers = [name for name, emitted in declared.items() if kind in emitted]
        answered = [name for name in lookers if status.get(name) is RunStatus.OK]
        if answered:
            checked.append(kind)
        elif lookers:
            failed.append((kind, lookers[0]))
        else:
            not_checked.append((kind, NOT_SELECTED if kind in registered else NO_DETECTOR))
    return Coverage(tuple(checked), tuple(failed), tuple(not_checked))
