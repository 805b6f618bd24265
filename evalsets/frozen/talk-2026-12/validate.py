"""Validate the frozen set: schema, label vocabulary, minimum counts, screenshots, checksums.

Run:  /work/main/.venv/bin/python validate.py [--counts]
Exit status 0 when everything holds. --counts prints the Markdown count tables used in README.md.
"""
from __future__ import annotations

import collections
import hashlib
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ACTS = ["picture_request", "money_demand", "threat_spread", "deadline", "claims_to_hold", "secrecy",
        "age_probe", "age_claim", "move_platform", "meet_offline", "offer_to_minor", "impersonation", "pressure"]
LEVELS = ["safe", "caution", "danger", "block"]
LANGS = ["ja", "en", "mixed"]
KEYS = {"id", "lang", "level", "acts", "situation", "messages"}
TIME = re.compile(r"^\d{2}:\d{2}$")


def main():
    errors = []
    rows = []
    for n, line in enumerate((HERE / "conversations.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: {e}")
            continue
        rows.append(r)
        missing = KEYS - set(r)
        extra = set(r) - KEYS - {"screenshot"}
        if missing or extra:
            errors.append(f"{r.get('id')}: keys missing {missing} extra {extra}")
        if r.get("lang") not in LANGS:
            errors.append(f"{r['id']}: lang {r.get('lang')}")
        if r.get("level") not in LEVELS:
            errors.append(f"{r['id']}: level {r.get('level')}")
        acts = r.get("acts", [])
        if any(a not in ACTS for a in acts) or acts != sorted(set(acts)):
            errors.append(f"{r['id']}: acts {acts}")
        msgs = r.get("messages", [])
        if not 3 <= len(msgs) <= 40:
            errors.append(f"{r['id']}: {len(msgs)} messages")
        for m in msgs:
            if m.get("role") not in ("other", "self") or not m.get("name") or not TIME.match(m.get("time", "")) \
                    or not isinstance(m.get("text"), str) or not m["text"]:
                errors.append(f"{r['id']}: bad message {m}")
        if "screenshot" in r:
            p = HERE / r["screenshot"]
            if r["screenshot"] != f"screenshots/{r['id']}.png" or not p.is_file():
                errors.append(f"{r['id']}: screenshot {r['screenshot']} missing")
            elif p.stat().st_size > 400 * 1024 or p.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
                errors.append(f"{r['id']}: screenshot too large or not PNG")
    ids = [r["id"] for r in rows]
    if len(ids) != len(set(ids)):
        errors.append("duplicate ids")
    n = len(rows)
    lv = collections.Counter(r["level"] for r in rows)
    ac = collections.Counter(a for r in rows for a in r["acts"])
    shots = sum(1 for r in rows if "screenshot" in r)
    if n < 320:
        errors.append(f"only {n} conversations")
    if (lv["danger"] + lv["block"]) / n < 0.45:
        errors.append("harmful share below 45 %")
    if lv["caution"] / n < 0.15:
        errors.append("caution share below 15 %")
    for a in ACTS:
        if ac[a] < 20:
            errors.append(f"act {a} only in {ac[a]} conversations")
    if shots < 40:
        errors.append(f"only {shots} screenshots")
    meta = json.loads((HERE / "meta.json").read_text(encoding="utf-8"))
    safe = {r["id"] for r in rows if r["level"] == "safe"}
    hard = set(meta["hard_negatives"])
    if not hard <= safe or len(hard) < 0.35 * len(safe):
        errors.append("hard negatives must be safe and >= 35 % of safe")
    # checksums
    sums = HERE / "SHA256SUMS"
    if sums.exists():
        listed = {}
        for line in sums.read_text().splitlines():
            h, name = line.split("  ", 1)
            listed[name] = h
        files = sorted(str(p.relative_to(HERE)) for p in HERE.rglob("*") if p.is_file() and p.name != "SHA256SUMS")
        if sorted(listed) != files:
            errors.append(f"SHA256SUMS lists a different set of files: {set(files) ^ set(listed)}")
        for name, h in listed.items():
            p = HERE / name
            if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() != h:
                errors.append(f"checksum mismatch {name}")
    else:
        print("(no SHA256SUMS yet)")
    if "--counts" in sys.argv:
        counts(rows, hard)
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print(f"ok: {n} conversations, {shots} screenshots, all acts >= 20")


def counts(rows, hard):
    n = len(rows)
    print("| level | n | share |\n|---|---|---|")
    lv = collections.Counter(r["level"] for r in rows)
    for k in LEVELS:
        print(f"| {k} | {lv[k]} | {100 * lv[k] / n:.1f} % |")
    h = lv["danger"] + lv["block"]
    print(f"| harmful (danger+block) | {h} | {100 * h / n:.1f} % |\n| total | {n} | |\n")
    print("| language | n | share | safe | caution | danger | block |\n|---|---|---|---|---|---|---|")
    for lg in LANGS:
        sub = [r for r in rows if r["lang"] == lg]
        c = collections.Counter(r["level"] for r in sub)
        print(f"| {lg} | {len(sub)} | {100 * len(sub) / n:.1f} % | " + " | ".join(str(c[k]) for k in LEVELS) + " |")
    print("\n| act | conversations | in harmful | in caution | in safe |\n|---|---|---|---|---|")
    for a in ACTS:
        sub = [r for r in rows if a in r["acts"]]
        c = collections.Counter(r["level"] for r in sub)
        print(f"| {a} | {len(sub)} | {c['danger'] + c['block']} | {c['caution']} | {c['safe']} |")
    shots = [r for r in rows if "screenshot" in r]
    c = collections.Counter(r["level"] for r in shots)
    cl = collections.Counter(r["lang"] for r in shots)
    print(f"\nscreenshots {len(shots)}: " + ", ".join(f"{k} {c[k]}" for k in LEVELS) + "; "
          + ", ".join(f"{k} {cl[k]}" for k in LANGS))
    safe = sum(1 for r in rows if r["level"] == "safe")
    print(f"hard negatives {len(hard)} of {safe} safe ({100 * len(hard) / safe:.0f} %)")
    lens = [len(r["messages"]) for r in rows]
    print(f"messages per conversation: min {min(lens)}, max {max(lens)}, mean {sum(lens) / n:.1f}; "
          f">= 20 messages: {sum(1 for x in lens if x >= 20)}")


if __name__ == "__main__":
    main()
