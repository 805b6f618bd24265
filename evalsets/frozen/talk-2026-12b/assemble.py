#!/usr/bin/env python3
"""Assemble talk-2026-12b from the hand-written source/*.txt files.

Source format (one block per conversation):
  === slug | lang | level | acts,comma,separated | HH:MM | self=Name | other=Name [| hn] [| shot=theme]
  # situation line
  > text                 message from the default other-side name
  >[Name] text           message from a named other-side participant (group chats)
  < text                 message from the self side
  [HH:MM] may prefix any message line to give its time explicitly.
Blank lines and lines starting with // are ignored.

The script only parses, adds times (start time plus small deterministic gaps), shuffles with a
fixed seed, assigns ids tbNNN-<lang>-<slug>, and refuses duplicate slugs and any other-side
sentence (>= 14 chars after NFKC) that occurs in two conversations.
"""
import collections, glob, hashlib, json, os, random, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ACTS = {"picture_request", "money_demand", "threat_spread", "deadline", "claims_to_hold", "secrecy",
        "age_probe", "age_claim", "move_platform", "meet_offline", "offer_to_minor", "impersonation",
        "pressure"}
LEVELS = {"safe", "caution", "danger", "block"}
LANGS = {"ja", "en", "mixed"}
THEMES = {"line", "insta", "dark", "sms", "discord", "kakao"}
SEED = 20261204


def die(msg):
    print("assemble: " + msg, file=sys.stderr)
    sys.exit(1)


def parse(path):
    convs, cur = [], None
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        where = f"{os.path.basename(path)}:{n}"
        if not line.strip() or line.startswith("//"):
            continue
        if line.startswith("==="):
            parts = [p.strip() for p in line[3:].split("|")]
            if len(parts) < 7:
                die(f"{where}: short header")
            slug, lang, level, acts, start = parts[:5]
            opts = {}
            for p in parts[5:]:
                if "=" in p:
                    k, v = p.split("=", 1)
                    opts[k.strip()] = v.strip()
                else:
                    opts[p] = True
            acts = sorted({a.strip() for a in acts.split(",") if a.strip() and a.strip() != "-"})
            if lang not in LANGS or level not in LEVELS or not re.fullmatch(r"\d\d:\d\d", start):
                die(f"{where}: bad header fields")
            for a in acts:
                if a not in ACTS:
                    die(f"{where}: unknown act {a}")
            if "self" not in opts or "other" not in opts:
                die(f"{where}: header needs self= and other=")
            shot = opts.get("shot")
            if shot and shot not in THEMES:
                die(f"{where}: unknown theme {shot}")
            cur = {"slug": slug, "lang": lang, "level": level, "acts": acts, "start": start,
                   "self": opts["self"], "other": opts["other"], "hn": bool(opts.get("hn")),
                   "shot": shot, "situation": None, "raw": [], "where": where}
            convs.append(cur)
            continue
        if cur is None:
            die(f"{where}: text before first header")
        if line.startswith("#"):
            cur["situation"] = line[1:].strip()
            continue
        t = None
        m = re.match(r"\[(\d\d:\d\d)\]\s*", line)
        if m:
            t, line = m.group(1), line[m.end():]
        if line.startswith(">"):
            body = line[1:]
            m = re.match(r"\[([^\]]+)\]\s?", body)
            if m:
                name, body = m.group(1), body[m.end():]
            else:
                name = cur["other"]
            cur["raw"].append(("other", name, t, body.strip()))
        elif line.startswith("<"):
            cur["raw"].append(("self", cur["self"], t, line[1:].strip()))
        else:
            die(f"{where}: cannot parse line: {line[:40]}")
    return convs


def add_times(c):
    h, m = map(int, c["start"].split(":"))
    tot = h * 60 + m
    out = []
    for i, (role, name, t, text) in enumerate(c["raw"]):
        if t:
            hh, mm = map(int, t.split(":"))
            tot = hh * 60 + mm
        elif i:
            d = int(hashlib.sha1(f"{c['slug']}/{i}".encode()).hexdigest(), 16) % 4
            tot += d
        tot %= 24 * 60
        out.append({"role": role, "name": name, "time": f"{tot // 60:02d}:{tot % 60:02d}", "text": text})
    return out


def sentences(text):
    t = unicodedata.normalize("NFKC", text)
    for s in re.split(r"[。！？!?\n]+|(?<=[.])\s+", t):
        s = s.strip(" 　.、,…")
        if len(s) >= 14:
            yield s


# words that would hint at the level or the acts are left out of the id
HINT = {"en", "mx", "ja", "hn", "safe", "caution", "danger", "block", "harmful", "sextort", "sextort2",
        "threat", "grooming", "pressure", "fake", "impostor", "scam", "lure", "spread", "secret",
        "deadline", "only", "blackmail", "nudes", "kakin", "papakatsu", "papa", "hanbetsu", "stalker",
        "ribeporu", "sarashi", "advice", "warning", "keikoku", "quote", "joke", "risky", "self",
        "impersonation", "police", "cop", "recorded", "meet", "crypto", "gift", "kakin"}


def id_slug(slug):
    toks = [t for t in slug.split("-") if t not in HINT and not t.isdigit()]
    return "-".join(toks) or "chat"


def main():
    convs = []
    for p in sorted(glob.glob(os.path.join(HERE, "source", "*.txt"))):
        convs.extend(parse(p))
    slugs, seen = set(), {}
    for c in convs:
        if c["slug"] in slugs:
            die(f"duplicate slug {c['slug']}")
        slugs.add(c["slug"])
        if not c["situation"] or len(c["raw"]) < 3:
            die(f"{c['where']}: needs a situation and at least 3 messages")
        for role, _, _, text in c["raw"]:
            if role != "other":
                continue
            for s in set(sentences(text)):
                if s in seen and seen[s] != c["slug"]:
                    die(f"other-side sentence shared by {seen[s]} and {c['slug']}: {s}")
                seen[s] = c["slug"]
    used = collections.Counter()
    for c in convs:  # source order; repeated id slugs get -2, -3, ...
        base = id_slug(c["slug"])
        used[base] += 1
        c["idslug"] = base if used[base] == 1 else f"{base}-{used[base]}"
    if len({c["idslug"] for c in convs}) != len(convs):
        die("id slugs collide")
    rnd = random.Random(SEED)
    rnd.shuffle(convs)
    rows, meta = [], {"set": "talk-2026-12b", "seed": SEED, "hard_negatives": [], "screenshots": {}}
    for i, c in enumerate(convs, 1):
        cid = f"tb{i:03d}-{c['lang']}-{c['idslug']}"
        row = {"id": cid, "lang": c["lang"], "level": c["level"], "acts": c["acts"],
               "situation": c["situation"], "messages": add_times(c)}
        if c["shot"]:
            row["screenshot"] = f"screenshots/{cid}.png"
            meta["screenshots"][cid] = c["shot"]
        if c["hn"]:
            meta["hard_negatives"].append(cid)
        rows.append(row)
    with open(os.path.join(HERE, "conversations.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"assembled {len(rows)} conversations, {len(meta['screenshots'])} screenshots, "
          f"{len(meta['hard_negatives'])} hard negatives")


if __name__ == "__main__":
    main()
