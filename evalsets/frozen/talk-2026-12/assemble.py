"""Assemble the hand-written conversations in source/*.txt into conversations.jsonl.

Source format (one conversation per block):

    === slug | lang | level | act act act | HH:MM | O=other name S=self name [| shot=theme]
    @ situation (free text)
    O: message from the other side
    S: message from the self side
    O[another name]: message from a second "other" participant (group chats)
    S@21:30: a message with an explicit time (later times continue from it)

Times without an explicit value advance from the start time by a small,
deterministic, per-conversation pseudo-random gap. Wording is never generated
here: every message text is taken verbatim from the source files.

Run:  /work/main/.venv/bin/python assemble.py        (writes conversations.jsonl, prints counts)
"""
from __future__ import annotations

import collections
import hashlib
import json
import pathlib
import random
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
ACTS = [
    "picture_request", "money_demand", "threat_spread", "deadline", "claims_to_hold",
    "secrecy", "age_probe", "age_claim", "move_platform", "meet_offline",
    "offer_to_minor", "impersonation", "pressure",
]
LEVELS = ["safe", "caution", "danger", "block"]
LANGS = ["ja", "en", "mixed"]
THEMES = {"line", "dark", "insta", "discord", "sms", "kakao"}

HEAD = re.compile(r"^===\s*(.+)$")
MSG = re.compile(r"^(O|S)(?:\[([^\]]+)\])?(?:@(\d{1,2}:\d{2}))?:\s?(.*)$")


def parse(path: pathlib.Path):
    convs, cur = [], None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        m = HEAD.match(line)
        if m:
            parts = [p.strip() for p in m.group(1).split("|")]
            if len(parts) < 6:
                sys.exit(f"{path}:{n}: header needs 6 fields: {line}")
            slug, lang, level, acts, start, names = parts[:6]
            extra = dict(p.split("=", 1) for p in parts[6:])
            nm = dict(re.findall(r"([OS])=([^=]+?)(?=\s+[OS]=|$)", names))
            cur = {"slug": slug, "lang": lang, "level": level,
                   "acts": [] if acts in ("-", "") else acts.split(),
                   "start": start, "O": nm.get("O", "相手"), "S": nm.get("S", "自分"),
                   "shot": extra.get("shot"), "hn": extra.get("hn") == "1", "pace": extra.get("pace", "normal"), "situation": "", "raw": [], "src": f"{path.name}:{n}"}
            convs.append(cur)
            continue
        if cur is None:
            sys.exit(f"{path}:{n}: text before first header")
        if line.startswith("@"):
            cur["situation"] = (cur["situation"] + " " + line[1:].strip()).strip()
            continue
        m = MSG.match(line)
        if not m:
            sys.exit(f"{path}:{n}: cannot parse: {line}")
        cur["raw"].append(m.groups())
    return convs


def times(conv):
    rnd = random.Random(hashlib.sha256(conv["slug"].encode()).digest())
    h, mi = map(int, conv["start"].split(":"))
    t = h * 60 + mi
    out = []
    for i, (_, _, explicit, _) in enumerate(conv["raw"]):
        if explicit:
            eh, em = map(int, explicit.split(":"))
            t = eh * 60 + em
        elif i:
            if conv["pace"] == "fast":   # a flood of short messages or a countdown
                t += rnd.choice([0, 0, 0, 1])
            else:
                t += rnd.choice([0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 6, 9])
        out.append(f"{(t // 60) % 24:02d}:{t % 60:02d}")
    return out


def expected_floor(acts):
    """A rough reading of the level rules from the acts alone, used only to
    point the writer at labels worth a second look (context decides)."""
    a = set(acts)
    hold = a & {"threat_spread", "claims_to_hold"}
    if hold and a & {"money_demand", "picture_request"}:
        return "block"
    if "age_claim" in a and a & {"picture_request", "offer_to_minor"}:
        return "block"
    if "threat_spread" in a or "offer_to_minor" in a:
        return "danger"
    if {"picture_request", "pressure"} <= a:
        return "danger"
    if a & {"move_platform", "meet_offline"} and a & {"picture_request", "money_demand", "age_claim", "age_probe", "impersonation", "offer_to_minor"}:
        return "danger"
    if "impersonation" in a and a & {"picture_request", "claims_to_hold", "age_probe"}:
        return "danger"
    if a & {"picture_request", "move_platform", "age_probe", "money_demand", "meet_offline", "impersonation", "secrecy", "pressure", "deadline", "claims_to_hold"}:
        return "caution"
    return "safe"


def main():
    convs = []
    for p in sorted((HERE / "source").glob("*.txt")):
        convs.extend(parse(p))
    # Source files are grouped by theme; shuffle (fixed seed) so that an id's
    # number says nothing about its level or language.
    random.Random(20261201).shuffle(convs)
    problems = []
    seen_slug = set()
    other_lines = collections.defaultdict(list)
    rows = []
    for i, c in enumerate(convs, 1):
        cid = f"t{i:03d}-{c['lang']}-{c['slug']}"
        if c["slug"] in seen_slug:
            problems.append(f"duplicate slug {c['slug']}")
        seen_slug.add(c["slug"])
        if c["lang"] not in LANGS:
            problems.append(f"{cid}: bad lang")
        if c["level"] not in LEVELS:
            problems.append(f"{cid}: bad level")
        for a in c["acts"]:
            if a not in ACTS:
                problems.append(f"{cid}: bad act {a}")
        if len(set(c["acts"])) != len(c["acts"]):
            problems.append(f"{cid}: repeated act")
        n = len(c["raw"])
        if not 3 <= n <= 40:
            problems.append(f"{cid}: {n} messages")
        if not c["situation"]:
            problems.append(f"{cid}: no situation")
        if c["shot"] and c["shot"] not in THEMES:
            problems.append(f"{cid}: bad theme {c['shot']}")
        fl = expected_floor(c["acts"])
        if fl != c["level"]:
            print(f"  [look] {cid}: level {c['level']} vs acts-reading {fl}  ({c['src']})")
        ts = times(c)
        msgs = []
        for (role, name, _, text), t in zip(c["raw"], ts):
            r = "other" if role == "O" else "self"
            msgs.append({"role": r, "name": name or c[role], "time": t, "text": text})
            if r == "other":
                key = unicodedata.normalize("NFKC", text).strip().lower()
                if len(key) >= 14:
                    other_lines[key].append(cid)
        row = {"id": cid, "lang": c["lang"], "level": c["level"],
               "acts": sorted(set(c["acts"])), "situation": c["situation"], "messages": msgs}
        if c["hn"] and c["level"] != "safe":
            problems.append(f"{cid}: hard negative must be safe")
        if c["hn"]:
            row["_hn"] = True
        if c["shot"]:
            row["screenshot"] = f"screenshots/{cid}.png"
            row["_theme"] = c["shot"]
        rows.append(row)
    for k, v in other_lines.items():
        if len(v) > 1:
            problems.append(f"same other-side sentence in {v}: {k[:40]}")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    themes = {r["id"]: r.pop("_theme") for r in rows if "_theme" in r}
    hard = [r["id"] for r in rows if r.pop("_hn", False)]
    with open(HERE / "conversations.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    meta = {"screenshot_themes": themes, "hard_negatives": sorted(hard)}
    (HERE / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    report(rows)
    print(f"  hard negatives {len(hard)} of {sum(1 for r in rows if r['level'] == 'safe')} safe")


def report(rows):
    n = len(rows)
    lv = collections.Counter(r["level"] for r in rows)
    la = collections.Counter(r["lang"] for r in rows)
    ac = collections.Counter(a for r in rows for a in r["acts"])
    print(f"conversations {n}")
    for k in LEVELS:
        print(f"  level {k:8s} {lv[k]:4d}  {100*lv[k]/n:5.1f}%")
    print(f"  harmful        {lv['danger']+lv['block']:4d}  {100*(lv['danger']+lv['block'])/n:5.1f}%")
    for k in LANGS:
        print(f"  lang  {k:8s} {la[k]:4d}  {100*la[k]/n:5.1f}%")
    for k in ACTS:
        print(f"  act   {k:16s} {ac[k]:4d}")
    print(f"  screenshots {sum(1 for r in rows if 'screenshot' in r)}")
    lens = [len(r["messages"]) for r in rows]
    print(f"  messages min {min(lens)} max {max(lens)} mean {sum(lens)/n:.1f}")


if __name__ == "__main__":
    main()
