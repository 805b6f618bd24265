"""Score a conversation checker on a frozen talk set (conversations.jsonl), with any tree's talk API.

Used for the *before* figures of issue 19 on the tree that had only the pattern labels: its labels are
mapped to the act names where one stands for another (threat → threat_spread, extortion → money_demand, …);
acts it has no label for count as missed. Run from a tree: ``PYTHONPATH=TREE/src python bench/talk_frozen_before.py SET``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from gazoguard.talk import check_conversation

OLD_LABEL_ACTS = {
    "threat": {"threat_spread"},
    "extortion": {"money_demand"},
    "payment_request": {"money_demand"},
    "luring": {"move_platform"},
    "contact_share": {"move_platform"},
    "sexual_request": {"picture_request"},
    "minor_sign": {"age_claim"},
    "pressure": {"pressure"},
    "age_check": {"age_probe"},
}
HARMFUL = {"danger", "block"}


def acts_of(result) -> set[str]:
    if hasattr(result, "acts"):
        return set(result.acts)
    acts: set[str] = set()
    for message in result.messages:
        for label in message.labels:
            acts |= OLD_LABEL_ACTS.get(label, set())
    return acts


def main(folder: str) -> None:
    rows = [json.loads(line) for line in (Path(folder) / "conversations.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    tp = fp = fn = tn = exact = 0
    act_tp, act_n, act_fp = Counter(), Counter(), Counter()
    for row in rows:
        result = check_conversation([{"speaker": m["role"], "role": m["role"], "text": m["text"]} for m in row["messages"]])
        got = result.level.value
        exact += got == row["level"]
        want_h, got_h = row["level"] in HARMFUL, got in HARMFUL
        tp += want_h and got_h
        fn += want_h and not got_h
        fp += got_h and not want_h
        tn += not want_h and not got_h
        found = acts_of(result)
        for act in row["acts"]:
            act_n[act] += 1
            act_tp[act] += act in found
        for act in found - set(row["acts"]):
            act_fp[act] += 1
    n = len(rows)
    print(json.dumps({
        "conversations": n,
        "harmful": tp + fn,
        "recall": round(tp / (tp + fn), 3) if tp + fn else None,
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "level_accuracy": round(exact / n, 3),
        "per_act_recall": {a: f"{act_tp[a]}/{act_n[a]} = {act_tp[a] / act_n[a]:.2f}" for a in sorted(act_n)},
        "per_act_false": dict(sorted(act_fp.items())),
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
