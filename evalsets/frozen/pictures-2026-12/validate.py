#!/usr/bin/env python3
"""Validate the frozen picture set ``pictures-2026-12`` (labels against images and against the
published check-digit rules).  Independent of generate.py: nothing is imported from it, every
rule is written again here.

    /work/main/.venv/bin/python validate.py            # checks; exit 1 on any error
    /work/main/.venv/bin/python validate.py --counts   # checks and the count tables
    /work/main/.venv/bin/python validate.py --no-qr    # skip the (slow) QR decoding

Needs Pillow and numpy; zxing-cpp (and optionally opencv) to confirm the QR payloads.
"""
import collections
import csv
import json
import os
import re
import sys

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = ["foreign_docs", "names", "addresses", "numbers", "screens", "small_qr", "faces"]
PII_KINDS = {"person_name", "address", "postcode", "phone", "email", "birthdate", "my_number",
             "credit_card", "passport", "drivers_licence", "insurance_number", "bank_account",
             "url", "sns_id"}
COLS = ["path", "category", "source_repo", "source_path", "source_commit", "license", "width", "height",
        "has_face", "face_count", "has_gps", "has_exif", "has_text_pii", "pii_kinds", "has_qr", "qr_payloads",
        "has_barcode", "is_screen", "is_document", "doc_kind", "nudity", "notes", "class"]
DOC_KINDS = {"id_card", "drivers_licence", "passport", "receipt", "invoice", "form", "business_card", "screen", "none"}
MASK = re.compile(r"[*Xx•●・]")

errors, warnings = [], []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


# ------------------------------------------------------------------ check-digit rules
def luhn_ok(digits):
    s = 0
    for i, ch in enumerate(reversed(digits)):
        v = int(ch)
        if i % 2:
            v = v * 2 - 9 if v > 4 else v * 2
        s += v
    return s % 10 == 0


def mynumber_ok(d):
    """Individual Number (My Number): 11 digits + check digit.  With P_n the n-th digit counted
    from the right of the first 11 and Q_n = n + 1 (n <= 6) or n - 5 (n >= 7):
    check = 0 if (sum P_n Q_n) mod 11 <= 1 else 11 - (sum mod 11)."""
    if not re.fullmatch(r"\d{12}", d):
        return False
    body = d[:11]
    s = sum(int(body[11 - n]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    r = s % 11
    return int(d[11]) == (0 if r <= 1 else 11 - r)


def corporate_ok(d13):
    """Corporate number (used after 'T' in invoice registration numbers): the FIRST digit is the
    check digit = 9 - (sum P_n Q_n mod 9), P_n the n-th of the other 12 digits from the right,
    Q_n = 1 for odd n, 2 for even n."""
    if not re.fullmatch(r"\d{13}", d13):
        return False
    base = d13[1:]
    s = sum(int(base[12 - n]) * (1 if n % 2 else 2) for n in range(1, 13))
    return int(d13[0]) == 9 - s % 9


def ean13_ok(d):
    if not re.fullmatch(r"\d{13}", d):
        return False
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(d[:12]))
    return (10 - s % 10) % 10 == int(d[12])


def cn_id_ok(s):
    """PRC resident identity number: ISO 7064 MOD 11-2 check character."""
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    w = [pow(2, 17 - i, 11) for i in range(17)]
    return "10X98765432"[sum(int(c) * x for c, x in zip(s[:17], w)) % 11] == s[17]


def kr_rrn_ok(s):
    """Korean resident / foreigner registration number (pre-2020 rule): weights 2..9,2..5,
    check = (11 - sum mod 11) mod 10."""
    d = re.sub(r"\D", "", s)
    if len(d) != 13:
        return False
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return (11 - sum(int(a) * b for a, b in zip(d, w)) % 11) % 10 == int(d[12])


def fr_nir_ok(s):
    d = re.sub(r"\D", "", s)
    return len(d) == 15 and 97 - int(d[:13]) % 97 == int(d[13:])


def icao_cd(field):
    w = (7, 3, 1)
    tot = 0
    for i, c in enumerate(field):
        if c.isdigit():
            v = int(c)
        elif "A" <= c <= "Z":
            v = ord(c) - ord("A") + 10
        elif c == "<":
            v = 0
        else:
            raise ValueError("bad MRZ character %r" % c)
        tot += v * w[i % 3]
    return str(tot % 10)


def _cd_ok(field, digit, allow_filler=False):
    if allow_filler and digit == "<" and set(field) <= {"<"}:
        return True
    return icao_cd(field) == digit


def mrz_failures(fmt, lines):
    """Names of the failing ICAO 9303 checks (empty list = all pass)."""
    bad = []
    if fmt == "TD3":
        l2 = lines[-1]
        if len(l2) != 44:
            return ["length"]
        if not _cd_ok(l2[0:9], l2[9]):
            bad.append("document number")
        if not _cd_ok(l2[13:19], l2[19]):
            bad.append("birth date")
        if not _cd_ok(l2[21:27], l2[27]):
            bad.append("expiry")
        if not _cd_ok(l2[28:42], l2[42], allow_filler=True):
            bad.append("personal number")
        if not _cd_ok(l2[0:10] + l2[13:20] + l2[21:43], l2[43]):
            bad.append("composite")
        if len(lines) == 2 and (len(lines[0]) != 44 or lines[0][0] != "P"):
            bad.append("line 1")
    elif fmt == "TD1":
        l1, l2 = lines[0], lines[1]
        if len(l1) != 30 or len(l2) != 30 or (len(lines) > 2 and len(lines[2]) != 30):
            return ["length"]
        if not _cd_ok(l1[5:14], l1[14]):
            bad.append("document number")
        if not _cd_ok(l2[0:6], l2[6]):
            bad.append("birth date")
        if not _cd_ok(l2[8:14], l2[14]):
            bad.append("expiry")
        if not _cd_ok(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29], l2[29]):
            bad.append("composite")
    elif fmt in ("MRV-A", "MRV-B"):
        n = 44 if fmt == "MRV-A" else 36
        l1, l2 = lines
        if len(l1) != n or len(l2) != n or l1[0] != "V":
            return ["length/type"]
        if not _cd_ok(l2[0:9], l2[9]):
            bad.append("document number")
        if not _cd_ok(l2[13:19], l2[19]):
            bad.append("birth date")
        if not _cd_ok(l2[21:27], l2[27]):
            bad.append("expiry")
    else:
        return ["unknown format %s" % fmt]
    return bad


def mrz_fields(fmt, lines):
    """(document number without filler, birth date YYMMDD, name field) read from an MRZ."""
    if fmt == "TD1":
        return lines[0][5:14].rstrip("<"), lines[1][0:6], lines[2].rstrip("<")
    return lines[1][0:9].rstrip("<"), lines[1][13:19], lines[0][5:].rstrip("<")


def is_mrz_line(t):
    return len(t) in (30, 36, 44) and re.fullmatch(r"[A-Z0-9<]+", t) is not None and "<" in t


# ------------------------------------------------------------------ helpers
def load_json(name):
    p = os.path.join(HERE, name)
    if not os.path.exists(p):
        err("%s missing" % name)
        return {}
    with open(p, encoding="utf-8") as fh:
        return json.load(fh)


def box_ok(box, w, h):
    if not (isinstance(box, list) and len(box) == 4 and all(isinstance(v, int) for v in box)):
        return False
    x0, y0, x1, y1 = box
    return 0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h


def digits(s):
    return re.sub(r"\D", "", s)


# ------------------------------------------------------------------ QR
def decode_qr(path, want):
    """Payloads zxing-cpp (and opencv, if present) can read: the whole picture at three scales,
    then, for codes still missing, overlapping tiles at 2x and 3x (small codes in big pictures)."""
    import numpy as np
    import zxingcpp
    im = Image.open(path).convert("RGB")
    found = collections.Counter()

    def read(img):
        got = collections.Counter(r.text for r in zxingcpp.read_barcodes(img, formats=zxingcpp.BarcodeFormat.QRCode))
        for k, v in got.items():          # a payload's count is the most seen in one view
            found[k] = max(found[k], v)

    def done():
        return all(found[q] >= 1 for q in want)

    for sc in (1.0, 1.5, 2.0):
        read(im if sc == 1 else im.resize((int(im.width * sc), int(im.height * sc)), Image.BICUBIC))
    try:
        import cv2
        ok, texts, _, _ = cv2.QRCodeDetector().detectAndDecodeMulti(cv2.cvtColor(np.array(im), cv2.COLOR_RGB2BGR))
        if ok:
            for k, v in collections.Counter(t for t in texts if t).items():
                found[k] = max(found[k], v)
    except Exception:
        pass
    for frac in (0.5, 0.34):
        if done():
            break
        tw, th = int(im.width * frac), int(im.height * frac)
        for y0 in range(0, max(1, im.height - th) + 1, max(1, th // 2)):
            for x0 in range(0, max(1, im.width - tw) + 1, max(1, tw // 2)):
                crop = im.crop((x0, y0, x0 + tw, y0 + th))
                for sc in (2, 3):
                    read(crop.resize((crop.width * sc, crop.height * sc), Image.BICUBIC))
    return found


# ------------------------------------------------------------------ main checks
def main(argv):
    do_qr = "--no-qr" not in argv
    show = "--counts" in argv
    with open(os.path.join(HERE, "manifest.csv"), newline="", encoding="utf-8") as fh:
        rd = csv.DictReader(fh)
        if rd.fieldnames != COLS:
            err("manifest columns differ: %s" % rd.fieldnames)
        rows = list(rd)
    texts = load_json("text.json")
    decoys = load_json("decoys.json")
    faces = load_json("face_boxes.json")
    mrz = load_json("mrz.json")
    paths = [r["path"] for r in rows]
    if len(set(paths)) != len(paths):
        err("duplicate manifest paths")
    pathset = set(paths)
    on_disk = set()
    for root, _, files in os.walk(os.path.join(HERE, "images")):
        for f in files:
            on_disk.add(os.path.relpath(os.path.join(root, f), HERE))
    for p in sorted(on_disk - pathset):
        err("file not in manifest: %s" % p)
    for name, obj in [("text.json", texts), ("decoys.json", decoys), ("face_boxes.json", faces), ("mrz.json", mrz)]:
        for k in obj:
            if k not in pathset:
                err("%s key %s is not a manifest row" % (name, k))

    stats = collections.defaultdict(collections.Counter)
    qr_report = []
    for r in rows:
        p = r["path"]
        fp = os.path.join(HERE, p)
        if not os.path.exists(fp):
            err("missing file %s" % p)
            continue
        with Image.open(fp) as im:
            w, h = im.size
            exif = im.getexif()
        if (str(w), str(h)) != (r["width"], r["height"]):
            err("%s: size %dx%d, manifest %sx%s" % (p, w, h, r["width"], r["height"]))
        if len(exif) and r["has_exif"] != "true":
            err("%s: has EXIF but has_exif=%s" % (p, r["has_exif"]))
        cls = r["class"]
        if cls not in CLASSES:
            err("%s: unknown class %s" % (p, cls))
        if not p.startswith("images/%s/" % cls) or r["category"] != cls:
            err("%s: folder/category/class disagree" % p)
        if r["doc_kind"] not in DOC_KINDS:
            err("%s: doc_kind %s" % (p, r["doc_kind"]))
        for c in ("has_face", "has_gps", "has_exif", "has_text_pii", "has_qr", "has_barcode", "is_screen", "is_document"):
            if r[c] not in ("true", "false"):
                err("%s: %s=%r" % (p, c, r[c]))
        if r["nudity"] != "no":
            err("%s: nudity %s" % (p, r["nudity"]))
        if not r["license"]:
            err("%s: no licence" % p)
        if r["source_repo"] != "generated" and "drawing generated" not in r["license"] and r["source_path"].endswith("generate.py"):
            err("%s: package source without licence text" % p)
        # text labels
        labels = texts.get(p)
        if labels is None:
            err("%s: no text.json entry" % p)
            labels = []
        kinds = set()
        for lab in labels:
            if set(lab) != {"text", "kind", "box"}:
                err("%s: label keys %s" % (p, sorted(lab)))
            k = lab["kind"]
            if k is not None and k not in PII_KINDS:
                err("%s: unknown kind %r" % (p, k))
            if not lab["text"] or lab["text"] != lab["text"].strip():
                err("%s: empty or padded label %r" % (p, lab["text"]))
            if not box_ok(lab["box"], w, h):
                err("%s: label %r box %s outside %dx%d" % (p, lab["text"], lab["box"], w, h))
            if k:
                kinds.add(k)
                stats["labels"][k] += 1
            else:
                stats["labels"]["(context, kind null)"] += 1
            check_value(p, lab["text"], k, stats)
        if ";".join(sorted(kinds)) != r["pii_kinds"]:
            err("%s: pii_kinds %r but labels give %r" % (p, r["pii_kinds"], ";".join(sorted(kinds))))
        if (r["has_text_pii"] == "true") != bool(kinds):
            err("%s: has_text_pii disagrees with labels" % p)
        for k in kinds:
            stats["images with kind"][k] += 1
        # decoys
        pii_texts = {(lab["text"], lab["kind"]) for lab in labels if lab["kind"]}
        dlist = decoys.get(p, [])
        i = 0
        while i < len(dlist):
            d = dlist[i]
            if set(d) != {"text", "imitates"} or d["imitates"] not in PII_KINDS:
                err("%s: bad decoy %s" % (p, d))
                i += 1
                continue
            if (d["text"], d["imitates"]) in pii_texts:
                err("%s: decoy %r is also labelled as %s" % (p, d["text"], d["imitates"]))
            used, reason = check_decoy(p, dlist, i)
            stats["decoys by imitated kind"][d["imitates"]] += used
            stats["decoys by reason"][reason] += used
            i += used
        # faces
        fb = faces.get(p, [])
        for b in fb:
            if not box_ok(b, w, h):
                err("%s: face box %s outside %dx%d" % (p, b, w, h))
            elif min(b[2] - b[0], b[3] - b[1]) < 12:
                warn("%s: face box %s under 12 px" % (p, b))
        if str(len(fb)) != r["face_count"] or (r["has_face"] == "true") != bool(fb):
            err("%s: face_count %s / has_face %s but %d boxes" % (p, r["face_count"], r["has_face"], len(fb)))
        stats["faces"]["face boxes"] += len(fb)
        stats["faces"]["pictures with faces" if fb else "pictures without faces"] += 1
        # MRZ
        for m in mrz.get(p, []):
            fmt, lines = m.get("format"), m.get("lines", [])
            fails = mrz_failures(fmt, lines)
            if fails:
                err("%s: labelled-valid %s MRZ fails %s: %s" % (p, fmt, fails, lines))
            num, dob, nf = mrz_fields(fmt, lines)
            have = {lab["text"] for lab in labels}
            for want, kind in ((num, "passport"), (dob, "birthdate"), (nf, "person_name")):
                if not any(lab["text"] == want and lab["kind"] == kind for lab in labels):
                    err("%s: MRZ %s %r not labelled (have %s)" % (p, kind, want, sorted(have)[:6]))
            stats["MRZ (valid, labelled)"][fmt] += 1
        if r["class"] == "foreign_docs" and r["doc_kind"] == "passport" and p not in mrz:
            err("%s: passport/visa picture without mrz.json entry" % p)
        # QR
        payloads = [q for q in r["qr_payloads"].split(" | ")] if r["qr_payloads"] else []
        if (r["has_qr"] == "true") != bool(payloads):
            err("%s: has_qr disagrees with qr_payloads" % p)
        stats["QR"]["codes"] += len(payloads)
        if payloads and do_qr:
            got = decode_qr(fp, collections.Counter(payloads))
            want = collections.Counter(payloads)
            missing = [q for q in want if got[q] < 1]
            extra = [q for q in got if q not in want]
            qr_report.append((p, len(want), len(want) - len(missing)))
            if missing:
                err("%s: QR payloads not decoded: %s" % (p, missing))
            if extra:
                err("%s: decoded QR payloads not in manifest: %s" % (p, extra))
        stats["pictures per class"][cls] += 1
        stats["sources"][r["source_repo"]] += 1

    n_gen = len(rows)
    for c in CLASSES:
        if stats["pictures per class"][c] < 15:
            err("class %s has only %d pictures" % (c, stats["pictures per class"][c]))
    if n_gen < 150:
        err("only %d pictures" % n_gen)

    if show:
        print("pictures: %d" % n_gen)
        for title in ["pictures per class", "labels", "images with kind", "decoys by imitated kind", "decoys by reason",
                      "faces", "MRZ (valid, labelled)", "QR", "sources"]:
            print("\n%s:" % title)
            order = CLASSES if title == "pictures per class" else sorted(stats[title], key=lambda k: (-stats[title][k], k))
            for k in order:
                print("  %-34s %5d" % (k, stats[title][k]))
        print("\nchecks of labelled values:")
        for k in sorted(stats["value checks"]):
            print("  %-50s %5d" % (k, stats["value checks"][k]))
        print("\nper class x kind (images):")
        ck = collections.defaultdict(collections.Counter)
        for r in rows:
            for k in filter(None, r["pii_kinds"].split(";")):
                ck[r["class"]][k] += 1
        for c in CLASSES:
            print("  %-13s %s" % (c, ", ".join("%s %d" % kv for kv in sorted(ck[c].items()))))
        if qr_report:
            print("\nQR decoded by zxing-cpp/opencv: %d/%d codes in %d pictures" % (
                sum(x[2] for x in qr_report), sum(x[1] for x in qr_report), len(qr_report)))
    for w_ in warnings:
        print("WARNING", w_)
    for e in errors:
        print("ERROR", e)
    print("%s: %d errors, %d warnings" % ("FAIL" if errors else "OK", len(errors), len(warnings)))
    return 1 if errors else 0


def check_value(p, text, kind, stats):
    """Labelled values that carry a check digit must pass it."""
    vc = stats["value checks"]
    d = digits(text)
    if kind == "credit_card":
        if MASK.search(text):
            if len(d) < 2 or len(d) > 10:       # at most first 6 + last 4 (PCI truncation)
                err("%s: masked card %r shows %d digits" % (p, text, len(d)))
            vc["credit_card masked (partial)"] += 1
        elif 13 <= len(d) <= 19 and luhn_ok(d):
            vc["credit_card full, Luhn ok"] += 1
        else:
            err("%s: card number %r fails Luhn/length" % (p, text))
    elif kind == "my_number":
        if mynumber_ok(d) and len(d) == 12:
            vc["my_number check digit ok"] += 1
        else:
            err("%s: My Number %r fails its check digit" % (p, text))
    elif kind == "drivers_licence" and re.fullmatch(r"\d{17}[\dX]", text):
        if cn_id_ok(text):
            vc["drivers_licence CN 18-digit ISO 7064 ok"] += 1
        else:
            err("%s: CN ID %r fails ISO 7064" % (p, text))
    elif kind == "passport" and re.fullmatch(r"\d{6}-\d{7}", text):
        if kr_rrn_ok(text):
            vc["passport KR registration no. check ok"] += 1
        else:
            err("%s: KR registration number %r fails its check digit" % (p, text))
    elif kind == "passport" and "<" in text:
        err("%s: document number label %r keeps MRZ filler" % (p, text))
    elif kind == "insurance_number" and re.fullmatch(r"\d \d\d \d\d \d\d \d{3} \d{3} \d\d", text):
        if fr_nir_ok(text):
            vc["insurance_number FR NIR key ok"] += 1
        else:
            err("%s: French NIR %r fails its key" % (p, text))
    elif kind is None:
        m = re.fullmatch(r"T(\d{13})", text.replace("-", "").replace(" ", ""))
        if m:
            if corporate_ok(m.group(1)):
                vc["invoice registration T+13 (kind null) ok"] += 1
            else:
                err("%s: invoice registration number %r fails the corporate-number check" % (p, text))
    if kind and kind not in ("credit_card", "my_number") and re.fullmatch(r"[\d\s-]{12,23}", text):
        dd = digits(text)
        if len(dd) == 12 and mynumber_ok(dd):
            warn("%s: %s label %r also passes the My Number check" % (p, kind, text))


def check_decoy(p, dlist, i):
    """A decoy must fail the check of the kind it imitates.  Returns (entries used, reason)."""
    d = dlist[i]
    t, k = d["text"], d["imitates"]
    dd = digits(t)
    if k == "passport" and is_mrz_line(t):
        if len(t) == 30:                     # TD1: lines 1 and 2 go together
            if i + 1 < len(dlist) and len(dlist[i + 1]["text"]) == 30 and is_mrz_line(dlist[i + 1]["text"]):
                pair = [t, dlist[i + 1]["text"]]
                fails = mrz_failures("TD1", pair + ["<" * 30])
                if not fails:
                    err("%s: TD1 decoy MRZ passes every check: %s" % (p, pair))
                return 2, "MRZ fails ICAO 7-3-1 check (%s)" % "TD1"
            err("%s: lone 30-character MRZ decoy %r" % (p, t))
            return 1, "?"
        fmt = "TD3" if len(t) == 44 else "MRV-B"
        fails = mrz_failures(fmt, ["P<" + "<" * 42, t]) if fmt == "TD3" else ["?"]
        fails = [f for f in fails if f != "line 1"]
        if not fails:
            err("%s: MRZ decoy passes every check: %r" % (p, t))
        return 1, "MRZ fails ICAO 7-3-1 check (%s)" % fmt
    if k == "credit_card" and len(dd) >= 12:
        if 13 <= len(dd) <= 19 and luhn_ok(dd):
            err("%s: card decoy %r passes Luhn" % (p, t))
        return 1, "card-like number fails Luhn"
    if k == "my_number" and len(dd) >= 11:
        if len(dd) == 12:
            if mynumber_ok(dd):
                err("%s: My Number decoy %r passes the check digit" % (p, t))
            return 1, "12 digits fail the My Number check"
        if len(dd) == 13 and ean13_ok(dd):
            return 1, "13-digit JAN/EAN code (valid EAN-13), not 12 digits"
        return 1, "digit string of the wrong length for My Number"
    if dd and len(dd) >= 8:
        warn("%s: decoy %r imitating %s has digits but no rule" % (p, t, k))
    return 1, "label / company / product text (no personal value)"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
