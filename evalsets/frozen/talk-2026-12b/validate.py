#!/usr/bin/env python3
"""Validate talk-2026-12b: schema, label consistency, screenshots, and (--counts) print counts."""
import collections, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ACTS = ["picture_request", "money_demand", "threat_spread", "deadline", "claims_to_hold", "secrecy",
        "age_probe", "age_claim", "move_platform", "meet_offline", "offer_to_minor", "impersonation",
        "pressure"]
LEVELS = ["safe", "caution", "danger", "block"]
LANGS = ["ja", "en", "mixed"]
HARMFUL_ONLY = {"threat_spread", "claims_to_hold", "deadline", "secrecy", "meet_offline",
                "offer_to_minor", "impersonation", "pressure"}


def main():
    errs = []
    rows = [json.loads(l) for l in open(os.path.join(HERE, "conversations.jsonl"), encoding="utf-8")]
    meta = json.load(open(os.path.join(HERE, "meta.json"), encoding="utf-8"))
    ids = set()
    for r in rows:
        i = r.get("id", "?")
        if set(r) - {"id", "lang", "level", "acts", "situation", "messages", "screenshot"}:
            errs.append(f"{i}: unknown keys")
        if i in ids:
            errs.append(f"{i}: duplicate id")
        ids.add(i)
        if not re.fullmatch(r"tb\d{3}-(ja|en|mixed)-[a-z0-9-]+", i) or i.split("-")[1] != r["lang"]:
            errs.append(f"{i}: bad id")
        if r["lang"] not in LANGS or r["level"] not in LEVELS:
            errs.append(f"{i}: bad lang/level")
        if r["acts"] != sorted(set(r["acts"])) or any(a not in ACTS for a in r["acts"]):
            errs.append(f"{i}: acts not sorted/unique/known")
        if not r["situation"].strip():
            errs.append(f"{i}: empty situation")
        if len(r["messages"]) < 3:
            errs.append(f"{i}: fewer than 3 messages")
        for m in r["messages"]:
            if set(m) != {"role", "name", "time", "text"} or m["role"] not in ("other", "self") \
                    or not re.fullmatch(r"\d\d:\d\d", m["time"]) or not m["text"].strip():
                errs.append(f"{i}: bad message {m}")
        if not any(m["role"] == "other" for m in r["messages"]):
            errs.append(f"{i}: no other-side message")
        acts = set(r["acts"])
        lv = r["level"]
        if lv == "safe" and acts - {"age_claim"}:
            errs.append(f"{i}: safe with acts {sorted(acts)}")
        if lv in ("danger", "block") and not acts - {"age_claim"}:
            errs.append(f"{i}: harmful without acts")
        if lv == "caution" and (acts & HARMFUL_ONLY):
            errs.append(f"{i}: caution with harmful-only act {sorted(acts & HARMFUL_ONLY)}")
        if lv == "caution" and not acts:
            errs.append(f"{i}: caution without acts")
        if "threat_spread" in acts and lv not in ("danger", "block"):
            errs.append(f"{i}: threat_spread below danger")
        if ("threat_spread" in acts or "claims_to_hold" in acts) and \
                ({"money_demand", "picture_request"} & acts) and lv != "block":
            errs.append(f"{i}: sextortion not block")
        if "age_claim" in acts and ({"picture_request", "offer_to_minor"} & acts) and lv != "block":
            errs.append(f"{i}: minor + picture request / offer not block")
        if "screenshot" in r:
            p = os.path.join(HERE, r["screenshot"])
            if r["screenshot"] != f"screenshots/{i}.png":
                errs.append(f"{i}: screenshot path")
            elif not os.path.exists(p) and "--no-png" not in sys.argv:
                errs.append(f"{i}: screenshot missing")
            elif os.path.exists(p) and os.path.getsize(p) > 400_000:
                errs.append(f"{i}: screenshot > 400 KB")
            if meta["screenshots"].get(i) is None:
                errs.append(f"{i}: screenshot theme missing in meta")
    for i in meta["hard_negatives"]:
        r = next((x for x in rows if x["id"] == i), None)
        if r is None or r["level"] != "safe":
            errs.append(f"hard negative {i} missing or not safe")
    if set(meta["screenshots"]) - {r["id"] for r in rows if "screenshot" in r}:
        errs.append("meta screenshots without conversation")
    if "--counts" in sys.argv:
        counts(rows, meta)
    for e in errs:
        print("ERROR", e)
    print(f"{len(rows)} conversations, {len(errs)} errors")
    sys.exit(1 if errs else 0)


def counts(rows, meta):
    n = len(rows)
    lv = collections.Counter(r["level"] for r in rows)
    print("| level | n | share |\n|---|---|---|")
    for l in LEVELS:
        print(f"| {l} | {lv[l]} | {100 * lv[l] / n:.1f} % |")
    h = lv["danger"] + lv["block"]
    print(f"| harmful (danger+block) | {h} | {100 * h / n:.1f} % |\n| total | {n} | |\n")
    print("| language | n | share | safe | caution | danger | block |\n|---|---|---|---|---|---|---|")
    for g in LANGS:
        rs = [r for r in rows if r["lang"] == g]
        c = collections.Counter(r["level"] for r in rs)
        print(f"| {g} | {len(rs)} | {100 * len(rs) / n:.1f} % | " + " | ".join(str(c[l]) for l in LEVELS) + " |")
    print("\n| act | conversations | in harmful | in caution | in safe |\n|---|---|---|---|---|")
    for a in ACTS:
        rs = [r for r in rows if a in r["acts"]]
        c = collections.Counter(r["level"] for r in rs)
        print(f"| {a} | {len(rs)} | {c['danger'] + c['block']} | {c['caution']} | {c['safe']} |")
    sh = [r for r in rows if "screenshot" in r]
    c = collections.Counter(r["level"] for r in sh)
    g = collections.Counter(r["lang"] for r in sh)
    t = collections.Counter(meta["screenshots"].values())
    print(f"\nscreenshots {len(sh)}: " + ", ".join(f"{l} {c[l]}" for l in LEVELS) + "; "
          + ", ".join(f"{x} {g[x]}" for x in LANGS) + "; themes " + ", ".join(f"{k} {v}" for k, v in sorted(t.items())))
    hn = len(meta["hard_negatives"])
    print(f"hard negatives {hn} of {lv['safe']} safe ({100 * hn / max(1, lv['safe']):.0f} %)")
    ms = [len(r["messages"]) for r in rows]
    print(f"messages per conversation: min {min(ms)}, max {max(ms)}, mean {sum(ms) / n:.1f}; "
          f">= 20 messages: {sum(1 for x in ms if x >= 20)}")


if __name__ == "__main__":
    main()
