#!/usr/bin/env python3
"""Generator of the frozen, unseen picture set ``pictures-2026-12``.

Written from the class definitions alone (no detector code, patterns,
dictionaries or tuning data were read).  Deterministic: every picture gets its
own ``random.Random`` seeded from SEED and the picture's name.

Run with an interpreter that has pillow, numpy, opencv-python-headless, segno,
scikit-image (bundled sample photos) and matplotlib (bundled grace_hopper.jpg);
zxing-cpp is optional and only used to self-check that every QR code drawn can
still be decoded from the finished picture.  The files in this folder were made
with Python 3.11.7 and pillow 13.0.0, numpy 2.4.6, opencv-python-headless
5.1.0.95, segno 1.6.6, scikit-image 0.26.0, matplotlib 3.11.2, zxing-cpp 3.1.1
(fonts: Debian fonts-noto-cjk 20220127, fonts-dejavu-core 2.37, fonts-ipaexfont-gothic
00401); other versions may change pixels and JPEG bytes, so check with SHA256SUMS:

    python3 -m venv /tmp/setgen-venv
    /tmp/setgen-venv/bin/pip install pillow==13.0.0 numpy==2.4.6 opencv-python-headless==5.1.0.95 \
        segno==1.6.6 scikit-image==0.26.0 matplotlib==3.11.2 zxing-cpp==3.1.1
    /tmp/setgen-venv/bin/python generate.py      # rewrites images/, manifest.csv and the *.json labels

Real photographs come only from files shipped inside those packages and are never
from the development set in shared/eval (so skimage astronaut, chelsea, coffee,
rocket, horse, gravel and brick are not used).
"""
import csv
import io
import json
import math
import os
import random
import sys
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps
import cv2
import segno

SEED = 20261201
HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = "evalsets/frozen/pictures-2026-12/generate.py"
COMMIT = "frozen-2026-12"
CLASSES = ["foreign_docs", "names", "addresses", "numbers", "screens", "small_qr", "faces"]
PII_KINDS = {"person_name", "address", "postcode", "phone", "email", "birthdate", "my_number",
             "credit_card", "passport", "drivers_licence", "insurance_number", "bank_account",
             "url", "sns_id"}

# --------------------------------------------------------------------------------------
# fonts
NOTO = "/usr/share/fonts/opentype/noto/"
DV = "/usr/share/fonts/truetype/dejavu/"
FONT_FILES = {
    "sans": (NOTO + "NotoSansCJK-Regular.ttc", 0), "sansb": (NOTO + "NotoSansCJK-Bold.ttc", 0),
    "serif": (NOTO + "NotoSerifCJK-Regular.ttc", 0), "serifb": (NOTO + "NotoSerifCJK-Bold.ttc", 0),
    "kr": (NOTO + "NotoSansCJK-Regular.ttc", 1), "krb": (NOTO + "NotoSansCJK-Bold.ttc", 1),
    "sc": (NOTO + "NotoSansCJK-Regular.ttc", 2), "scb": (NOTO + "NotoSansCJK-Bold.ttc", 2),
    "krserif": (NOTO + "NotoSerifCJK-Regular.ttc", 1), "scserif": (NOTO + "NotoSerifCJK-Regular.ttc", 2),
    "jmono": (NOTO + "NotoSansCJK-Regular.ttc", 5),
    "ipa": ("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", 0),
    "dv": (DV + "DejaVuSans.ttf", 0), "dvb": (DV + "DejaVuSans-Bold.ttf", 0),
    "dvc": (DV + "DejaVuSansCondensed.ttf", 0), "dvcb": (DV + "DejaVuSansCondensed-Bold.ttf", 0),
    "dvs": (DV + "DejaVuSerif.ttf", 0), "dvsb": (DV + "DejaVuSerif-Bold.ttf", 0),
    "dvsi": (DV + "DejaVuSerif-Italic.ttf", 0),
    "mono": (DV + "DejaVuSansMono.ttf", 0), "monob": (DV + "DejaVuSansMono-Bold.ttf", 0),
}


@lru_cache(maxsize=None)
def font(name, size):
    path, idx = FONT_FILES[name]
    return ImageFont.truetype(path, int(size), index=idx)


# --------------------------------------------------------------------------------------
# check digits (written here from the published rules)
def mynumber_check(d11):
    """My Number: P_n is the n-th of the 11 digits from the right; Q_n = n+1 (n<=6), n-5 (n>=7)."""
    s = 0
    for n in range(1, 12):
        p = int(d11[-n])
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    return 0 if r <= 1 else 11 - r


def mynumber(rng):
    d = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(10))
    return d + str(mynumber_check(d))


def bad_mynumber(rng):
    good = mynumber(rng)
    c = int(good[-1])
    return good[:-1] + str((c + rng.randint(1, 9)) % 10)


def luhn_sum(num):
    total = 0
    for i, ch in enumerate(reversed(num)):
        v = int(ch)
        if i % 2 == 1:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return total


def luhn_ok(num):
    return luhn_sum(num) % 10 == 0


def luhn_card(rng, prefix, length=16):
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    for c in range(10):
        if luhn_ok(body + str(c)):
            return body + str(c)


def bad_luhn(rng, prefix, length=16):
    good = luhn_card(rng, prefix, length)
    c = int(good[-1])
    bad = good[:-1] + str((c + rng.randint(1, 9)) % 10)
    assert not luhn_ok(bad)
    return bad


def mrz_val(ch):
    if ch.isdigit():
        return int(ch)
    if "A" <= ch <= "Z":
        return ord(ch) - 55
    return 0


def mrz_cd(s):
    w = (7, 3, 1)
    return str(sum(mrz_val(c) * w[i % 3] for i, c in enumerate(s)) % 10)


def corp_number(rng):
    """13-digit corporate number (used after T in invoice registration numbers)."""
    base = "".join(str(rng.randint(0, 9)) for _ in range(12))
    s = 0
    for n in range(1, 13):
        p = int(base[-n])
        s += p * (1 if n % 2 == 1 else 2)
    return str(9 - s % 9) + base


def group(s, sizes, sep=" "):
    out, i = [], 0
    for k in sizes:
        out.append(s[i:i + k])
        i += k
    return sep.join(out)


MRZ_MAP = {"Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "SS", "É": "E", "È": "E", "Ê": "E", "Ë": "E",
           "À": "A", "Â": "A", "Ç": "C", "Î": "I", "Ï": "I", "Ô": "O", "Û": "U", "Ù": "U", "Ñ": "N",
           "Á": "A", "Í": "I", "Ó": "O", "Ú": "U", "Å": "AA", "Ø": "OE", "Ã": "A"}


def mrz_name(s):
    s = s.upper()
    return "".join(MRZ_MAP.get(c, c) for c in s).replace(" ", "<").replace("-", "<").replace("'", "")


def mrz_pad(s, n):
    s = s[:n]
    return s + "<" * (n - len(s))


def yymmdd(y, m, d):
    return "%02d%02d%02d" % (y % 100, m, d)


MON = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def td3(doc_type, state, surname, given, number, nat, dob, sex, exp, personal="", bad=None):
    """Returns (line1, line2, name_field). bad='number'|'dob'|'composite' spoils that check digit."""
    name_field = mrz_name(surname) + "<<" + mrz_name(given)
    l1 = mrz_pad(doc_type + state + name_field, 44)
    num = mrz_pad(number, 9)
    pn = mrz_pad(personal, 14)
    c_num, c_dob, c_exp = mrz_cd(num), mrz_cd(dob), mrz_cd(exp)
    c_pn = mrz_cd(pn) if personal else "<"
    if bad == "number":
        c_num = str((int(c_num) + 3) % 10)
    if bad == "dob":
        c_dob = str((int(c_dob) + 5) % 10)
    comp_src = num + c_num + dob + c_dob + exp + c_exp + pn + c_pn
    c_comp = mrz_cd(comp_src)
    if bad == "composite":
        c_comp = str((int(c_comp) + 7) % 10)
    l2 = num + c_num + nat + dob + c_dob + sex + exp + c_exp + pn + c_pn + c_comp
    assert len(l1) == 44 and len(l2) == 44, (l1, l2)
    return l1, l2, name_field


def td1(doc_type, state, number, dob, sex, exp, nat, surname, given, opt1="", opt2="", bad=None):
    num = mrz_pad(number, 9)
    c_num = mrz_cd(num)
    if bad == "number":
        c_num = str((int(c_num) + 4) % 10)
    l1 = mrz_pad(doc_type, 2) + state + num + c_num + mrz_pad(opt1, 15)
    c_dob, c_exp = mrz_cd(dob), mrz_cd(exp)
    o2 = mrz_pad(opt2, 11)
    comp = mrz_cd(l1[5:30] + dob + c_dob + exp + c_exp + o2)
    if bad == "composite":
        comp = str((int(comp) + 6) % 10)
    l2 = dob + c_dob + sex + exp + c_exp + nat + o2 + comp
    name_field = mrz_name(surname) + "<<" + mrz_name(given)
    l3 = mrz_pad(name_field, 30)
    assert len(l1) == 30 and len(l2) == 30 and len(l3) == 30, (l1, l2, l3)
    return l1, l2, l3, name_field


def mrv(fmt, state, surname, given, number, nat, dob, sex, exp, optional=""):
    n = 44 if fmt == "A" else 36
    name_field = mrz_name(surname) + "<<" + mrz_name(given)
    l1 = mrz_pad("V<" + state + name_field, n)
    num = mrz_pad(number, 9)
    l2 = num + mrz_cd(num) + nat + dob + mrz_cd(dob) + sex + exp + mrz_cd(exp)
    l2 = l2 + mrz_pad(optional, n - len(l2))
    assert len(l1) == n and len(l2) == n
    return l1, l2, name_field


# --------------------------------------------------------------------------------------
# the picture object: an image plus labelled strings, faces and codes, all carried through
# every geometric transform as corner points.
class Pic:
    def __init__(self, w, h, bg=(255, 255, 255)):
        self.im = Image.new("RGB", (int(w), int(h)), bg)
        self.d = ImageDraw.Draw(self.im)
        self.items = []   # dict(text, kind, decoy, pts)
        self.faces = []   # arrays of ellipse points
        self.qr = []      # dict(payload, pts)
        self.mrz = []     # dict(format, lines): machine-readable zones printed with valid check digits
        self.barcode = False

    @property
    def w(self):
        return self.im.width

    @property
    def h(self):
        return self.im.height

    def _box_pts(self, bb):
        x0, y0, x1, y1 = bb
        return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], float)

    def label(self, text, kind, bb):
        self.items.append(dict(text=text, kind=kind, decoy=None, pts=self._box_pts(bb)))

    def decoy(self, text, imitates, bb=None):
        self.items.append(dict(text=text, kind=None, decoy=imitates,
                               pts=self._box_pts(bb) if bb else None))

    def t(self, xy, s, f="sans", size=20, fill=(25, 25, 25), kind=False, decoy=None, anchor="la",
          label_text=None):
        """Draw a string.  kind=False: not recorded; kind=None: context string; kind='x': PII."""
        fo = font(f, size)
        self.d.text(xy, s, font=fo, fill=fill, anchor=anchor)
        bb = self.d.textbbox(xy, s, font=fo, anchor=anchor)
        if kind is not False:
            self.label(label_text or s, kind, bb)
        if decoy:
            self.decoy(s, decoy, bb)
        return bb

    def runs(self, xy, parts, f="sans", size=20, fill=(25, 25, 25)):
        """Draw consecutive runs on one baseline-ish line.  parts: (text, kind[, decoy[, fill]])."""
        x, y = xy
        fo = font(f, size)
        bbs = []
        for p in parts:
            s, kind = p[0], p[1]
            dec = p[2] if len(p) > 2 else None
            fl = p[3] if len(p) > 3 else fill
            bb = self.t((x, y), s, f=f, size=size, fill=fl, kind=kind, decoy=dec)
            bbs.append(bb)
            x += fo.getlength(s)
        return (min(b[0] for b in bbs), min(b[1] for b in bbs), max(b[2] for b in bbs), max(b[3] for b in bbs))

    def vt(self, xy, s, f="serif", size=30, fill=(25, 25, 25), kind=False, gap=1.05):
        """Vertical writing (one column, top to bottom)."""
        x, y = xy
        fo = font(f, size)
        y0 = y
        for ch in s:
            if ch in "ー－-":
                # long vowel mark / dash turned for vertical writing
                self.d.line([(x + size * 0.5, y + size * 0.15), (x + size * 0.5, y + size * 0.85)], fill=fill,
                            width=max(1, size // 14))
            else:
                w = fo.getlength(ch)
                self.d.text((x + (size - w) / 2, y), ch, font=fo, fill=fill)
            y += size * gap
        bb = (x, y0, x + size, y)
        if kind is not False:
            self.label(s, kind, bb)
        return bb

    def face(self, box):
        x0, y0, x1, y1 = box
        cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
        a = np.linspace(0, 2 * math.pi, 32, endpoint=False)
        self.faces.append(np.stack([cx + rx * np.cos(a), cy + ry * np.sin(a)], 1))

    def paste(self, child, xy, mask=None):
        """Paste without deformation."""
        x, y = int(xy[0]), int(xy[1])
        self.im.paste(child.im, (x, y), mask)
        self._adopt(child, np.array([[1, 0, x], [0, 1, y], [0, 0, 1]], float))

    def _adopt(self, child, H):
        for it in child.items:
            it = dict(it)
            if it["pts"] is not None:
                it["pts"] = apply_h(H, it["pts"])
            self.items.append(it)
        for f in child.faces:
            self.faces.append(apply_h(H, f))
        for q in child.qr:
            self.qr.append(dict(payload=q["payload"], pts=apply_h(H, q["pts"])))
        self.mrz.extend(dict(m) for m in getattr(child, "mrz", []))
        self.barcode = self.barcode or child.barcode

    def transform(self, H, size, border=(255, 255, 255)):
        """Apply a homography to the whole picture (new canvas of `size`)."""
        arr = np.array(self.im)
        out = cv2.warpPerspective(arr, H, (int(size[0]), int(size[1])), flags=cv2.INTER_LINEAR,
                                  borderMode=cv2.BORDER_CONSTANT, borderValue=tuple(int(c) for c in border))
        self.im = Image.fromarray(out)
        self.d = ImageDraw.Draw(self.im)
        for it in self.items:
            if it["pts"] is not None:
                it["pts"] = apply_h(H, it["pts"])
        self.faces = [apply_h(H, f) for f in self.faces]
        for q in self.qr:
            q["pts"] = apply_h(H, q["pts"])

    def resize_long(self, long_side):
        s = long_side / max(self.w, self.h)
        if abs(s - 1) < 1e-6:
            return
        ow, oh = self.w, self.h
        nw, nh = max(1, round(ow * s)), max(1, round(oh * s))
        self.im = self.im.resize((nw, nh), Image.LANCZOS)
        self.d = ImageDraw.Draw(self.im)
        self._scale_all(np.array([[nw / ow, 0, 0], [0, nh / oh, 0], [0, 0, 1]], float))

    def _scale_all(self, H):
        for it in self.items:
            if it["pts"] is not None:
                it["pts"] = apply_h(H, it["pts"])
        self.faces = [apply_h(H, f) for f in self.faces]
        for q in self.qr:
            q["pts"] = apply_h(H, q["pts"])

    def crop(self, box):
        x0, y0, x1, y1 = [int(v) for v in box]
        self.im = self.im.crop((x0, y0, x1, y1))
        self.d = ImageDraw.Draw(self.im)
        self._scale_all(np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]], float))


def apply_h(H, pts):
    pts = np.asarray(pts, float)
    p = np.hstack([pts, np.ones((len(pts), 1))]) @ np.asarray(H, float).T
    return p[:, :2] / p[:, 2:3]


def rot_h(angle_deg, w, h):
    """Rotation about the centre with canvas expansion; returns (H, new_size)."""
    a = math.radians(angle_deg)
    c, s = abs(math.cos(a)), abs(math.sin(a))
    nw, nh = int(math.ceil(w * c + h * s)), int(math.ceil(w * s + h * c))
    M = cv2.getRotationMatrix2D((w / 2, h / 2), angle_deg, 1.0)
    M[0, 2] += (nw - w) / 2
    M[1, 2] += (nh - h) / 2
    return np.vstack([M, [0, 0, 1]]), (nw, nh)


def rounded_mask(w, h, r):
    m = Image.new("L", (int(w), int(h)), 0)
    ImageDraw.Draw(m).rounded_rectangle((0, 0, w - 1, h - 1), r, fill=255)
    return m


def warp_onto(parent, child, quad, radius=0, shadow=0.35, shadow_off=(8, 10), blur_shadow=14):
    """Perspective-warp `child` onto `parent` so its corners land on quad (tl, tr, br, bl)."""
    quad = np.array(quad, float)
    w, h = child.w, child.h
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], float)
    H = cv2.getPerspectiveTransform(src.astype(np.float32), quad.astype(np.float32))
    # pre-shrink to avoid aliasing when the card lands much smaller than drawn
    edge = min(np.linalg.norm(quad[1] - quad[0]) / w, np.linalg.norm(quad[3] - quad[0]) / h)
    im = child.im
    mask = rounded_mask(w, h, radius) if radius else Image.new("L", (w, h), 255)
    if edge < 0.85:
        sw, sh = max(2, int(w * edge * 1.15)), max(2, int(h * edge * 1.15))
        im = im.resize((sw, sh), Image.LANCZOS)
        mask = mask.resize((sw, sh), Image.LANCZOS)
        src2 = np.array([[0, 0], [sw, 0], [sw, sh], [0, sh]], float)
        H2 = cv2.getPerspectiveTransform(src2.astype(np.float32), quad.astype(np.float32))
    else:
        H2 = H
    P = np.array(parent.im).astype(np.float32)
    warped = cv2.warpPerspective(np.array(im), H2, (parent.w, parent.h), flags=cv2.INTER_LINEAR)
    wm = cv2.warpPerspective(np.array(mask), H2, (parent.w, parent.h), flags=cv2.INTER_LINEAR).astype(np.float32) / 255
    if shadow:
        Ms = np.float32([[1, 0, shadow_off[0]], [0, 1, shadow_off[1]]])
        sm = cv2.warpAffine(wm, Ms, (parent.w, parent.h))
        sm = cv2.GaussianBlur(sm, (0, 0), blur_shadow)
        P = P * (1 - shadow * sm[..., None])
    P = P * (1 - wm[..., None]) + warped.astype(np.float32) * wm[..., None]
    parent.im = Image.fromarray(np.clip(P, 0, 255).astype(np.uint8))
    parent.d = ImageDraw.Draw(parent.im)
    parent._adopt(child, H)
    return H


def jitter_quad(rng, x, y, w, h, angle=0.0, persp=0.0):
    """A quad for a w x h rectangle centred at (x, y), rotated by angle and with corner jitter."""
    a = math.radians(angle)
    ca, sa = math.cos(a), math.sin(a)
    pts = []
    for dx, dy in [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]:
        jx = rng.uniform(-persp, persp) * w
        jy = rng.uniform(-persp, persp) * h
        px, py = dx + jx, dy + jy
        pts.append((x + px * ca - py * sa, y + px * sa + py * ca))
    return pts


def trapezoid(x, y, w, h, tilt=0.08, angle=0.0):
    """A card photographed from below/above: top edge narrower than the bottom one."""
    a = math.radians(angle)
    ca, sa = math.cos(a), math.sin(a)
    pts = []
    for dx, dy in [(-w / 2 * (1 - tilt), -h / 2), (w / 2 * (1 - tilt), -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]:
        pts.append((x + dx * ca - dy * sa, y + dx * sa + dy * ca))
    return pts


# --------------------------------------------------------------------------------------
# surfaces and photometric effects
def np_rng(rng):
    return np.random.default_rng(rng.randint(0, 2 ** 31))


def smooth_noise(g, w, h, scale, octaves=3):
    out = np.zeros((h, w), np.float32)
    amp = 1.0
    for o in range(octaves):
        sw, sh = max(2, int(w / scale) + 2), max(2, int(h / scale) + 2)
        n = g.standard_normal((sh, sw)).astype(np.float32)
        out += amp * cv2.resize(n, (w, h), interpolation=cv2.INTER_CUBIC)
        scale /= 2.3
        amp /= 2
    return out / (np.abs(out).max() + 1e-6)


def surface(rng, w, h, kind):
    g = np_rng(rng)
    if kind == "paper":
        base = np.array([rng.randint(236, 248), rng.randint(234, 245), rng.randint(222, 238)], np.float32)
        n = smooth_noise(g, w, h, 180) * 6 + g.standard_normal((h, w)).astype(np.float32) * 2.2
        arr = base[None, None, :] + n[..., None]
    elif kind == "wood":
        base = np.array(rng.choice([(150, 104, 64), (120, 80, 48), (176, 132, 88), (96, 64, 40)]), np.float32)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        warp = smooth_noise(g, w, h, 600) * 14
        grain = np.sin((yy + warp) / rng.uniform(2.5, 5) + smooth_noise(g, w, h, 200) * 1.5) * 0.6
        fine = g.standard_normal((h, w)).astype(np.float32)
        fine = cv2.GaussianBlur(fine, (0, 0), sigmaX=9, sigmaY=0.8)
        n = grain * 14 + fine * 18 + smooth_noise(g, w, h, 400) * 14
        arr = base[None, None, :] * (1 + n[..., None] / 140)
    elif kind == "cardboard":
        base = np.array([rng.randint(180, 200), rng.randint(145, 160), rng.randint(100, 118)], np.float32)
        fib = g.standard_normal((h, w)).astype(np.float32)
        fib = cv2.GaussianBlur(fib, (0, 0), sigmaX=3, sigmaY=0.6) * 14
        n = smooth_noise(g, w, h, 250) * 10 + fib + g.standard_normal((h, w)).astype(np.float32) * 3
        arr = base[None, None, :] + n[..., None]
    elif kind == "desk":
        base = np.array(rng.choice([(205, 205, 200), (60, 62, 66), (225, 222, 214), (180, 186, 190)]), np.float32)
        n = smooth_noise(g, w, h, 350) * 8 + g.standard_normal((h, w)).astype(np.float32) * 2.5
        arr = base[None, None, :] + n[..., None]
    elif kind == "fabric":
        base = np.array(rng.choice([(70, 80, 110), (120, 40, 50), (60, 90, 70), (90, 90, 90)]), np.float32)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        weave = (np.sin(xx / 1.7) + np.sin(yy / 1.7)) * 6
        n = weave + smooth_noise(g, w, h, 200) * 10 + g.standard_normal((h, w)).astype(np.float32) * 4
        arr = base[None, None, :] + n[..., None]
    else:  # plain white scan
        arr = np.full((h, w, 3), 250, np.float32) + g.standard_normal((h, w, 1)).astype(np.float32) * 1.2
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def paper_tex(rng, w, h, tint=(250, 249, 244), strength=1.0):
    g = np_rng(rng)
    n = smooth_noise(g, w, h, 160) * 5 * strength + g.standard_normal((h, w)).astype(np.float32) * 1.6 * strength
    arr = np.array(tint, np.float32)[None, None, :] + n[..., None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def light(im, rng, strength=0.18):
    """A soft lighting gradient (one side brighter) and a little vignetting."""
    w, h = im.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = rng.uniform(0, 2 * math.pi)
    grad = ((xx / w - 0.5) * math.cos(a) + (yy / h - 0.5) * math.sin(a))
    vig = ((xx / w - 0.5) ** 2 + (yy / h - 0.5) ** 2)
    f = 1 + strength * grad - strength * 0.8 * vig
    arr = np.array(im).astype(np.float32) * f[..., None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def glare(im, rng, strength=0.35):
    w, h = im.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.15, 0.6) * h
    rx, ry = rng.uniform(0.15, 0.3) * w, rng.uniform(0.1, 0.25) * h
    gl = np.exp(-(((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2))
    arr = np.array(im).astype(np.float32)
    arr = arr + (255 - arr) * (strength * gl)[..., None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def noise(im, rng, sigma=4.0):
    g = np_rng(rng)
    arr = np.array(im).astype(np.float32)
    arr += g.standard_normal(arr.shape[:2] + (1,)).astype(np.float32) * sigma
    arr += g.standard_normal(arr.shape).astype(np.float32) * sigma * 0.4
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def blur(im, r):
    return im.filter(ImageFilter.GaussianBlur(r)) if r > 0 else im


def motion_blur(im, length, angle):
    k = np.zeros((length, length), np.float32)
    k[length // 2, :] = 1
    M = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), angle, 1)
    k = cv2.warpAffine(k, M, (length, length))
    k /= k.sum()
    return Image.fromarray(cv2.filter2D(np.array(im), -1, k))


def moire(im, rng, strength=10.0):
    """Interference of the camera sensor grid with the screen's pixel grid."""
    w, h = im.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = rng.uniform(0, math.pi)
    f1, f2 = rng.uniform(0.04, 0.09), rng.uniform(0.04, 0.09)
    pat = np.sin((xx * math.cos(a) + yy * math.sin(a)) * f1 * 2 * math.pi) * \
        np.sin((xx * math.cos(a + 1.2) + yy * math.sin(a + 1.2)) * f2 * 2 * math.pi)
    arr = np.array(im).astype(np.float32)
    tint = np.array([1.0, 0.6, 1.1], np.float32)
    arr += (pat * strength)[..., None] * tint[None, None, :]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def scanlines(im, strength=6.0, period=3):
    arr = np.array(im).astype(np.float32)
    rows = (np.arange(arr.shape[0]) % period == 0).astype(np.float32) * strength
    arr -= rows[:, None, None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def fade(im, amount=0.5, to=(235, 235, 235)):
    arr = np.array(im).astype(np.float32)
    arr = arr * (1 - amount) + np.array(to, np.float32)[None, None, :] * amount
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


# --------------------------------------------------------------------------------------
# codes
def qr_image(payload, module_px, dark=(0, 0, 0), light=(255, 255, 255), border=2, error="m"):
    q = segno.make(payload, error=error, micro=False)
    buf = io.BytesIO()
    q.save(buf, kind="png", scale=module_px, border=border, dark=dark, light=light)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def put_qr(pic, payload, xy, size, dark=(0, 0, 0), light=(255, 255, 255), angle=0.0, border=2):
    """Draw a QR code of about `size` px (incl. quiet zone) at xy; records its payload."""
    q = segno.make(payload, error="m", micro=False)
    n = q.symbol_size(border=border)[0]
    mod = max(1, int(round(size / n)))
    img = qr_image(payload, mod, dark, light, border).resize((int(size), int(size)), Image.NEAREST)
    child = Pic(img.width, img.height)
    child.im = img
    child.d = ImageDraw.Draw(img)
    child.qr.append(dict(payload=payload, pts=np.array([[0, 0], [size, 0], [size, size], [0, size]], float)))
    if angle:
        H, (nw, nh) = rot_h(angle, img.width, img.height)
        bgc = pic.im.getpixel((int(min(pic.w - 1, xy[0] + 2)), int(min(pic.h - 1, xy[1] + 2))))
        child.transform(H, (nw, nh), border=bgc)
        mask = Image.new("L", img.size, 255)
        mask = Image.fromarray(cv2.warpPerspective(np.array(mask), H, (nw, nh)))
        pic.paste(child, xy, mask)
    else:
        pic.paste(child, xy)
    return (xy[0], xy[1], xy[0] + size, xy[1] + size)


EAN_L = ["0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011"]
EAN_G = ["0100111", "0110011", "0011011", "0100001", "0011101", "0111001", "0000101", "0010001", "0001001", "0010111"]
EAN_R = ["1110010", "1100110", "1101100", "1000010", "1011100", "1001110", "1010000", "1000100", "1001000", "1110100"]
EAN_P = ["LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"]


def ean13(d12):
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d12))
    code = d12 + str((10 - s % 10) % 10)
    bits = "101"
    par = EAN_P[int(code[0])]
    for i, c in enumerate(code[1:7]):
        bits += (EAN_L if par[i] == "L" else EAN_G)[int(c)]
    bits += "01010"
    for c in code[7:]:
        bits += EAN_R[int(c)]
    bits += "101"
    return code, bits


def draw_ean(pic, xy, d12, module=2, height=70):
    code, bits = ean13(d12)
    x, y = xy
    for i, b in enumerate(bits):
        if b == "1":
            pic.d.rectangle((x + i * module, y, x + (i + 1) * module - 1, y + height), fill=(0, 0, 0))
    pic.t((x + len(bits) * module / 2, y + height + 2), code, "mono", max(10, module * 7), anchor="ma")
    pic.barcode = True
    return code


def draw_code128ish(pic, xy, w, h, rng):
    """A generic 1-D barcode look (tracking label); not decodable, counts as a barcode drawing."""
    x, y = xy
    cx = x
    while cx < x + w:
        bw = rng.choice([1, 1, 2, 2, 3, 4]) * 2
        pic.d.rectangle((cx, y, min(x + w, cx + bw - 1), y + h), fill=(0, 0, 0))
        cx += bw + rng.choice([1, 2, 2, 3]) * 2
    pic.barcode = True


# --------------------------------------------------------------------------------------
# package photos with faces (face boxes measured by hand on the originals, brow to chin)
def _skimage_path(name):
    import skimage.data
    return os.path.join(os.path.dirname(skimage.data.__file__), name)


def _mpl_path(name):
    import matplotlib.cbook
    return str(matplotlib.cbook.get_sample_data(name, asfileobj=False))


FACE_SRC = {
    # name: (loader, face box brow-chin, head crop, package, licence)
    "hopper": (lambda: _mpl_path("grace_hopper.jpg"), (165, 150, 372, 330), (108, 20, 428, 420),
               "matplotlib", "public domain (US Navy; matplotlib sample_data grace_hopper.jpg)"),
    "camera": (lambda: _skimage_path("camera.png"), (175, 115, 255, 200), (118, 52, 300, 250),
               "scikit-image", "CC0 (skimage.data.camera, photograph by Lav Varshney)"),
}


@lru_cache(maxsize=None)
def src_image(name):
    return Image.open(FACE_SRC[name][0]()).convert("RGB")


def face_chip(name, face_h, mirror=False, angle=0.0, oval=True, gray=False):
    """A head crop scaled so that the face box is face_h px high; returns a Pic with an alpha mask."""
    _, fb, crop, _, _ = FACE_SRC[name]
    im = src_image(name).crop(crop)
    fx0, fy0, fx1, fy1 = fb[0] - crop[0], fb[1] - crop[1], fb[2] - crop[0], fb[3] - crop[1]
    s = face_h / (fy1 - fy0)
    im = im.resize((max(2, int(im.width * s)), max(2, int(im.height * s))), Image.LANCZOS)
    box = [fx0 * s, fy0 * s, fx1 * s, fy1 * s]
    if mirror:
        im = ImageOps.mirror(im)
        box = [im.width - box[2], box[1], im.width - box[0], box[3]]
    if gray:
        im = ImageOps.grayscale(im).convert("RGB")
    p = Pic(im.width, im.height)
    p.im = im
    p.d = ImageDraw.Draw(im)
    p.face(box)
    mask = Image.new("L", im.size, 0)
    md = ImageDraw.Draw(mask)
    if oval:
        md.ellipse((im.width * 0.03, im.height * 0.02, im.width * 0.97, im.height * 0.99), fill=255)
        mask = mask.filter(ImageFilter.GaussianBlur(max(1, im.width / 40)))
    else:
        md.rectangle((0, 0, im.width, im.height), fill=255)
    p.mask = mask
    if angle:
        H, (nw, nh) = rot_h(angle, im.width, im.height)
        m2 = Image.fromarray(cv2.warpPerspective(np.array(mask), H, (nw, nh)))
        p.transform(H, (nw, nh), border=(0, 0, 0))
        p.mask = m2
    return p


def paste_chip(parent, chip, center):
    x = int(center[0] - chip.w / 2)
    y = int(center[1] - chip.h / 2)
    parent.paste(chip, (x, y), chip.mask)
    return (x, y, x + chip.w, y + chip.h)


# --------------------------------------------------------------------------------------
# finishing: put a flat drawing into a photograph / scan / chat-app copy
def photo_of(flat, rng, bg="wood", out_long=1600, fill=0.72, angle=None, persp=0.035, tilt=None,
             radius=0, shadow=0.4, aspect_out=None):
    """Lay `flat` (a Pic) on a surface and return a new Pic of the photo."""
    if aspect_out is None:
        aspect_out = 4 / 3 if flat.w >= flat.h else 3 / 4
    if aspect_out >= 1:
        W, Hh = out_long, int(out_long / aspect_out)
    else:
        W, Hh = int(out_long * aspect_out), out_long
    photo = Pic(W, Hh)
    photo.im = surface(rng, W, Hh, bg)
    photo.d = ImageDraw.Draw(photo.im)
    s = min(W * fill / flat.w, Hh * fill / flat.h)
    cw, ch = flat.w * s, flat.h * s
    ang = rng.uniform(-7, 7) if angle is None else angle
    cx = W / 2 + rng.uniform(-0.04, 0.04) * W
    cy = Hh / 2 + rng.uniform(-0.04, 0.04) * Hh
    if tilt:
        quad = trapezoid(cx, cy, cw, ch, tilt, ang)
        quad = [(x + rng.uniform(-persp, persp) * cw, y + rng.uniform(-persp, persp) * ch) for x, y in quad]
    else:
        quad = jitter_quad(rng, cx, cy, cw, ch, ang, persp)
    warp_onto(photo, flat, quad, radius=radius * s, shadow=shadow)
    photo.im = light(photo.im, rng, rng.uniform(0.1, 0.3))
    return photo


def scan_of(flat, rng, angle=None, margin=0.04, tone=(250, 250, 248)):
    ang = rng.uniform(-2.5, 2.5) if angle is None else angle
    H, (nw, nh) = rot_h(ang, flat.w, flat.h)
    m = int(max(flat.w, flat.h) * margin)
    T = np.array([[1, 0, m], [0, 1, m], [0, 0, 1]], float) @ H
    flat.transform(T, (nw + 2 * m, nh + 2 * m), border=tone)
    return flat


def finish(pic, rng, blur_r=0.0, noise_s=0.0, long_side=None, chat=False):
    if blur_r:
        pic.im = blur(pic.im, blur_r)
    if noise_s:
        pic.im = noise(pic.im, rng, noise_s)
    if chat:
        long_side = 1280 if max(pic.w, pic.h) > 1280 else max(pic.w, pic.h)
    if long_side:
        pic.resize_long(long_side)
    return pic


# --------------------------------------------------------------------------------------
# registry of pictures
REGISTRY = []


def picture(cls, name, **meta):
    def deco(fn):
        REGISTRY.append((cls, name, fn, meta))
        return fn
    return deco


# --------------------------------------------------------------------------------------
# name, place and number sources written for this set
JP_FAMILY = [
    ("佐藤", "サトウ", "SATO"), ("鈴木", "スズキ", "SUZUKI"), ("高橋", "タカハシ", "TAKAHASHI"),
    ("田中", "タナカ", "TANAKA"), ("伊藤", "イトウ", "ITO"), ("渡辺", "ワタナベ", "WATANABE"),
    ("山本", "ヤマモト", "YAMAMOTO"), ("中村", "ナカムラ", "NAKAMURA"), ("小林", "コバヤシ", "KOBAYASHI"),
    ("加藤", "カトウ", "KATO"), ("吉田", "ヨシダ", "YOSHIDA"), ("山田", "ヤマダ", "YAMADA"),
    ("佐々木", "ササキ", "SASAKI"), ("山口", "ヤマグチ", "YAMAGUCHI"), ("松本", "マツモト", "MATSUMOTO"),
    ("井上", "イノウエ", "INOUE"), ("木村", "キムラ", "KIMURA"), ("林", "ハヤシ", "HAYASHI"),
    ("清水", "シミズ", "SHIMIZU"), ("山崎", "ヤマザキ", "YAMAZAKI"), ("森", "モリ", "MORI"),
    ("池田", "イケダ", "IKEDA"), ("橋本", "ハシモト", "HASHIMOTO"), ("阿部", "アベ", "ABE"),
    ("石川", "イシカワ", "ISHIKAWA"), ("前田", "マエダ", "MAEDA"), ("藤田", "フジタ", "FUJITA"),
    ("小川", "オガワ", "OGAWA"), ("岡田", "オカダ", "OKADA"), ("後藤", "ゴトウ", "GOTO"),
    ("長谷川", "ハセガワ", "HASEGAWA"), ("村上", "ムラカミ", "MURAKAMI"), ("近藤", "コンドウ", "KONDO"),
    ("坂本", "サカモト", "SAKAMOTO"), ("遠藤", "エンドウ", "ENDO"), ("青木", "アオキ", "AOKI"),
    ("藤井", "フジイ", "FUJII"), ("西村", "ニシムラ", "NISHIMURA"), ("福田", "フクダ", "FUKUDA"),
    ("太田", "オオタ", "OTA"), ("三浦", "ミウラ", "MIURA"), ("藤原", "フジワラ", "FUJIWARA"),
    ("岡本", "オカモト", "OKAMOTO"), ("松田", "マツダ", "MATSUDA"), ("中川", "ナカガワ", "NAKAGAWA"),
    ("中野", "ナカノ", "NAKANO"), ("原田", "ハラダ", "HARADA"), ("小野", "オノ", "ONO"),
    ("竹内", "タケウチ", "TAKEUCHI"), ("金子", "カネコ", "KANEKO"), ("和田", "ワダ", "WADA"),
    ("石田", "イシダ", "ISHIDA"), ("上田", "ウエダ", "UEDA"), ("森田", "モリタ", "MORITA"),
    ("柴田", "シバタ", "SHIBATA"), ("酒井", "サカイ", "SAKAI"), ("工藤", "クドウ", "KUDO"),
    ("横山", "ヨコヤマ", "YOKOYAMA"), ("宮崎", "ミヤザキ", "MIYAZAKI"), ("宮本", "ミヤモト", "MIYAMOTO"),
    ("内田", "ウチダ", "UCHIDA"), ("高木", "タカギ", "TAKAGI"), ("安藤", "アンドウ", "ANDO"),
    ("谷口", "タニグチ", "TANIGUCHI"), ("大野", "オオノ", "ONO"), ("丸山", "マルヤマ", "MARUYAMA"),
    ("今井", "イマイ", "IMAI"), ("河野", "コウノ", "KONO"), ("藤本", "フジモト", "FUJIMOTO"),
    ("村田", "ムラタ", "MURATA"), ("武田", "タケダ", "TAKEDA"), ("上野", "ウエノ", "UENO"),
    ("杉山", "スギヤマ", "SUGIYAMA"), ("増田", "マスダ", "MASUDA"), ("平野", "ヒラノ", "HIRANO"),
    ("大塚", "オオツカ", "OTSUKA"), ("千葉", "チバ", "CHIBA"), ("久保", "クボ", "KUBO"),
    ("松井", "マツイ", "MATSUI"), ("小島", "コジマ", "KOJIMA"), ("岩崎", "イワサキ", "IWASAKI"),
    ("桜井", "サクライ", "SAKURAI"), ("野口", "ノグチ", "NOGUCHI"), ("松尾", "マツオ", "MATSUO"),
    ("菊地", "キクチ", "KIKUCHI"), ("野村", "ノムラ", "NOMURA"), ("新井", "アライ", "ARAI"),
    ("東海林", "ショウジ", "SHOJI"), ("五十嵐", "イガラシ", "IGARASHI"), ("小野寺", "オノデラ", "ONODERA"),
    ("栗原", "クリハラ", "KURIHARA"), ("二階堂", "ニカイドウ", "NIKAIDO"), ("蓮見", "ハスミ", "HASUMI"),
]
JP_GIVEN = [
    ("太郎", "タロウ", "TARO", "M"), ("花子", "ハナコ", "HANAKO", "F"), ("翔太", "ショウタ", "SHOTA", "M"),
    ("美咲", "ミサキ", "MISAKI", "F"), ("大輔", "ダイスケ", "DAISUKE", "M"), ("陽菜", "ヒナ", "HINA", "F"),
    ("健一", "ケンイチ", "KENICHI", "M"), ("由美子", "ユミコ", "YUMIKO", "F"), ("拓也", "タクヤ", "TAKUYA", "M"),
    ("真由美", "マユミ", "MAYUMI", "F"), ("蓮", "レン", "REN", "M"), ("結衣", "ユイ", "YUI", "F"),
    ("悠斗", "ユウト", "YUTO", "M"), ("さくら", "サクラ", "SAKURA", "F"), ("直樹", "ナオキ", "NAOKI", "M"),
    ("恵子", "ケイコ", "KEIKO", "F"), ("和也", "カズヤ", "KAZUYA", "M"), ("愛", "アイ", "AI", "F"),
    ("隆", "タカシ", "TAKASHI", "M"), ("智子", "トモコ", "TOMOKO", "F"), ("浩二", "コウジ", "KOJI", "M"),
    ("彩", "アヤ", "AYA", "F"), ("修", "オサム", "OSAMU", "M"), ("千尋", "チヒロ", "CHIHIRO", "F"),
    ("陸", "リク", "RIKU", "M"), ("葵", "アオイ", "AOI", "F"), ("誠", "マコト", "MAKOTO", "M"),
    ("明美", "アケミ", "AKEMI", "F"), ("康介", "コウスケ", "KOSUKE", "M"), ("奈々", "ナナ", "NANA", "F"),
    ("亮", "リョウ", "RYO", "M"), ("久美子", "クミコ", "KUMIKO", "F"), ("達也", "タツヤ", "TATSUYA", "M"),
    ("舞", "マイ", "MAI", "F"), ("慎吾", "シンゴ", "SHINGO", "M"), ("優子", "ユウコ", "YUKO", "F"),
    ("一郎", "イチロウ", "ICHIRO", "M"), ("香織", "カオリ", "KAORI", "F"), ("雄大", "ユウダイ", "YUDAI", "M"),
    ("里奈", "リナ", "RINA", "F"), ("駿", "シュン", "SHUN", "M"), ("紗希", "サキ", "SAKI", "F"),
    ("龍之介", "リュウノスケ", "RYUNOSUKE", "M"), ("菜々子", "ナナコ", "NANAKO", "F"), ("湊", "ミナト", "MINATO", "M"),
    ("凛", "リン", "RIN", "F"), ("大和", "ヤマト", "YAMATO", "M"), ("心春", "コハル", "KOHARU", "F"),
]
# foreign names: (family, given, sex, nationality code, script form or None)
FOREIGN = {
    "en": [("SMITH", "Emily", "F"), ("JOHNSON", "James", "M"), ("WILLIAMS", "Olivia", "F"), ("BROWN", "Michael", "M"),
           ("TAYLOR", "Sarah Jane", "F"), ("ANDERSON", "Daniel", "M"), ("THOMPSON", "Grace", "F"), ("WALKER", "Thomas", "M"),
           ("O'BRIEN", "Siobhan", "F"), ("MACDONALD", "Callum", "M")],
    "de": [("MÜLLER", "Lukas", "M"), ("SCHMIDT", "Anna Maria", "F"), ("SCHNEIDER", "Felix", "M"), ("FISCHER", "Lena", "F"),
           ("WEBER", "Jonas", "M"), ("BECKER", "Sophie", "F"), ("HOFFMANN", "Maximilian", "M"), ("SCHÄFER", "Hannah", "F"),
           ("KRÜGER", "Paul", "M"), ("WAGNER", "Greta", "F")],
    "fr": [("MARTIN", "Camille", "F"), ("BERNARD", "Louis", "M"), ("DUBOIS", "Chloé", "F"), ("LEFÈVRE", "Hugo", "M"),
           ("MOREAU", "Manon", "F"), ("LAURENT", "Théo", "M"), ("GIRARD", "Élodie", "F"), ("ROUSSEAU", "Julien", "M"),
           ("FONTAINE", "Inès", "F"), ("CHEVALIER", "Baptiste", "M")],
    "zh": [("王", "伟", "WANG", "WEI", "M"), ("李", "芳", "LI", "FANG", "F"), ("张", "秀英", "ZHANG", "XIUYING", "F"),
           ("刘", "强", "LIU", "QIANG", "M"), ("陈", "静", "CHEN", "JING", "F"), ("杨", "磊", "YANG", "LEI", "M"),
           ("黄", "丽娟", "HUANG", "LIJUAN", "F"), ("赵", "俊杰", "ZHAO", "JUNJIE", "M"), ("周", "敏", "ZHOU", "MIN", "F"),
           ("吴", "浩然", "WU", "HAORAN", "M")],
    "ko": [("김", "민준", "KIM", "MINJUN", "M"), ("이", "서연", "LEE", "SEOYEON", "F"), ("박", "지훈", "PARK", "JIHOON", "M"),
           ("최", "수빈", "CHOI", "SUBIN", "F"), ("정", "현우", "JUNG", "HYUNWOO", "M"), ("강", "지은", "KANG", "JIEUN", "F"),
           ("조", "도윤", "CHO", "DOYUN", "M"), ("윤", "하은", "YOON", "HAEUN", "F"), ("장", "예준", "JANG", "YEJUN", "M"),
           ("임", "채원", "LIM", "CHAEWON", "F")],
    "vn": [("NGUYEN", "Van An", "M"), ("TRAN", "Thi Mai", "F"), ("LE", "Hoang Nam", "M"), ("PHAM", "Thu Trang", "F"),
           ("HOANG", "Duc Minh", "M"), ("VU", "Thi Lan", "F")],
    "ph": [("SANTOS", "Maria Cristina", "F"), ("REYES", "Jose Miguel", "M"), ("DELA CRUZ", "Angelica", "F"),
           ("BAUTISTA", "Mark Anthony", "M")],
    "es": [("GARCÍA LÓPEZ", "Lucía", "F"), ("MARTÍNEZ RUIZ", "Javier", "M"), ("FERNÁNDEZ GIL", "Carmen", "F")],
    "nl": [("DE JONG", "Daan", "M"), ("VAN DIJK", "Sanne", "F"), ("BAKKER", "Lars", "M")],
    "in": [("SHARMA", "Priya", "F"), ("PATEL", "Rahul", "M"), ("IYER", "Ananya", "F")],
    "br": [("SILVA", "Gabriel", "M"), ("OLIVEIRA", "Beatriz", "F")],
}

# (prefecture, city/ward, towns, postcode prefix)
JP_PLACES = [
    ("東京都", "世田谷区", ["桜新町", "三軒茶屋", "経堂", "奥沢", "上馬"], "154"),
    ("東京都", "杉並区", ["阿佐谷南", "高円寺北", "荻窪", "西荻北"], "166"),
    ("東京都", "練馬区", ["石神井町", "豊玉北", "光が丘", "大泉学園町"], "177"),
    ("東京都", "大田区", ["蒲田", "田園調布", "大森北", "久が原"], "144"),
    ("東京都", "新宿区", ["西早稲田", "神楽坂", "四谷", "高田馬場"], "169"),
    ("東京都", "江東区", ["豊洲", "門前仲町", "亀戸", "大島"], "135"),
    ("東京都", "武蔵野市", ["吉祥寺本町", "中町", "境南町"], "180"),
    ("神奈川県", "横浜市港北区", ["日吉本町", "大倉山", "菊名", "綱島西"], "223"),
    ("神奈川県", "川崎市中原区", ["小杉町", "新丸子町", "元住吉"], "211"),
    ("神奈川県", "藤沢市", ["鵠沼海岸", "湘南台", "辻堂元町"], "251"),
    ("大阪府", "大阪市北区", ["天神橋", "中崎西", "扇町"], "530"),
    ("大阪府", "吹田市", ["千里山西", "江坂町", "津雲台"], "565"),
    ("大阪府", "豊中市", ["桜の町", "岡町北", "上野東"], "560"),
    ("愛知県", "名古屋市千種区", ["覚王山通", "今池", "星が丘元町"], "464"),
    ("愛知県", "岡崎市", ["康生通西", "明大寺町", "羽根町"], "444"),
    ("北海道", "札幌市北区", ["北二十四条西", "新琴似七条", "麻生町"], "001"),
    ("福岡県", "福岡市中央区", ["大名", "赤坂", "薬院", "平尾"], "810"),
    ("福岡県", "北九州市小倉北区", ["魚町", "紺屋町", "足立"], "802"),
    ("宮城県", "仙台市青葉区", ["一番町", "上杉", "八幡"], "980"),
    ("広島県", "広島市中区", ["紙屋町", "舟入本町", "白島北町"], "730"),
    ("埼玉県", "さいたま市浦和区", ["高砂", "常盤", "岸町"], "330"),
    ("千葉県", "船橋市", ["本町", "前原西", "習志野台"], "273"),
    ("兵庫県", "神戸市東灘区", ["岡本", "御影", "住吉本町"], "658"),
    ("静岡県", "静岡市葵区", ["呉服町", "駒形通", "安西"], "420"),
    ("沖縄県", "那覇市", ["久茂地", "首里儀保町", "おもろまち"], "900"),
    ("新潟県", "新潟市中央区", ["古町通", "学校町通", "関屋"], "951"),
    ("長野県", "松本市", ["深志", "城東", "蟻ケ崎"], "390"),
    ("石川県", "金沢市", ["片町", "東山", "寺町"], "920"),
    ("熊本県", "熊本市中央区", ["水前寺", "大江", "新屋敷"], "862"),
    ("岡山県", "岡山市北区", ["奉還町", "津島中", "表町"], "700"),
]
BLDG_A = ["パーク", "グラン", "メゾン", "ハイツ", "コーポ", "ヴィラ", "シャトー", "レジデンス", "プラウド", "サンライズ", "ルミエール", "エクセル"]
BLDG_B = ["桜ヶ丘", "緑風", "青葉", "朝日", "光", "白樺", "若葉", "翠", "欅", "陽だまり", "みなと", "あおば"]
BLDG_C = ["マンション", "ハイツ", "コート", "荘", "レジデンス", "タワー", "ヒルズ", "ガーデン"]
KANJI_NUM = "〇一二三四五六七八九"


def kanji_number(n):
    if n < 10:
        return KANJI_NUM[n]
    if n < 20:
        return "十" + (KANJI_NUM[n - 10] if n > 10 else "")
    t, o = divmod(n, 10)
    return KANJI_NUM[t] + "十" + (KANJI_NUM[o] if o else "")


def jp_person(rng, sex=None):
    f = rng.choice(JP_FAMILY)
    g = rng.choice([x for x in JP_GIVEN if sex is None or x[3] == sex])
    return dict(fam=f[0], giv=g[0], fam_k=f[1], giv_k=g[1], fam_r=f[2], giv_r=g[2], sex=g[3])


def jp_address(rng, style="hyphen", building=None, room=True):
    pref, city, towns, pc = rng.choice(JP_PLACES)
    town = rng.choice(towns)
    c, b, g = rng.randint(1, 6), rng.randint(1, 30), rng.randint(1, 28)
    if town.endswith(("条西", "条")):
        # Sapporo grid: 北二十四条西 5丁目 2-8
        block = "%d丁目%d-%d" % (c, b, g)
    elif style == "kanji":
        block = "%d丁目%d番%d号" % (c, b, g)
    elif style == "banchi":
        block = "%d番地%d" % (rng.randint(10, 999), rng.randint(1, 9))
    elif style == "vertical":
        block = kanji_number(c) + "丁目" + kanji_number(b) + "番" + kanji_number(g) + "号"
    else:
        block = "%d-%d-%d" % (c, b, g)
    bld = ""
    if building is None:
        building = rng.random() < 0.6
    if building:
        a_ = rng.choice(BLDG_A)
        name = a_ + rng.choice(BLDG_B) + rng.choice([c_ for c_ in BLDG_C if c_ != a_])
        if room:
            r = "%d%02d" % (rng.randint(1, 12), rng.randint(1, 12))
            bld = name + (" " if rng.random() < 0.5 else "") + r + rng.choice(["号室", "", "号"])
        else:
            bld = name
    post = "%s-%04d" % (pc, rng.randint(1, 9999))
    return dict(pref=pref, city=city, town=town, block=block, bld=bld, post=post,
                line1=pref + city + town + block, full=pref + city + town + block + (" " + bld if bld else ""))


def jp_mobile(rng, sep="-"):
    return sep.join([rng.choice(["090", "080", "070"]), "%04d" % rng.randint(1000, 9999), "%04d" % rng.randint(0, 9999)])


def jp_landline(rng):
    a = rng.choice([("03", 4), ("06", 4), ("045", 3), ("052", 3), ("092", 3), ("011", 3), ("022", 3), ("075", 3)])
    return "%s-%0*d-%04d" % (a[0], a[1], rng.randint(10 ** (a[1] - 1), 10 ** a[1] - 1), rng.randint(0, 9999))


EMAIL_DOM = ["example.jp", "example.com", "mail.example.ne.jp", "example.co.jp", "example.org"]


def email_for(rng, p):
    base = rng.choice(["{g}.{f}", "{f}.{g}", "{g}_{f}{n}", "{f}{n}", "{g}{f0}{n}"])
    s = base.format(g=p["giv_r"].lower(), f=p["fam_r"].lower(), n=rng.randint(1, 99), f0=p["fam_r"][0].lower())
    return s + "@" + rng.choice(EMAIL_DOM)


def sns_handle(rng, p=None):
    if p is None:
        p = jp_person(rng)
    pat = rng.choice(["{g}_{f}", "{f}.{g}{n}", "{g}{n}", "{g}_{n}", "{f0}{g}_{n}"])
    return pat.format(g=p["giv_r"].lower(), f=p["fam_r"].lower(), n=rng.randint(10, 9999), f0=p["fam_r"][0].lower())


def birth(rng, y0=1950, y1=2004):
    return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)


ERA = [(2019, "令和"), (1989, "平成"), (1926, "昭和")]


def wareki(y, m, d):
    for start, name in ERA:
        if y >= start:
            n = y - start + 1
            return "%s%s年%d月%d日" % (name, "元" if n == 1 else str(n), m, d)


COMPANIES = ["株式会社みどり商事", "合同会社ソラノテ", "有限会社丸福食品", "株式会社ブルーリーフ", "ひかり運輸株式会社",
             "株式会社アサヒテック", "株式会社こだま企画", "東都ガス株式会社", "株式会社ネクストライン", "株式会社さくら不動産"]
PRODUCTS = ["ライトブリーズ 加湿器 HM-320", "ふわもこ タオル 3枚組", "UltraClean Pro 5000", "コードレス掃除機 VC-88",
            "緑茶ティーバッグ 50P", "ワイヤレスイヤホン WE-12", "ステンレスボトル 480ml", "LEDデスクライト DL-7"]


# ======================================================================================
# drawing helpers for documents
def guilloche(pic, rng, box, color, n=14, amp=18, lw=1):
    x0, y0, x1, y1 = box
    for i in range(n):
        ph = rng.uniform(0, 6.3)
        fr = rng.uniform(0.006, 0.02)
        base = y0 + (y1 - y0) * (i + 0.5) / n
        pts = [(x, base + amp * math.sin(x * fr + ph) * math.sin(x * fr * 0.37 + i)) for x in range(int(x0), int(x1), 6)]
        pic.d.line(pts, fill=color, width=lw)


def card_bg(rng, w, h, c0, c1, lines=None, n=16):
    pic = Pic(w, h)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = (xx / w * 0.6 + yy / h * 0.4)[..., None]
    arr = np.array(c0, np.float32)[None, None] * (1 - t) + np.array(c1, np.float32)[None, None] * t
    g = np_rng(rng)
    arr += smooth_noise(g, w, h, 120)[..., None] * 4
    pic.im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    pic.d = ImageDraw.Draw(pic.im)
    if lines:
        guilloche(pic, rng, (0, 0, w, h), lines, n=n, amp=rng.uniform(10, 30))
    return pic


def portrait(pic, rng, box, src=None, gray=False, bgcol=(222, 226, 230), mirror=False):
    """Passport-style portrait in box; a real package photo when src is given, else a silhouette."""
    x0, y0, x1, y1 = [int(v) for v in box]
    bw, bh = x1 - x0, y1 - y0
    pic.d.rectangle(box, fill=bgcol)
    if src is None:
        col = (150, 156, 165)
        pic.d.ellipse((x0 + bw * 0.3, y0 + bh * 0.14, x0 + bw * 0.7, y0 + bh * 0.58), fill=col)
        pic.d.pieslice((x0 + bw * 0.08, y0 + bh * 0.62, x0 + bw * 0.92, y0 + bh * 1.5), 180, 360, fill=col)
        return
    USED_SRC.add(src)
    chip = face_chip(src, bh * 0.52, mirror=mirror, oval=False, gray=gray)
    cx, cy = x0 + bw / 2, y0 + bh * 0.5
    # place the face centre a little above the middle
    fpts = chip.faces[0]
    fcx, fcy = fpts[:, 0].mean(), fpts[:, 1].mean()
    ox, oy = int(cx - fcx), int(y0 + bh * 0.44 - fcy)
    tile = Pic(bw, bh, bgcol)
    tile.paste(chip, (ox - x0, oy - y0))
    pic.paste(tile, (x0, y0))


def signature(pic, rng, x, y, w, h, col=(20, 30, 90)):
    pts = []
    for i in range(60):
        t = i / 59
        pts.append((x + t * w, y + h / 2 + math.sin(t * rng.uniform(9, 16) + rng.uniform(0, 3)) * h / 2 * rng.uniform(0.4, 1)))
    pic.d.line(pts, fill=col, width=3, joint="curve")


def dmy_mon(y, m, d, sep=" "):
    return "%02d%s%s%s%d" % (d, sep, MON[m - 1], sep, y)


def pick_foreign(rng, group):
    e = rng.choice(FOREIGN[group])
    if len(e) == 5:
        return dict(native_fam=e[0], native_giv=e[1], sur=e[2], giv=e[3], sex=e[4])
    return dict(sur=e[0], giv=e[1].upper(), sex=e[2])


ALNUM = "CFGHJKLMNPRTVWXYZ0123456789"


def doc_number(rng, style):
    if style == "JPN":
        return rng.choice("TMR") + rng.choice("KRZHS") + "%07d" % rng.randint(0, 9999999)
    if style == "DEU":
        return "C" + "".join(rng.choice(ALNUM) for _ in range(8))
    if style == "FRA":
        return "%02d%s%s%05d" % (rng.randint(10, 24), rng.choice("ABCDEFGHJK"), rng.choice("ABCDEFGHJK"), rng.randint(0, 99999))
    if style in ("USA", "GBR"):
        return str(rng.randint(5, 6)) + "%08d" % rng.randint(0, 99999999)
    if style == "KOR":
        return "M" + "%08d" % rng.randint(0, 99999999)
    if style == "CHN":
        return "E" + "%08d" % rng.randint(0, 99999999)
    if style == "VNM":
        return "C" + "%07d" % rng.randint(0, 9999999)
    return "".join(rng.choice(ALNUM) for _ in range(9))


# per-country passport settings: labels (as printed), colours and date style
PASSPORTS = {
    "JPN": dict(group="jp", head=["日本国  JAPAN"], title="旅券  PASSPORT", c0=(238, 226, 236), c1=(222, 236, 244), ink=(120, 40, 90),
                L=dict(type="型/Type", code="発行国/Issuing country", no="旅券番号/Passport No.", sur="姓/Surname",
                       giv="名/Given name", nat="国籍/Nationality", dob="生年月日/Date of birth", sex="性別/Sex",
                       pob="本籍/Registered Domicile", iss="発行年月日/Date of issue", exp="有効期間満了日/Date of expiry",
                       auth="発行官庁/Authority"), nat="JAPAN", auth="MINISTRY OF FOREIGN AFFAIRS", date="mon",
                pob=["TOKYO", "OSAKA", "KANAGAWA", "AICHI", "FUKUOKA", "HOKKAIDO"]),
    "DEU": dict(group="de", head=["BUNDESREPUBLIK DEUTSCHLAND", "FEDERAL REPUBLIC OF GERMANY / RÉPUBLIQUE FÉDÉRALE D'ALLEMAGNE"],
                title="REISEPASS / PASSPORT / PASSEPORT", c0=(236, 226, 232), c1=(226, 232, 222), ink=(100, 30, 60),
                L=dict(type="Typ/Type", code="Kode/Code", no="Pass-Nr./Passport No.", sur="Name/Surname/Nom",
                       giv="Vornamen/Given names/Prénoms", nat="Staatsangehörigkeit/Nationality", dob="Geburtstag/Date of birth",
                       sex="Geschlecht/Sex", pob="Geburtsort/Place of birth", iss="Ausstellungsdatum/Date of issue",
                       exp="Gültig bis/Date of expiry", auth="Behörde/Authority"), nat="DEUTSCH", auth="STADT KÖLN", date="dot",
                pob=["BERLIN", "MÜNCHEN", "HAMBURG", "KÖLN", "LEIPZIG", "FREIBURG IM BREISGAU"]),
    "FRA": dict(group="fr", head=["RÉPUBLIQUE FRANÇAISE"], title="PASSEPORT / PASSPORT", c0=(226, 232, 244), c1=(244, 232, 236),
                ink=(40, 50, 120),
                L=dict(type="Type", code="Code du pays/Country code", no="Passeport n°/Passport No.", sur="Nom/Surname",
                       giv="Prénoms/Given names", nat="Nationalité/Nationality", dob="Date de naissance/Date of birth",
                       sex="Sexe/Sex", pob="Lieu de naissance/Place of birth", iss="Date de délivrance/Date of issue",
                       exp="Date d'expiration/Date of expiry", auth="Autorité/Authority"), nat="Française", auth="Préfecture de Lyon",
                date="sp", pob=["PARIS 14E (75)", "LYON (69)", "NANTES (44)", "MARSEILLE (13)", "LILLE (59)"]),
    "USA": dict(group="en", head=["UNITED STATES OF AMERICA"], title="PASSPORT", c0=(230, 236, 246), c1=(246, 240, 228), ink=(30, 40, 90),
                L=dict(type="Type / Type / Tipo", code="Code / Code / Código", no="Passport No. / No. du Passeport",
                       sur="Surname / Nom / Apellidos", giv="Given Names / Prénoms / Nombres", nat="Nationality / Nationalité",
                       dob="Date of birth / Date de naissance", sex="Sex / Sexe", pob="Place of birth / Lieu de naissance",
                       iss="Date of issue / Date de délivrance", exp="Date of expiration / Date d'expiration",
                       auth="Authority / Autorité"), nat="USA", auth="United States Department of State", date="mon",
                pob=["OHIO, U.S.A.", "TEXAS, U.S.A.", "OREGON, U.S.A.", "NEW YORK, U.S.A."]),
    "KOR": dict(group="ko", head=["대한민국  REPUBLIC OF KOREA"], title="여권  PASSPORT", c0=(232, 238, 226), c1=(238, 228, 238),
                ink=(30, 70, 60),
                L=dict(type="종류/Type", code="발행국/Issuing country", no="여권번호/Passport No.", sur="성/Surname",
                       giv="이름/Given names", native="한글성명", nat="국적/Nationality", dob="생년월일/Date of birth", sex="성별/Sex",
                       pob="", iss="발급일/Date of issue", exp="기간만료일/Date of expiry", auth="발행관청/Authority"),
                nat="REPUBLIC OF KOREA", auth="MINISTRY OF FOREIGN AFFAIRS", date="mon", pob=[""]),
    "CHN": dict(group="zh", head=["中华人民共和国", "PEOPLE'S REPUBLIC OF CHINA"], title="护照  PASSPORT", c0=(236, 232, 222),
                c1=(226, 236, 232), ink=(120, 40, 30),
                L=dict(type="类型/Type", code="国家码/Country Code", no="护照号/Passport No.", name="姓名/Name", sex="性别/Sex",
                       pob="出生地点/Place of birth", dob="出生日期/Date of birth", iss="签发日期/Date of issue",
                       exp="有效期至/Date of expiry", auth="签发机关/Authority"),
                nat="CHN", auth="国家移民管理局 National Immigration Administration", date="mon",
                pob=["北京/BEIJING", "上海/SHANGHAI", "广东/GUANGDONG", "四川/SICHUAN"]),
    "GBR": dict(group="en", head=["UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND"], title="PASSPORT", c0=(236, 228, 240),
                c1=(228, 238, 236), ink=(80, 30, 90),
                L=dict(type="Type/Type", code="Code/Code", no="Passport No./Passeport No.", sur="Surname/Nom (1)",
                       giv="Given names/Prénoms (2)", nat="Nationality/Nationalité (3)", dob="Date of birth/Date de naissance (4)",
                       sex="Sex/Sexe (5)", pob="Place of birth/Lieu de naissance (6)", iss="Date of issue/Date de délivrance (7)",
                       exp="Date of expiry/Date d'expiration (9)", auth="Authority/Autorité (8)"),
                nat="BRITISH CITIZEN", auth="HMPO", date="mon", pob=["LONDON", "GLASGOW", "LEEDS", "CARDIFF"]),
    "VNM": dict(group="vn", head=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"], title="HỘ CHIẾU / PASSPORT",
                c0=(232, 240, 232), c1=(244, 236, 224), ink=(30, 80, 50),
                L=dict(type="Loại/Type", code="Mã số/Code", no="Số hộ chiếu/Passport N°", name="Họ và tên/Full name",
                       nat="Quốc tịch/Nationality", dob="Ngày sinh/Date of birth", sex="Giới tính/Sex", pob="Nơi sinh/Place of birth",
                       iss="Ngày cấp/Date of issue", exp="Có giá trị đến/Date of expiry", auth="Cơ quan cấp/Authority"),
                nat="VIỆT NAM/VIETNAMESE", auth="Cục Quản lý xuất nhập cảnh", date="slash", pob=["HÀ NỘI", "HẢI PHÒNG", "ĐÀ NẴNG"]),
}
VN_DIACRITIC = {"NGUYEN": "NGUYỄN", "TRAN": "TRẦN", "LE": "LÊ", "PHAM": "PHẠM", "HOANG": "HOÀNG", "VU": "VŨ",
                "VAN AN": "VĂN AN", "THI MAI": "THỊ MAI", "HOANG NAM": "HOÀNG NAM", "THU TRANG": "THU TRANG",
                "DUC MINH": "ĐỨC MINH", "THI LAN": "THỊ LAN"}


def vfont(val, cc="", bold=True):
    if any("\uac00" <= ch <= "\ud7af" for ch in val):
        return "krb" if bold else "kr"
    if any(ord(ch) > 0x2e80 for ch in val):
        return ("scb" if bold else "sc") if cc == "CHN" else ("sansb" if bold else "sans")
    return "dvb" if bold else "dv"


def fmt_date(style, y, m, d):
    if style == "mon":
        return dmy_mon(y, m, d)
    if style == "dot":
        return "%02d.%02d.%d" % (d, m, y)
    if style == "sp":
        return "%02d %02d %d" % (d, m, y)
    return "%02d/%02d/%d" % (d, m, y)


def passport_page(rng, cc, src=None, bad=None, person=None):
    cfg = PASSPORTS[cc]
    W, H = 1250, 880
    pic = card_bg(rng, W, H, cfg["c0"], cfg["c1"], lines=tuple(max(0, c - 18) for c in cfg["c0"]), n=22)
    ink, lab = cfg["ink"], (90, 90, 100)
    if person is None:
        if cfg["group"] == "jp":
            p = jp_person(rng)
            person = dict(sur=p["fam_r"], giv=p["giv_r"], sex=p["sex"])
        else:
            person = pick_foreign(rng, cfg["group"])
    sur, giv = person["sur"], person["giv"]
    by, bm, bd = birth(rng, 1955, 2003)
    iy = rng.randint(2018, 2025)
    im_, id_ = rng.randint(1, 12), rng.randint(1, 28)
    ey = iy + 10
    num = doc_number(rng, cc)
    y = 18
    for i, hline in enumerate(cfg["head"]):
        f = "sansb" if cc in ("JPN", "CHN") else ("krb" if cc == "KOR" else "dvb")
        if cc == "CHN":
            f = "scb"
        sz = 30 if i == 0 else 18
        if len(hline) > 45:
            sz = 22 if i == 0 else 16
        pic.t((W / 2, y), hline, f, sz, fill=ink, anchor="ma")
        y += sz + 8
    tf = {"JPN": "sansb", "KOR": "krb", "CHN": "scb"}.get(cc, "dvb")
    pic.t((W / 2, y + 2), cfg["title"], tf, 22, fill=ink, anchor="ma")
    photo_box = (45, 150, 345, 550)
    portrait(pic, rng, photo_box, src)
    signature(pic, rng, 70, 575, 240, 40)
    vf = {"JPN": "dvb", "KOR": "krb", "CHN": "scb"}.get(cc, "dvb")
    lf = {"JPN": "sans", "KOR": "kr", "CHN": "sc"}.get(cc, "dv")
    L = cfg["L"]
    ds = cfg["date"]
    dob_s = fmt_date(ds, by, bm, bd)
    rows = []
    rows.append([(L["type"], "P", None, 380), (L["code"], cc if cc != "DEU" else "D", None, 540), (L["no"], num, "passport", 860)])
    if "name" in L:
        if cc == "CHN":
            rows.append([(L["name"], person["native_fam"] + person["native_giv"], "person_name", 380)])
            rows.append([("", "%s, %s" % (sur, giv), "person_name", 380)])
        else:
            vs = VN_DIACRITIC.get(sur, sur) + " " + VN_DIACRITIC.get(giv, giv)
            rows.append([(L["name"], vs, "person_name", 380)])
    else:
        rows.append([(L["sur"], sur, "person_name", 380)])
        rows.append([(L["giv"], giv, "person_name", 380)])
    if "native" in L:
        rows.append([(L["native"], person["native_fam"] + person["native_giv"], "person_name", 380)])
    sexs = {"M": "M", "F": "F"}[person["sex"]]
    if cc == "FRA":
        sexs = person["sex"]
    if "nat" in L:
        rows.append([(L["nat"], cfg["nat"], None, 380), (L["sex"], sexs, None, 960)])
        rows.append([(L["dob"], dob_s, "birthdate", 380), (L["pob"], rng.choice(cfg["pob"]), None, 700)] if L["pob"] else
                    [(L["dob"], dob_s, "birthdate", 380)])
    else:
        rows.append([(L["sex"], sexs, None, 380), (L["pob"], rng.choice(cfg["pob"]), None, 560)])
        rows.append([(L["dob"], dob_s, "birthdate", 380)])
    rows.append([(L["iss"], fmt_date(ds, iy, im_, id_), None, 380), (L["exp"], fmt_date(ds, ey, im_, max(1, id_ - 1)), None, 760)])
    rows.append([(L["auth"], cfg["auth"], None, 380)])
    y = 150
    step = min(74, 520 // len(rows))
    for row in rows:
        for label, val, kind, x in row:
            if label:
                pic.t((x, y), label, lf, 15, fill=lab)
            vsz = 25 if len(val) < 30 else 20
            pic.t((x, y + 19), val, vfont(val, cc), vsz, fill=(20, 20, 30), kind=kind if kind else False)
        y += step
    # ghost image (second, small portrait) on newer passports
    if src and rng.random() < 0.5:
        gb = (1080, 560, 1190, 680)
        tile = Pic(110, 120, (230, 230, 230))
        portrait(tile, rng, (0, 0, 110, 120), src, gray=True, bgcol=(235, 235, 235))
        tile.im = Image.blend(tile.im, Image.new("RGB", tile.im.size, cfg["c1"]), 0.45)
        pic.paste(tile, gb[:2])
    # MRZ
    pic.d.rectangle((0, 690, W, H), fill=tuple(min(255, c + 8) for c in cfg["c1"]))
    nat3 = {"DEU": "D<<"}.get(cc, cc)
    dob = yymmdd(by, bm, bd)
    exp = yymmdd(ey, im_, max(1, id_ - 1))
    personal = "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([0, 0, 10]))) if cc in ("GBR", "USA", "KOR") else ""
    l1, l2, nf = td3("P<", nat3, sur, giv, num, nat3, dob, person["sex"], exp, personal, bad=bad)
    fo = font("mono", 41)
    x0 = 38
    y1, y2 = 712, 786
    # line 1: name run
    pre = l1[:5]
    pic.runs((x0, y1), [(pre, False), (nf, "person_name" if not bad else False), (l1[5 + len(nf):], False)], "mono", 41,
             fill=(15, 15, 15))
    if bad:
        pic.t((x0, y2), l2, "mono", 41, fill=(15, 15, 15), decoy="passport")
    else:
        pic.runs((x0, y2), [(l2[:9].rstrip("<"), "passport"), (l2[:9][len(l2[:9].rstrip("<")):], False), (l2[9:13], False), (l2[13:19], "birthdate"), (l2[19:], False)], "mono", 41,
                 fill=(15, 15, 15))
        pic.mrz.append(dict(format="TD3", lines=[l1, l2]))
    return pic, dict(person=person, num=num, l1=l1, l2=l2)


def passport_photo(rng, cc, src, **kw):
    page, info = passport_page(rng, cc, src, **kw)
    # the booklet: the data page and the facing page on a cover
    book = Pic(page.w + 60, page.h * 2 + 90, (60, 20, 40) if cc in ("JPN", "DEU", "FRA", "GBR") else (20, 40, 70))
    other = card_bg(rng, page.w, page.h, PASSPORTS[cc]["c1"], PASSPORTS[cc]["c0"], lines=(210, 210, 210), n=30)
    book.paste(other, (30, 30))
    book.paste(page, (30, page.h + 60))
    book.d.line((30, page.h + 45, 30 + page.w, page.h + 45), fill=(150, 140, 140), width=4)
    style = rng.choice(["half", "half", "full"])
    if style == "half":
        flat = Pic(page.w + 60, page.h + 60, book.im.getpixel((5, 5)))
        flat.paste(page, (30, 30))
    else:
        flat = book
    photo = photo_of(flat, rng, bg=rng.choice(["wood", "desk", "fabric"]), out_long=rng.choice([1600, 1800, 2000]),
                     fill=0.86, angle=rng.uniform(-8, 8), persp=0.03, tilt=rng.choice([None, 0.06, 0.1]), radius=14)
    return photo, info


FD = "foreign_docs"


def _passport_entry(cc, src, notes, chat=False, q=82, bad=None):
    def fn(rng):
        photo, info = passport_photo(rng, cc, src, bad=bad)
        finish(photo, rng, blur_r=rng.choice([0, 0.6, 1.0]), noise_s=rng.uniform(2, 5), chat=chat)
        return photo, dict(doc="passport", notes=notes, quality=q)
    return fn


for _i, (_cc, _src, _chat, _q) in enumerate([
        ("JPN", "camera", False, 84), ("DEU", "hopper", True, 72), ("FRA", None, False, 88), ("USA", "hopper", True, 70),
        ("KOR", "hopper", False, 80), ("CHN", None, True, 76), ("GBR", "camera", False, 90), ("VNM", None, False, 66)]):
    picture(FD, "passport_td3_%s_%02d" % (_cc.lower(), _i + 1))(
        _passport_entry(_cc, _src, "TD3 passport data page photographed on a surface (%s labels); MRZ check digits valid%s" %
                        (_cc, "; shrunk to 1280 as chat apps send it" if _chat else ""), _chat, _q))


@picture(FD, "passport_scan_jpn_grey")
def _pp_scan(rng):
    page, info = passport_page(rng, "JPN", "hopper")
    page.im = ImageOps.grayscale(page.im).convert("RGB")
    flat = scan_of(page, rng, angle=1.4, margin=0.06)
    finish(flat, rng, blur_r=0.7, noise_s=3, long_side=1400)
    return flat, dict(doc="passport", notes="greyscale flatbed scan of a Japanese passport data page, 1.4° skew", quality=78)


# ---------------------------------------------------------------- TD1 identity cards
DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def id_card_td1(rng, cc):
    W, H = 1030, 650
    if cc == "DEU":
        p = pick_foreign(rng, "de")
        c0, c1, ink = (236, 230, 238), (222, 236, 230), (70, 40, 80)
        title = ["BUNDESREPUBLIK DEUTSCHLAND", "FEDERAL REPUBLIC OF GERMANY"]
        doc = "PERSONALAUSWEIS / IDENTITY CARD / CARTE D'IDENTITÉ"
        labels = dict(sur="Name / Surname / Nom", giv="Vornamen / Given names / Prénoms", dob="Geburtstag / Date of birth",
                      nat="Staatsangehörigkeit / Nationality", pob="Geburtsort / Place of birth", exp="Gültig bis / Date of expiry")
        nat_s, pob = "DEUTSCH", rng.choice(["BERLIN", "HAMBURG", "DRESDEN", "BONN"])
        num = "L" + "".join(rng.choice(ALNUM) for _ in range(8))
        state, nat = "D<<", "D<<"
        city, street = rng.choice([("10115 BERLIN", "HAUPTSTRASSE"), ("50667 KÖLN", "HOHE STRASSE"),
                                   ("80331 MÜNCHEN", "SENDLINGER STR."), ("20095 HAMBURG", "MÖNCKEBERGSTR.")])
        addr = [city, "%s %d" % (street, rng.randint(1, 180))]
        addr_label = "Anschrift / Address / Adresse"
        dfmt = "dot"
        dob_fmt = None
    elif cc == "FRA":
        p = pick_foreign(rng, "fr")
        c0, c1, ink = (226, 234, 246), (240, 232, 240), (30, 50, 120)
        title = ["RÉPUBLIQUE FRANÇAISE"]
        doc = "CARTE NATIONALE D'IDENTITÉ / IDENTITY CARD"
        labels = dict(sur="NOM / Surname", giv="Prénoms / Given names", dob="DATE DE NAISS. / Date of birth",
                      nat="NATIONALITÉ / Nationality", pob="LIEU DE NAISSANCE / Place of birth", exp="DATE D'EXPIR. / Expiry date")
        nat_s, pob = "FRA", rng.choice(["PARIS 11E (75)", "BORDEAUX (33)", "RENNES (35)", "NICE (06)"])
        num = "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(9))
        state, nat = "FRA", "FRA"
        addr = ["%d RUE %s" % (rng.randint(1, 120), rng.choice(["DE LA PAIX", "VICTOR HUGO", "DES LILAS", "DU MOULIN"])),
                rng.choice(["75002 PARIS", "69003 LYON", "33000 BORDEAUX", "44000 NANTES"])]
        addr_label = "ADRESSE / Address"
        dfmt = "sp"
    elif cc == "NLD":
        p = pick_foreign(rng, "nl")
        c0, c1, ink = (238, 232, 220), (224, 232, 242), (140, 60, 20)
        title = ["KONINKRIJK DER NEDERLANDEN", "KINGDOM OF THE NETHERLANDS"]
        doc = "IDENTITEITSKAART / IDENTITY CARD"
        labels = dict(sur="Naam / Surname", giv="Voornamen / Given names", dob="Geboortedatum / Date of birth",
                      nat="Nationaliteit / Nationality", pob="Geboorteplaats / Place of birth", exp="Geldig tot / Date of expiry")
        nat_s, pob = "Nederlandse", rng.choice(["Amsterdam", "Utrecht", "Rotterdam", "Groningen"])
        num = "".join(rng.choice("ABCDEFGHJKLNPRSTUVWXYZ") for _ in range(2)) + "".join(rng.choice("ABCDEFGHJKLNPRSTUVWXYZ0123456789") for _ in range(6)) + str(rng.randint(0, 9))
        state, nat = "NLD", "NLD"
        addr = None
        dfmt = "mon"
    else:  # ESP
        p = pick_foreign(rng, "es")
        c0, c1, ink = (240, 230, 222), (232, 236, 246), (140, 30, 40)
        title = ["REINO DE ESPAÑA"]
        doc = "DOCUMENTO NACIONAL DE IDENTIDAD"
        labels = dict(sur="APELLIDOS", giv="NOMBRE", dob="FECHA DE NACIMIENTO", nat="NACIONALIDAD", pob="", exp="VALIDEZ")
        nat_s, pob = "ESP", ""
        dni = rng.randint(10000000, 99999999)
        num = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + "%06d" % rng.randint(0, 999999)
        state, nat = "ESP", "ESP"
        addr = ["C. %s %d, %dº %s" % (rng.choice(["MAYOR", "ALCALÁ", "SERRANO", "DE TOLEDO"]), rng.randint(1, 99),
                                        rng.randint(1, 8), rng.choice("ABCD")), rng.choice(["28013 MADRID", "08001 BARCELONA", "41001 SEVILLA"])]
        addr_label = "DOMICILIO"
        dfmt = "sp"
    by, bm, bd = birth(rng, 1960, 2004)
    ey, em, ed = rng.randint(2027, 2034), rng.randint(1, 12), rng.randint(1, 28)
    front = card_bg(rng, W, H, c0, c1, lines=tuple(c - 16 for c in c0), n=18)
    y = 22
    for i, tl in enumerate(title):
        front.t((W / 2 + 60, y), tl, "dvb", 28 if i == 0 else 17, fill=ink, anchor="ma")
        y += 36 if i == 0 else 24
    front.t((W / 2 + 60, y), doc, "dv", 17, fill=ink, anchor="ma")
    portrait(front, rng, (36, 150, 316, 510), rng.choice(["camera", "hopper", None]), gray=cc == "NLD")
    x = 350
    yy = 150
    fields = [(labels["sur"], p["sur"], "person_name"), (labels["giv"], p["giv"], "person_name"),
              (labels["dob"], fmt_date(dfmt, by, bm, bd), "birthdate"), (labels["nat"], nat_s, None)]
    if labels["pob"]:
        fields.append((labels["pob"], pob, None))
    fields.append((labels["exp"], fmt_date(dfmt, ey, em, ed), None))
    if cc == "ESP":
        dnum = "%08d%s" % (dni, DNI_LETTERS[dni % 23])
        fields.insert(0, ("DNI", dnum, "passport"))
    for lab, val, kind in fields:
        front.t((x, yy), lab, "dv", 14, fill=(90, 90, 100))
        front.t((x, yy + 17), val, "dvb", 24, fill=(20, 20, 30), kind=kind if kind else False)
        yy += 58
    front.t((W - 40, 110), num, "monob", 26, fill=(160, 30, 30), anchor="ra", kind="passport")
    signature(front, rng, 60, 540, 220, 40)
    # back with the address and the MRZ
    back = card_bg(rng, W, H, c1, c0, lines=tuple(c - 14 for c in c1), n=12)
    if addr:
        back.t((40, 40), addr_label, "dv", 15, fill=(90, 90, 100))
        yy = 62
        for line in addr:
            back.t((40, yy), line, "dvb", 25, fill=(20, 20, 30), kind="address")
            yy += 34
    back.t((40, 190), "Größe / Height" if cc == "DEU" else "TAILLE / Height" if cc == "FRA" else "ESTATURA" if cc == "ESP" else "Lengte / Height",
           "dv", 15, fill=(90, 90, 100))
    back.t((40, 210), "%d cm" % rng.randint(155, 192), "dvb", 22, fill=(20, 20, 30))
    back.d.rectangle((0, 400, W, H), fill=(248, 248, 246))
    opt1 = "%08d" % rng.randint(0, 99999999) if cc == "NLD" else ""
    l1, l2, l3, nf = td1("ID" if cc != "DEU" else "ID", state, num, yymmdd(by, bm, bd), p["sex"], yymmdd(ey, em, ed), nat,
                         p["sur"], p["giv"], opt1=opt1)
    fsz = 46
    ys = [420, 492, 564]
    back.runs((34, ys[0]), [(l1[:5], False), (l1[5:14].rstrip("<"), "passport"), (l1[5:14][len(l1[5:14].rstrip("<")):], False), (l1[14:], False)], "mono", fsz, fill=(15, 15, 15))
    back.mrz.append(dict(format="TD1", lines=[l1, l2, l3]))
    back.runs((34, ys[1]), [(l2[:6], "birthdate"), (l2[6:], False)], "mono", fsz, fill=(15, 15, 15))
    back.runs((34, ys[2]), [(nf, "person_name"), (l3[len(nf):], False)], "mono", fsz, fill=(15, 15, 15))
    return front, back


def _id_entry(cc, notes):
    def fn(rng):
        front, back = id_card_td1(rng, cc)
        layout = rng.choice(["both", "both", "back"])
        W, Hh = (2000, 1400) if layout == "both" else (1600, 1200)
        photo = Pic(W, Hh)
        photo.im = surface(rng, W, Hh, rng.choice(["wood", "desk", "paper"]))
        photo.d = ImageDraw.Draw(photo.im)
        if layout == "both":
            cw = 900
            warp_onto(photo, front, jitter_quad(rng, W * 0.27, Hh * 0.5, cw, cw * 650 / 1030, rng.uniform(-9, 9), 0.02), radius=40)
            warp_onto(photo, back, jitter_quad(rng, W * 0.74, Hh * 0.5, cw, cw * 650 / 1030, rng.uniform(-9, 9), 0.02), radius=40)
        else:
            cw = 1350
            warp_onto(photo, back, jitter_quad(rng, W / 2, Hh / 2, cw, cw * 650 / 1030, rng.uniform(-6, 6), 0.03), radius=50)
        photo.im = light(photo.im, rng, 0.22)
        finish(photo, rng, blur_r=rng.choice([0, 0.5, 0.9]), noise_s=rng.uniform(2, 4), chat=rng.random() < 0.4)
        return photo, dict(doc="id_card", notes=notes + ("; front and back side by side" if layout == "both" else "; back only")
                           , quality=rng.choice([70, 80, 88]))
    return fn


for _cc in ["DEU", "FRA", "NLD", "ESP"]:
    picture(FD, "idcard_td1_%s" % _cc.lower())(_id_entry(_cc, "TD1 identity card (%s), 3x30 MRZ with valid check digits" % _cc))


# ---------------------------------------------------------------- visas, residence cards, licences, health cards
def field(pic, x, y, label, value, kind=None, lsize=14, vsize=24, lfont="dv", vfont_=None, lab=(95, 95, 105), gap=17):
    if label:
        pic.t((x, y), label, lfont, lsize, fill=lab)
    if value:
        pic.t((x, y + gap), value, vfont_ or vfont(value), vsize, fill=(20, 20, 30), kind=kind if kind else False)


def lay_card_photo(rng, cards, bg=None, out=(1800, 1350), sizes=None, chat=None, fill=0.8):
    """cards: list of (Pic, radius).  Lays them out side by side / stacked on a surface."""
    W, H = out
    photo = Pic(W, H)
    photo.im = surface(rng, W, H, bg or rng.choice(["wood", "desk", "fabric", "paper"]))
    photo.d = ImageDraw.Draw(photo.im)
    n = len(cards)
    for i, (c, r) in enumerate(cards):
        if n == 1:
            cw = W * fill
            cx, cy = W / 2, H / 2
        elif W >= H:
            cw = W * 0.46
            cx, cy = W * (0.26 + 0.49 * i), H / 2 + rng.uniform(-0.06, 0.06) * H
        else:
            cw = W * 0.86
            cx, cy = W / 2 + rng.uniform(-0.03, 0.03) * W, H * (0.27 + 0.47 * i)
        ch = cw * c.h / c.w
        if ch > H * (0.9 if n == 1 else 0.46):
            ch = H * (0.9 if n == 1 else 0.46)
            cw = ch * c.w / c.h
        warp_onto(photo, c, jitter_quad(rng, cx, cy, cw, ch, rng.uniform(-8, 8), 0.025), radius=r)
    photo.im = light(photo.im, rng, rng.uniform(0.12, 0.28))
    return photo


def visa_sticker(rng, kind):
    if kind == "JPN":
        W, H = 1250, 880
        grp = rng.choice(["zh", "vn", "ph", "in"])
        p = pick_foreign(rng, grp)
        pic = card_bg(rng, W, H, (236, 240, 226), (246, 232, 224), lines=(200, 214, 196), n=26)
        ink = (40, 90, 60)
        pic.t((W / 2, 20), "日本国査証  VISA  JAPAN", "sansb", 34, fill=ink, anchor="ma")
        portrait(pic, rng, (40, 110, 320, 470), rng.choice(["hopper", "camera", None]))
        by, bm, bd = birth(rng, 1970, 2004)
        vis_no = "%09d" % rng.randint(0, 999999999)
        pno = doc_number(rng, "CHN")
        nat = {"zh": "CHN", "vn": "VNM", "ph": "PHL", "in": "IND"}
        natc = nat[grp]
        x = 360
        field(pic, x, 100, "種類/Type", "TEMPORARY VISITOR", lfont="sans")
        field(pic, x + 520, 100, "番号/No.", vis_no, "passport", lfont="sans")
        field(pic, x, 170, "氏名/Name", "%s %s" % (p["sur"], p["giv"]), "person_name", lfont="sans")
        field(pic, x, 240, "生年月日/Date of birth", dmy_mon(by, bm, bd), "birthdate", lfont="sans")
        field(pic, x + 420, 240, "性別/Sex", p["sex"], lfont="sans")
        field(pic, x, 310, "国籍/Nationality", natc, lfont="sans")
        field(pic, x + 420, 310, "旅券番号/Passport No.", pno, "passport", lfont="sans")
        iy = rng.randint(2025, 2026)
        field(pic, x, 380, "有効期限/Valid until", dmy_mon(iy, rng.randint(1, 12), rng.randint(1, 28)), lfont="sans")
        field(pic, x + 420, 380, "在留期間/Duration of stay", "90 DAYS", lfont="sans")
        field(pic, x, 450, "発給地/Issued at", "SHANGHAI", lfont="sans")
        pic.d.rectangle((0, 620, W, H), fill=(246, 246, 240))
        l1, l2, nf = mrv("A", "JPN", p["sur"], p["giv"], vis_no, natc, yymmdd(by, bm, bd), p["sex"],
                         yymmdd(iy, rng.randint(1, 12), rng.randint(1, 28)))
        pic.runs((38, 660), [(l1[:5], False), (nf, "person_name"), (l1[5 + len(nf):], False)], "mono", 41, fill=(15, 15, 15))
        pic.runs((38, 740), [(l2[:9].rstrip("<"), "passport"), (l2[:9][len(l2[:9].rstrip("<")):], False), (l2[9:13], False), (l2[13:19], "birthdate"), (l2[19:], False)], "mono", 41,
                 fill=(15, 15, 15))
        pic.mrz.append(dict(format="MRV-A", lines=[l1, l2]))
        return pic, "MRV-A (2x44) Japanese visa sticker"
    if kind == "SCH":
        W, H = 1000, 720
        grp = rng.choice(["zh", "in", "ph"])
        p = pick_foreign(rng, grp)
        nc = {"zh": "CHN", "in": "IND", "ph": "PHL"}[grp]
        pic = card_bg(rng, W, H, (232, 236, 246), (244, 236, 230), lines=(206, 210, 226), n=22)
        ink = (30, 40, 110)
        pic.t((30, 18), "VISA", "dvb", 40, fill=ink)
        pic.t((150, 30), "SCHENGEN", "dvb", 22, fill=ink)
        portrait(pic, rng, (30, 110, 250, 390), rng.choice(["camera", None]))
        x = 280
        field(pic, x, 96, "VALABLE POUR / VALID FOR", "ETATS SCHENGEN", lsize=13, vsize=22)
        iy = rng.randint(2025, 2026)
        field(pic, x, 150, "DU / FROM", "%02d-%02d-%02d" % (rng.randint(1, 28), rng.randint(1, 6), iy % 100), lsize=13, vsize=22)
        field(pic, x + 220, 150, "AU / UNTIL", "%02d-%02d-%02d" % (rng.randint(1, 28), rng.randint(7, 12), iy % 100), lsize=13, vsize=22)
        field(pic, x + 440, 150, "TYPE DE VISA / TYPE OF VISA", "C", lsize=13, vsize=22)
        field(pic, x, 204, "DUREE DE SEJOUR / DURATION OF VISIT", "90 JOURS", lsize=13, vsize=22)
        vno = "FRA" + "%09d" % rng.randint(0, 999999999)
        field(pic, x + 440, 204, "NOMBRE D'ENTREES / NUMBER OF ENTRIES", "MULT", lsize=13, vsize=22)
        field(pic, x, 258, "DELIVRE A / ISSUED IN", "BEIJING  LE / ON %02d-%02d-%d" % (rng.randint(1, 28), rng.randint(1, 12), iy),
              lsize=13, vsize=22)
        nm = "%s, %s" % (p["sur"], p["giv"])
        field(pic, x, 312, "NOM, PRENOM / SURNAME, NAME", nm, "person_name", lsize=13, vsize=24)
        pno = doc_number(rng, "CHN")
        field(pic, x, 366, "N° DU PASSEPORT / PASSPORT NUMBER", pno, "passport", lsize=13, vsize=22)
        pic.t((W - 30, 30), vno, "monob", 24, fill=(170, 30, 30), anchor="ra", kind="passport")
        pic.d.rectangle((0, 520, W, H), fill=(248, 248, 244))
        by, bm, bd = birth(rng, 1965, 2002)
        l1, l2, nf = mrv("B", "FRA", p["sur"], p["giv"], pno, nc, yymmdd(by, bm, bd), p["sex"], yymmdd(iy, 12, 28))
        pic.runs((30, 560), [(l1[:5], False), (nf, "person_name"), (l1[5 + len(nf):], False)], "mono", 44, fill=(15, 15, 15))
        pic.runs((30, 630), [(l2[:9].rstrip("<"), "passport"), (l2[:9][len(l2[:9].rstrip("<")):], False), (l2[9:13], False), (l2[13:19], "birthdate"), (l2[19:], False)], "mono", 44,
                 fill=(15, 15, 15))
        pic.mrz.append(dict(format="MRV-B", lines=[l1, l2]))
        return pic, "MRV-B (2x36) Schengen visa sticker, 'SURNAME, NAME' form"
    # USA
    W, H = 1250, 880
    p = pick_foreign(rng, rng.choice(["ko", "br", "de"]))
    pic = card_bg(rng, W, H, (240, 236, 224), (226, 236, 246), lines=(214, 206, 196), n=30)
    ink = (30, 40, 90)
    pic.t((W / 2, 18), "UNITED STATES OF AMERICA", "dvb", 32, fill=ink, anchor="ma")
    pic.t((W / 2, 60), "VISA", "dvb", 26, fill=(150, 30, 30), anchor="ma")
    portrait(pic, rng, (40, 110, 330, 480), rng.choice(["hopper", None]))
    x = 370
    iy = rng.randint(2024, 2026)
    field(pic, x, 110, "Issuing Post Name", "SEOUL" if "native_fam" in p else "FRANKFURT")
    ctl = "%014d" % rng.randint(0, 10 ** 14 - 1)
    field(pic, x + 430, 110, "Control Number", ctl)
    field(pic, x, 175, "Surname", p["sur"], "person_name")
    field(pic, x, 240, "Given Name", p["giv"], "person_name")
    vno = str(rng.randint(10000000, 99999999))
    field(pic, x + 430, 240, "Visa Type/Class", "R  B1/B2")
    pno = doc_number(rng, "KOR")
    field(pic, x, 305, "Passport Number", pno, "passport")
    field(pic, x + 300, 305, "Sex", p["sex"])
    by, bm, bd = birth(rng, 1960, 2003)
    field(pic, x + 430, 305, "Birth Date", dmy_mon(by, bm, bd), "birthdate")
    field(pic, x, 370, "Nationality", "KOR" if "native_fam" in p else "DEU")
    field(pic, x + 300, 370, "Entries", "M")
    field(pic, x, 435, "Issue Date", dmy_mon(iy, 3, 14))
    field(pic, x + 300, 435, "Expiration Date", dmy_mon(iy + 10, 3, 12))
    pic.t((W - 40, 470), vno, "monob", 30, fill=(160, 30, 30), anchor="ra", kind="passport")
    pic.d.rectangle((0, 620, W, H), fill=(248, 248, 244))
    l1, l2, nf = mrv("A", "USA", p["sur"], p["giv"], vno, "KOR" if "native_fam" in p else "D<<", yymmdd(by, bm, bd), p["sex"],
                     yymmdd(iy + 10, 3, 12))
    pic.runs((38, 660), [(l1[:5], False), (nf, "person_name"), (l1[5 + len(nf):], False)], "mono", 41, fill=(15, 15, 15))
    pic.runs((38, 740), [(l2[:9].rstrip("<"), "passport"), (l2[:9][len(l2[:9].rstrip("<")):], False), (l2[9:13], False), (l2[13:19], "birthdate"), (l2[19:], False)], "mono", 41,
             fill=(15, 15, 15))
    pic.mrz.append(dict(format="MRV-A", lines=[l1, l2]))
    return pic, "MRV-A (2x44) US visa foil"


def _visa_entry(kind):
    def fn(rng):
        pic, note = visa_sticker(rng, kind)
        page = Pic(pic.w + 120, pic.h + 160)
        page.im = card_bg(rng, page.w, page.h, (236, 232, 240), (228, 238, 232), lines=(210, 206, 214), n=40).im
        page.d = ImageDraw.Draw(page.im)
        page.t((page.w - 50, 30), str(rng.randint(5, 30)), "dv", 22, fill=(140, 140, 150), anchor="ra")
        page.paste(pic, (60, 90))
        if rng.random() < 0.5:
            photo = photo_of(page, rng, bg=rng.choice(["wood", "desk"]), out_long=1800, fill=0.9, radius=0, tilt=0.07)
            finish(photo, rng, blur_r=0.6, noise_s=3, chat=rng.random() < 0.5)
        else:
            photo = scan_of(page, rng)
            finish(photo, rng, blur_r=0.4, noise_s=2, long_side=1700)
        return photo, dict(doc="passport", notes=note + " on a passport visa page", quality=rng.choice([72, 82, 90]))
    return fn


for _k in ["JPN", "SCH", "USA"]:
    picture(FD, "visa_%s" % _k.lower())(_visa_entry(_k))


NAT_JA = {"vn": "ベトナム", "zh": "中国", "ph": "フィリピン", "in": "インド", "br": "ブラジル", "ko": "韓国"}


def residence_card_jp(rng):
    W, H = 1030, 650
    grp = rng.choice(["vn", "ph", "zh", "br", "in"])
    p = pick_foreign(rng, grp)
    pic = card_bg(rng, W, H, (232, 240, 246), (246, 240, 226), lines=(206, 220, 230), n=24)
    ink = (20, 60, 110)
    pic.t((28, 20), "在留カード", "sansb", 34, fill=ink)
    pic.t((28, 64), "RESIDENCE CARD", "dvb", 16, fill=ink)
    num = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + "%08d" % rng.randint(0, 99999999) + \
        "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
    pic.t((W - 30, 24), "番号", "sans", 14, fill=(90, 90, 100), anchor="ra")
    pic.t((W - 30, 44), num, "monob", 30, fill=(150, 20, 20), anchor="ra", kind="passport")
    name = "%s %s" % (p["sur"], p["giv"])
    pic.t((28, 110), "氏名", "sans", 15, fill=(90, 90, 100))
    pic.t((28, 127), "NAME", "dv", 11, fill=(90, 90, 100))
    pic.t((90, 108), name, "dvb", 30, fill=(20, 20, 30), kind="person_name")
    by, bm, bd = birth(rng, 1970, 2004)
    pic.t((28, 170), "生年月日", "sans", 14, fill=(90, 90, 100))
    pic.t((120, 165), "%d年%02d月%02d日" % (by, bm, bd), "sansb", 22, fill=(20, 20, 30), kind="birthdate")
    pic.t((340, 170), "性別", "sans", 14, fill=(90, 90, 100))
    pic.t((390, 165), "男 M." if p["sex"] == "M" else "女 F.", "sansb", 22, fill=(20, 20, 30))
    pic.t((490, 170), "国籍・地域", "sans", 14, fill=(90, 90, 100))
    pic.t((580, 165), NAT_JA[grp], "sansb", 22, fill=(20, 20, 30))
    a = jp_address(rng, style=rng.choice(["kanji", "hyphen"]), building=True)
    pic.t((28, 222), "住居地", "sans", 15, fill=(90, 90, 100))
    pic.t((120, 216), a["line1"], "sansb", 22, fill=(20, 20, 30), kind="address")
    pic.t((120, 248), a["bld"], "sansb", 22, fill=(20, 20, 30), kind="address")
    pic.t((28, 300), "在留資格", "sans", 15, fill=(90, 90, 100))
    st = rng.choice(["技術・人文知識・国際業務", "留学", "特定技能1号", "家族滞在", "永住者"])
    pic.t((120, 296), st, "sansb", 24, fill=(20, 20, 30))
    pic.t((28, 350), "在留期間(満了日)", "sans", 15, fill=(90, 90, 100))
    ey = rng.randint(2027, 2031)
    pic.t((180, 346), "%d年(%d年%02d月%02d日)" % (rng.choice([1, 3, 5]), ey, rng.randint(1, 12), rng.randint(1, 28)),
          "sansb", 20, fill=(20, 20, 30))
    pic.t((28, 400), "許可の種類  在留期間更新許可", "sans", 16, fill=(60, 60, 70))
    pic.t((28, 440), "このカードは%d年%02d月%02d日まで有効です。" % (ey, rng.randint(1, 12), rng.randint(1, 28)), "sans", 18,
          fill=(60, 60, 70))
    pic.t((28, 560), "法務大臣", "serifb", 22, fill=(20, 20, 30))
    portrait(pic, rng, (760, 130, 1000, 440), rng.choice(["camera", "hopper", None]))
    pic.d.rectangle((28, 490, 700, 530), outline=(120, 120, 130))
    pic.t((40, 498), "就労制限の有無  就労制限なし", "sans", 18, fill=(30, 30, 40))
    return pic


@picture(FD, "residence_card_jp_01")
def _rc1(rng):
    c = residence_card_jp(rng)
    photo = lay_card_photo(rng, [(c, 34)], out=(1600, 1200), fill=0.82)
    finish(photo, rng, blur_r=0.5, noise_s=3, chat=True)
    return photo, dict(doc="id_card", notes="Japanese residence card (在留カード) photographed on a surface", quality=78)


@picture(FD, "residence_card_jp_02_scan")
def _rc2(rng):
    c = residence_card_jp(rng)
    page = Pic(1240, 1754, (250, 250, 248))
    page.t((80, 80), "在留カード(写し)", "sansb", 36)
    page.t((80, 140), "提出書類 2/3", "sans", 24, fill=(90, 90, 90))
    page.paste(c, (100, 220))
    scan = scan_of(page, rng, angle=-0.8)
    finish(scan, rng, blur_r=0.8, noise_s=2, long_side=1500)
    return scan, dict(doc="id_card", notes="photocopy page with a residence card, scanned at a slight angle", quality=70)


@picture(FD, "residence_card_kr")
def _rck(rng):
    W, H = 1030, 650
    p = pick_foreign(rng, rng.choice(["vn", "en", "zh"]))
    pic = card_bg(rng, W, H, (236, 242, 236), (230, 232, 246), lines=(210, 222, 210), n=20)
    ink = (20, 70, 60)
    pic.t((30, 24), "외국인등록증", "krb", 34, fill=ink)
    pic.t((30, 68), "RESIDENCE CARD", "dvb", 16, fill=ink)
    pic.t((30, 110), "외국인등록번호", "kr", 15, fill=(90, 90, 100))
    by, bm, bd = birth(rng, 1975, 2004)
    sexd = (5 if p["sex"] == "M" else 6) + (2 if by >= 2000 else 0)
    body = "%02d%02d%02d%d%05d" % (by % 100, bm, bd, sexd, rng.randint(0, 99999))
    kcd = (11 - sum(int(a) * b for a, b in zip(body, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5])) % 11) % 10
    regno = body[:6] + "-" + body[6:] + str(kcd)
    pic.t((30, 132), regno, "monob", 30, fill=(20, 20, 30), kind="passport")
    pic.t((30, 190), "성명  Name", "kr", 15, fill=(90, 90, 100))
    pic.t((30, 212), "%s %s" % (p["sur"], p["giv"]), "dvb", 28, fill=(20, 20, 30), kind="person_name")
    pic.t((30, 270), "국가/지역  Country/Region", "kr", 15, fill=(90, 90, 100))
    pic.t((30, 292), rng.choice(["VIETNAM", "U.S.A.", "CHINA"]), "dvb", 24, fill=(20, 20, 30))
    pic.t((30, 350), "체류자격  Status", "kr", 15, fill=(90, 90, 100))
    pic.t((30, 372), rng.choice(["유학(D-2)", "비전문취업(E-9)", "회화지도(E-2)"]), "krb", 24, fill=(20, 20, 30))
    pic.t((30, 430), "발급일자  Issue Date", "kr", 15, fill=(90, 90, 100))
    pic.t((30, 452), "%d.%02d.%02d." % (rng.randint(2022, 2025), rng.randint(1, 12), rng.randint(1, 28)), "dvb", 22)
    pic.t((560, 560), "서울출입국·외국인청장", "krb", 24, fill=(20, 20, 30))
    portrait(pic, rng, (760, 110, 1000, 420), rng.choice(["hopper", None]))
    back = card_bg(rng, W, H, (242, 242, 238), (232, 238, 232), lines=None)
    back.t((30, 30), "체류지  Address", "kr", 16, fill=(90, 90, 100))
    gu = rng.choice([("서울특별시 마포구 월드컵로", 25), ("서울특별시 관악구 관악로", 14), ("부산광역시 해운대구 해운대로", 8)])
    line = "%s%d길 %d, %d호" % (gu[0], gu[1], rng.randint(2, 60), rng.randint(101, 905))
    back.t((30, 60), "%d.%02d.%02d" % (rng.randint(2023, 2025), rng.randint(1, 12), rng.randint(1, 28)), "dv", 18)
    back.t((180, 58), line, "krb", 24, fill=(20, 20, 30), kind="address")
    for i in range(4):
        back.d.line((30, 110 + i * 60, W - 30, 110 + i * 60), fill=(190, 190, 190), width=1)
    photo = lay_card_photo(rng, [(pic, 34), (back, 34)], out=(1900, 1300))
    finish(photo, rng, blur_r=0.6, noise_s=3)
    return photo, dict(doc="id_card", notes="Korean residence card (외국인등록증) front and back; the registration number is labelled as an identity-document number (kind passport)",
                       quality=80)


def dl_eu(rng):
    W, H = 1030, 650
    p = pick_foreign(rng, "de")
    pic = card_bg(rng, W, H, (240, 226, 232), (232, 238, 246), lines=(222, 208, 214), n=30)
    pic.d.rectangle((20, 20, 120, 120), fill=(20, 50, 150))
    pic.t((70, 80), "D", "dvb", 40, fill=(255, 220, 0), anchor="mm")
    pic.t((150, 26), "FÜHRERSCHEIN", "dvb", 40, fill=(130, 30, 70))
    pic.t((150, 80), "BUNDESREPUBLIK DEUTSCHLAND", "dv", 18, fill=(130, 30, 70))
    portrait(pic, rng, (30, 160, 290, 500), rng.choice(["camera", "hopper", None]), gray=True)
    by, bm, bd = birth(rng, 1960, 2004)
    x = 330
    rows = [("1.", p["sur"], "person_name"), ("2.", p["giv"], "person_name"),
            ("3.", "%02d.%02d.%02d  %s" % (bd, bm, by % 100, rng.choice(["BERLIN", "HANNOVER", "KASSEL", "ULM"])), None),
            ("4a.", "%02d.%02d.%d" % (rng.randint(1, 28), rng.randint(1, 12), rng.randint(2013, 2024)), None),
            ("4b.", "%02d.%02d.%d" % (rng.randint(1, 28), rng.randint(1, 12), rng.randint(2028, 2039)), None),
            ("4c.", rng.choice(["Stadt Berlin", "Landkreis Kassel", "Stadt Ulm"]), None),
            ("5.", "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(11)), "drivers_licence"),
            ("9.", "AM/B/L", None)]
    y = 160
    for num, val, kind in rows:
        pic.t((x, y + 4), num, "dv", 20, fill=(90, 90, 100))
        if num == "3.":
            dob = "%02d.%02d.%02d" % (bd, bm, by % 100)
            pic.runs((x + 60, y), [(dob, "birthdate"), (val[len(dob):], False)], "dvb", 26, fill=(20, 20, 30))
        else:
            pic.t((x + 60, y), val, "dvb", 26, fill=(20, 20, 30), kind=kind if kind else False)
        y += 56
    signature(pic, rng, 60, 540, 220, 50)
    return pic


def dl_us(rng):
    W, H = 1030, 650
    p = pick_foreign(rng, "en")
    pic = card_bg(rng, W, H, (226, 236, 246), (246, 236, 220), lines=(210, 222, 234), n=24)
    state = rng.choice([("OREGON", "OR", ["SPRINGFIELD", "EUGENE", "SALEM"], "97"), ("OHIO", "OH", ["COLUMBUS", "DAYTON", "AKRON"], "43"),
                        ("TEXAS", "TX", ["AUSTIN", "PLANO", "WACO"], "78")])
    pic.t((30, 18), state[0], "dvb", 44, fill=(30, 50, 120))
    pic.t((W - 30, 30), "DRIVER LICENSE", "dvb", 30, fill=(160, 30, 30), anchor="ra")
    portrait(pic, rng, (30, 110, 300, 460), rng.choice(["hopper", "camera", None]))
    x = 330
    dl = state[1][0] + "%07d" % rng.randint(0, 9999999)
    pic.runs((x, 100), [("DL ", False, None, (160, 30, 30)), (dl, "drivers_licence")], "dvb", 30)
    by, bm, bd = birth(rng, 1960, 2004)
    pic.runs((x, 150), [("EXP ", False), ("%02d/%02d/%d" % (bm, bd, rng.randint(2027, 2031)), False)], "dvb", 22)
    pic.runs((x, 195), [("LN ", False, None, (90, 90, 100)), (p["sur"], "person_name")], "dvb", 28)
    pic.runs((x, 240), [("FN ", False, None, (90, 90, 100)), (p["giv"], "person_name")], "dvb", 28)
    street = "%d %s" % (rng.randint(100, 9999), rng.choice(["ELM STREET", "MAPLE AVE", "OAK DR", "W 5TH ST", "PINE CT"]))
    city = rng.choice(state[2]) + ", %s %s%03d" % (state[1], state[3], rng.randint(0, 999))
    pic.t((x, 290), street, "dvb", 24, fill=(20, 20, 30), kind="address")
    pic.t((x, 322), city, "dvb", 24, fill=(20, 20, 30), kind="address")
    pic.runs((x, 380), [("DOB ", False, None, (160, 30, 30)), ("%02d/%02d/%d" % (bm, bd, by), "birthdate", None, (160, 30, 30))], "dvb", 28)
    pic.t((x, 430), "SEX %s   HGT 5-%02d   EYES %s" % (p["sex"], rng.randint(1, 11), rng.choice(["BLU", "BRO", "GRN"])), "dv", 20)
    pic.t((x, 470), "CLASS C   END NONE   REST NONE", "dv", 20)
    signature(pic, rng, 40, 500, 240, 60)
    return pic


def dl_kr(rng):
    W, H = 1030, 650
    p = pick_foreign(rng, "ko")
    pic = card_bg(rng, W, H, (236, 240, 230), (240, 232, 240), lines=(214, 220, 206), n=26)
    pic.t((30, 24), "자동차운전면허증", "krb", 38, fill=(30, 60, 40))
    pic.t((30, 74), "(Driver's License)", "dv", 18, fill=(30, 60, 40))
    num = "%02d-%02d-%06d-%02d" % (rng.randint(11, 28), rng.randint(10, 25), rng.randint(0, 999999), rng.randint(0, 99))
    pic.t((420, 34), num, "monob", 32, fill=(20, 20, 30), kind="drivers_licence")
    portrait(pic, rng, (30, 130, 280, 450), rng.choice(["camera", None]))
    x = 310
    pic.t((x, 140), "성명", "kr", 18, fill=(90, 90, 100))
    pic.t((x + 70, 134), p["native_fam"] + p["native_giv"], "krb", 30, fill=(20, 20, 30), kind="person_name")
    by, bm, bd = birth(rng, 1965, 2004)
    pic.t((x, 196), "생년월일", "kr", 18, fill=(90, 90, 100))
    pic.t((x + 100, 190), "%d.%02d.%02d" % (by, bm, bd), "dvb", 26, fill=(20, 20, 30), kind="birthdate")
    pic.t((x, 252), "주소", "kr", 18, fill=(90, 90, 100))
    gu = rng.choice(["서울특별시 마포구 월드컵로", "서울특별시 송파구 올림픽로", "경기도 성남시 분당구 판교역로", "대구광역시 중구 동성로"])
    l1 = "%s %d" % (gu, rng.randint(10, 300))
    l2 = "%s아파트 %d동 %d호" % (rng.choice(["한빛", "푸른마을", "래미안", "현대"]), rng.randint(101, 112), rng.randint(101, 1503))
    pic.t((x + 70, 246), l1, "krb", 24, fill=(20, 20, 30), kind="address")
    pic.t((x + 70, 282), l2, "krb", 24, fill=(20, 20, 30), kind="address")
    pic.t((x, 340), "1종보통", "krb", 24, fill=(20, 20, 30))
    pic.t((x, 390), "적성검사기간  %d.01.01 ~ %d.12.31" % (rng.randint(2027, 2030), rng.randint(2030, 2031)), "kr", 18)
    pic.t((W - 40, 560), "서울지방경찰청장", "krb", 24, fill=(20, 20, 30), anchor="ra")
    return pic


def dl_cn(rng):
    W, H = 1030, 650
    p = pick_foreign(rng, "zh")
    pic = card_bg(rng, W, H, (236, 240, 246), (246, 244, 236), lines=(214, 220, 230), n=18)
    pic.t((W / 2, 20), "中华人民共和国机动车驾驶证", "scb", 36, fill=(30, 40, 90), anchor="ma")
    pic.t((W / 2, 66), "Driving Licence of the People's Republic of China", "dv", 16, fill=(30, 40, 90), anchor="ma")
    by, bm, bd = birth(rng, 1965, 2002)
    area = rng.choice(["110105", "310104", "440305", "510107"])
    body = "%s%d%02d%02d%03d" % (area, by, bm, bd, rng.randint(0, 999))
    wts = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    cd = "10X98765432"[sum(int(c) * w for c, w in zip(body, wts)) % 11]
    idn = body + cd
    pic.t((30, 110), "证号", "sc", 18, fill=(90, 90, 100))
    pic.t((100, 104), idn, "monob", 30, fill=(20, 20, 30), kind="drivers_licence")
    rows = [("姓名  Name", p["native_fam"] + p["native_giv"], "person_name"), ("性别  Sex", "男" if p["sex"] == "M" else "女", None),
            ("国籍  Nationality", "中国", None)]
    y = 160
    for lab, val, kind in rows:
        pic.t((30, y + 6), lab, "sc", 16, fill=(90, 90, 100))
        pic.t((220, y), val, "scb", 28, fill=(20, 20, 30), kind=kind if kind else False)
        y += 52
    addr = rng.choice(["北京市朝阳区建国路%d号院%d号楼%d", "上海市徐汇区漕溪北路%d弄%d号%d室", "深圳市南山区科技园南路%d号%d栋%d"]) % (
        rng.randint(1, 200), rng.randint(1, 20), rng.randint(101, 2508))
    pic.t((30, y + 6), "住址  Address", "sc", 16, fill=(90, 90, 100))
    pic.t((220, y), addr, "scb", 26, fill=(20, 20, 30), kind="address")
    y += 52
    pic.t((30, y + 6), "出生日期  Date of Birth", "sc", 16, fill=(90, 90, 100))
    pic.t((260, y), "%d-%02d-%02d" % (by, bm, bd), "dvb", 26, fill=(20, 20, 30), kind="birthdate")
    y += 52
    pic.t((30, y + 6), "准驾车型  Class", "sc", 16, fill=(90, 90, 100))
    pic.t((220, y), "C1", "dvb", 26)
    portrait(pic, rng, (780, 150, 1000, 430), rng.choice(["hopper", None]))
    return pic


def _dl_entry(fn_card, note):
    def fn(rng):
        c = fn_card(rng)
        photo = lay_card_photo(rng, [(c, 36)], out=rng.choice([(1600, 1200), (1200, 1600), (1800, 1350)]), fill=0.8)
        if rng.random() < 0.4:
            photo.im = glare(photo.im, rng, 0.3)
        finish(photo, rng, blur_r=rng.choice([0.3, 0.7, 1.1]), noise_s=3, chat=rng.random() < 0.5)
        return photo, dict(doc="drivers_licence", notes=note, quality=rng.choice([68, 78, 86]))
    return fn


picture(FD, "dl_de_eu")(_dl_entry(dl_eu, "German EU driving licence (numbered fields 1., 2., 3., 4a-4c, 5., 9.)"))
picture(FD, "dl_us_state")(_dl_entry(dl_us, "US state driver licence with street + house number + city, state, ZIP"))
picture(FD, "dl_kr")(_dl_entry(dl_kr, "Korean driving licence (자동차운전면허증), Hangul name and address"))
picture(FD, "dl_cn")(_dl_entry(dl_cn, "Chinese driving licence; licence number = 18-digit citizen ID with valid ISO 7064 check character"))


def ehic(rng):
    W, H = 1030, 650
    p = pick_foreign(rng, rng.choice(["de", "fr"]))
    de = any(e[0] == p["sur"] for e in FOREIGN["de"])
    pic = card_bg(rng, W, H, (30, 60, 150), (40, 80, 170), lines=None)
    for i in range(12):
        a = i / 12 * 2 * math.pi
        pic.t((150 + 70 * math.cos(a), 130 + 70 * math.sin(a)), "★", "sans", 22, fill=(255, 215, 0), anchor="mm")
    pic.t((W - 30, 30), "EUROPÄISCHE KRANKENVERSICHERUNGSKARTE" if de else "CARTE EUROPÉENNE D'ASSURANCE MALADIE", "dvb",
          21 if de else 22, fill=(255, 255, 255), anchor="ra")
    pic.t((W - 30, 64), "EUROPEAN HEALTH INSURANCE CARD", "dv", 18, fill=(255, 255, 255), anchor="ra")
    pic.d.rectangle((20, 250, W - 20, H - 20), fill=(245, 245, 240))
    by, bm, bd = birth(rng, 1950, 2005)
    if de:
        pin = rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + "%09d" % rng.randint(0, 999999999)
        inst = "%09d - %s" % (rng.randint(100000000, 109999999), rng.choice(["AOK", "TK", "BARMER", "DAK"]))
    else:
        sx = 1 if p["sex"] == "M" else 2
        base = "%d%02d%02d%s%03d%03d" % (sx, by % 100, bm, rng.choice(["75", "69", "33", "44"]), rng.randint(1, 999), rng.randint(1, 999))
        key = 97 - int(base) % 97
        pin = "%s %s %s %s %s %s %02d" % (base[0], base[1:3], base[3:5], base[5:7], base[7:10], base[10:13], key)
        inst = "%s - CPAM %s" % ("%09d" % rng.randint(0, 999999999), rng.choice(["PARIS", "RHÔNE", "GIRONDE"]))
    card_no = "80%03d%015d" % (276 if de else 250, rng.randint(0, 10 ** 15 - 1))
    rows = [("3. Name / Surname" if de else "3. Nom", p["sur"], "person_name"),
            ("4. Vornamen / Given names" if de else "4. Prénoms", p["giv"], "person_name"),
            ("5. Geburtsdatum / Date of birth" if de else "5. Date de naissance", "%02d/%02d/%d" % (bd, bm, by), "birthdate"),
            ("6. Persönliche Kennnummer" if de else "6. Numéro d'identification personnel", pin, "insurance_number"),
            ("7. Kennnummer des Trägers" if de else "7. Numéro d'identification de l'institution", inst, None),
            ("8. Kennnummer der Karte" if de else "8. Numéro d'identification de la carte", card_no, "insurance_number"),
            ("9. Ablaufdatum" if de else "9. Date d'expiration", "%02d/%02d/%d" % (rng.randint(1, 28), rng.randint(1, 12), rng.randint(2027, 2031)), None)]
    y = 262
    for lab, val, kind in rows:
        pic.t((40, y), lab, "dv", 14, fill=(80, 80, 100))
        pic.t((40 if len(lab) > 34 else 420, y + 16 if len(lab) > 34 else y - 4), val, "dvb", 22, fill=(20, 20, 30),
              kind=kind if kind else False)
        y += 52 if len(lab) > 34 else 40
    pic.t((W - 40, 120), "DE" if de else "FR", "dvb", 60, fill=(255, 255, 255), anchor="ra")
    return pic


@picture(FD, "health_ehic")
def _ehic(rng):
    c = ehic(rng)
    photo = lay_card_photo(rng, [(c, 36)], out=(1600, 1200), fill=0.8)
    finish(photo, rng, blur_r=0.6, noise_s=3, chat=True)
    return photo, dict(doc="id_card", notes="European Health Insurance Card (German or French labels); personal and card numbers kind insurance_number", quality=76)


@picture(FD, "health_kr")
def _hkr(rng):
    W, H = 1400, 900
    p = pick_foreign(rng, "ko")
    pic = Pic(W, H, (246, 248, 240))
    pic.im = paper_tex(rng, W, H, (246, 248, 238))
    pic.d = ImageDraw.Draw(pic.im)
    pic.t((W / 2, 40), "건강보험증", "krb", 52, fill=(30, 80, 50), anchor="ma")
    pic.t((W / 2, 110), "국민건강보험공단", "kr", 24, fill=(30, 80, 50), anchor="ma")
    no = "%d-%010d" % (rng.randint(1, 9), rng.randint(0, 9999999999))
    rows = [("증번호", no, "insurance_number"), ("세대주 성명", p["native_fam"] + p["native_giv"], "person_name"),
            ("사업장 명칭", rng.choice(["(주)한빛소프트", "대한물산(주)", "미래교육"]), None),
            ("자격취득일", "%d.%02d.%02d" % (rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)), None)]
    y = 190
    for lab, val, kind in rows:
        pic.d.rectangle((80, y, W - 80, y + 70), outline=(80, 80, 80), width=2)
        pic.d.line((360, y, 360, y + 70), fill=(80, 80, 80), width=2)
        pic.t((100, y + 18), lab, "kr", 26)
        pic.t((390, y + 14), val, vfont(val) if not val[0].isdigit() else "monob", 30, kind=kind if kind else False)
        y += 70
    pic.t((100, y + 40), "가입자 및 피부양자", "krb", 28)
    y += 90
    for i in range(2):
        q = pick_foreign(rng, "ko")
        by, bm, bd = birth(rng, 1950, 2015)
        nm = (q["native_fam"] if i == 0 else p["native_fam"]) + q["native_giv"]
        pic.t((120, y), nm, "krb", 28, kind="person_name")
        pic.t((420, y), "%02d%02d%02d-%d******" % (by % 100, bm, bd, rng.randint(1, 4)), "mono", 28)
        pic.t((820, y), "배우자" if i == 0 else "자녀", "kr", 28)
        y += 56
    photo = photo_of(pic, rng, bg="desk", out_long=1700, fill=0.85, tilt=0.08)
    finish(photo, rng, blur_r=0.7, noise_s=3, chat=True)
    return photo, dict(doc="id_card", notes="Korean health insurance certificate; resident numbers masked after the birth date (not labelled)", quality=74)


# ---------------------------------------------------------------- decoys for documents
@picture(FD, "decoy_mrz_exercise")
def _mrz_ex(rng):
    W, H = 1400, 1900
    pic = Pic(W, H)
    pic.im = paper_tex(rng, W, H)
    pic.d = ImageDraw.Draw(pic.im)
    pic.t((80, 70), "ICAO 9303 workshop — exercise 4", "dvb", 40)
    pic.t((80, 130), "Each machine-readable zone below has ONE wrong check digit. Find it.", "dv", 26)
    pic.t((80, 168), "(specimen data, not a real document)", "dvs", 24, fill=(90, 90, 90))
    y = 260
    for i, bad in enumerate(["number", "dob", "composite"]):
        num = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(9))
        dob = yymmdd(*birth(rng, 1960, 2000))
        exp = yymmdd(rng.randint(2027, 2033), rng.randint(1, 12), rng.randint(1, 28))
        st = rng.choice(["UTO", "XXA"])
        l1, l2, nf = td3("P<", st, "SPECIMEN", ["SAMPLE", "EXAMPLE", "TEST"][i], num, st, dob, rng.choice("MF"), exp, bad=bad)
        pic.t((80, y), "%d)" % (i + 1), "dvb", 30)
        pic.d.rectangle((130, y - 10, W - 60, y + 130), fill=(244, 244, 238), outline=(180, 180, 180))
        pic.t((150, y + 8), l1, "mono", 27)
        pic.t((150, y + 62), l2, "mono", 27, decoy="passport")
        y += 200
    for i in range(2):
        num = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(9))
        dob = yymmdd(*birth(rng, 1960, 2000))
        exp = yymmdd(rng.randint(2027, 2033), rng.randint(1, 12), rng.randint(1, 28))
        l1, l2, l3, nf = td1("I<", "UTO", num, dob, "F", exp, "UTO", "SPECIMEN", "DEMO", bad=["number", "composite"][i])
        pic.t((80, y), "%d)" % (i + 4), "dvb", 30)
        pic.d.rectangle((130, y - 10, 900, y + 180), fill=(244, 244, 238), outline=(180, 180, 180))
        pic.t((150, y + 8), l1, "mono", 34, decoy="passport")
        pic.t((150, y + 62), l2, "mono", 34, decoy="passport")
        pic.t((150, y + 116), l3, "mono", 34)
        y += 240
    pic.t((80, y + 30), "Weights 7-3-1; '<' counts as 0, A = 10 … Z = 35.", "dv", 26)
    scan = scan_of(pic, rng, angle=0.6)
    finish(scan, rng, blur_r=0.5, noise_s=2, long_side=1600)
    return scan, dict(doc="none", notes="training handout: specimen MRZ lines (issuer UTO/XXA) each with one wrong check digit; decoys only",
                      ext="png")


@picture(FD, "decoy_blank_visa_form")
def _blank_form(rng):
    W, H = 1240, 1754
    pic = Pic(W, H)
    pic.im = paper_tex(rng, W, H, (252, 252, 250), 0.6)
    pic.d = ImageDraw.Draw(pic.im)
    pic.t((W / 2, 60), "APPLICATION FOR VISA / 査証申請書", "sansb", 40, anchor="ma")
    pic.t((W / 2, 120), "Please write in block letters / 活字体で記入してください", "sans", 22, anchor="ma", fill=(80, 80, 80))
    labs = [("Surname / 姓", "person_name"), ("Given names / 名", "person_name"), ("Name in native script", "person_name"),
            ("Gender", "person_name"), ("Date of birth", "birthdate"), ("Birthplace", "address"), ("Nationality", None),
            ("Passport No.", "passport"), ("Registration", "passport"), ("Home address / 住所", "address"),
            ("Telephone", "phone"), ("E-mail", "email"), ("VISA", "credit_card")]
    y = 200
    for lab, imit in labs:
        pic.d.rectangle((80, y, W - 80, y + 88), outline=(60, 60, 60), width=2)
        if imit:
            pic.t((96, y + 8), lab, "sans", 22, fill=(30, 30, 30), decoy=imit)
        else:
            pic.t((96, y + 8), lab, "sans", 22, fill=(30, 30, 30))
        y += 88
    pic.t((80, y + 40), "Signature of applicant: ______________________   Date: ____/____/______", "dv", 24)
    scan = scan_of(pic, rng, angle=-0.5)
    finish(scan, rng, blur_r=0.6, noise_s=2, long_side=1400)
    return scan, dict(doc="form", notes="blank visa application form: field labels only, no personal data; labels are decoys", quality=85)


# ======================================================================================
# screen-drawing helpers (chat apps, browsers, spreadsheets, tables)
def status_bar(pic, h=56, dark=False, clock="9:41", bg=None):
    fg = (255, 255, 255) if dark else (20, 20, 20)
    if bg:
        pic.d.rectangle((0, 0, pic.w, h), fill=bg)
    pic.t((36, h / 2), clock, "dvb", int(h * 0.45), fill=fg, anchor="lm")
    x = pic.w - 40
    pic.d.rounded_rectangle((x - 50, h / 2 - 11, x, h / 2 + 11), 4, outline=fg, width=2)
    pic.d.rectangle((x - 46, h / 2 - 7, x - 14, h / 2 + 7), fill=fg)
    for i in range(4):
        bx = x - 120 + i * 12
        pic.d.rectangle((bx, h / 2 + 10 - (i + 1) * 5, bx + 7, h / 2 + 10), fill=fg)
    pic.t((x - 140, h / 2), "5G", "dvb", int(h * 0.36), fill=fg, anchor="rm")
    return h


def cell_draw(pic, x, y, cell, f, size, fill=(25, 25, 25), line_gap=1.25):
    """cell: str | (str, kind) | (str, kind, decoy); newlines split the text over lines (labelled once)."""
    if isinstance(cell, str):
        cell = (cell, False)
    text, kind = cell[0], cell[1]
    dec = cell[2] if len(cell) > 2 else None
    lines = text.split("\n")
    bbs = []
    for i, ln in enumerate(lines):
        fo = vfont(ln, bold=False) if f == "auto" else f
        bbs.append(pic.t((x, y + i * size * line_gap), ln, fo, size, fill=fill))
    bb = (min(b[0] for b in bbs), min(b[1] for b in bbs), max(b[2] for b in bbs), max(b[3] for b in bbs))
    if kind is not False:
        pic.label(" ".join(lines), kind, bb)
    if dec:
        pic.decoy(" ".join(lines), dec, bb)
    return bb


def table(pic, x, y, col_ws, rows, row_h, f="sans", size=22, header_bg=(232, 236, 242), grid=(170, 175, 185), pad=10,
          header=True, zebra=None, fill=(25, 25, 25), valign=0.22):
    cy = y
    for ri, row in enumerate(rows):
        rh = row_h * (max(c[0].count("\n") + 1 if isinstance(c, tuple) else c.count("\n") + 1 for c in row))
        if ri == 0 and header:
            pic.d.rectangle((x, cy, x + sum(col_ws), cy + rh), fill=header_bg)
        elif zebra and ri % 2 == 0:
            pic.d.rectangle((x, cy, x + sum(col_ws), cy + rh), fill=zebra)
        cx = x
        for ci, c in enumerate(row):
            cell_draw(pic, cx + pad, cy + row_h * valign, c, f, size, fill=fill)
            cx += col_ws[ci]
        cy += rh
        pic.d.line((x, cy, x + sum(col_ws), cy), fill=grid, width=1)
    pic.d.rectangle((x, y, x + sum(col_ws), cy), outline=grid, width=1)
    cx = x
    for w in col_ws[:-1]:
        cx += w
        pic.d.line((cx, y, cx, cy), fill=grid, width=1)
    return cy


def browser(pic, url, tab_title, url_kind=None, dark=False, h=118):
    bg = (222, 225, 230) if not dark else (40, 42, 48)
    fg = (30, 30, 30) if not dark else (230, 230, 230)
    pic.d.rectangle((0, 0, pic.w, h), fill=bg)
    pic.d.rounded_rectangle((150, 8, 560, 52), 10, fill=(255, 255, 255) if not dark else (60, 62, 70))
    pic.t((170, 30), tab_title, vfont(tab_title, bold=False), 18, fill=fg, anchor="lm")
    for i, c in enumerate([(236, 95, 90), (245, 190, 80), (98, 198, 85)]):
        pic.d.ellipse((20 + i * 30, 20, 38 + i * 30, 38), fill=c)
    pic.t((30, 86), "←  →  ⟳", "dv", 24, fill=(110, 110, 110), anchor="lm")
    pic.d.rounded_rectangle((170, 64, pic.w - 120, 108), 22, fill=(255, 255, 255) if not dark else (60, 62, 70))
    pic.d.rounded_rectangle((196, 84, 214, 98), 3, fill=(110, 110, 110))
    pic.d.arc((199, 74, 211, 90), 180, 360, fill=(110, 110, 110), width=2)
    pic.t((230, 86), url, "dv", 20, fill=fg, anchor="lm", kind=url_kind if url_kind is not None else None)
    pic.t((pic.w - 60, 86), "⋮", "dvb", 26, fill=(110, 110, 110), anchor="mm")
    return h


def chat_screen(rng, W, H, title, msgs, app="line", title_kind="person_name", me_bubble=None, clock=None, status=True,
                subtitle=None):
    """msgs: list of dict(side='l'|'r', who=(name, kind) or None, lines=[[runs...], ...], time='12:03')."""
    styles = {
        "line": dict(bg=(140, 171, 216), head=(34, 48, 70), headfg=(255, 255, 255), me=(134, 226, 104), you=(255, 255, 255),
                     fg=(20, 20, 20), who=(40, 50, 60)),
        "dark": dict(bg=(24, 26, 31), head=(34, 36, 42), headfg=(240, 240, 240), me=(42, 110, 220), you=(52, 55, 62),
                     fg=(236, 236, 236), who=(180, 180, 190)),
        "plain": dict(bg=(245, 245, 247), head=(255, 255, 255), headfg=(20, 20, 20), me=(0, 132, 255), you=(229, 229, 234),
                      fg=(20, 20, 20), who=(100, 100, 110)),
    }
    st = styles[app]
    pic = Pic(W, H, st["bg"])
    y = 0
    if status:
        y = status_bar(pic, 60, dark=app != "plain", clock=clock or "%d:%02d" % (rng.randint(7, 23), rng.randint(0, 59)),
                       bg=st["head"])
    pic.d.rectangle((0, y, W, y + 110), fill=st["head"])
    pic.t((40, y + 55), "‹", "dvb", 60, fill=st["headfg"], anchor="lm")
    tf = vfont(title)
    pic.t((110, y + (40 if subtitle else 55)), title, tf, 38, fill=st["headfg"], anchor="lm", kind=title_kind)
    if subtitle:
        pic.t((110, y + 84), subtitle, vfont(subtitle, bold=False), 22, fill=st["headfg"], anchor="lm")
    pic.t((W - 60, y + 55), "☰", "dv", 40, fill=st["headfg"], anchor="mm")
    y += 140
    size = 34
    for m in msgs:
        if m.get("date"):
            pic.d.rounded_rectangle((W / 2 - 110, y, W / 2 + 110, y + 44), 22, fill=(0, 0, 0) if app == "dark" else (120, 140, 170))
            pic.t((W / 2, y + 22), m["date"], "sans", 22, fill=(255, 255, 255), anchor="mm")
            y += 70
            continue
        side = m["side"]
        lines = m["lines"]
        widths = [sum(font(vfont("".join(r[0] for r in ln), bold=False), size).getlength(r[0]) for r in ln) for ln in lines]
        bw = max(widths) + 48
        bh = len(lines) * size * 1.4 + 30
        if side == "l":
            ax = 130
            pic.d.ellipse((30, y, 100, y + 70), fill=m.get("avatar", (rng.randint(90, 220), rng.randint(90, 220), rng.randint(90, 220))))
            if m.get("who"):
                nm, kind = m["who"]
                pic.t((ax, y), nm, vfont(nm, bold=False), 24, fill=st["who"], kind=kind)
                y += 34
            bx0, bx1 = ax, ax + bw
            col = st["you"]
            fg = st["fg"]
        else:
            bx1 = W - 40
            bx0 = bx1 - bw
            col = st["me"]
            fg = (255, 255, 255) if app in ("plain", "dark") else st["fg"]
        pic.d.rounded_rectangle((bx0, y, bx1, y + bh), 26, fill=col)
        ty = y + 15
        for ln in lines:
            fo = vfont("".join(r[0] for r in ln), bold=False)
            pic.runs((bx0 + 24, ty), [tuple(r) for r in ln], fo, size, fill=fg)
            ty += size * 1.4
        if m.get("time"):
            tx = bx1 + 10 if side == "l" else bx0 - 10
            pic.t((tx, y + bh - 4), m["time"], "dv", 18, fill=st["who"], anchor="lb" if side == "l" else "rb")
        y += bh + 30
    # input bar
    pic.d.rectangle((0, H - 110, W, H), fill=st["head"] if app != "line" else (255, 255, 255))
    pic.d.rounded_rectangle((120, H - 90, W - 120, H - 30), 30, fill=(240, 240, 240) if app != "dark" else (60, 62, 70))
    pic.t((150, H - 60), "メッセージを入力" if app != "dark" else "Message", "sans", 26, fill=(150, 150, 150), anchor="lm")
    return pic, y


def sheet(rng, W, H, cols, rows, col_ws, title="Book1", app="excel", row_h=44, size=22, selected=None):
    """A spreadsheet window: column letters, row numbers, cells."""
    pic = Pic(W, H, (255, 255, 255))
    top = {"excel": (33, 115, 70), "gsheet": (255, 255, 255), "numbers": (246, 246, 246)}[app]
    pic.d.rectangle((0, 0, W, 70), fill=top)
    pic.t((24, 35), title, vfont(title, bold=False), 24, fill=(255, 255, 255) if app == "excel" else (30, 30, 30), anchor="lm")
    pic.d.rectangle((0, 70, W, 120), fill=(243, 243, 243))
    menu = "ファイル  ホーム  挿入  数式  データ  表示" if rng.random() < 0.6 else "File  Edit  View  Insert  Format  Data"
    pic.t((24, 95), menu, "sans", 20, fill=(60, 60, 60), anchor="lm")
    pic.d.rectangle((0, 120, W, 166), fill=(255, 255, 255))
    pic.t((20, 143), "fx", "dvs", 20, fill=(120, 120, 120), anchor="lm")
    y0 = 170
    x0 = 60
    pic.d.rectangle((0, y0, W, y0 + 34), fill=(236, 236, 236))
    cx = x0
    for i, w in enumerate(col_ws):
        pic.t((cx + w / 2, y0 + 17), "ABCDEFGHIJ"[i], "dv", 18, fill=(90, 90, 90), anchor="mm")
        cx += w
        pic.d.line((cx, y0, cx, H), fill=(214, 214, 214))
    y = y0 + 34
    allrows = [cols] + rows
    r = 1
    for ri, row in enumerate(allrows):
        nl = max((c[0] if isinstance(c, tuple) else c).count("\n") + 1 for c in row)
        rh = row_h * nl
        pic.d.rectangle((0, y, x0, y + rh), fill=(236, 236, 236))
        pic.t((x0 / 2, y + rh / 2), str(r), "dv", 17, fill=(90, 90, 90), anchor="mm")
        if ri == 0:
            pic.d.rectangle((x0, y, x0 + sum(col_ws), y + rh), fill=(221, 235, 247) if app == "excel" else (242, 242, 242))
        cx = x0
        for ci, c in enumerate(row):
            cell_draw(pic, cx + 8, y + (row_h - size) / 2 - 2, c, "auto" if ri else ("sansb" if True else "sans"), size)
            cx += col_ws[ci]
        y += rh
        pic.d.line((0, y, W, y), fill=(214, 214, 214))
        r += 1
        if y > H - 60:
            break
    while y < H - 60:
        pic.t((x0 / 2, y + row_h / 2), str(r), "dv", 17, fill=(90, 90, 90), anchor="mm")
        y += row_h
        pic.d.line((0, y, W, y), fill=(214, 214, 214))
        r += 1
    pic.d.rectangle((0, H - 50, W, H), fill=(243, 243, 243))
    pic.t((20, H - 25), "Sheet1", "dv", 18, fill=(33, 115, 70), anchor="lm")
    return pic


def phone_photo(rng, screen, bg="fabric", out=(1200, 1600), angle=None, hand=False):
    """A photo of a phone showing `screen` (a Pic of the screen content)."""
    W, H = out
    bez = 36
    phone = Pic(screen.w + 2 * bez, screen.h + 2 * bez + 60, (18, 18, 20))
    phone.paste(screen, (bez, bez + 30))
    phone.d.rounded_rectangle((phone.w / 2 - 90, 8, phone.w / 2 + 90, 28), 10, fill=(5, 5, 5))
    photo = Pic(W, H)
    photo.im = surface(rng, W, H, bg)
    photo.d = ImageDraw.Draw(photo.im)
    s = min(W * 0.78 / phone.w, H * 0.92 / phone.h)
    ang = rng.uniform(-10, 10) if angle is None else angle
    quad = trapezoid(W / 2 + rng.uniform(-0.03, 0.03) * W, H / 2, phone.w * s, phone.h * s, rng.uniform(0.02, 0.09), ang)
    warp_onto(photo, phone, quad, radius=70 * s, shadow=0.5)
    photo.im = glare(photo.im, rng, rng.uniform(0.15, 0.35))
    photo.im = moire(photo.im, rng, rng.uniform(2, 5))
    photo.im = light(photo.im, rng, 0.2)
    return photo


def monitor_photo(rng, screen, out=(1800, 1350), bg="desk"):
    """A photo of a desktop monitor showing `screen`: bezel, perspective, moiré, glare, noise."""
    W, H = out
    bez = 26
    mon = Pic(screen.w + 2 * bez, screen.h + 2 * bez + 20, (25, 25, 28))
    scr = Pic(screen.w, screen.h)
    scr.im = screen.im.copy()
    scr.d = ImageDraw.Draw(scr.im)
    scr.items, scr.faces, scr.qr = screen.items, screen.faces, screen.qr
    scr.im = scanlines(scr.im, strength=rng.uniform(3, 7), period=rng.choice([2, 3]))
    mon.paste(scr, (bez, bez))
    photo = Pic(W, H)
    photo.im = surface(rng, W, H, bg)
    photo.d = ImageDraw.Draw(photo.im)
    # back wall and desk edge
    wall = rng.choice([(200, 196, 188), (150, 160, 170), (230, 228, 222)])
    photo.d.rectangle((0, 0, W, int(H * 0.72)), fill=wall)
    photo.im = noise(photo.im, rng, 2)
    photo.d = ImageDraw.Draw(photo.im)
    s = min(W * 0.9 / mon.w, H * 0.78 / mon.h)
    cx, cy = W / 2 + rng.uniform(-0.04, 0.04) * W, H * 0.46
    mw, mh = mon.w * s, mon.h * s
    yaw = rng.uniform(-0.12, 0.12)
    quad = [(cx - mw / 2, cy - mh / 2 * (1 + yaw)), (cx + mw / 2, cy - mh / 2 * (1 - yaw)),
            (cx + mw / 2, cy + mh / 2 * (1 - yaw)), (cx - mw / 2, cy + mh / 2 * (1 + yaw))]
    a = math.radians(rng.uniform(-3, 3))
    quad = [(cx + (x - cx) * math.cos(a) - (y - cy) * math.sin(a), cy + (x - cx) * math.sin(a) + (y - cy) * math.cos(a)) for x, y in quad]
    # stand
    photo.d.rectangle((cx - 40, cy + mh / 2 - 10, cx + 40, min(H, cy + mh / 2 + H * 0.12)), fill=(40, 40, 44))
    warp_onto(photo, mon, quad, radius=6 * s, shadow=0.3)
    photo.im = moire(photo.im, rng, rng.uniform(4, 9))
    photo.im = glare(photo.im, rng, rng.uniform(0.12, 0.3))
    photo.im = light(photo.im, rng, 0.2)
    return photo


# ======================================================================================
# class: names
NM = "names"


def full(p, sep=" "):
    return p["fam"] + sep + p["giv"]


def kana(p, sep=" "):
    return p["fam_k"] + sep + p["giv_k"]


def _chat_names(variant):
    def fn(rng):
        me = jp_person(rng)
        other = jp_person(rng)
        third = jp_person(rng)
        h1, h2 = sns_handle(rng, third), sns_handle(rng)
        app = ["line", "plain", "dark", "line"][variant]
        if variant in (0, 2):
            title = full(other, rng.choice([" ", "　", ""]))
            msgs = [dict(date="%d/%d(%s)" % (rng.randint(1, 12), rng.randint(1, 28), rng.choice("月火水木金土日"))),
                    dict(side="l", lines=[[(other["fam"], "person_name"), ("です。明日の打ち合わせ", False)], [("よろしくお願いします", False)]],
                         time="10:02"),
                    dict(side="r", lines=[[(other["fam"], "person_name"), ("さん、了解です!", False)],
                                          [("資料は", False), (full(third), "person_name"), ("さんに", False)], [("送っておきます", False)]],
                         time="10:05"),
                    dict(side="l", lines=[[("ありがとうございます。", False)], [("@" + h1, "sns_id"), (" も招待しました", False)]], time="10:07"),
                    dict(side="r", lines=[[(third["giv"], "person_name"), ("ちゃんにもよろしく", False)]], time="10:09")]
            pic, _ = chat_screen(rng, 1080, 2100, title, msgs, app=app, subtitle=None)
        else:
            grp = rng.choice(["テニス部OB会", "3年2組 保護者", "町内会 役員", "プロジェクトA"])
            members = [jp_person(rng) for _ in range(3)]
            msgs = [dict(side="l", who=(full(members[0]), "person_name"),
                         lines=[[("今週の当番は", False)], [(full(members[1], "　"), "person_name"), ("さんと", False)],
                                [(members[2]["fam"] + members[2]["giv"], "person_name"), ("さんです", False)]], time="8:40"),
                    dict(side="r", lines=[[("了解しました!", False)]], time="8:42"),
                    dict(side="l", who=(full(members[1]), "person_name"),
                         lines=[[("わかりました。", False)], [("連絡は ", False), ("@" + h2, "sns_id"), (" まで", False)]], time="8:51"),
                    dict(side="l", who=(kana(members[2]), "person_name"), lines=[[("よろしくです", False)]], time="9:03")]
            pic, _ = chat_screen(rng, 1080, 2100, grp + " (%d)" % rng.randint(5, 40), msgs, app=app, title_kind=False)
        if variant == 3:
            photo = phone_photo(rng, pic, bg=rng.choice(["wood", "fabric"]), out=(1200, 1600))
            finish(photo, rng, blur_r=0.8, noise_s=4)
            return photo, dict(doc="screen", screen=True, notes="photo of a phone showing a group chat; names in sender labels and bubbles", quality=80)
        finish(pic, rng, long_side=rng.choice([1280, 1600]))
        return pic, dict(doc="screen", screen=True, ext="png" if variant != 2 else "jpg", quality=85,
                         notes="chat screenshot (%s style): header name, 〜さん in bubbles, @handle" % app)
    return fn


for _v in range(4):
    picture(NM, "chat_%02d" % (_v + 1))(_chat_names(_v))


def _roster(variant):
    def fn(rng):
        W, H = (1240, 1754)
        pic = Pic(W, H)
        pic.im = paper_tex(rng, W, H, (252, 252, 249), 0.6)
        pic.d = ImageDraw.Draw(pic.im)
        title = ["第%d回 地域防災セミナー 参加者名簿" % rng.randint(2, 12), "新入社員研修 受講者一覧", "読書会 メンバー表"][variant]
        pic.t((W / 2, 80), title, "sansb", 40, anchor="ma")
        pic.t((W - 90, 150), "%d年%d月%d日" % (rng.randint(2025, 2026), rng.randint(1, 12), rng.randint(1, 28)), "sans", 22, anchor="ra")
        cols = ["No.", "氏名", "フリガナ", "所属"]
        rows = [cols]
        n = 13 if variant != 2 else 10
        for i in range(n):
            p = jp_person(rng)
            sep = rng.choice([" ", "　", ""])
            org = rng.choice(COMPANIES) if variant == 1 else rng.choice(["桜町自治会", "緑ヶ丘二丁目", "個人", "市民ボランティア", "青葉台"]) \
                if variant == 0 else rng.choice(["", "", "(初参加)"])
            cell = (full(p, sep), "person_name")
            if variant == 2 and i == 4:
                cell = (p["fam"] + "\n" + p["giv"], "person_name")
            orgc = (org, None, "person_name") if variant == 1 else org
            rows.append([str(i + 1), cell, (kana(p, rng.choice([" ", "　"])), "person_name"), orgc])
        table(pic, 90, 200, [90, 330, 360, 290], rows, 72, f="auto", size=28)
        if variant == 0:
            pic.t((90, H - 200), "※本名簿は受付確認のみに使用します。", "sans", 22, fill=(80, 80, 80))
        if rng.random() < 0.5:
            photo = photo_of(pic, rng, bg=rng.choice(["wood", "desk"]), out_long=1800, fill=0.9, tilt=rng.choice([0.05, 0.09]))
            finish(photo, rng, blur_r=0.6, noise_s=3, chat=True)
            return photo, dict(doc="form", notes="attendee list with names and katakana readings, photographed", quality=78)
        sc = scan_of(pic, rng)
        finish(sc, rng, blur_r=0.4, noise_s=2, long_side=1500)
        return sc, dict(doc="form", notes="attendee list with names and katakana readings, scanned%s" %
                        ("; one name split over two lines in its cell (labelled once)" if variant == 2 else ""), quality=84)
    return fn


for _v in range(3):
    picture(NM, "roster_%02d" % (_v + 1))(_roster(_v))


def _minutes(variant):
    def fn(rng):
        W, H = 1240, 1754
        pic = Pic(W, H)
        pic.im = paper_tex(rng, W, H, (253, 253, 251), 0.5)
        pic.d = ImageDraw.Draw(pic.im)
        ppl = [jp_person(rng) for _ in range(7)]
        pic.t((W / 2, 90), ["議事録", "第%d回 定例会議 議事録" % rng.randint(3, 40), "打ち合わせメモ"][variant], "sansb", 42, anchor="ma")
        y = 190
        pic.t((100, y), "日時: %d年%d月%d日(%s) 14:00〜15:30" % (rng.randint(2025, 2026), rng.randint(1, 12), rng.randint(1, 28),
                                                        rng.choice("月火水木金")), "sans", 26)
        y += 50
        pic.t((100, y), "場所: 本社 %d階 会議室%s" % (rng.randint(2, 9), rng.choice("ABC")), "sans", 26)
        y += 50
        sep = "、" if variant != 1 else "・"
        parts = [("出席者: ", False)]
        for i, p in enumerate(ppl[:4]):
            nm = full(p, "" if variant == 0 else " ") if i != 1 else p["fam"]
            parts.append((nm, "person_name"))
            if i == 0:
                parts.append(("(議長)", False))
            parts.append((sep if i < 3 else "", False))
        pic.runs((100, y), parts, "sans", 26)
        y += 50
        pic.runs((100, y), [("欠席者: ", False), (full(ppl[4]), "person_name"), ("(出張のため)", False)], "sans", 26)
        y += 50
        pic.runs((100, y), [("記録: ", False), (full(ppl[5], "　"), "person_name")], "sans", 26)
        y += 80
        pic.d.line((100, y, W - 100, y), fill=(120, 120, 120), width=2)
        y += 30
        body = [
            [("1. 前回の振り返り", False)],
            [("  ", False), (ppl[1]["fam"], "person_name"), ("さんより、前回決定事項の進捗について報告があった。", False)],
            [("2. 予算について", False)],
            [("  ", False), (ppl[2]["fam"] + ppl[2]["giv"], "person_name"), ("から見積りの説明。", False), (rng.choice(COMPANIES), None, "person_name"),
             ("案を採用。", False)],
            [("3. 次回までの宿題", False)],
            [("  ・資料作成: ", False), (ppl[3]["fam"], "person_name"), (" / 会場手配: ", False), (full(ppl[6]), "person_name")],
            [("  ・", False), (rng.choice(PRODUCTS), None, "person_name"), ("の在庫確認(担当: ", False), (ppl[0]["fam"], "person_name"), (")", False)],
            [("次回: %d月%d日 同時刻" % (rng.randint(1, 12), rng.randint(1, 28)), False)],
        ]
        for ln in body:
            pic.runs((100, y), ln, "sans", 26)
            y += 56
        if variant == 2:
            photo = photo_of(pic, rng, bg="wood", out_long=1600, fill=0.92, tilt=0.1, angle=rng.uniform(-5, 5))
            finish(photo, rng, blur_r=1.0, noise_s=4, chat=True)
            return photo, dict(doc="none", notes="meeting memo photographed at an angle; 出席者 list, names in sentences", quality=72)
        sc = scan_of(pic, rng)
        finish(sc, rng, blur_r=0.4, noise_s=1.5, long_side=rng.choice([1400, 1754]))
        return sc, dict(doc="none", notes="meeting minutes (出席者: …, 欠席者, 記録); company and product names are decoys", ext="png")
    return fn


for _v in range(3):
    picture(NM, "minutes_%02d" % (_v + 1))(_minutes(_v))


def _web_members(variant):
    def fn(rng):
        W, H = 1600, 1000
        pic = Pic(W, H, (255, 255, 255))
        url = ["https://club.example.jp/members?page=2", "https://intra.example.co.jp/staff/list?dept=sales"][variant]
        y = browser(pic, url, ["会員一覧 - テニスクラブ", "社員名簿 | 社内ポータル"][variant])
        pic.d.rectangle((0, y, W, y + 70), fill=(30, 90, 160))
        pic.t((40, y + 35), ["みどりテニスクラブ 会員一覧", "社内ポータル › 社員名簿"][variant], "sansb", 28, fill=(255, 255, 255), anchor="lm")
        y += 100
        if variant == 0:
            rows = [["会員番号", "お名前", "ふりがな", "入会日"]]
            for i in range(10):
                p = jp_person(rng)
                rows.append(["M-%04d" % rng.randint(1, 9999), (full(p, rng.choice(["　", " "])), "person_name"),
                             (kana(p), "person_name"), "%d/%02d/%02d" % (rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28))])
            table(pic, 40, y, [200, 380, 420, 300], rows, 60, f="auto", size=24, zebra=(246, 248, 252))
        else:
            rows = [["氏名", "Name", "部署", "内線", "メール"]]
            for i in range(10):
                p = jp_person(rng)
                rows.append([(full(p), "person_name"), ("%s %s" % (p["giv_r"].title(), p["fam_r"].title()), "person_name"),
                             rng.choice(["営業部", "経理部", "開発部", "総務部"]), "%04d" % rng.randint(1000, 9999),
                             (email_for(rng, p).split("@")[0] + "@example.co.jp", "email")])
            table(pic, 30, y, [230, 260, 150, 100, 500], rows, 60, f="auto", size=22, zebra=(246, 248, 252))
        finish(pic, rng, long_side=rng.choice([1280, 1600]))
        return pic, dict(doc="screen", screen=True, ext="png", notes="web page table of members in a browser window")
    return fn


for _v in range(2):
    picture(NM, "web_members_%02d" % (_v + 1))(_web_members(_v))


def _sheet_names(variant):
    def fn(rng):
        cols = [["社員番号", "氏名", "フリガナ", "部署", "入社年"], ["No", "保護者氏名", "児童氏名", "学年", "備考"],
                ["ID", "姓", "名", "セイ", "メイ"]][variant]
        rows = []
        for i in range(14):
            p, q = jp_person(rng), jp_person(rng)
            if variant == 0:
                rows.append(["E%05d" % rng.randint(1, 99999), (full(p, "　"), "person_name"), (kana(p), "person_name"),
                             rng.choice(["営業一課", "人事部", "品質保証", "情報システム"]), str(rng.randint(1995, 2025))])
            elif variant == 1:
                rows.append([str(i + 1), (full(p, ""), "person_name"), (p["fam"] + " " + q["giv"], "person_name"),
                             "%d年" % rng.randint(1, 6), rng.choice(["", "", "送迎あり", "アレルギー有"])])
            else:
                rows.append([str(1000 + i), (p["fam"], "person_name"), (p["giv"], "person_name"), (p["fam_k"], "person_name"),
                             (p["giv_k"], "person_name")])
        ws = [[160, 260, 300, 220, 140], [80, 260, 260, 120, 240], [120, 180, 180, 220, 220]][variant]
        pic = sheet(rng, 1500, 1000, cols, rows, ws, title=["社員名簿.xlsx", "名簿_2026.xlsx", "members.csv"][variant],
                    app=["excel", "gsheet", "excel"][variant])
        if variant == 2:
            photo = monitor_photo(rng, pic)
            finish(photo, rng, blur_r=0.8, noise_s=3)
            return photo, dict(doc="screen", screen=True, notes="photo of a monitor showing a spreadsheet; family and given names in separate columns", quality=82)
        finish(pic, rng, long_side=1500 if variant == 0 else 1280)
        return pic, dict(doc="screen", screen=True, ext="png", notes="spreadsheet of names (full-width space / no space between family and given name)")
    return fn


for _v in range(3):
    picture(NM, "sheet_%02d" % (_v + 1))(_sheet_names(_v))


def _furigana_form(variant):
    def fn(rng):
        W, H = 1240, 1754
        pic = Pic(W, H)
        pic.im = paper_tex(rng, W, H, (252, 251, 246), 0.6)
        pic.d = ImageDraw.Draw(pic.im)
        p = jp_person(rng)
        pic.t((W / 2, 80), ["入会申込書", "受診票"][variant], "sansb", 46, anchor="ma")
        x0, x1 = 100, W - 100
        y = 200
        pic.d.rectangle((x0, y, x1, y + 60), outline=(40, 40, 40), width=2)
        pic.t((x0 + 14, y + 16), "フリガナ", "sans", 22)
        pic.t((x0 + 240, y + 8), kana(p, "　"), "serif", 34, fill=(30, 30, 90), kind="person_name")
        y += 60
        pic.d.rectangle((x0, y, x1, y + 110), outline=(40, 40, 40), width=2)
        pic.t((x0 + 14, y + 40), "氏　名", "sans", 26)
        nm = full(p, "　") if variant == 0 else full(p, "")
        pic.t((x0 + 240, y + 24), nm, "serif", 54, fill=(30, 30, 90), kind="person_name")
        # seal
        cx, cy = x1 - 90, y + 55
        pic.d.ellipse((cx - 42, cy - 42, cx + 42, cy + 42), outline=(200, 40, 40), width=4)
        if len(p["fam"]) <= 2:
            fo = font("serifb", 30 if len(p["fam"]) == 2 else 44)
            for i, ch in enumerate(p["fam"]):
                pic.d.text((cx, cy - (16 if len(p["fam"]) == 2 else 0) + i * 32), ch, font=fo, fill=(200, 40, 40), anchor="mm")
        y += 110
        by, bm, bd = birth(rng, 1950, 2010)
        pic.d.rectangle((x0, y, x1, y + 70), outline=(40, 40, 40), width=2)
        pic.t((x0 + 14, y + 20), "生年月日", "sans", 24)
        pic.t((x0 + 240, y + 12), wareki(by, bm, bd), "serif", 36, fill=(30, 30, 90), kind="birthdate")
        y += 70
        pic.d.rectangle((x0, y, x1, y + 70), outline=(40, 40, 40), width=2)
        pic.t((x0 + 14, y + 20), "保護者氏名" if variant == 0 else "紹介元", "sans", 24)
        if variant == 0:
            q = jp_person(rng)
            pic.t((x0 + 240, y + 12), p["fam"] + " " + q["giv"], "serif", 36, fill=(30, 30, 90), kind="person_name")
        else:
            pic.t((x0 + 240, y + 12), rng.choice(["さくら内科クリニック", "みなと整形外科"]), "serif", 36, fill=(30, 30, 90),
                  decoy="person_name")
        y += 70
        for lab in ["住所", "電話番号", "備考"]:
            pic.d.rectangle((x0, y, x1, y + 90), outline=(40, 40, 40), width=2)
            pic.t((x0 + 14, y + 30), lab, "sans", 24)
            y += 90
        photo = photo_of(pic, rng, bg=rng.choice(["wood", "desk"]), out_long=1700, fill=0.9, tilt=0.06)
        finish(photo, rng, blur_r=0.6, noise_s=3, chat=variant == 1)
        return photo, dict(doc="form", notes="form with フリガナ (katakana) and 氏名 filled in, name seal; address/phone rows left blank",
                           quality=80)
    return fn


for _v in range(2):
    picture(NM, "furigana_form_%02d" % (_v + 1))(_furigana_form(_v))


@picture(NM, "seating_chart")
def _seating(rng):
    W, H = 1600, 1100
    pic = Pic(W, H)
    pic.im = paper_tex(rng, W, H, (250, 250, 246), 0.6)
    pic.d = ImageDraw.Draw(pic.im)
    pic.t((W / 2, 50), "2年3組 座席表", "sansb", 44, anchor="ma")
    pic.d.rectangle((W / 2 - 200, 120, W / 2 + 200, 170), outline=(60, 60, 60), width=2)
    pic.t((W / 2, 145), "教卓", "sans", 26, anchor="mm")
    for r in range(4):
        for c in range(6):
            x, y = 90 + c * 240, 230 + r * 210
            pic.d.rectangle((x, y, x + 200, y + 170), outline=(60, 60, 60), width=2)
            p = jp_person(rng)
            if len(p["fam"]) + len(p["giv"]) >= 5 or (r + c) % 5 == 0:
                pic.t((x + 100, y + 30), p["fam"], "sans", 34, anchor="ma")
                pic.t((x + 100, y + 80), p["giv"], "sans", 34, anchor="ma")
                bb = (x + 100 - font("sans", 34).getlength(max(p["fam"], p["giv"], key=len)) / 2, y + 30,
                      x + 100 + font("sans", 34).getlength(max(p["fam"], p["giv"], key=len)) / 2, y + 130)
                pic.label(p["fam"] + " " + p["giv"], "person_name", bb)
            else:
                pic.t((x + 100, y + 60), full(p, ""), "sans", 34, anchor="ma", kind="person_name")
    photo = photo_of(pic, rng, bg="desk", out_long=1800, fill=0.9, tilt=0.05)
    finish(photo, rng, blur_r=0.7, noise_s=3, chat=True)
    return photo, dict(doc="none", notes="classroom seating chart; long names split over two lines in their boxes (labelled once)", quality=80)


@picture(NM, "name_tags")
def _name_tags(rng):
    W, H = 1800, 1200
    photo = Pic(W, H)
    photo.im = surface(rng, W, H, "wood")
    photo.d = ImageDraw.Draw(photo.im)
    for i in range(4):
        p = jp_person(rng)
        tag = Pic(700, 420, (255, 255, 255))
        tag.d.rectangle((0, 0, 700, 90), fill=rng.choice([(30, 90, 160), (200, 60, 60), (40, 140, 90)]))
        tag.t((350, 45), rng.choice(COMPANIES), "sansb", 34, fill=(255, 255, 255), anchor="mm", decoy="person_name")
        tag.t((350, 140), kana(p), "sans", 30, fill=(80, 80, 80), anchor="mm", kind="person_name")
        tag.t((350, 250), full(p, "　"), "sansb", 80, anchor="mm", kind="person_name")
        tag.t((350, 360), "%s %s" % (p["fam_r"].title(), p["giv_r"].title()), "dv", 30, fill=(80, 80, 80), anchor="mm",
              kind="person_name")
        cx, cy = 470 + (i % 2) * 860, 320 + (i // 2) * 560
        warp_onto(photo, tag, jitter_quad(rng, cx, cy, 760, 456, rng.uniform(-12, 12), 0.02), radius=10)
    photo.im = light(photo.im, rng, 0.2)
    finish(photo, rng, blur_r=0.6, noise_s=3)
    return photo, dict(doc="business_card", notes="four event name badges on a table: company (decoy), katakana, kanji with full-width space, romaji",
                       quality=82)


@picture(NM, "business_card")
def _bizcard(rng):
    p = jp_person(rng)
    W, H = 1100, 640
    c = Pic(W, H, (255, 255, 255))
    c.im = paper_tex(rng, W, H, (253, 253, 250), 0.4)
    c.d = ImageDraw.Draw(c.im)
    comp = rng.choice(COMPANIES)
    c.t((60, 50), comp, "sansb", 34, fill=(30, 60, 120), decoy="person_name")
    c.t((60, 110), rng.choice(["営業部 課長", "開発本部 エンジニア", "総務課 主任"]), "sans", 24)
    c.t((60, 200), full(p, "　"), "serifb", 70, kind="person_name")
    c.t((60, 300), "%s %s" % (p["giv_r"].title(), p["fam_r"].upper()), "dvs", 28, kind="person_name")
    c.runs((60, 420), [("Mobile ", False), (jp_mobile(rng), "phone")], "dv", 24)
    c.runs((60, 460), [("Mail ", False), (email_for(rng, p), "email")], "dv", 24)
    c.t((60, 540), "〒100-0005 東京都千代田区丸の内1-9-1 (本社)", "sans", 20, fill=(90, 90, 90), kind=None)
    photo = lay_card_photo(rng, [(c, 6)], bg=rng.choice(["wood", "desk"]), out=(1600, 1200), fill=0.8)
    finish(photo, rng, blur_r=0.5, noise_s=3, chat=True)
    return photo, dict(doc="business_card", notes="business card: name in kanji (full-width space) and romaji, mobile, e-mail; office address is the company's (context)",
                       quality=84)


@picture(NM, "foreign_names_katakana")
def _kata(rng):
    W, H = 1240, 1754
    pic = Pic(W, H)
    pic.im = paper_tex(rng, W, H, (252, 252, 248), 0.6)
    pic.d = ImageDraw.Draw(pic.im)
    pic.t((W / 2, 80), "日本語教室 春期クラス 受講生", "sansb", 40, anchor="ma")
    kata = [("スミス", "エミリー", "SMITH Emily"), ("グエン", "ヴァン アン", "NGUYEN Van An"), ("ミュラー", "ルーカス", "MÜLLER Lukas"),
            ("キム", "ミンジュン", "KIM Minjun"), ("サントス", "マリア", "SANTOS Maria"), ("シャルマ", "プリヤ", "SHARMA Priya"),
            ("マルタン", "カミーユ", "MARTIN Camille"), ("ワン", "ウェイ", "WANG Wei"), ("シルヴァ", "ガブリエル", "SILVA Gabriel")]
    rng.shuffle(kata)
    rows = [["", "なまえ (カタカナ)", "Name", "くに"]]
    for i, (f, g, r) in enumerate(kata):
        sep = rng.choice(["・", " ", "　", "="])
        rows.append([str(i + 1), (f + sep + g, "person_name"), (r, "person_name"),
                     rng.choice(["アメリカ", "ベトナム", "ドイツ", "韓国", "ブラジル", "インド", "フランス", "中国"])])
    table(pic, 80, 200, [70, 420, 380, 210], rows, 80, f="auto", size=28)
    sc = scan_of(pic, rng)
    finish(sc, rng, blur_r=0.4, noise_s=2, long_side=1400)
    return sc, dict(doc="form", notes="class list with foreign names in katakana (・, space, full-width space, = as separators) and Latin script",
                    quality=86)


@picture(NM, "memo_note")
def _memo(rng):
    W, H = 1000, 1000
    pic = Pic(W, H, (255, 244, 150))
    pic.im = paper_tex(rng, W, H, (255, 242, 150), 1.2)
    pic.d = ImageDraw.Draw(pic.im)
    p, q = jp_person(rng), jp_person(rng)
    pic.runs((70, 90), [(p["fam"], "person_name"), ("さんへ", False)], "ipa", 56, fill=(30, 30, 110))
    pic.t((70, 200), "午後に", "ipa", 46, fill=(30, 30, 110))
    pic.runs((70, 270), [(full(q, ""), "person_name"), (" 様から", False)], "ipa", 46, fill=(30, 30, 110))
    pic.t((70, 340), "お電話がありました。", "ipa", 46, fill=(30, 30, 110))
    pic.t((70, 410), "折り返しお願いします。", "ipa", 46, fill=(30, 30, 110))
    r = jp_person(rng)
    pic.runs((500, 820), [("受: ", False), (r["fam"], "person_name")], "ipa", 44, fill=(30, 30, 110))
    photo = photo_of(pic, rng, bg=rng.choice(["desk", "wood"]), out_long=1400, fill=0.7, angle=rng.uniform(-12, 12), aspect_out=1.0)
    finish(photo, rng, blur_r=0.9, noise_s=4, chat=True)
    return photo, dict(doc="none", notes="phone message sticky note: 〜さんへ, 〜様から, 受: surname", quality=76)


@picture(NM, "decoy_companies_products")
def _decoy_names(rng):
    W, H = 1400, 1000
    pic = Pic(W, H, (255, 255, 255))
    y = browser(pic, "https://shop.example.com/ranking", "人気ランキング")
    pic.t((40, y + 30), "今週の人気ランキング", "sansb", 36)
    rows = [["順位", "商品名", "メーカー", "価格"]]
    for i, pr in enumerate(rng.sample(PRODUCTS, 6)):
        rows.append([str(i + 1), (pr, None, "person_name"), (rng.choice(COMPANIES), None, "person_name"), "¥%s" % format(rng.randint(3, 300) * 100, ",")])
    table(pic, 40, y + 100, [90, 520, 420, 180], rows, 70, f="auto", size=26)
    pic.runs((40, H - 90), [("氏名", False, "person_name"), ("・", False), ("住所", False, "address"), ("の入力は購入手続きの画面で行います。", False)],
             "sans", 24, fill=(90, 90, 90))
    finish(pic, rng, long_side=1280)
    return pic, dict(doc="screen", screen=True, ext="png", notes="product ranking page: product and company names only, no personal data (decoys)")


# ======================================================================================
# class: addresses
AD = "addresses"


def kdigits(s):
    return "".join(KANJI_NUM[int(c)] if c.isdigit() else c for c in s)


def postcode_boxes(pic, x, y, post, size=54, col=(210, 40, 40), ink=(25, 25, 60), f="serif"):
    digits = post.replace("-", "")
    bbs = []
    cx = x
    for i, d in enumerate(digits):
        if i == 3:
            pic.d.line((cx + 4, y + size / 2, cx + 18, y + size / 2), fill=col, width=3)
            cx += 22
        pic.d.rectangle((cx, y, cx + size, y + size * 1.2), outline=col, width=3)
        pic.t((cx + size / 2, y + size * 0.6), d, f, int(size * 0.8), fill=ink, anchor="mm")
        bbs.append((cx, y, cx + size, y + size * 1.2))
        cx += size + 6
    bb = (bbs[0][0], bbs[0][1], bbs[-1][2], bbs[-1][3])
    pic.label(digits, "postcode", bb)
    return bb


def _envelope_h(variant):
    def fn(rng):
        W, H = 1600, 1000
        env = Pic(W, H)
        env.im = paper_tex(rng, W, H, rng.choice([(247, 240, 222), (252, 252, 250), (240, 226, 196)]), 1.0)
        env.d = ImageDraw.Draw(env.im)
        a = jp_address(rng, style=rng.choice(["hyphen", "kanji"]), building=True)
        p = jp_person(rng)
        f = rng.choice(["serif", "ipa", "sans"])
        ink = (25, 25, 60)
        env.d.rectangle((W - 230, 40, W - 60, 230), outline=(190, 60, 60), width=2)
        env.t((W - 145, 135), "切手", "sans", 30, fill=(190, 60, 60), anchor="mm")
        postcode_boxes(env, 90, 70, a["post"], 56)
        y = 250
        if variant == 0:
            env.t((160, y), a["pref"] + a["city"] + a["town"], f, 50, fill=ink, kind="address")
            env.t((260, y + 80), a["block"] + " " + a["bld"], f, 50, fill=ink, kind="address")
        else:
            env.t((160, y), a["line1"], f, 50, fill=ink, kind="address")
            env.t((260, y + 80), a["bld"], f, 50, fill=ink, kind="address")
        env.t((W / 2 - 120, y + 260), full(p, "　"), f, 96, fill=ink, anchor="ma", kind="person_name")
        nb = env.d.textbbox((W / 2 - 120, y + 260), full(p, "　"), font=font(f, 96), anchor="ma")
        env.t((nb[2] + 40, y + 260), "様", f, 96, fill=ink)
        if variant == 1:
            s = jp_address(rng, building=False)
            q = jp_person(rng)
            env.t((W - 90, H - 120), s["line1"], f, 30, fill=ink, anchor="ra", kind="address")
            env.t((W - 90, H - 70), full(q), f, 34, fill=ink, anchor="ra", kind="person_name")
        photo = photo_of(env, rng, bg=rng.choice(["wood", "desk"]), out_long=rng.choice([1600, 1800]), fill=0.88, tilt=rng.choice([None, 0.07]))
        finish(photo, rng, blur_r=0.6, noise_s=3, chat=variant == 1)
        return photo, dict(doc="none", notes="horizontal envelope: postcode boxes, address over two lines, name 様%s" %
                           ("; sender address and name bottom right" if variant else ""), quality=80)
    return fn


for _v in range(2):
    picture(AD, "envelope_h_%02d" % (_v + 1))(_envelope_h(_v))


def _envelope_v(variant):
    def fn(rng):
        W, H = 1000, 1900 if variant < 2 else 1480
        env = Pic(W, H)
        tint = [(246, 238, 218), (252, 252, 250), (253, 253, 250)][variant]
        env.im = paper_tex(rng, W, H, tint, 1.0)
        env.d = ImageDraw.Draw(env.im)
        ink = (25, 25, 40)
        a = jp_address(rng, style="vertical", building=True)
        bld = kdigits(a["bld"])
        p = jp_person(rng)
        postcode_boxes(env, W - 520, 60, a["post"], 52)
        if variant == 2:
            env.t((60, 60), "年賀はがき", "serif", 24, fill=(200, 40, 40))
        x = W - 130
        col1 = a["pref"] + a["city"] + a["town"] + a["block"]
        sz = 52 if len(col1) <= 22 else 44
        env.vt((x, 230), col1, "serif", sz, fill=ink, kind="address")
        env.vt((x - 90, 330), bld, "serif", sz, fill=ink, kind="address")
        nm = p["fam"] + " " + p["giv"]
        nbb = env.vt((W / 2 - 60, 300), nm, "serifb", 110, fill=ink, kind="person_name", gap=1.0)
        env.vt((W / 2 - 60, nbb[3] + 40), "様", "serifb", 110, fill=ink)
        if variant != 2:
            s = jp_address(rng, style="vertical", building=False)
            q = jp_person(rng)
            env.vt((200, H - 780), s["pref"] + s["city"] + s["town"], "serif", 34, fill=ink, kind="address")
            env.vt((150, H - 660), s["block"], "serif", 34, fill=ink, kind="address")
            env.vt((80, H - 760), q["fam"] + " " + q["giv"], "serif", 40, fill=ink, kind="person_name")
        photo = photo_of(env, rng, bg=rng.choice(["wood", "desk", "paper"]), out_long=rng.choice([1600, 1900]), fill=0.9,
                         angle=rng.uniform(-5, 5), aspect_out=3 / 4)
        finish(photo, rng, blur_r=0.7, noise_s=3, chat=variant == 1)
        kindname = ["vertical envelope (縦書き) with kanji numerals 丁目・番・号", "vertical envelope, sender on the left",
                    "New Year postcard (年賀はがき) address side, vertical writing"][variant]
        return photo, dict(doc="none", notes=kindname + "; each vertical column labelled separately", quality=82)
    return fn


for _v in range(3):
    picture(AD, "envelope_v_%02d" % (_v + 1))(_envelope_v(_v))


def _addr_form(variant):
    def fn(rng):
        W, H = 1240, 1754
        pic = Pic(W, H)
        pic.im = paper_tex(rng, W, H, (252, 252, 249), 0.6)
        pic.d = ImageDraw.Draw(pic.im)
        title = ["住所変更届", "会員登録申込書", "転入届(写)"][variant]
        pic.t((W / 2, 80), title, "sansb", 46, anchor="ma")
        p = jp_person(rng)
        x0, x1 = 90, W - 90
        hand = rng.choice(["serif", "ipa"])
        ink = (20, 30, 90)
        y = 200
        rows = [("フリガナ", kana(p), "person_name", 60, 30), ("氏名", full(p, "　"), "person_name", 100, 48)]
        for lab, val, kind, h, sz in rows:
            pic.d.rectangle((x0, y, x1, y + h), outline=(40, 40, 40), width=2)
            pic.d.line((x0 + 200, y, x0 + 200, y + h), fill=(40, 40, 40), width=2)
            pic.t((x0 + 20, y + h / 2), lab, "sans", 24, anchor="lm")
            pic.t((x0 + 230, y + h / 2), val, hand, sz, fill=ink, anchor="lm", kind=kind)
            y += h
        old = jp_address(rng, style="hyphen", building=rng.random() < 0.5)
        new = jp_address(rng, style=rng.choice(["kanji", "hyphen", "banchi"]), building=True)
        blocks = [("旧住所", old), ("新住所", new)] if variant == 0 else [("住所", new)]
        for lab, a in blocks:
            h = 220
            pic.d.rectangle((x0, y, x1, y + h), outline=(40, 40, 40), width=2)
            pic.d.line((x0 + 200, y, x0 + 200, y + h), fill=(40, 40, 40), width=2)
            pic.t((x0 + 20, y + h / 2), lab, "sans", 24, anchor="lm")
            pic.runs((x0 + 230, y + 20), [("〒", False), (a["post"], "postcode")], hand, 34, fill=ink)
            if a["bld"]:
                pic.t((x0 + 230, y + 80), a["line1"], hand, 38, fill=ink, kind="address")
                pic.t((x0 + 330, y + 145), a["bld"], hand, 38, fill=ink, kind="address")
            else:
                pic.t((x0 + 230, y + 80), a["pref"] + a["city"], hand, 38, fill=ink, kind="address")
                pic.t((x0 + 330, y + 145), a["town"] + a["block"], hand, 38, fill=ink, kind="address")
            y += h
        h = 80
        pic.d.rectangle((x0, y, x1, y + h), outline=(40, 40, 40), width=2)
        pic.d.line((x0 + 200, y, x0 + 200, y + h), fill=(40, 40, 40), width=2)
        pic.t((x0 + 20, y + h / 2), "電話番号", "sans", 24, anchor="lm")
        pic.t((x0 + 230, y + h / 2), jp_mobile(rng), hand, 36, fill=ink, anchor="lm", kind="phone")
        y += h + 60
        pic.t((x0, y), "上記のとおり届け出ます。", "sans", 26)
        if rng.random() < 0.6:
            photo = photo_of(pic, rng, bg=rng.choice(["wood", "desk"]), out_long=1800, fill=0.9, tilt=rng.choice([0.04, 0.08]))
            finish(photo, rng, blur_r=0.7, noise_s=3, chat=True)
            return photo, dict(doc="form", notes="%s filled in by hand-like font; address split over two lines" % title, quality=76)
        sc = scan_of(pic, rng)
        finish(sc, rng, blur_r=0.4, noise_s=2, long_side=1600)
        return sc, dict(doc="form", notes="%s scanned; address split over two lines" % title, quality=86)
    return fn


for _v in range(3):
    picture(AD, "form_%02d" % (_v + 1))(_addr_form(_v))


def parcel_label(rng, variant):
    W, H = 1400, 900
    lab = Pic(W, H, (255, 255, 255))
    col = [(20, 120, 60), (200, 60, 20), (30, 60, 160), (120, 40, 120)][variant]
    lab.d.rectangle((0, 0, W, 70), fill=col)
    lab.t((30, 35), ["宅急便 発払い", "ゆうパック", "宅配便 お届け伝票", "メール便"][variant], "sansb", 34, fill=(255, 255, 255), anchor="lm")
    trk = "%04d-%04d-%04d" % (rng.randint(0, 9999), rng.randint(0, 9999), rng.randint(0, 9999))
    lab.t((W - 30, 35), "伝票番号 " + trk, "sansb", 26, fill=(255, 255, 255), anchor="rm", kind=None, label_text=None)
    lab.items[-1]["text"] = "伝票番号 " + trk
    ink = (20, 20, 20)
    a = jp_address(rng, style=rng.choice(["hyphen", "kanji"]), building=True)
    p = jp_person(rng)
    lab.d.rectangle((20, 90, W - 20, 520), outline=col, width=3)
    lab.t((40, 100), "お届け先", "sansb", 26, fill=col)
    lab.runs((220, 100), [("〒", False), (a["post"], "postcode")], "sans", 30)
    lab.t((40, 160), a["line1"], "sans", 40, fill=ink, kind="address")
    if a["bld"]:
        lab.t((120, 220), a["bld"], "sans", 40, fill=ink, kind="address")
    lab.t((40, 300), full(p), "sansb", 60, fill=ink, kind="person_name")
    nb = lab.d.textbbox((40, 300), full(p), font=font("sansb", 60))
    lab.t((nb[2] + 20, 310), "様", "sans", 48, fill=ink)
    lab.runs((40, 420), [("TEL ", False), (jp_mobile(rng) if rng.random() < 0.6 else jp_landline(rng), "phone")], "sans", 34)
    s = jp_address(rng, building=False)
    q = jp_person(rng)
    lab.d.rectangle((20, 540, W - 20, 760), outline=col, width=2)
    lab.t((40, 550), "ご依頼主", "sansb", 24, fill=col)
    if variant == 2:
        lab.t((220, 550), rng.choice(COMPANIES) + " 出荷センター", "sans", 28, kind=None)
        lab.t((40, 600), "埼玉県戸田市美女木東2-1 物流棟", "sans", 28, kind=None)
    else:
        lab.runs((220, 550), [("〒", False), (s["post"], "postcode")], "sans", 26)
        lab.t((40, 600), s["line1"], "sans", 30, fill=ink, kind="address")
        lab.t((40, 650), full(q), "sans", 34, fill=ink, kind="person_name")
        lab.runs((600, 700), [("TEL ", False), (jp_landline(rng), "phone")], "sans", 28)
    lab.t((40, 780), "品名: ", "sans", 28)
    lab.t((130, 780), rng.choice(PRODUCTS), "sans", 28, decoy="person_name")
    draw_code128ish(lab, (W - 520, 780), 480, 90, rng)
    return lab


def _parcel(variant):
    def fn(rng):
        lab = parcel_label(rng, variant)
        W, H = rng.choice([(1800, 1350), (1600, 1200)])
        photo = Pic(W, H)
        photo.im = surface(rng, W, H, "cardboard")
        photo.d = ImageDraw.Draw(photo.im)
        # tape
        photo.d.rectangle((0, int(H * 0.05), W, int(H * 0.14)), fill=(200, 180, 140))
        s = W * 0.8 / lab.w
        quad = jitter_quad(rng, W / 2, H / 2 + 30, lab.w * s, lab.h * s, rng.uniform(-6, 6), 0.03)
        warp_onto(photo, lab, quad, shadow=0.2)
        photo.im = light(photo.im, rng, 0.25)
        if variant == 3:
            photo.im = motion_blur(photo.im, 5, rng.uniform(0, 180))
        finish(photo, rng, blur_r=0.5, noise_s=4, chat=variant % 2 == 1)
        return photo, dict(doc="form", notes="parcel delivery label on a cardboard box: お届け先 / ご依頼主, postcode, phone, tracking barcode%s" %
                           ("; motion blur" if variant == 3 else "") + ("; sender is a company (context)" if variant == 2 else ""),
                           quality=rng.choice([70, 80]))
    return fn


for _v in range(4):
    picture(AD, "parcel_%02d" % (_v + 1))(_parcel(_v))


def _memo_addr(variant):
    def fn(rng):
        W, H = 1200, 1500
        pic = Pic(W, H)
        pic.im = paper_tex(rng, W, H, (252, 252, 246), 0.8)
        pic.d = ImageDraw.Draw(pic.im)
        for y in range(160, H - 60, 80):
            pic.d.line((60, y, W - 60, y), fill=(170, 190, 220), width=2)
        ink = (25, 30, 80)
        f = "ipa"
        if variant == 0:
            a = jp_address(rng, style="kanji", building=True)
            p = jp_person(rng)
            pic.t((80, 100), "引っ越し先メモ", f, 48, fill=ink)
            pic.runs((80, 190), [("〒", False), (a["post"], "postcode")], f, 44, fill=ink)
            pic.t((80, 270), a["pref"] + a["city"], f, 50, fill=ink, kind="address")
            pic.t((80, 350), a["town"] + a["block"], f, 50, fill=ink, kind="address")
            pic.t((80, 430), a["bld"], f, 50, fill=ink, kind="address")
            pic.runs((80, 590), [(full(p), "person_name"), (" 宛", False)], f, 50, fill=ink)
            pic.t((80, 670), "荷物は土曜の午前中", f, 46, fill=ink)
        else:
            pref, city, towns, pc = rng.choice(JP_PLACES)
            town = rng.choice(towns)
            c, b = rng.randint(1, 5), rng.randint(1, 25)
            p = jp_person(rng)
            pic.t((80, 100), "週末の集合場所", f, 48, fill=ink)
            pic.runs((80, 190), [(p["fam"], "person_name"), ("さんの家", False)], f, 46, fill=ink)
            pic.t((80, 270), "%s%d丁目%d番" % (town, c, b), f, 56, fill=ink, kind="address")
            pic.t((80, 350), "(%s駅から徒歩8分、" % rng.choice(["最寄り", "バス停"]), f, 44, fill=ink)
            pic.t((80, 430), " 青い屋根の角の家)", f, 44, fill=ink)
            pic.t((80, 590), "10時に来てね", f, 46, fill=ink)
        photo = photo_of(pic, rng, bg=rng.choice(["wood", "desk"]), out_long=1500, fill=0.8, angle=rng.uniform(-10, 10))
        finish(photo, rng, blur_r=0.8, noise_s=4, chat=True)
        return photo, dict(doc="none", notes=["memo of a new home address (postcode, 丁目番号, building), split over three lines",
                                              "partial address: town + 丁目 + 番 that still pins a home"][variant], quality=74)
    return fn


for _v in range(2):
    picture(AD, "memo_%02d" % (_v + 1))(_memo_addr(_v))


def draw_map(pic, rng, box, names):
    x0, y0, x1, y1 = box
    pic.d.rectangle(box, fill=(242, 239, 233))
    for i in range(18):
        bx, by = rng.uniform(x0, x1), rng.uniform(y0, y1)
        pic.d.rectangle((bx, by, bx + rng.uniform(60, 200), by + rng.uniform(40, 160)), fill=rng.choice([(230, 226, 218), (222, 230, 214), (236, 232, 226)]))
    pic.d.ellipse((x0 + (x1 - x0) * 0.6, y0 + (y1 - y0) * 0.1, x0 + (x1 - x0) * 0.85, y0 + (y1 - y0) * 0.3), fill=(200, 228, 190))
    pic.d.line([(x0, y0 + (y1 - y0) * 0.8), (x1, y0 + (y1 - y0) * 0.68)], fill=(170, 205, 240), width=40)
    for i in range(7):
        if i % 2:
            xx = rng.uniform(x0, x1)
            pic.d.line([(xx, y0), (xx + rng.uniform(-120, 120), y1)], fill=(255, 255, 255), width=rng.choice([14, 20, 30]))
        else:
            yy = rng.uniform(y0, y1)
            pic.d.line([(x0, yy), (x1, yy + rng.uniform(-80, 80))], fill=(255, 255, 255), width=rng.choice([14, 20, 30]))
    pic.d.line([(x0, y0 + (y1 - y0) * 0.35), (x1, y0 + (y1 - y0) * 0.45)], fill=(250, 214, 120), width=34)
    for n in names:
        pic.t((rng.uniform(x0 + 40, x1 - 200), rng.uniform(y0 + 40, y1 - 80)), n, "sans", 24, fill=(110, 110, 120))


def _map_screen(variant):
    def fn(rng):
        W, H = (1080, 2000) if variant == 0 else (1600, 1000)
        pic = Pic(W, H, (255, 255, 255))
        a = jp_address(rng, style="hyphen", building=variant == 1)
        top = status_bar(pic, 60, bg=(255, 255, 255)) if variant == 0 else browser(pic, "https://maps.example.com/place/@35.6,139.6,17z", "地図")
        draw_map(pic, rng, (0, top, W, H), [a["town"], "%s駅" % rng.choice(["北口", "南"]), "公園", "郵便局"])
        pin = (W * 0.5, (top + H) * 0.45)
        pic.d.ellipse((pin[0] - 26, pin[1] - 70, pin[0] + 26, pin[1] - 18), fill=(220, 50, 50))
        pic.d.polygon([(pin[0] - 20, pin[1] - 38), (pin[0] + 20, pin[1] - 38), (pin[0], pin[1])], fill=(220, 50, 50))
        pic.d.ellipse((pin[0] - 9, pin[1] - 53, pin[0] + 9, pin[1] - 35), fill=(255, 255, 255))
        pic.d.rounded_rectangle((W * 0.04 + (0 if variant == 0 else W * 0.5), top + 30, W * 0.96, top + 110), 40, fill=(255, 255, 255))
        pic.t((W * 0.08 + (0 if variant == 0 else W * 0.5), top + 70), "検索", "sans", 28, fill=(140, 140, 140), anchor="lm")
        if variant == 0:
            cy = H - 460
            pic.d.rounded_rectangle((0, cy, W, H + 40), 40, fill=(255, 255, 255))
            pic.t((60, cy + 50), "自宅", "sansb", 44)
            pic.t((60, cy + 130), a["pref"] + a["city"], "sans", 32, fill=(60, 60, 60), kind="address")
            pic.t((60, cy + 180), a["town"] + a["block"], "sans", 32, fill=(60, 60, 60), kind="address")
            pic.runs((60, cy + 250), [("〒", False, None, (100, 100, 100)), (a["post"], "postcode", None, (100, 100, 100))], "sans", 28)
            for i, b in enumerate(["経路", "保存", "共有"]):
                pic.d.rounded_rectangle((60 + i * 300, cy + 320, 320 + i * 300, cy + 390), 35, outline=(26, 115, 232), width=3)
                pic.t((190 + i * 300, cy + 355), b, "sans", 28, fill=(26, 115, 232), anchor="mm")
        else:
            pic.d.rectangle((0, top, 520, H), fill=(255, 255, 255))
            pic.t((30, top + 40), rng.choice(["実家", "おばあちゃんの家", "新居"]), "sansb", 36)
            pic.t((30, top + 110), a["pref"] + a["city"] + a["town"], "sans", 26, fill=(60, 60, 60), kind="address")
            pic.t((30, top + 150), a["block"] + " " + a["bld"], "sans", 26, fill=(60, 60, 60), kind="address")
            pic.t((30, top + 220), "★ 保存済みの場所", "sans", 22, fill=(26, 115, 232))
        finish(pic, rng, long_side=1280 if variant == 0 else 1600)
        return pic, dict(doc="screen", screen=True, ext="png" if variant else "jpg", quality=85,
                         notes="map %s with a saved home address card" % ("app on a phone" if variant == 0 else "site in a browser"))
    return fn


for _v in range(2):
    picture(AD, "map_%02d" % (_v + 1))(_map_screen(_v))


def _shipping(variant):
    def fn(rng):
        W, H = (1080, 1900) if variant == 0 else (1600, 1050)
        pic = Pic(W, H, (255, 255, 255))
        a = jp_address(rng, style="hyphen", building=True)
        p = jp_person(rng)
        if variant == 0:
            top = status_bar(pic, 60, bg=(255, 255, 255))
            pic.d.rectangle((0, top, W, top + 110), fill=(255, 153, 0))
            pic.t((40, top + 55), "‹  お届け先の確認", "sansb", 36, fill=(255, 255, 255), anchor="lm")
            y = top + 160
            x = 50
            sz = 34
        else:
            top = browser(pic, "https://shop.example.jp/checkout/address?step=2", "ご注文手続き")
            pic.t((60, top + 30), "ご注文手続き  ›  お届け先", "sansb", 34)
            y = top + 110
            x = 60
            sz = 28
        pic.d.rounded_rectangle((x - 20, y - 20, W - x + 20, y + 480), 16, outline=(200, 200, 200), width=2)
        pic.t((x, y), "お届け先", "sansb", sz, fill=(40, 40, 40))
        y += sz * 2
        pic.runs((x, y), [(full(p), "person_name"), (" 様", False)], "sans", sz + 4)
        y += sz * 1.8
        pic.runs((x, y), [("〒", False), (a["post"], "postcode")], "sans", sz)
        y += sz * 1.6
        if variant == 0:
            pic.t((x, y), a["line1"], "sans", sz, kind="address")
            y += sz * 1.5
            pic.t((x, y), a["bld"], "sans", sz, kind="address")
        else:
            pic.t((x, y), a["full"], "sans", sz, kind="address")
        y += sz * 1.6
        pic.runs((x, y), [("電話番号: ", False), (jp_mobile(rng), "phone")], "sans", sz)
        y += sz * 3
        pic.t((x, y), "お支払い方法", "sansb", sz)
        y += sz * 1.8
        pic.runs((x, y), [("クレジットカード ", False), ("**** **** **** %04d" % rng.randint(0, 9999), "credit_card")], "sans", sz)
        y += sz * 3
        pic.d.rounded_rectangle((x, y, W - x, y + sz * 2.4), 12, fill=(255, 216, 20))
        pic.t((W / 2, y + sz * 1.2), "注文を確定する", "sansb", sz, anchor="mm")
        finish(pic, rng, long_side=1280)
        return pic, dict(doc="screen", screen=True, ext="png", notes="shopping site delivery address confirmation (%s); masked card" %
                         ("phone app" if variant == 0 else "browser, address on one line"))
    return fn


for _v in range(2):
    picture(AD, "shipping_%02d" % (_v + 1))(_shipping(_v))


@picture(AD, "gaiku_sapporo")
def _sapporo(rng):
    W, H = 1240, 1000
    pic = Pic(W, H)
    pic.im = paper_tex(rng, W, H, (252, 250, 244), 0.7)
    pic.d = ImageDraw.Draw(pic.im)
    p = jp_person(rng)
    jo, chome = rng.randint(1, 25), rng.randint(1, 15)
    side = rng.choice(["南", "北"])
    ew = rng.choice(["西", "東"])
    pic.t((80, 70), "お届け先カード", "sansb", 40)
    pic.runs((80, 170), [("〒", False), ("06%d-%04d" % (rng.randint(0, 4), rng.randint(0, 9999)), "postcode")], "sans", 34)
    l1 = "北海道札幌市中央区%s%d条%s%d丁目%d-%d" % (side, jo, ew, chome, rng.randint(1, 30), rng.randint(1, 20))
    pic.t((80, 240), l1, "sans", 44, kind="address")
    bld = rng.choice(BLDG_A) + rng.choice(BLDG_B) + " %d%02d" % (rng.randint(1, 9), rng.randint(1, 10))
    pic.t((160, 310), bld, "sans", 44, kind="address")
    pic.t((80, 420), full(p, "　") + " 様", "sansb", 56)
    pic.label(full(p, "　"), "person_name", pic.d.textbbox((80, 420), full(p, "　"), font=font("sansb", 56)))
    ky = rng.choice(["烏丸通三条上る場之町", "河原町通四条下る市之町", "寺町通御池上る上本能寺前町", "堀川通丸太町下る下堀川町"])
    q = jp_person(rng)
    pic.t((80, 580), "控え(京都の実家)", "sans", 30, fill=(90, 90, 90))
    pic.t((80, 640), "京都府京都市中京区" + ky + "%d番地" % rng.randint(100, 700), "sans", 38, kind="address")
    pic.runs((80, 710), [(full(q), "person_name"), (" 方", False)], "sans", 38)
    photo = photo_of(pic, rng, bg="wood", out_long=1600, fill=0.9, tilt=0.05)
    finish(photo, rng, blur_r=0.6, noise_s=3)
    return photo, dict(doc="none", notes="街区 (grid) address in Sapporo (南/北○条西○丁目) and a Kyoto street-name address (通…上る/下る)", quality=82)


@picture(AD, "chat_partial_address")
def _chat_addr(rng):
    a = jp_address(rng, style="hyphen", building=True)
    pref, city, towns, pc = rng.choice(JP_PLACES)
    town = rng.choice(towns)
    part = "%s%d-%d" % (town, rng.randint(1, 5), rng.randint(1, 30))
    p = jp_person(rng)
    msgs = [dict(side="l", lines=[[("明日どこに行けばいい?", False)]], time="21:02"),
            dict(side="r", lines=[[("うちは ", False), (part, "address"), (" だよ", False)], [("コンビニの裏の白い家", False)]], time="21:04"),
            dict(side="l", lines=[[("了解!荷物はこっちに送って", False)]], time="21:05"),
            dict(side="l", lines=[[(a["line1"], "address")], [(a["bld"], "address")]], time="21:05"),
            dict(side="r", lines=[[("OK、", False), (p["fam"], "person_name"), ("さん宛で送るね", False)]], time="21:07")]
    pic, _ = chat_screen(rng, 1080, 1900, full(jp_person(rng)), msgs, app=rng.choice(["line", "plain"]))
    finish(pic, rng, long_side=1280)
    return pic, dict(doc="screen", screen=True, ext="jpg", quality=80,
                     notes="chat: a partial address (town + block numbers) and a full address split over two bubble lines")


@picture(AD, "moving_postcard")
def _moving(rng):
    W, H = 1480, 1000
    pic = Pic(W, H)
    pic.im = paper_tex(rng, W, H, (250, 248, 240), 0.7)
    pic.d = ImageDraw.Draw(pic.im)
    pic.d.rectangle((0, 0, 420, H), fill=(200, 226, 214))
    for i in range(8):
        pic.d.ellipse((rng.uniform(20, 380), rng.uniform(20, H - 60), 0, 0) if False else (40 + i * 40, 100 + i * 100, 100 + i * 40, 160 + i * 100), fill=(240, 200, 210))
    pic.t((480, 70), "転居のお知らせ", "serifb", 60)
    pic.t((480, 180), "このたび下記に転居いたしました。", "serif", 32)
    pic.t((480, 230), "お近くにお越しの際はぜひお立ち寄りください。", "serif", 32)
    a = jp_address(rng, style=rng.choice(["kanji", "hyphen"]), building=True)
    p, q = jp_person(rng), jp_person(rng)
    pic.runs((480, 360), [("新住所 〒", False), (a["post"], "postcode")], "serif", 34)
    pic.t((540, 420), a["line1"], "serif", 40, kind="address")
    pic.t((540, 480), a["bld"], "serif", 40, kind="address")
    pic.runs((480, 580), [("TEL ", False), (jp_landline(rng), "phone")], "serif", 34)
    pic.t((480, 700), full(p, "　"), "serifb", 48, kind="person_name")
    pic.t((540, 770), q["giv"], "serifb", 48, kind="person_name")
    photo = photo_of(pic, rng, bg=rng.choice(["wood", "desk"]), out_long=1500, fill=0.85)
    finish(photo, rng, blur_r=0.6, noise_s=3, chat=True)
    return photo, dict(doc="none", notes="moving notice postcard (転居のお知らせ) with the new address over two lines, family names", quality=80)


@picture(AD, "decoy_blank_address_form")
def _blank_addr(rng):
    W, H = 1240, 1754
    pic = Pic(W, H)
    pic.im = paper_tex(rng, W, H, (253, 253, 250), 0.5)
    pic.d = ImageDraw.Draw(pic.im)
    pic.t((W / 2, 80), "お客様情報ご記入票", "sansb", 44, anchor="ma")
    y = 200
    for lab, imit in [("氏名", "person_name"), ("フリガナ", "person_name"), ("住所", "address"), ("ご住所(勤務先)", "address"),
                      ("郵便番号", "postcode"), ("電話番号", "phone"), ("生年月日", "birthdate"), ("保険者番号", "insurance_number")]:
        pic.d.rectangle((90, y, W - 90, y + 110), outline=(40, 40, 40), width=2)
        pic.t((110, y + 40), lab, "sans", 28, decoy=imit)
        y += 110
    co = rng.choice(COMPANIES)
    pic.t((90, y + 60), co, "sansb", 30, decoy="person_name")
    pic.t((90, y + 110), "本社: 東京都港区芝公園4-2-8 (お問い合わせ 0120-%03d-%03d)" % (rng.randint(100, 999), rng.randint(100, 999)),
          "sans", 24, fill=(80, 80, 80), kind=None)
    pic.t((90, y + 170), "最寄り: 浜松町駅 / 大門駅 / 芝公園駅", "sans", 24, fill=(80, 80, 80), decoy="address")
    sc = scan_of(pic, rng)
    finish(sc, rng, blur_r=0.4, noise_s=2, long_side=1400)
    return sc, dict(doc="form", notes="blank customer form (labels only), a company head-office address (context, not personal) and station names (decoy)",
                    quality=88)


# ======================================================================================
# class: numbers
NU = "numbers"


def emboss(pic, xy, s, size, kind=None, f="monob"):
    x, y = xy
    pic.d.text((x + 2, y + 2), s, font=font(f, size), fill=(60, 60, 60))
    pic.d.text((x - 1, y - 1), s, font=font(f, size), fill=(250, 250, 250))
    return pic.t((x, y), s, f, size, fill=(210, 210, 215), kind=kind)


CARD_BRANDS = [("VISA", "4", 16, (4, 4, 4, 4)), ("Mastercard", "5", 16, (4, 4, 4, 4)), ("JCB", "35", 16, (4, 4, 4, 4)),
               ("AMERICAN EXPRESS", "37", 15, (4, 6, 5))]


def credit_card(rng, brand_i):
    brand, pre, ln, grp = CARD_BRANDS[brand_i]
    W, H = 1030, 650
    c0, c1 = rng.choice([((20, 40, 90), (70, 110, 180)), ((30, 30, 34), (90, 90, 96)), ((120, 20, 40), (200, 80, 70)),
                          ((20, 90, 70), (60, 160, 130))])
    pic = card_bg(rng, W, H, c0, c1, lines=None)
    bankname = rng.choice(["SAKURA CARD", "MIDORI BANK", "HIKARI CARD", "Example Pay"])
    pic.t((50, 40), bankname, "dvb", 40, fill=(240, 240, 240), decoy="person_name")
    pic.d.rounded_rectangle((80, 220, 210, 320), 14, fill=(212, 180, 90))
    for i in range(3):
        pic.d.line((80, 252 + i * 24, 210, 252 + i * 24), fill=(170, 140, 60), width=2)
    num = luhn_card(rng, pre, ln)
    s = group(num, grp)
    emboss(pic, (80, 370), s, 64 if ln == 16 else 62, kind="credit_card")
    m, y = rng.randint(1, 12), rng.randint(27, 32)
    pic.t((430, 470), "VALID\nTHRU", "dv", 14, fill=(230, 230, 230))
    emboss(pic, (510, 462), "%02d/%02d" % (m, y), 36, kind=None)
    p = jp_person(rng)
    emboss(pic, (80, 550), "%s %s" % (p["giv_r"], p["fam_r"]), 44, kind="person_name")
    pic.t((W - 50, H - 50), brand, "dvsb" if brand == "VISA" else "dvb", 52 if brand == "VISA" else 30, fill=(255, 255, 255), anchor="rs")
    return pic, num


def _card(brand_i):
    def fn(rng):
        c, num = credit_card(rng, brand_i)
        photo = lay_card_photo(rng, [(c, 40)], out=rng.choice([(1600, 1200), (1400, 1050)]), fill=0.78)
        if rng.random() < 0.5:
            photo.im = glare(photo.im, rng, 0.3)
        finish(photo, rng, blur_r=rng.choice([0.4, 0.8]), noise_s=3, chat=brand_i % 2 == 0)
        return photo, dict(doc="id_card", notes="payment card front, %s, Luhn-valid number, embossed, cardholder name" % CARD_BRANDS[brand_i][0],
                           quality=rng.choice([72, 82, 90]))
    return fn


for _b in range(4):
    picture(NU, "card_front_%02d" % (_b + 1))(_card(_b))


@picture(NU, "receipt_masked_card")
def _receipt(rng):
    W, H = 720, 1700
    r = Pic(W, H)
    r.im = paper_tex(rng, W, H, (250, 250, 247), 0.5)
    r.d = ImageDraw.Draw(r.im)
    shop = rng.choice(["ファミリーストア 桜町店", "まるやま書店", "グリーンマート駅前店"])
    r.t((W / 2, 50), shop, "sansb", 36, anchor="ma", kind=None)
    tnum = "T" + corp_number(rng)
    r.runs((40, 110), [("登録番号 ", False), (tnum, None)], "jmono", 24)
    r.t((40, 150), "TEL " + jp_landline(rng), "jmono", 24, kind=None)
    r.t((40, 200), "%d年%02d月%02d日 %02d:%02d" % (2026, rng.randint(1, 11), rng.randint(1, 28), rng.randint(8, 22), rng.randint(0, 59)), "jmono", 24)
    y = 260
    total = 0
    for pr in rng.sample(PRODUCTS, 4):
        price = rng.randint(2, 60) * 100 + rng.choice([0, 80, 98])
        total += price
        r.t((40, y), pr[:14], "jmono", 24, decoy="person_name" if rng.random() < 0.3 else None)
        r.t((W - 40, y), "¥%s" % format(price, ","), "jmono", 24, anchor="ra")
        y += 44
    r.d.line((40, y + 10, W - 40, y + 10), fill=(60, 60, 60), width=2)
    y += 30
    r.t((40, y), "合計", "sansb", 32)
    r.t((W - 40, y), "¥%s" % format(total, ","), "sansb", 32, anchor="ra")
    y += 70
    r.t((40, y), "クレジット", "jmono", 24)
    y += 44
    masked = rng.choice(["**** **** **** %04d", "XXXX-XXXX-XXXX-%04d", "************%04d"]) % rng.randint(0, 9999)
    r.runs((40, y), [("カード番号 ", False), (masked, "credit_card")], "jmono", 24)
    y += 44
    r.t((40, y), "有効期限 **/**", "jmono", 24)
    y += 44
    r.t((40, y), "承認番号 %06d" % rng.randint(0, 999999), "jmono", 24)
    y += 80
    draw_ean(r, (110, y), "20%010d" % rng.randint(0, 10 ** 10 - 1), module=5, height=110)
    photo = photo_of(r, rng, bg=rng.choice(["wood", "desk"]), out_long=1700, fill=0.9, angle=rng.uniform(-6, 6), aspect_out=3 / 4)
    finish(photo, rng, blur_r=0.7, noise_s=3, chat=True)
    return photo, dict(doc="receipt", notes="shop receipt with masked card number; invoice registration number T+13 (context, kind null); EAN-13 barcode",
                       quality=78)


@picture(NU, "app_payment_methods")
def _paymethods(rng):
    W, H = 1080, 2000
    pic = Pic(W, H, (246, 246, 248))
    top = status_bar(pic, 60, bg=(255, 255, 255))
    pic.d.rectangle((0, top, W, top + 110), fill=(255, 255, 255))
    pic.t((40, top + 55), "‹  お支払い方法", "sansb", 38, anchor="lm")
    y = top + 160
    p = jp_person(rng)
    entries = [("VISA", "4%05d••••••%04d" % (rng.randint(0, 99999), rng.randint(0, 9999))),
               ("Mastercard", "5%sXXXXXX%04d" % ("%05d" % rng.randint(0, 99999), rng.randint(0, 9999))),
               ("JCB", "•••• %04d" % rng.randint(0, 9999))]
    for brand, num in entries:
        pic.d.rounded_rectangle((40, y, W - 40, y + 200), 20, fill=(255, 255, 255))
        pic.t((80, y + 30), brand, "dvb", 34, fill=(30, 60, 140))
        pic.t((80, y + 90), num, "mono", 40, kind="credit_card")
        pic.t((80, y + 150), "有効期限 %02d/%02d" % (rng.randint(1, 12), rng.randint(27, 31)), "sans", 26, fill=(110, 110, 110))
        y += 240
    pic.d.rounded_rectangle((40, y, W - 40, y + 260), 20, fill=(255, 255, 255))
    pic.t((80, y + 30), "口座振替", "sansb", 32)
    bank = rng.choice(["さくら銀行", "みどり信用金庫", "ひかり銀行"])
    pic.t((80, y + 90), "%s %s支店" % (bank, rng.choice(["渋谷", "梅田", "栄", "天神"])), "sans", 30, kind=None)
    acct = "%07d" % rng.randint(0, 9999999)
    pic.runs((80, y + 150), [("普通 ", False), (acct, "bank_account")], "sans", 34)
    pic.t((80, y + 205), kana(p), "sans", 28, fill=(90, 90, 90), kind="person_name")
    finish(pic, rng, long_side=1280)
    return pic, dict(doc="screen", screen=True, ext="png", notes="app payment methods: masked cards in 4XXXXX••••••1234 shapes, bank account for direct debit")


@picture(NU, "order_mail_masked")
def _ordermail(rng):
    W, H = 1500, 1100
    pic = Pic(W, H, (255, 255, 255))
    top = browser(pic, "https://mail.example.com/inbox/18c2f", "受信トレイ")
    p = jp_person(rng)
    pic.d.rectangle((0, top, 300, H), fill=(242, 244, 248))
    for i, f in enumerate(["受信トレイ", "スター付き", "送信済み", "下書き"]):
        pic.t((40, top + 40 + i * 60), f, "sans", 24, fill=(60, 60, 60))
    x = 340
    y = top + 40
    pic.t((x, y), "【ご注文確認】ご注文ありがとうございます", "sansb", 32)
    y += 70
    pic.runs((x, y), [(full(p), "person_name"), (" 様", False)], "sans", 26)
    y += 60
    on = "%03d-%07d-%07d" % (rng.randint(100, 999), rng.randint(0, 9999999), rng.randint(0, 9999999))
    pic.t((x, y), "ご注文番号: " + on, "sans", 26, kind=None)
    y += 50
    dec16 = bad_luhn(rng, str(rng.randint(1, 9)), 16)
    pic.t((x, y), "お問い合わせ番号: " + dec16, "sans", 26)
    pic.decoy(dec16, "credit_card")
    y += 50
    pic.runs((x, y), [("お支払い: クレジットカード(下4桁 ", False), ("%04d" % rng.randint(0, 9999), False), (")", False)], "sans", 26)
    y += 50
    masked = "************%04d" % rng.randint(0, 9999)
    pic.runs((x, y), [("カード番号: ", False), (masked, "credit_card")], "sans", 26)
    y += 80
    for pr in rng.sample(PRODUCTS, 3):
        pic.t((x + 20, y), "・" + pr, "sans", 26)
        y += 46
    finish(pic, rng, long_side=1500)
    return pic, dict(doc="screen", screen=True, ext="png", notes="order confirmation e-mail in a web mailer: masked card, an order number and a 16-digit inquiry number that fails Luhn (decoy)")


def mynumber_spaced(num, style):
    if style == "444":
        return group(num, (4, 4, 4))
    if style == "444h":
        return group(num, (4, 4, 4), "-")
    if style == "wide":
        return " ".join(num)
    return num


@picture(NU, "mynumber_card_back")
def _mn_card(rng):
    W, H = 1030, 650
    pic = card_bg(rng, W, H, (236, 242, 248), (246, 246, 236), lines=(214, 226, 236), n=18)
    num = mynumber(rng)
    pic.t((40, 40), "個人番号", "sansb", 28, fill=(40, 60, 100))
    pic.t((40, 80), "INDIVIDUAL NUMBER", "dv", 14, fill=(40, 60, 100))
    bb = pic.t((260, 40), mynumber_spaced(num, "444"), "monob", 64, kind="my_number")
    p = jp_person(rng)
    by, bm, bd = birth(rng, 1950, 2010)
    pic.t((40, 180), "氏名", "sans", 20, fill=(90, 90, 100))
    pic.t((140, 170), full(p, "　"), "sansb", 40, kind="person_name")
    pic.t((40, 250), "生年月日", "sans", 20, fill=(90, 90, 100))
    pic.t((180, 244), wareki(by, bm, bd) + "生", "sansb", 30, kind=None)
    pic.items[-1]["text"] = wareki(by, bm, bd)
    pic.items[-1]["kind"] = "birthdate"
    pic.d.rectangle((40, 330, 600, 600), outline=(150, 160, 180), width=2)
    put_qr(pic, "https://myna.example.go.jp/v/" + "".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(16)), (780, 360), 200)
    pic.t((60, 350), "(IC チップ)", "sans", 20, fill=(140, 140, 150))
    photo = lay_card_photo(rng, [(pic, 36)], out=(1600, 1200), fill=0.8)
    finish(photo, rng, blur_r=0.6, noise_s=3, chat=True)
    return photo, dict(doc="id_card", notes="My Number card back side: 12-digit number in 4-4-4 groups (valid check digit), name, birth date (era), a QR code",
                       quality=80)


@picture(NU, "mynumber_form_boxes")
def _mn_form(rng):
    W, H = 1240, 1000
    pic = Pic(W, H)
    pic.im = paper_tex(rng, W, H, (252, 252, 249), 0.5)
    pic.d = ImageDraw.Draw(pic.im)
    pic.t((W / 2, 50), "給与所得者の扶養控除等(異動)申告書", "sansb", 36, anchor="ma")
    rows = []
    y = 170
    for i in range(3):
        p = jp_person(rng)
        if i > 0:
            p = dict(p, fam=rows[0]["fam"], fam_k=rows[0]["fam_k"])
        rows.append(p)
        pic.d.rectangle((60, y, W - 60, y + 170), outline=(60, 60, 60), width=2)
        pic.t((80, y + 10), ["本人", "配偶者", "扶養親族"][i], "sans", 22)
        pic.t((80, y + 50), "フリガナ", "sans", 16)
        pic.t((190, y + 46), kana(p), "serif", 24, fill=(20, 30, 90), kind="person_name")
        pic.t((80, y + 100), "氏名", "sans", 20)
        pic.t((190, y + 90), full(p), "serif", 40, fill=(20, 30, 90), kind="person_name")
        pic.t((560, y + 20), "個人番号", "sans", 20)
        num = mynumber(rng)
        bx = 560
        for j, d in enumerate(num):
            x = bx + j * 50
            pic.d.rectangle((x, y + 60, x + 50, y + 130), outline=(200, 60, 60), width=2)
            pic.t((x + 25, y + 95), d, "serif", 40, fill=(20, 30, 90), anchor="mm")
        pic.label(num, "my_number", (bx, y + 60, bx + 12 * 50, y + 130))
        y += 200
    pic.t((60, y + 30), "※個人番号の記載に誤りがないかご確認ください。", "sans", 22, fill=(90, 90, 90))
    photo = photo_of(pic, rng, bg="desk", out_long=1700, fill=0.9, tilt=0.05)
    finish(photo, rng, blur_r=0.6, noise_s=3, chat=True)
    return photo, dict(doc="form", notes="tax form with three My Numbers written one digit per box (valid check digits)", quality=80)


@picture(NU, "mynumber_memo_split")
def _mn_memo(rng):
    W, H = 1000, 1100
    pic = Pic(W, H, (255, 255, 255))
    pic.im = paper_tex(rng, W, H, (252, 252, 246), 0.8)
    pic.d = ImageDraw.Draw(pic.im)
    for yy in range(150, H - 40, 90):
        pic.d.line((50, yy, W - 50, yy), fill=(180, 200, 225), width=2)
    ink = (25, 30, 80)
    num = mynumber(rng)
    p = jp_person(rng)
    pic.t((70, 80), "役所で聞かれたら", "ipa", 44, fill=ink)
    pic.runs((70, 175), [(full(p, ""), "person_name"), (" の番号", False)], "ipa", 44, fill=ink)
    b1 = pic.t((70, 265), num[:4] + " " + num[4:8], "ipa", 60, fill=ink)
    b2 = pic.t((70, 355), num[8:], "ipa", 60, fill=ink)
    pic.label(num[:4] + " " + num[4:8] + " " + num[8:], "my_number", (b1[0], b1[1], max(b1[2], b2[2]), b2[3]))
    bad = bad_mynumber(rng)
    pic.t((70, 535), "(前のメモの %s は" % bad[:6], "ipa", 40, fill=ink)
    pic.t((70, 625), " 書き間違い → %s)" % bad, "ipa", 40, fill=ink)
    pic.decoy(bad, "my_number")
    pic.runs((70, 805), [("携帯 ", False), (jp_mobile(rng), "phone")], "ipa", 44, fill=ink)
    photo = photo_of(pic, rng, bg=rng.choice(["wood", "desk"]), out_long=1400, fill=0.75, angle=rng.uniform(-8, 8), aspect_out=1.0)
    finish(photo, rng, blur_r=0.8, noise_s=4, chat=True)
    return photo, dict(doc="none", notes="memo: My Number split over two lines (labelled once), a mistyped 12-digit number failing the check digit (decoy), mobile",
                       quality=74)


@picture(NU, "mynumber_chat")
def _mn_chat(rng):
    num = mynumber(rng)
    bad = bad_mynumber(rng)
    p = jp_person(rng)
    msgs = [dict(side="l", lines=[[("年末調整の書類、マイナンバー", False)], [("教えてもらえる?", False)]], time="19:30"),
            dict(side="r", lines=[[("マイナンバーは", False), (num, "my_number"), ("です", False)]], time="19:41"),
            dict(side="l", lines=[[("ありがと。", False), (bad, False, "my_number")], [("じゃなかったっけ?", False)]], time="19:42"),
            dict(side="r", lines=[[("それは社員番号と混ざってる笑", False)]], time="19:43"),
            dict(side="r", lines=[[("保険証の記号番号は ", False)], [("記号 %d 番号 %d" % (rng.randint(1000, 9999), rng.randint(1, 99)), "insurance_number")]],
                 time="19:44")]
    pic, _ = chat_screen(rng, 1080, 1900, full(p), msgs, app="plain")
    finish(pic, rng, long_side=1280)
    return pic, dict(doc="screen", screen=True, ext="png", notes="chat with a My Number written without spaces, a near-miss 12-digit number failing the check (decoy), insurance card symbol/number")


@picture(NU, "mynumber_sheet")
def _mn_sheet(rng):
    cols = ["社員番号", "氏名", "個人番号", "扶養人数", "備考"]
    rows = []
    for i in range(12):
        p = jp_person(rng)
        if i in (3, 8):
            nm = bad_mynumber(rng)
            rows.append(["E%05d" % rng.randint(1, 99999), (full(p), "person_name"), (group(nm, (4, 4, 4), "-"), False, "my_number"), str(rng.randint(0, 3)), "要確認(桁誤り)"])
        else:
            nm = mynumber(rng)
            rows.append(["E%05d" % rng.randint(1, 99999), (full(p), "person_name"), (mynumber_spaced(nm, rng.choice(["444h", "plain", "444"])), "my_number"),
                         str(rng.randint(0, 3)), ""])
    pic = sheet(rng, 1500, 900, cols, rows, [150, 240, 300, 120, 260], title="年末調整_個人番号.xlsx", row_h=46)
    photo = monitor_photo(rng, pic) if rng.random() < 0.5 else None
    if photo is not None:
        finish(photo, rng, blur_r=0.7, noise_s=3)
        return photo, dict(doc="screen", screen=True, notes="photo of a monitor: payroll sheet of My Numbers (4-4-4 with hyphens, no spaces); two rows fail the check digit (decoys)",
                           quality=82)
    finish(pic, rng, long_side=1500)
    return pic, dict(doc="screen", screen=True, ext="png", notes="payroll sheet of My Numbers; two rows fail the check digit (decoys)")


def _sns_card(variant):
    def fn(rng):
        W, H = 1200, 1500
        pic = Pic(W, H)
        bg = [(255, 240, 245), (235, 245, 255), (245, 255, 240)][variant]
        pic.im = paper_tex(rng, W, H, bg, 0.5)
        pic.d = ImageDraw.Draw(pic.im)
        p = jp_person(rng)
        title = ["じこしょうかいカード", "サークル新歓 連絡先", "ハンドメイド作家 出店のお知らせ"][variant]
        pic.t((W / 2, 70), title, "sansb", 48, anchor="ma")
        y = 200
        if variant != 2:
            pic.runs((100, y), [("なまえ: ", False), (full(p), "person_name")], "sans", 42)
            y += 100
        else:
            shop = rng.choice(["atelier hinata", "mori no kobako", "Kurumi Works"])
            pic.t((100, y), shop, "dvb", 48, decoy="person_name")
            y += 100
        h = sns_handle(rng, p)
        lines = [("LINE ID: ", h + str(rng.randint(1, 9)), "sns_id"), ("Instagram: ", "@" + sns_handle(rng, p), "sns_id"),
                 ("X: ", "@" + sns_handle(rng, p)[:12], "sns_id")]
        if variant == 1:
            lines.append(("TikTok ", "@" + sns_handle(rng), "sns_id"))
            lines.append(("連絡先 ", jp_mobile(rng), "phone"))
        if variant == 2:
            lines.append(("mail: ", email_for(rng, p), "email"))
            lines.append(("shop: ", "https://minne.example.jp/@" + h, "url"))
        for lab, val, kind in lines:
            pic.runs((100, y), [(lab, False), (val, kind)], "sans" if variant != 2 else "dv", 40)
            y += 90
        if variant == 0:
            pic.t((100, y + 40), "すきなもの: ねこ、ゲーム、カレー", "sans", 36)
        photo = photo_of(pic, rng, bg=rng.choice(["wood", "desk"]), out_long=1600, fill=0.85, angle=rng.uniform(-6, 6))
        finish(photo, rng, blur_r=0.6, noise_s=3, chat=variant != 1)
        return photo, dict(doc="none", notes="SNS IDs after labels (LINE ID:, Instagram:, X:)", quality=80)
    return fn


for _v in range(3):
    picture(NU, "sns_ids_%02d" % (_v + 1))(_sns_card(_v))


@picture(NU, "phone_contacts")
def _contacts(rng):
    W, H = 1080, 2000
    pic = Pic(W, H, (255, 255, 255))
    top = status_bar(pic, 60, bg=(255, 255, 255))
    pic.t((40, top + 30), "連絡先", "sansb", 52)
    y = top + 140
    for i in range(9):
        p = jp_person(rng)
        pic.d.ellipse((40, y, 130, y + 90), fill=(rng.randint(120, 220), rng.randint(120, 220), rng.randint(120, 220)))
        pic.t((85, y + 45), p["fam"][0], "sansb", 40, fill=(255, 255, 255), anchor="mm")
        pic.t((160, y + 2), full(p), "sans", 36, kind="person_name")
        ph = jp_mobile(rng) if i % 3 else jp_landline(rng)
        if i == 4:
            ph = ph.replace("-", " ")
        if i == 7:
            ph = "+81 " + ph[1:]
        pic.t((160, y + 50), ph, "dv", 28, fill=(100, 100, 100), kind="phone")
        y += 170
        pic.d.line((160, y - 30, W, y - 30), fill=(230, 230, 230), width=2)
    finish(pic, rng, long_side=1280)
    return pic, dict(doc="screen", screen=True, ext="png", notes="phone contact list: names with mobile/landline numbers (hyphens, spaces, +81)")


@picture(NU, "phone_flyer")
def _flyer(rng):
    W, H = 1240, 1754
    pic = Pic(W, H)
    pic.im = paper_tex(rng, W, H, (255, 252, 236), 0.6)
    pic.d = ImageDraw.Draw(pic.im)
    pic.t((W / 2, 90), "迷い猫を探しています", "sansb", 72, anchor="ma", fill=(180, 30, 30))
    pic.d.rectangle((220, 230, W - 220, 900), fill=(230, 230, 230), outline=(120, 120, 120))
    pic.t((W / 2, 560), "(写真)", "sans", 40, anchor="mm", fill=(150, 150, 150))
    pic.t((100, 960), "名前: ミケ / 三毛 / 赤い首輪", "sans", 40)
    town = rng.choice(rng.choice(JP_PLACES)[2])
    pic.t((100, 1030), "%s%d丁目付近でいなくなりました" % (town, rng.randint(1, 5)), "sans", 40)
    p = jp_person(rng)
    pic.t((100, 1200), "見かけた方はご連絡ください", "sansb", 46)
    pic.runs((100, 1290), [("☎ ", False), (jp_mobile(rng), "phone")], "sansb", 64)
    pic.runs((100, 1400), [("(", False), (p["fam"], "person_name"), (")", False)], "sans", 44)
    photo = photo_of(pic, rng, bg=rng.choice(["cardboard", "wood"]), out_long=1700, fill=0.88, tilt=0.08)
    finish(photo, rng, blur_r=0.9, noise_s=4, chat=True)
    return photo, dict(doc="none", notes="lost-cat flyer with a mobile number and a surname; town + 丁目 alone is area-level (not labelled)", quality=70)


def _invoice(variant):
    def fn(rng):
        W, H = 1240, 1754
        pic = Pic(W, H)
        pic.im = paper_tex(rng, W, H, (253, 253, 251), 0.4)
        pic.d = ImageDraw.Draw(pic.im)
        cust = jp_person(rng)
        pic.t((W / 2, 70), "請求書" if variant == 0 else "領収書", "sansb", 56, anchor="ma")
        pic.runs((80, 200), [(full(cust), "person_name"), (" 様", False)], "sans", 40)
        pic.d.line((80, 260, 620, 260), fill=(40, 40, 40), width=2)
        if variant == 0:
            me = jp_person(rng)
            issuer = [("デザイン事務所 ", False), (full(me), "person_name")]
            tnum = "T" + corp_number(rng)
        else:
            issuer = [(rng.choice(COMPANIES), None)]
            tnum = "T" + corp_number(rng)
        pic.runs((700, 200), issuer, "sans", 28)
        pic.runs((700, 250), [("登録番号: ", False), (tnum, None)], "sans", 26)
        a = jp_address(rng, building=variant == 0)
        if variant == 0:
            pic.t((700, 300), a["line1"], "sans", 22, kind="address")
            if a["bld"]:
                pic.t((700, 334), a["bld"], "sans", 22, kind="address")
            pic.runs((700, 374), [("TEL ", False), (jp_mobile(rng), "phone")], "sans", 22)
        else:
            pic.t((700, 300), "東京都千代田区大手町1-1-1 大手町ビル8F", "sans", 22, kind=None)
            pic.t((700, 334), "TEL 03-0000-%04d" % rng.randint(0, 9999), "sans", 22, kind=None)
        rows = [["品目", "数量", "単価", "金額"]]
        tot = 0
        for it in (["ロゴ制作", "名刺デザイン", "修正対応"] if variant == 0 else rng.sample(PRODUCTS, 3)):
            q, u = rng.randint(1, 5), rng.randint(5, 80) * 1000
            tot += q * u
            rows.append([it, str(q), format(u, ","), format(q * u, ",")])
        table(pic, 80, 460, [520, 140, 200, 220], rows, 64, f="auto", size=26)
        pic.t((W - 160, 780), "合計 ¥%s (税込)" % format(int(tot * 1.1), ","), "sansb", 36, anchor="ra")
        if variant == 0:
            pic.t((80, 900), "お振込先", "sansb", 32)
            bank = rng.choice(["さくら銀行", "みどり信用金庫", "ひかり銀行"])
            pic.t((80, 960), "%s %s支店(%03d)" % (bank, rng.choice(["新宿", "横浜駅前", "本店"]), rng.randint(100, 999)), "sans", 30, kind=None)
            acct = "%07d" % rng.randint(0, 9999999)
            pic.runs((80, 1010), [("普通預金 ", False), (acct, "bank_account")], "sans", 30)
            pic.runs((80, 1060), [("口座名義 ", False), (kana(me), "person_name")], "sans", 30)
        pic.t((80, 1200), "※本書は適格請求書です。", "sans", 24, fill=(90, 90, 90))
        photo = photo_of(pic, rng, bg="desk", out_long=1700, fill=0.9, tilt=0.05) if variant else scan_of(pic, rng)
        finish(photo, rng, blur_r=0.5, noise_s=2, long_side=1600 if not variant else None, chat=variant == 1)
        return photo, dict(doc="invoice" if variant == 0 else "receipt", quality=82,
                           notes="%s with invoice registration number T+13 digits (business data, kind null)%s" %
                           (["sole-trader invoice", "company receipt"][variant], "; personal bank account for the transfer" if variant == 0 else ""))
    return fn


for _v in range(2):
    picture(NU, "invoice_%02d" % (_v + 1))(_invoice(_v))


def _bank_memo(variant):
    def fn(rng):
        W, H = 1100, 1000
        p = jp_person(rng)
        bank = rng.choice(["さくら銀行", "みどり信用金庫", "ひかり銀行", "ゆうちょ銀行"])
        if variant == 0:
            pic = Pic(W, H)
            pic.im = paper_tex(rng, W, H, (255, 250, 230), 1.0)
            pic.d = ImageDraw.Draw(pic.im)
            ink = (25, 30, 80)
            pic.t((70, 70), "会費の振込先", "ipa", 50, fill=ink)
            if bank == "ゆうちょ銀行":
                pic.t((70, 180), "ゆうちょ銀行", "ipa", 44, fill=ink, kind=None)
                ki, ba = "1%03d0" % rng.randint(0, 999), "%08d" % rng.randint(0, 99999999)
                pic.runs((70, 270), [("記号 ", False), (ki, "bank_account")], "ipa", 44, fill=ink)
                pic.runs((70, 360), [("番号 ", False), (ba, "bank_account")], "ipa", 44, fill=ink)
            else:
                pic.t((70, 180), "%s %s支店" % (bank, rng.choice(["駅前", "中央", "北"])), "ipa", 44, fill=ink, kind=None)
                pic.runs((70, 270), [("普通 ", False), ("%07d" % rng.randint(0, 9999999), "bank_account")], "ipa", 50, fill=ink)
                pic.t((70, 360), "", "ipa", 44)
            pic.runs((70, 450), [("名義 ", False), (kana(p), "person_name")], "ipa", 44, fill=ink)
            pic.t((70, 600), "5,000円 / 月末まで", "ipa", 44, fill=ink)
            photo = photo_of(pic, rng, bg="wood", out_long=1400, fill=0.78, angle=rng.uniform(-8, 8), aspect_out=1.0)
            finish(photo, rng, blur_r=0.8, noise_s=4, chat=True)
            return photo, dict(doc="none", notes="memo with a personal bank account (branch, 普通, number, holder in katakana)", quality=74)
        msgs = [dict(side="l", lines=[[("立て替えありがとう!振込先おしえて", False)]], time="12:10"),
                dict(side="r", lines=[[("%s %s支店" % (bank, rng.choice(["梅田", "栄", "天神", "札幌"])), None)],
                                      [("普通 ", False), ("%07d" % rng.randint(0, 9999999), "bank_account")],
                                      [(kana(p, ""), "person_name")]], time="12:12"),
                dict(side="l", lines=[[("了解、今日中に送るね", False)]], time="12:13")]
        pic, _ = chat_screen(rng, 1080, 1700, full(jp_person(rng)), msgs, app="line")
        finish(pic, rng, long_side=1280)
        return pic, dict(doc="screen", screen=True, ext="png", notes="chat with a bank account (bank/branch, 普通, 7 digits, katakana holder)")
    return fn


for _v in range(2):
    picture(NU, "bank_%02d" % (_v + 1))(_bank_memo(_v))


@picture(NU, "decoy_serials_catalogue")
def _serials(rng):
    W, H = 1240, 1754
    pic = Pic(W, H)
    pic.im = paper_tex(rng, W, H, (253, 253, 251), 0.4)
    pic.d = ImageDraw.Draw(pic.im)
    pic.t((W / 2, 70), "製品保証登録 控え / 部品番号一覧", "sansb", 40, anchor="ma")
    rows = [["製品", "製造番号", "管理コード"]]
    for i in range(8):
        pr = rng.choice(PRODUCTS)
        s16 = bad_luhn(rng, str(rng.randint(1, 9)), 16)
        s12 = bad_mynumber(rng)
        sstyle = i % 3
        s16d = group(s16, (4, 4, 4, 4)) if sstyle == 0 else (group(s16, (4, 4, 4, 4), "-") if sstyle == 1 else s16)
        s12d = group(s12, (4, 4, 4)) if i % 2 else s12
        rows.append([(pr, None, "person_name"), (s16d, False, "credit_card"), (s12d, False, "my_number")])
    table(pic, 60, 170, [440, 380, 300], rows, 70, f="auto", size=24)
    y = 170 + 70 * 9 + 60
    pic.t((60, y), "JANコード", "sansb", 28)
    for i in range(3):
        code = draw_ean(pic, (80 + i * 360, y + 60), "49%010d" % rng.randint(0, 10 ** 10 - 1), module=3, height=100)
        pic.decoy(code, "my_number")
    y += 260
    pic.t((60, y), "お問い合わせ: サポートセンター 0120-%03d-%03d (平日 9-17時)" % (rng.randint(100, 999), rng.randint(100, 999)), "sans", 24, kind=None)
    pic.t((60, y + 50), "ご登録のクレジットカード番号・マイナンバーは本用紙に記入しないでください。", "sans", 22, fill=(90, 90, 90))
    sc = scan_of(pic, rng)
    finish(sc, rng, blur_r=0.4, noise_s=2, long_side=1600)
    return sc, dict(doc="form", notes="warranty sheet: 16-digit serials failing Luhn and 12-digit codes failing the My Number check (decoys), JAN barcodes (13 digits)",
                    quality=86)


@picture(NU, "decoy_near_miss_cards")
def _near(rng):
    W, H = 1500, 1000
    pic = Pic(W, H, (255, 255, 255))
    top = browser(pic, "https://points.example.jp/mypage/cards", "ポイントカード管理")
    pic.t((60, top + 40), "登録済みのポイントカード", "sansb", 36)
    y = top + 120
    for i in range(4):
        n = bad_luhn(rng, rng.choice(["4", "5", "35", "6"]), 16)
        pic.d.rounded_rectangle((60, y, W - 60, y + 150), 16, outline=(200, 200, 200), width=2)
        pic.t((90, y + 20), rng.choice(["さくらポイント", "みどりマイル", "ひかりスタンプ", "Tポイント風"]), "sansb", 30, decoy="credit_card")
        pic.t((90, y + 80), group(n, (4, 4, 4, 4)), "mono", 40, decoy="credit_card")
        y += 180
    pic.t((60, y + 20), "※ポイントカード番号はクレジットカードではありません", "sans", 24, fill=(110, 110, 110))
    finish(pic, rng, long_side=1500)
    return pic, dict(doc="screen", screen=True, ext="png", notes="loyalty cards page: 16-digit card-like numbers that fail Luhn (decoys); no personal data")


# ======================================================================================
# class: screens
SC = "screens"


def token(rng, n=24):
    return "".join(rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(n))


def make_chat_pii(rng, app):
    p, me = jp_person(rng), jp_person(rng)
    a = jp_address(rng, building=True)
    em = email_for(rng, me)
    msgs = [dict(date="今日"),
            dict(side="l", lines=[[("来週の飲み会の幹事、", False)], [(me["fam"], "person_name"), ("さんお願いできる?", False)]], time="18:20"),
            dict(side="r", lines=[[("いいよ!連絡はこっちに", False)], [(em, "email")]], time="18:24"),
            dict(side="r", lines=[[("電話なら ", False), (jp_mobile(rng), "phone")]], time="18:24"),
            dict(side="l", lines=[[("招待状は家に送るね", False)], [(a["line1"], "address")], [(a["bld"], "address"), (" で合ってる?", False)]],
                 time="18:30"),
            dict(side="r", lines=[[("合ってる👍" if False else "合ってる!", False)]], time="18:31")]
    pic, _ = chat_screen(rng, 1080, 2100, full(p), msgs, app=app)
    return pic


def make_profile_browser(rng):
    W, H = 1600, 1000
    pic = Pic(W, H, (255, 255, 255))
    p = jp_person(rng)
    uid = rng.randint(100000, 9999999)
    url = "https://accounts.example.jp/settings/profile?uid=%d&session=%s" % (uid, token(rng, 20))
    top = browser(pic, url, "アカウント設定", url_kind="url")
    pic.d.rectangle((0, top, 320, H), fill=(246, 247, 250))
    for i, m in enumerate(["プロフィール", "セキュリティ", "お支払い", "通知", "プライバシー"]):
        pic.t((40, top + 40 + i * 64), m, "sansb" if i == 0 else "sans", 26, fill=(40, 40, 40) if i == 0 else (110, 110, 110))
    x = 380
    y = top + 40
    pic.t((x, y), "プロフィール", "sansb", 40)
    y += 90
    by, bm, bd = birth(rng, 1960, 2005)
    fields = [("表示名", full(p), "person_name"), ("ふりがな", kana(p), "person_name"), ("メールアドレス", email_for(rng, p), "email"),
              ("電話番号", jp_mobile(rng), "phone"), ("生年月日", "%d年%d月%d日" % (by, bm, bd), "birthdate"),
              ("ユーザーID", "@" + sns_handle(rng, p), "sns_id")]
    for lab, val, kind in fields:
        pic.t((x, y), lab, "sans", 22, fill=(110, 110, 110))
        pic.d.rounded_rectangle((x + 240, y - 10, W - 120, y + 44), 8, outline=(210, 210, 215), width=2)
        pic.t((x + 260, y), val, vfont(val, bold=False), 26, kind=kind)
        y += 90
    pic.d.rounded_rectangle((x + 240, y + 10, x + 440, y + 70), 10, fill=(26, 115, 232))
    pic.t((x + 340, y + 40), "保存", "sansb", 26, fill=(255, 255, 255), anchor="mm")
    return pic


def make_admin(rng, dark=False):
    W, H = 1600, 1000
    bg = (28, 30, 36) if dark else (255, 255, 255)
    fg = (230, 230, 230) if dark else (30, 30, 30)
    pic = Pic(W, H, bg)
    top = browser(pic, "https://admin.example.com/console/users?sort=last_login", "Users · Admin console", dark=dark)
    pic.d.rectangle((0, top, 240, H), fill=(20, 22, 28) if dark else (36, 41, 56))
    for i, m in enumerate(["Dashboard", "Users", "Orders", "Billing", "Logs", "Settings"]):
        pic.t((30, top + 40 + i * 56), m, "dvb" if i == 1 else "dv", 22, fill=(255, 255, 255) if i == 1 else (170, 175, 190))
    pic.t((280, top + 30), "Users (%d)" % rng.randint(300, 9000), "dvb", 34, fill=fg)
    rows = [["ID", "Name", "E-mail", "Phone", "Last login", "IP"]]
    for i in range(12):
        if rng.random() < 0.7:
            p = jp_person(rng)
            nm = rng.choice([full(p), "%s %s" % (p["giv_r"].title(), p["fam_r"].title())])
        else:
            f = pick_foreign(rng, rng.choice(["en", "de", "fr"]))
            p = dict(giv_r=f["giv"].split()[0], fam_r=mrz_name(f["sur"]).replace("<", ""))
            nm = "%s %s" % (f["giv"].title(), f["sur"].title())
        em = "%s.%s@%s" % (p["giv_r"].lower(), p["fam_r"].lower(), rng.choice(EMAIL_DOM))
        rows.append([str(rng.randint(10000, 99999)), (nm, "person_name"), (em, "email"), (jp_mobile(rng), "phone"),
                     "2026-%02d-%02d %02d:%02d" % (rng.randint(1, 11), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)),
                     "203.0.113.%d" % rng.randint(1, 254)])
    table(pic, 280, top + 100, [100, 230, 380, 200, 230, 150], rows, 54, f="auto", size=20, fill=fg,
          header_bg=(44, 48, 58) if dark else (240, 242, 246), grid=(70, 74, 84) if dark else (220, 222, 228),
          zebra=(34, 36, 44) if dark else (250, 250, 252))
    return pic


def make_customer_sheet(rng):
    cols = ["顧客名", "電話", "メール", "住所"]
    rows = []
    for i in range(12):
        p = jp_person(rng)
        a = jp_address(rng, building=False)
        rows.append([(full(p), "person_name"), (jp_mobile(rng) if i % 3 else jp_landline(rng), "phone"), (email_for(rng, p), "email"),
                     (a["line1"], "address")])
    return sheet(rng, 1600, 1000, cols, rows, [200, 210, 380, 560], title="顧客リスト_2026.xlsx", size=20, row_h=44)


def make_notebook(rng):
    W, H = 1600, 1000
    pic = Pic(W, H, (255, 255, 255))
    top = browser(pic, "http://localhost:8888/notebooks/cleanup.ipynb", "cleanup - Jupyter")
    pic.d.rectangle((0, top, W, top + 60), fill=(245, 245, 245))
    pic.t((30, top + 30), "File  Edit  View  Run  Kernel  Help", "dv", 20, fill=(60, 60, 60), anchor="lm")
    y = top + 90
    pic.t((30, y), "In [3]:", "mono", 20, fill=(48, 63, 159))
    pic.d.rectangle((130, y - 8, W - 40, y + 70), fill=(247, 247, 247), outline=(225, 225, 225))
    pic.t((145, y), "df = pd.read_csv('members.csv')", "mono", 20)
    pic.t((145, y + 32), "df[['name', 'birth', 'tel', 'email']].head(8)", "mono", 20)
    y += 110
    pic.t((30, y), "Out[3]:", "mono", 20, fill=(216, 67, 21))
    rows = [["", "name", "birth", "tel", "email"]]
    for i in range(8):
        p = jp_person(rng)
        by, bm, bd = birth(rng)
        rows.append([str(i), (full(p), "person_name"), ("%d-%02d-%02d" % (by, bm, bd), "birthdate"), (jp_mobile(rng), "phone"),
                     (email_for(rng, p), "email")])
    table(pic, 145, y, [60, 240, 200, 240, 420], rows, 46, f="auto", size=20, header_bg=(255, 255, 255), grid=(225, 225, 225),
          zebra=(245, 245, 245))
    y += 46 * 9 + 30
    pic.t((30, y), "In [ ]:", "mono", 20, fill=(48, 63, 159))
    pic.d.rectangle((130, y - 8, W - 40, y + 40), fill=(247, 247, 247), outline=(225, 225, 225))
    return pic


def make_mail(rng):
    W, H = 1600, 1000
    pic = Pic(W, H, (255, 255, 255))
    top = browser(pic, "https://mail.example.com/u/0/#inbox/FMfcg" + token(rng, 12), "受信トレイ (12)")
    p, me = jp_person(rng), jp_person(rng)
    pic.d.rectangle((0, top, 300, H), fill=(246, 248, 252))
    for i, m in enumerate(["受信トレイ", "スター付き", "送信済み", "下書き", "迷惑メール"]):
        pic.t((40, top + 40 + i * 56), m, "sans", 22, fill=(60, 60, 60))
    x, y = 340, top + 30
    pic.t((x, y), "Re: 書類の送付について", "sansb", 32)
    y += 70
    em = email_for(rng, p)
    pic.runs((x, y), [(full(p), "person_name"), (" <", False), (em, "email"), (">", False)], "sans", 22)
    y += 40
    pic.t((x, y), "To: 自分", "sans", 20, fill=(110, 110, 110))
    y += 70
    a = jp_address(rng, building=True)
    body = [[(me["fam"], "person_name"), ("様", False)], [("お世話になっております。", False)],
            [("ご依頼の書類を下記住所へお送りください。", False)], [("〒", False), (a["post"], "postcode")],
            [(a["line1"], "address")], [(a["bld"], "address")], [("", False)],
            [("ご不明点は ", False), (jp_landline(rng), "phone"), (" までご連絡ください。", False)], [("", False)],
            [("--", False)], [(full(p, "　"), "person_name")], [(rng.choice(COMPANIES), None, "person_name")]]
    for ln in body:
        pic.runs((x, y), ln, "sans", 24)
        y += 42
    return pic


def make_settings_phone(rng, with_pii=True):
    W, H = 1080, 2000
    pic = Pic(W, H, (242, 242, 247))
    top = status_bar(pic, 60, bg=(242, 242, 247))
    pic.t((40, top + 30), "設定", "sansb", 60)
    y = top + 140
    p = jp_person(rng)
    pic.d.rounded_rectangle((30, y, W - 30, y + 180), 24, fill=(255, 255, 255))
    pic.d.ellipse((60, y + 30, 180, y + 150), fill=(160, 170, 190))
    if with_pii:
        pic.t((210, y + 40), full(p), "sans", 40, kind="person_name")
        pic.t((210, y + 100), email_for(rng, p), "dv", 26, fill=(120, 120, 120), kind="email")
    else:
        pic.t((210, y + 60), "サインイン", "sans", 40, fill=(26, 115, 232))
    y += 220
    items = [("機内モード", "toggle"), ("Wi-Fi", rng.choice(["Home-5G", "オフ", "Cafe_Free"])), ("Bluetooth", "オン"),
             ("モバイル通信", ""), ("通知", ""), ("サウンド", ""), ("画面表示と明るさ", ""), ("プライバシー", "")]
    if with_pii:
        items.insert(4, ("電話番号", jp_mobile(rng)))
    pic.d.rounded_rectangle((30, y, W - 30, y + 100 * len(items)), 24, fill=(255, 255, 255))
    for lab, val in items:
        pic.t((70, y + 50), lab, "sans", 34, anchor="lm")
        if val == "toggle":
            pic.d.rounded_rectangle((W - 170, y + 28, W - 70, y + 72), 22, fill=(220, 220, 225))
            pic.d.ellipse((W - 168, y + 30, W - 128, y + 70), fill=(255, 255, 255))
        elif val:
            pic.t((W - 90, y + 50), val + "  ›", vfont(val, bold=False), 30, fill=(130, 130, 135), anchor="rm",
                  kind="phone" if lab == "電話番号" else False, label_text=val if lab == "電話番号" else None)
        y += 100
        pic.d.line((70, y, W - 30, y), fill=(230, 230, 235), width=2)
    return pic


def make_map_route(rng):
    W, H = 1080, 2000
    pic = Pic(W, H, (255, 255, 255))
    top = status_bar(pic, 60, bg=(255, 255, 255))
    a = jp_address(rng, building=False)
    draw_map(pic, rng, (0, top + 260, W, H - 420), [a["town"], "中央公園", "市役所", "%s駅" % rng.choice(["東", "西"])])
    pic.d.rectangle((0, top, W, top + 260), fill=(26, 115, 232))
    pic.t((40, top + 40), "出発: ", "sans", 30, fill=(255, 255, 255))
    pic.t((150, top + 40), "自宅 (" + a["town"] + a["block"] + ")", "sans", 30, fill=(255, 255, 255))
    pic.label(a["town"] + a["block"], "address", pic.d.textbbox((150, top + 40), "自宅 (" + a["town"] + a["block"] + ")", font=font("sans", 30)))
    pic.t((40, top + 110), "到着: %s駅" % rng.choice(["新宿", "梅田", "博多", "名古屋"]), "sans", 30, fill=(255, 255, 255))
    pts = [(W * 0.2, H * 0.7), (W * 0.35, H * 0.55), (W * 0.6, H * 0.5), (W * 0.75, H * 0.3)]
    pic.d.line(pts, fill=(26, 115, 232), width=14, joint="curve")
    pic.d.rounded_rectangle((0, H - 420, W, H), 30, fill=(255, 255, 255))
    pic.t((60, H - 380), "%d分 (%.1f km)" % (rng.randint(8, 40), rng.uniform(1, 12)), "sansb", 44, fill=(30, 140, 60))
    pic.t((60, H - 300), a["pref"] + a["city"] + a["town"] + a["block"], "sans", 30, fill=(90, 90, 90), kind="address")
    return pic


def make_news(rng):
    W, H = 1600, 1000
    pic = Pic(W, H, (255, 255, 255))
    top = browser(pic, "https://news.example.com/tech/2026/11/ai-chips", "テクノロジー - ニュース")
    pic.t((80, top + 40), "新型省電力チップ、来春発売へ", "sansb", 46)
    pic.t((80, top + 120), "2026年11月20日 10:30 配信", "sans", 22, fill=(120, 120, 120))
    pic.d.rectangle((80, top + 170, 800, top + 560), fill=(210, 220, 230))
    pic.t((440, top + 365), "(画像)", "sans", 30, fill=(140, 140, 150), anchor="mm")
    text = ["大手半導体メーカー各社は、消費電力を", "従来比で約4割削減した新型チップを", "来春にも市場投入すると発表した。",
            "価格は未定で、搭載製品は年内にも", "登場する見通し。"]
    for i, ln in enumerate(text):
        pic.t((860, top + 180 + i * 50), ln, "sans", 30)
    pic.t((80, top + 620), "関連記事", "sansb", 30)
    for i, ln in enumerate(["スマホ出荷台数、3四半期連続で増加", "データセンター電力需要の見通し", "量子計算の実用化はいつ?"]):
        pic.t((100, top + 680 + i * 50), "・" + ln, "sans", 26, fill=(26, 90, 200))
    return pic


def _scr(kind, idx, note, photo=None, ext="png", chat=False):
    def fn(rng):
        maker = {"chat_line": lambda r: make_chat_pii(r, "line"), "chat_dark": lambda r: make_chat_pii(r, "dark"),
                 "chat_plain": lambda r: make_chat_pii(r, "plain"), "profile": make_profile_browser,
                 "admin": make_admin, "admin_dark": lambda r: make_admin(r, True), "sheet": make_customer_sheet,
                 "notebook": make_notebook, "mail": make_mail, "settings": make_settings_phone,
                 "settings_nopii": lambda r: make_settings_phone(r, False), "map": make_map_route, "news": make_news}[kind]
        pic = maker(rng)
        if photo == "monitor":
            ph = monitor_photo(rng, pic, out=rng.choice([(1800, 1350), (1600, 1200)]), bg=rng.choice(["desk", "wood"]))
            finish(ph, rng, blur_r=rng.choice([0.6, 0.9, 1.2]), noise_s=rng.uniform(3, 5), chat=chat)
            return ph, dict(doc="screen", screen=True, notes=note, quality=rng.choice([70, 78, 86]))
        if photo == "phone":
            ph = phone_photo(rng, pic, bg=rng.choice(["fabric", "wood", "desk"]), out=(1200, 1600))
            finish(ph, rng, blur_r=rng.choice([0.5, 0.9]), noise_s=4, chat=chat)
            return ph, dict(doc="screen", screen=True, notes=note, quality=rng.choice([68, 76, 84]))
        finish(pic, rng, long_side=1280 if chat or pic.h > pic.w else max(pic.w, pic.h))
        return pic, dict(doc="screen", screen=True, ext=ext, notes=note, quality=85)
    return fn


SCREENS = [
    ("chat_line", "scr_chat_01", "chat screenshot (LINE-like, status bar): e-mail, phone and an address over two lines in bubbles", None, "png", True),
    ("chat_dark", "scr_chat_02", "dark-mode chat screenshot, sent through a chat app (JPEG)", None, "jpg", True),
    ("chat_plain", "scr_chat_03", "messenger screenshot (plain style)", None, "png", False),
    ("profile", "scr_browser_01", "browser account page; URL bar with a uid and session token (kind url)", None, "png", False),
    ("profile", "scr_browser_02", "browser account page, shrunk as a chat app sends it", None, "jpg", True),
    ("mail", "scr_browser_03", "web mail with sender name, address, phone in the body and signature", None, "png", False),
    ("sheet", "scr_sheet_01", "spreadsheet customer list (names, phones, e-mails, addresses)", None, "png", False),
    ("sheet", "scr_sheet_02", "spreadsheet customer list, JPEG after a chat app", None, "jpg", True),
    ("notebook", "scr_notebook_01", "Jupyter notebook printing a data frame of members", None, "png", False),
    ("settings", "scr_settings_01", "phone settings page with the owner's name, e-mail and phone", None, "png", True),
    ("map", "scr_map_01", "map app route from home (town + block numbers)", None, "png", True),
    ("admin", "scr_admin_01", "admin console user table (names, e-mails, phones)", None, "png", False),
    ("admin_dark", "scr_admin_02", "dark admin console user table", None, "jpg", False),
    ("admin", "photo_monitor_01", "photo of a monitor showing an admin console (bezel, perspective, moiré, glare)", "monitor", "jpg", False),
    ("profile", "photo_monitor_02", "photo of a monitor showing an account page", "monitor", "jpg", True),
    ("sheet", "photo_monitor_03", "photo of a monitor showing a customer spreadsheet", "monitor", "jpg", False),
    ("mail", "photo_monitor_04", "photo of a monitor showing a web mail", "monitor", "jpg", True),
    ("notebook", "photo_monitor_05", "photo of a monitor showing a notebook", "monitor", "jpg", False),
    ("chat_line", "photo_phone_01", "photo of a phone showing a chat", "phone", "jpg", False),
    ("settings", "photo_phone_02", "photo of a phone showing the settings page", "phone", "jpg", True),
    ("chat_dark", "photo_phone_03", "photo of a phone showing a dark chat", "phone", "jpg", True),
    ("news", "scr_news_nopii", "news page in a browser: no personal data", None, "png", False),
    ("settings_nopii", "scr_settings_nopii", "settings page signed out: no personal data", None, "png", True),
    ("news", "photo_monitor_nopii", "photo of a monitor showing a news page: no personal data", "monitor", "jpg", False),
]
for _k, _n, _note, _ph, _ext, _chat in SCREENS:
    picture(SC, _n)(_scr(_k, _n, _note, _ph, _ext, _chat))


# ======================================================================================
# class: small_qr
QR = "small_qr"


def qr_payload(rng, kind):
    if kind == "token":
        return rng.choice(["https://example.jp/r/", "https://pay.example.com/i/", "https://t.example.net/s/"]) + token(rng, rng.choice([10, 16]))
    if kind == "line":
        if rng.random() < 0.5:
            return "https://line.me/ti/p/~" + sns_handle(rng)
        return "https://line.me/R/ti/p/@" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(8))
    if kind == "wifi":
        ssid = rng.choice(["Home-5G", "aterm-%s-g" % token(rng, 6).lower(), "Cafe_Hinata", "Buffalo-G-%04X" % rng.randint(0, 65535)])
        return "WIFI:T:WPA;S:%s;P:%s;;" % (ssid, token(rng, 12))
    if kind == "text":
        return rng.choice(["受付番号 %04d" % rng.randint(0, 9999), "TABLE-%02d" % rng.randint(1, 40), "会員No.%06d" % rng.randint(0, 999999),
                           "SEAT B-%d" % rng.randint(1, 60)])
    if kind == "tel":
        return "tel:" + jp_mobile(rng, "")
    if kind == "mailto":
        return "mailto:" + email_for(rng, jp_person(rng))
    if kind == "vcard":
        p = jp_person(rng)
        return "MECARD:N:%s,%s;TEL:%s;;" % (p["fam"], p["giv"], jp_mobile(rng, ""))
    return "https://www.example.com/"


def qr_page(rng, W, H, codes, title=None, tint=(252, 252, 248), body=None, layout=None, texture=0.6):
    """codes: list of dict(kind, size, dark, light, angle, caption). Positions picked on a grid."""
    pic = Pic(W, H)
    pic.im = paper_tex(rng, W, H, tint, texture)
    pic.d = ImageDraw.Draw(pic.im)
    if title:
        pic.t((60, 50), title, vfont(title), 40)
    if body:
        y = 130
        for ln in body:
            if isinstance(ln, str):
                pic.t((60, y), ln, vfont(ln, bold=False), 26)
            else:
                pic.runs((60, y), ln, vfont("".join(r[0] for r in ln), bold=False), 26)
            y += 44
    n = len(codes)
    slots = layout or [(W * (0.12 + 0.78 * (i % 2)), H * (0.55 + 0.22 * (i // 2))) for i in range(n)]
    for c, (x, y) in zip(codes, slots):
        pay = c.get("payload") or qr_payload(rng, c["kind"])
        sz = c["size"]
        put_qr(pic, pay, (int(x - sz / 2), int(y - sz / 2)), sz, dark=c.get("dark", (0, 0, 0)), light=c.get("light", tint),
               angle=c.get("angle", 0))
        if c.get("caption"):
            cap = c["caption"]
            pic.t((x, y + sz / 2 + 10), cap, vfont(cap, bold=False), 18, fill=(90, 90, 90), anchor="ma")
    return pic


def _qr_flat(name, W, H, codes, title, body, note, finish_kw, doc="none", layout=None, tint=(252, 252, 248), scan=True, ext="jpg"):
    def fn(rng):
        pic = qr_page(rng, W, H, codes, title, tint=tint, body=body(rng) if callable(body) else body, layout=layout)
        if scan:
            pic = scan_of(pic, rng, angle=rng.uniform(-2, 2), margin=0.02)
        else:
            pic = photo_of(pic, rng, bg=rng.choice(["wood", "desk"]), out_long=int(max(W, H) * 1.12), fill=0.9, angle=rng.uniform(-5, 5),
                           persp=0.02)
        finish(pic, rng, **finish_kw)
        return pic, dict(doc=doc, notes=note, quality=rng.choice([72, 80, 88]), ext=ext)
    picture(QR, name)(fn)


GREY = dict(dark=(110, 110, 110), light=(205, 205, 205))
FADED = dict(dark=(150, 150, 160), light=(235, 235, 235))
LOWC = dict(dark=(120, 124, 130), light=(176, 180, 186))


def C(kind, size, style=None, angle=0, caption=None, payload=None):
    d = dict(kind=kind, size=size, angle=angle, caption=caption, payload=payload)
    if style:
        d.update(style)
    return d


def _flyer_body(rng):
    return ["秋のマルシェ 出店者募集", "日時: 11月23日(日) 10:00-16:00", "会場: 中央公園 芝生広場", "お申し込みは右下のコードから"]


_qr_flat("flyer_single_90", 1100, 1500, [C("token", 96)], "MARCHE 2026", _flyer_body,
         "event flyer with one ~95 px QR (tokened URL) in a corner", dict(blur_r=0.4, noise_s=2), layout=[(940, 1340)])
_qr_flat("flyer_two_codes", 1200, 1600, [C("token", 110), C("line", 100, caption="LINE公式")], "ご来店ありがとうございます",
         ["アンケートにご協力ください", "友だち追加でクーポン配布中"], "shop flyer with a survey URL code and a LINE add-friend code",
         dict(blur_r=0.6, noise_s=3, chat=True), layout=[(200, 1350), (1000, 1350)], scan=False)
_qr_flat("handout_four_codes", 1400, 1000, [C("token", 80), C("wifi", 110), C("text", 70), C("mailto", 100)], "授業資料 第7回",
         ["① 課題提出フォーム  ② 教室Wi-Fi  ③ 出席コード  ④ 質問はメールで"], "class handout with four small codes: URL, Wi-Fi, text, mailto",
         dict(blur_r=0.5, noise_s=2), layout=[(200, 600), (520, 600), (840, 600), (1160, 600)], ext="png")
_qr_flat("grey_on_grey_poster", 1300, 1000, [C("token", 100, LOWC), C("line", 110, LOWC)], "STAFF ONLY",
         ["スタッフ用 シフト確認", "グループ追加"], "low-contrast grey-on-grey codes on a grey poster", dict(blur_r=0.7, noise_s=3),
         layout=[(330, 700), (980, 700)], tint=(182, 186, 192), scan=False)
_qr_flat("faded_receipt_code", 760, 1500, [C("token", 92, FADED)], "レシート", [
    "いつもありがとうございます", "合計 ¥1,280", "", "アプリでポイント2倍!"], "faded thermal-receipt style QR (~90 px)",
    dict(blur_r=0.6, noise_s=3, chat=True), layout=[(380, 1150)], scan=False)
_qr_flat("rotated_codes_three", 1500, 1100, [C("token", 110, angle=12), C("wifi", 100, angle=-18), C("text", 80, angle=25)],
         "イベント受付", ["受付・会場Wi-Fi・整理券"], "three codes rotated 12°, -18° and 25°", dict(blur_r=0.5, noise_s=3),
         layout=[(300, 650), (750, 650), (1200, 650)], ext="png")
_qr_flat("wifi_sticker", 1000, 800, [C("wifi", 120)], "Wi-Fi", ["SSID / パスワードはコードを読み取り"], "router-side Wi-Fi sticker with a WIFI: config code",
         dict(blur_r=0.8, noise_s=4), layout=[(800, 560)], tint=(236, 236, 230), scan=False)
_qr_flat("blurred_pair", 1300, 900, [C("token", 120), C("line", 120)], "予約確認", ["予約ページ / LINEで問い合わせ"],
         "two codes under focus blur", dict(blur_r=1.2, noise_s=3), layout=[(350, 600), (950, 600)], scan=False)
_qr_flat("tiny_60px_codes", 1200, 900, [C("text", 64), C("text", 64), C("tel", 72)], "座席表", ["各テーブルのコード"],
         "three ~60-70 px codes with short payloads", dict(blur_r=0.3, noise_s=2), layout=[(250, 550), (600, 550), (950, 550)], ext="png")
_qr_flat("mecard_contact", 1100, 700, [C("vcard", 118)], "連絡先交換", ["読み取ると連絡先が登録されます"],
         "MECARD contact code (name and phone inside the payload, not printed)", dict(blur_r=0.5, noise_s=3, chat=True),
         layout=[(900, 500)], scan=False)


@picture(QR, "business_card_line_qr")
def _bc_qr(rng):
    p = jp_person(rng)
    W, H = 1000, 600
    c = Pic(W, H)
    c.im = paper_tex(rng, W, H, (252, 252, 250), 0.4)
    c.d = ImageDraw.Draw(c.im)
    c.t((50, 60), full(p, "　"), "serifb", 60, kind="person_name")
    h = sns_handle(rng, p)
    c.runs((50, 200), [("LINE ID: ", False), (h, "sns_id")], "dv", 26)
    c.runs((50, 250), [("Tel ", False), (jp_mobile(rng), "phone")], "dv", 26)
    put_qr(c, "https://line.me/ti/p/~" + h, (790, 380), 150)
    photo = lay_card_photo(rng, [(c, 4)], bg=rng.choice(["wood", "desk"]), out=(1400, 1050), fill=0.7)
    finish(photo, rng, blur_r=0.6, noise_s=3)
    return photo, dict(doc="business_card", notes="personal card with a LINE add-friend QR (~100 px) and the same ID printed", quality=80)


@picture(QR, "ticket_with_code")
def _ticket(rng):
    W, H = 1400, 560
    t = Pic(W, H, (255, 255, 255))
    t.d.rectangle((0, 0, W, 90), fill=(30, 40, 90))
    t.t((30, 45), "LIVE TOUR 2026  電子チケット", "sansb", 36, fill=(255, 255, 255), anchor="lm")
    p = jp_person(rng)
    t.runs((40, 140), [("お名前: ", False), (full(p), "person_name"), (" 様", False)], "sans", 32)
    t.t((40, 200), "%d月%d日(土) 開場 17:00 / 開演 18:00" % (rng.randint(1, 12), rng.randint(1, 28)), "sans", 28)
    t.t((40, 260), "アリーナ %s列 %d番" % (rng.choice("ABCDEFG"), rng.randint(1, 40)), "sansb", 36)
    t.t((40, 330), "受付番号 %010d" % rng.randint(0, 9999999999), "mono", 26)
    put_qr(t, qr_payload(rng, "token"), (1130, 260), 200)
    photo = lay_card_photo(rng, [(t, 6)], bg="desk", out=(1500, 1000), fill=0.88)
    finish(photo, rng, blur_r=0.6, noise_s=3, chat=True)
    return photo, dict(doc="none", notes="printed e-ticket: holder name and one ~110 px QR", quality=78)


@picture(QR, "parcel_label_qr")
def _pq(rng):
    lab = parcel_label(rng, 0)
    put_qr(lab, qr_payload(rng, "token"), (1210, 570), 150)
    W, H = 1600, 1200
    photo = Pic(W, H)
    photo.im = surface(rng, W, H, "cardboard")
    photo.d = ImageDraw.Draw(photo.im)
    s = W * 0.78 / lab.w
    warp_onto(photo, lab, jitter_quad(rng, W / 2, H / 2, lab.w * s, lab.h * s, rng.uniform(-5, 5), 0.03), shadow=0.2)
    photo.im = light(photo.im, rng, 0.25)
    finish(photo, rng, blur_r=0.6, noise_s=4)
    return photo, dict(doc="form", notes="parcel label with a small tracking QR beside the barcode; address labels as on the addresses class", quality=76)


@picture(QR, "screen_login_qr")
def _sq(rng):
    pic = Pic(1600, 1000, (255, 255, 255))
    top = browser(pic, "https://web.example.jp/login", "ログイン")
    pic.t((800, top + 80), "スマートフォンでログイン", "sansb", 40, anchor="ma")
    pic.t((800, top + 150), "アプリでコードを読み取ってください", "sans", 26, anchor="ma", fill=(100, 100, 100))
    put_qr(pic, "https://web.example.jp/qr-login?c=" + token(rng, 20), (740, top + 240), 120)
    pic.t((800, top + 400), "有効期限 04:59", "sans", 24, anchor="ma", fill=(100, 100, 100))
    finish(pic, rng, long_side=1600)
    return pic, dict(doc="screen", screen=True, ext="png", notes="screenshot of a web login page with a small login QR (session token URL)")


@picture(QR, "monitor_photo_qr")
def _mq(rng):
    pic = Pic(1600, 1000, (255, 255, 255))
    top = browser(pic, "https://pay.example.com/checkout", "お支払い")
    pic.t((80, top + 60), "QRコード決済", "sansb", 40)
    pic.t((80, top + 140), "お支払い金額 ¥3,480", "sans", 32)
    put_qr(pic, "https://pay.example.com/i/" + token(rng, 14), (1150, top + 300), 240)
    ph = monitor_photo(rng, pic, out=(1600, 1200))
    finish(ph, rng, blur_r=0.6, noise_s=3)
    return ph, dict(doc="screen", screen=True, notes="photo of a monitor showing a payment QR (moiré, glare)", quality=84)


@picture(QR, "phone_photo_qr")
def _pqr(rng):
    W, H = 1080, 2000
    pic = Pic(W, H, (255, 255, 255))
    top = status_bar(pic, 60, bg=(255, 255, 255))
    pic.t((W / 2, top + 80), "マイQRコード", "sansb", 48, anchor="ma")
    p = jp_person(rng)
    pic.t((W / 2, top + 180), full(p), "sans", 40, anchor="ma", kind="person_name")
    put_qr(pic, "https://line.me/ti/p/~" + sns_handle(rng, p), (290, top + 300), 500)
    ph = phone_photo(rng, pic, out=(1200, 1600))
    ph.resize_long(1000)
    finish(ph, rng, blur_r=0.5, noise_s=3)
    return ph, dict(doc="screen", screen=True, notes="photo of a phone showing a 'my QR' add-friend code, small in the frame", quality=80)


@picture(QR, "shelf_label_codes")
def _shelf(rng):
    W, H = 1600, 900
    pic = Pic(W, H)
    pic.im = surface(rng, W, H, "desk")
    pic.d = ImageDraw.Draw(pic.im)
    for i in range(4):
        lab = Pic(340, 220, (250, 250, 240))
        pr = rng.choice(PRODUCTS)
        lab.t((14, 14), pr[:12], "sans", 22, decoy="person_name" if i == 0 else None)
        lab.t((14, 60), "¥%s" % format(rng.randint(2, 60) * 100 - 2, ","), "sansb", 40)
        put_qr(lab, "https://shop.example.jp/p/%06d" % rng.randint(0, 999999), (230, 120), 90, dark=(40, 40, 40), light=(250, 250, 240))
        warp_onto(pic, lab, jitter_quad(rng, 230 + i * 380, 450, 340, 220, rng.uniform(-4, 4), 0.02), shadow=0.25)
    pic.im = light(pic.im, rng, 0.2)
    finish(pic, rng, blur_r=0.7, noise_s=3)
    return pic, dict(doc="none", notes="four shelf labels with ~90 px product QRs", quality=82)


@picture(QR, "restaurant_table_tent")
def _tent(rng):
    W, H = 900, 1200
    t = qr_page(rng, W, H, [C("token", 120, dict(dark=(60, 40, 30), light=(240, 226, 200)))], "ORDER HERE",
                body=["スマホでご注文", "テーブル番号: %d" % rng.randint(1, 30)], tint=(240, 226, 200), layout=[(450, 800)])
    photo = Pic(1400, 1400)
    photo.im = surface(rng, 1400, 1400, "wood")
    photo.d = ImageDraw.Draw(photo.im)
    warp_onto(photo, t, trapezoid(700, 700, 700, 930, 0.12, rng.uniform(-4, 4)), shadow=0.35)
    photo.im = light(photo.im, rng, 0.3)
    finish(photo, rng, blur_r=0.8, noise_s=4, chat=True)
    return photo, dict(doc="none", notes="table tent photographed at an angle; one brown-on-beige ordering QR", quality=74)


@picture(QR, "poster_photo_far")
def _far(rng):
    pg = qr_page(rng, 1000, 1400, [C("line", 200), C("token", 160)], "町内清掃ボランティア",
                 body=["参加登録はこちら", "LINEグループにも参加してください"], layout=[(280, 1100), (760, 1100)])
    W, H = 1800, 1350
    photo = Pic(W, H)
    photo.im = surface(rng, W, H, "cardboard")
    photo.d = ImageDraw.Draw(photo.im)
    warp_onto(photo, pg, jitter_quad(rng, W * 0.6, H * 0.5, 700, 980, rng.uniform(-3, 3), 0.03), shadow=0.3)
    photo.im = light(photo.im, rng, 0.3)
    finish(photo, rng, blur_r=0.8, noise_s=4)
    return photo, dict(doc="none", notes="notice-board poster photographed from afar: two codes ~100-140 px", quality=78)


@picture(QR, "sheet_two_faded")
def _sheet2(rng):
    pic = qr_page(rng, 1240, 1754, [C("token", 110, FADED), C("wifi", 110, GREY)], "保護者会のお知らせ",
                  body=["出欠はフォームで回答してください", "当日は校内Wi-Fiをご利用いただけます", "", "担任: 学年主任"],
                  layout=[(300, 1400), (900, 1400)])
    pic = scan_of(pic, rng, angle=0.9)
    finish(pic, rng, blur_r=0.6, noise_s=3, long_side=1500)
    return pic, dict(doc="none", notes="school notice scanned: two faded / grey codes at the bottom", quality=70)


@picture(QR, "chat_shared_qr")
def _chatqr(rng):
    msgs = [dict(side="l", lines=[[("グループのQR送るね", False)]], time="20:01")]
    pic, y = chat_screen(rng, 1080, 2000, full(jp_person(rng)), msgs, app="line")
    img = Pic(420, 420, (255, 255, 255))
    put_qr(img, qr_payload(rng, "line"), (10, 10), 400)
    pic.d.rounded_rectangle((130, y, 570, y + 440), 20, fill=(255, 255, 255))
    pic.paste(img, (140, y + 10))
    pic.t((600, y + 420), "20:02", "dv", 18, fill=(40, 50, 60), anchor="lb")
    finish(pic, rng, long_side=800)
    return pic, dict(doc="screen", screen=True, notes="chat screenshot with a shared LINE group QR, shrunk to 800 px", quality=75)


# ======================================================================================
# class: faces (real package photographs only; boxes brow to chin, final coordinates)
FA = "faces"
SRCS = ["hopper", "camera"]


def studio(rng, W, H):
    c0 = np.array(rng.choice([(70, 90, 120), (150, 150, 150), (200, 190, 170), (60, 70, 60)]), np.float32)
    c1 = c0 * 0.6 + 90
    yy = np.linspace(0, 1, H, dtype=np.float32)[:, None, None]
    arr = c0[None, None] * (1 - yy) + c1[None, None] * yy
    arr = np.repeat(arr, W, axis=1)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def backdrop(rng, W, H, kind=None):
    kind = kind or rng.choice(["studio", "wood", "paper", "fabric", "desk", "grass"])
    if kind == "studio":
        im = studio(rng, W, H)
    elif kind == "grass":
        USED_SRC.add("grass")
        g = Image.open(_skimage_path("grass.png")).convert("RGB")
        im = ImageOps.fit(g, (W, H))
        im = Image.blend(im, Image.new("RGB", (W, H), (90, 140, 70)), 0.35)
    else:
        im = surface(rng, W, H, kind)
    p = Pic(W, H)
    p.im = im
    p.d = ImageDraw.Draw(im)
    return p


def add_face(pic, rng, center, face_h, src=None, angle=None, mirror=None, gray=False, oval=True):
    src = src or rng.choice(SRCS)
    USED_SRC.add(src)
    ang = rng.choice([-1, 1]) * rng.uniform(15, 40) if angle is None else angle
    mir = rng.random() < 0.5 if mirror is None else mirror
    chip = face_chip(src, face_h, mirror=mir, angle=ang, oval=oval, gray=gray)
    # place so that the face centre lands on `center`
    f = chip.faces[0]
    fcx, fcy = f[:, 0].mean(), f[:, 1].mean()
    x, y = int(center[0] - fcx), int(center[1] - fcy)
    pic.paste(chip, (x, y), chip.mask)
    return chip


def hand_occluder(pic, rng, fb):
    """A drawn hand covering part of the face box fb (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = fb
    w, h = x1 - x0, y1 - y0
    skin = rng.choice([(224, 182, 150), (198, 150, 118), (240, 204, 178)])
    side = rng.choice([-1, 1])
    cx = x0 + w * (0.25 if side < 0 else 0.75)
    cy = y0 + h * 0.98
    pic.d.ellipse((cx - w * 0.3, cy - h * 0.2, cx + w * 0.3, cy + h * 0.3), fill=skin)
    for i in range(4):
        fx = cx - w * 0.24 + i * w * 0.15
        pic.d.rounded_rectangle((fx, cy - h * 0.48 + abs(i - 1.5) * h * 0.06, fx + w * 0.12, cy), int(w * 0.06), fill=skin)
    pic.d.rectangle((cx - w * 0.25, cy + h * 0.2, cx + w * 0.25, cy + h * 0.9), fill=skin)


def box_occluder(pic, rng, fb):
    x0, y0, x1, y1 = fb
    w, h = x1 - x0, y1 - y0
    col = rng.choice([(250, 210, 60), (80, 160, 230), (240, 240, 240), (230, 80, 90)])
    if rng.random() < 0.5:
        bx = (x0 - w * 0.2, y0 + h * 0.62, x1 + w * 0.2, y1 + h * 0.4)
    else:
        bx = (x0 - w * 0.5, y0 + h * 0.1, x0 + w * 0.3, y1)
    pic.d.rectangle(bx, fill=col, outline=(40, 40, 40), width=2)


def face_box_of(chip_like_pic):
    f = chip_like_pic.faces[-1]
    return (f[:, 0].min(), f[:, 1].min(), f[:, 0].max(), f[:, 1].max())


def _group_row(variant):
    def fn(rng):
        W, H = rng.choice([(1800, 1000), (1600, 1000), (2000, 1200)])
        pic = backdrop(rng, W, H)
        n = [5, 7, 4, 8][variant]
        fh = [120, 90, 170, 70][variant]
        rows = 1 if n <= 5 else 2
        per = math.ceil(n / rows)
        k = 0
        for r in range(rows):
            for i in range(per):
                if k >= n:
                    break
                h = fh * rng.uniform(0.85, 1.2)
                sp = (W - 200) / per
                cx = 100 + sp * (i + 0.5) + rng.uniform(-10, 10)
                cy = H * (0.5 if rows == 1 else (0.33 + 0.38 * r)) + rng.uniform(-20, 20)
                add_face(pic, rng, (cx, cy), h)
                k += 1
        pic.im = light(pic.im, rng, 0.15)
        finish(pic, rng, blur_r=rng.choice([0, 0.5]), noise_s=3, chat=variant % 2 == 1)
        return pic, dict(doc="none", notes="tight row(s) of %d face crops tilted ±15–40°, some mirrored, ~%d px faces" % (n, fh),
                         quality=rng.choice([78, 86, 92]))
    return fn


for _v in range(4):
    picture(FA, "group_row_%02d" % (_v + 1))(_group_row(_v))


def _curved(variant):
    def fn(rng):
        W, H = 1800, 1200
        pic = backdrop(rng, W, H, rng.choice(["studio", "grass", "fabric"]))
        n = [6, 9, 5][variant]
        R = [700, 900, 520][variant]
        fh = [100, 70, 140][variant]
        cx0, cy0 = W / 2, H * 0.15 - R * 0.2
        for i in range(n):
            t = math.radians(-50 + 100 * i / max(1, n - 1))
            x = cx0 + R * math.sin(t)
            y = cy0 + R * math.cos(t) * 0.9
            add_face(pic, rng, (x, y), fh * rng.uniform(0.85, 1.15), angle=math.degrees(-t) * 0.5 + rng.uniform(-10, 10))
        pic.im = light(pic.im, rng, 0.2)
        finish(pic, rng, blur_r=0.4, noise_s=3, chat=variant == 1)
        return pic, dict(doc="none", notes="%d faces along a curve (group-photo arc), tilted with the arc" % n, quality=84)
    return fn


for _v in range(3):
    picture(FA, "curved_group_%02d" % (_v + 1))(_curved(_v))


def _occluded(variant):
    def fn(rng):
        W, H = 1600, 1100
        pic = backdrop(rng, W, H)
        n = [3, 4, 2][variant]
        for i in range(n):
            fh = rng.uniform(110, 200) if n < 4 else rng.uniform(90, 130)
            cx = W * (i + 0.5) / n
            cy = H * 0.5 + rng.uniform(-80, 80)
            add_face(pic, rng, (cx, cy), fh)
            fb = face_box_of(pic)
            if i % 2 == 0:
                hand_occluder(pic, rng, fb)
            else:
                box_occluder(pic, rng, fb)
        pic.im = light(pic.im, rng, 0.2)
        finish(pic, rng, blur_r=0.5, noise_s=3, chat=variant == 2)
        return pic, dict(doc="none", notes="faces partly hidden by a drawn hand or a sticker box; boxes cover the whole face (brow to chin)", quality=82)
    return fn


for _v in range(3):
    picture(FA, "occluded_%02d" % (_v + 1))(_occluded(_v))


def photo_print(rng, src, face_h, gray=False, border=18):
    chip = face_chip(src, face_h, mirror=rng.random() < 0.5, oval=False, gray=gray)
    USED_SRC.add(src)
    pr = Pic(chip.w + 2 * border, chip.h + 2 * border + border * 2, (250, 250, 248))
    pr.paste(chip, (border, border))
    return pr


def _collage(variant):
    def fn(rng):
        W, H = 1800, 1350
        photo = Pic(W, H)
        photo.im = surface(rng, W, H, rng.choice(["wood", "desk"]))
        photo.d = ImageDraw.Draw(photo.im)
        n = [3, 5, 4][variant]
        for i in range(n):
            pr = photo_print(rng, rng.choice(SRCS), rng.uniform(90, 180), gray=rng.random() < 0.3)
            cx = W * (0.15 + 0.7 * (i + 0.5) / n) + rng.uniform(-40, 40)
            cy = H * 0.5 + rng.uniform(-200, 200)
            s = rng.uniform(0.9, 1.3)
            warp_onto(photo, pr, jitter_quad(rng, cx, cy, pr.w * s, pr.h * s, rng.choice([-1, 1]) * rng.uniform(10, 35), 0.02), shadow=0.35)
        photo.im = light(photo.im, rng, 0.25)
        if variant == 1:
            photo.im = glare(photo.im, rng, 0.25)
        finish(photo, rng, blur_r=0.5, noise_s=3, chat=variant != 0)
        return photo, dict(doc="none", notes="printed photos scattered on a table, rotated 10–35°, with perspective", quality=80)
    return fn


for _v in range(3):
    picture(FA, "collage_prints_%02d" % (_v + 1))(_collage(_v))


def _angled(variant):
    def fn(rng):
        W, H = (1400, 1400) if variant == 0 else (1200, 1600)
        pic = backdrop(rng, W, H, "studio")
        add_face(pic, rng, (W * 0.45, H * 0.45), 200 if variant == 0 else 180, src=["hopper", "camera"][variant],
                 angle=[35, -28][variant])
        if variant == 1:
            add_face(pic, rng, (W * 0.7, H * 0.75), 110, src="hopper", angle=18)
        finish(pic, rng, blur_r=0.3, noise_s=2)
        return pic, dict(doc="none", notes="large strongly tilted face(s), 180–200 px", quality=90)
    return fn


for _v in range(2):
    picture(FA, "angled_large_%02d" % (_v + 1))(_angled(_v))


def _tiny(variant):
    def fn(rng):
        W, H = 1600, 1000
        pic = backdrop(rng, W, H, rng.choice(["grass", "studio"]))
        cols, rows = [(9, 3), (11, 4)][variant]
        fh = [55, 42][variant]
        for r in range(rows):
            for c in range(cols):
                x = 110 + (W - 220) * (c + 0.5 * (r % 2)) / cols
                y = 220 + r * (fh * 2.4)
                add_face(pic, rng, (x, y), fh * rng.uniform(0.9, 1.15), angle=rng.uniform(-25, 25))
        pic.im = light(pic.im, rng, 0.2)
        finish(pic, rng, blur_r=0.5, noise_s=4)
        return pic, dict(doc="none", notes="crowd-like grid of %d small faces (~%d px)" % (cols * rows, fh), quality=80)
    return fn


for _v in range(2):
    picture(FA, "tiny_faces_%02d" % (_v + 1))(_tiny(_v))


def paste_package_image(pic, name, box, loader):
    USED_SRC.add(name)
    im = loader().convert("RGB")
    im = ImageOps.fit(im, (int(box[2] - box[0]), int(box[3] - box[1])))
    pic.im.paste(im, (int(box[0]), int(box[1])))
    pic.d = ImageDraw.Draw(pic.im)


def _mixed(variant):
    def fn(rng):
        W, H = 1800, 1200
        pic = backdrop(rng, W, H, "desk")
        if variant == 0:
            paste_package_image(pic, "clock", (60, 300, 760, 900), lambda: Image.open(_skimage_path("clock_motion.png")))
            add_face(pic, rng, (1100, 550), 150)
            add_face(pic, rng, (1500, 700), 110)
        else:
            paste_package_image(pic, "retina", (1000, 100, 1700, 560), lambda: Image.open(_skimage_path("retina.jpg")))
            paste_package_image(pic, "hubble_deep_field", (1100, 650, 1500, 1150), lambda: Image.open(_skimage_path("hubble_deep_field.jpg")))
            add_face(pic, rng, (400, 400), 170, angle=-22)
            add_face(pic, rng, (600, 850), 95)
        pic.im = light(pic.im, rng, 0.2)
        finish(pic, rng, blur_r=0.4, noise_s=3, chat=True)
        return pic, dict(doc="none", notes="faces next to non-face package photos (%s)" % ["motion-blurred clock", "retina photograph, deep-field image"][variant], quality=84)
    return fn


for _v in range(2):
    picture(FA, "mixed_scene_%02d" % (_v + 1))(_mixed(_v))


@picture(FA, "video_call_grid")
def _vcall(rng):
    W, H = 1600, 1000
    pic = Pic(W, H, (32, 33, 36))
    pic.d.rectangle((0, 0, W, 60), fill=(24, 25, 28))
    pic.t((30, 30), "定例ミーティング  ・  %02d:%02d" % (rng.randint(0, 59), rng.randint(0, 59)), "sans", 24, fill=(230, 230, 230), anchor="lm")
    tw, th = 500, 290
    for r in range(3):
        for c in range(3):
            x, y = 25 + c * (tw + 25), 80 + r * (th + 20)
            tile = Pic(tw, th, (60, 64, 70))
            p = jp_person(rng)
            if (r * 3 + c) % 3 != 2:
                tile.im = studio(rng, tw, th)
                tile.d = ImageDraw.Draw(tile.im)
                add_face(tile, rng, (tw / 2 + rng.uniform(-60, 60), th * 0.45), rng.uniform(110, 150), angle=rng.uniform(-12, 12))
            else:
                tile.d.ellipse((tw / 2 - 60, th / 2 - 60, tw / 2 + 60, th / 2 + 60), fill=(rng.randint(80, 200), 100, 160))
                tile.t((tw / 2, th / 2), p["fam"][0], "sansb", 56, fill=(255, 255, 255), anchor="mm")
            tile.d.rounded_rectangle((10, th - 44, 20 + font("sans", 22).getlength(full(p)) + 20, th - 10), 6, fill=(0, 0, 0))
            tile.t((24, th - 27), full(p), "sans", 22, fill=(255, 255, 255), anchor="lm", kind="person_name")
            pic.paste(tile, (x, y))
    finish(pic, rng, long_side=1600)
    return pic, dict(doc="screen", screen=True, notes="video meeting grid: face tiles and initial avatars, participant names under tiles", quality=82)


@picture(FA, "id_photo_sheet")
def _idsheet(rng):
    W, H = 1200, 1700
    pic = Pic(W, H, (252, 252, 252))
    src = rng.choice(["camera", "hopper"])
    for r in range(2):
        for c in range(2):
            tile = Pic(420, 560, (210, 220, 235))
            portrait(tile, rng, (0, 0, 420, 560), src, bgcol=(210, 220, 235))
            pic.paste(tile, (120 + c * 540, 150 + r * 700))
    pic.t((120, 80), "証明写真 4×3cm", "sans", 28, fill=(100, 100, 100))
    photo = photo_of(pic, rng, bg="desk", out_long=1600, fill=0.85, angle=rng.uniform(-8, 8), tilt=0.06)
    finish(photo, rng, blur_r=0.5, noise_s=3, chat=True)
    return photo, dict(doc="none", notes="ID-photo print sheet with four copies of the same portrait", quality=80)


@picture(FA, "lowq_grey_group")
def _lowq(rng):
    W, H = 1200, 800
    pic = backdrop(rng, W, H, "studio")
    for i in range(4):
        add_face(pic, rng, (170 + i * 290, 400 + rng.uniform(-60, 60)), rng.uniform(90, 130), gray=True)
    pic.im = ImageOps.grayscale(pic.im).convert("RGB")
    finish(pic, rng, blur_r=1.2, noise_s=6)
    return pic, dict(doc="none", notes="greyscale, blurred, noisy and heavily compressed group of four", quality=55 + 5)


# ---------------------------------------------------------------- faceless pictures (has_face = false)
def _pkg_photo(name, fname, note, size=(1600, 1200), extra=None):
    def fn(rng):
        USED_SRC.add(name)
        im = Image.open(_skimage_path(fname)).convert("RGB")
        W, H = size
        pic = Pic(W, H)
        pic.im = ImageOps.fit(im, (W, H), Image.LANCZOS)
        pic.d = ImageDraw.Draw(pic.im)
        if extra:
            extra(pic, rng)
        finish(pic, rng, noise_s=1.5)
        return pic, dict(doc="none", notes=note + "; no human face", quality=rng.choice([80, 88, 92]))
    picture(FA, "noface_" + name)(fn)


_pkg_photo("clock", "clock_motion.png", "wall clock with motion blur (greyscale)", (1500, 1125))
_pkg_photo("retina", "retina.jpg", "fundus photograph of a retina (an eye, not a face)", (1400, 1400))
_pkg_photo("text", "text.png", "handwritten formulas on paper, photographed at an angle (greyscale); no personal data", (1600, 614))
_pkg_photo("hubble_deep_field", "hubble_deep_field.jpg", "deep-field astronomy image", (1400, 1400))
_pkg_photo("coins", "coins.png", "coins on a table (greyscale)", (1400, 1000))
_pkg_photo("ihc", "ihc.png", "immunohistochemistry microscope image", (1200, 1200))
_pkg_photo("grass", "grass.png", "grass texture (greyscale)", (1200, 1200))


def _real_copy(name, path_fn, faces, labels=(), note=""):
    """An unmodified package photograph: the file is copied byte for byte; `faces` and `labels`
    were measured by eye on the original (boxes brow to chin)."""
    def fn(rng):
        USED_SRC.add(name)
        src = path_fn()
        im = Image.open(src)
        pic = Pic(im.width, im.height)
        pic.im = im.convert("RGB")
        pic.d = ImageDraw.Draw(pic.im)
        for b in faces:
            pic.face(b)
        for text, kind, b in labels:
            pic.label(text, kind, b)
        return pic, dict(doc="none", notes=note, copy_from=src, ext=os.path.splitext(src)[1][1:])
    picture(FA, "real_" + name)(fn)


_real_copy("hopper", lambda: _mpl_path("grace_hopper.jpg"), [(165, 150, 372, 330)],
           [("HOPPER", "person_name", (127, 493, 161, 506))],
           "unmodified matplotlib sample photograph (portrait of Grace Hopper, frontal, with glasses); "
           "the name tag 'COMO HOPPER' is only ~8 px high (doubt: hardly readable, labelled anyway)")
_real_copy("camera", lambda: _skimage_path("camera.png"), [(175, 115, 255, 200)], (),
           "unmodified scikit-image sample photograph (cameraman in profile looking into a camera, greyscale)")


def smiley(pic, cx, cy, r, rng, style=0):
    col = rng.choice([(250, 210, 40), (255, 180, 60), (120, 200, 250), (250, 150, 180)])
    pic.d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=col, outline=(40, 40, 40), width=max(2, int(r // 20)))
    e = r * 0.3
    pic.d.ellipse((cx - e - r * 0.1, cy - r * 0.35, cx - r * 0.2, cy - r * 0.05), fill=(30, 30, 30))
    pic.d.ellipse((cx + r * 0.2, cy - r * 0.35, cx + e + r * 0.1, cy - r * 0.05), fill=(30, 30, 30))
    if style == 0:
        pic.d.arc((cx - r * 0.55, cy - r * 0.4, cx + r * 0.55, cy + r * 0.6), 20, 160, fill=(30, 30, 30), width=max(3, int(r // 12)))
    elif style == 1:
        pic.d.line((cx - r * 0.4, cy + r * 0.35, cx + r * 0.4, cy + r * 0.35), fill=(30, 30, 30), width=max(3, int(r // 12)))
    else:
        pic.d.ellipse((cx - r * 0.2, cy + r * 0.15, cx + r * 0.2, cy + r * 0.5), fill=(120, 20, 30))


@picture(FA, "noface_smiley_stickers")
def _smileys(rng):
    W, H = 1600, 1100
    pic = backdrop(rng, W, H, "paper")
    for i in range(14):
        smiley(pic, rng.uniform(120, W - 120), rng.uniform(120, H - 120), rng.uniform(40, 110), rng, i % 3)
    finish(pic, rng, blur_r=0.4, noise_s=3)
    return pic, dict(doc="none", notes="sheet of drawn smiley stickers (drawings, not faces)", quality=84)


@picture(FA, "noface_cartoon_drawing")
def _cartoon(rng):
    W, H = 1200, 1500
    pic = Pic(W, H)
    pic.im = paper_tex(rng, W, H, (252, 252, 248), 0.8)
    pic.d = ImageDraw.Draw(pic.im)
    ink = (40, 40, 60)
    for k, (cx, cy, r) in enumerate([(400, 420, 200), (850, 650, 150)]):
        pic.d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=ink, width=6)
        pic.d.ellipse((cx - r * 0.45, cy - r * 0.3, cx - r * 0.2, cy), outline=ink, width=5)
        pic.d.ellipse((cx + r * 0.2, cy - r * 0.3, cx + r * 0.45, cy), outline=ink, width=5)
        pic.d.arc((cx - r * 0.5, cy - r * 0.1, cx + r * 0.5, cy + r * 0.6), 20, 160, fill=ink, width=6)
        pic.d.line((cx, cy + r, cx, cy + r * 3), fill=ink, width=6)
        pic.d.line((cx - r, cy + r * 1.6, cx + r, cy + r * 1.6), fill=ink, width=6)
    pic.t((100, 1300), "おひさま いっぱい", "ipa", 48, fill=ink)
    photo = photo_of(pic, rng, bg="wood", out_long=1500, fill=0.85, angle=rng.uniform(-6, 6))
    finish(photo, rng, blur_r=0.6, noise_s=3, chat=True)
    return photo, dict(doc="none", notes="child's line drawing of two cartoon faces (not faces)",
                       quality=78)


@picture(FA, "noface_landscape_drawn")
def _landscape(rng):
    W, H = 1800, 1100
    pic = Pic(W, H)
    yy = np.linspace(0, 1, H, dtype=np.float32)[:, None, None]
    sky = np.array([110, 160, 230], np.float32)[None, None] * (1 - yy) + np.array([230, 220, 200], np.float32)[None, None] * yy
    pic.im = Image.fromarray(np.clip(np.repeat(sky, W, axis=1), 0, 255).astype(np.uint8))
    pic.d = ImageDraw.Draw(pic.im)
    for k, (base, col) in enumerate([(620, (110, 120, 150)), (720, (80, 110, 90)), (850, (60, 100, 60))]):
        pts = [(0, H)]
        for x in range(0, W + 60, 60):
            pts.append((x, base - 150 * math.sin(x / (300 + 80 * k) + k) * rng.uniform(0.6, 1.0) - rng.uniform(0, 30)))
        pts.append((W, H))
        pic.d.polygon(pts, fill=col)
    pic.d.ellipse((1400, 120, 1520, 240), fill=(255, 240, 200))
    pic.im = noise(pic.im, rng, 3)
    finish(pic, rng, blur_r=0.8)
    return pic, dict(doc="none", notes="drawn landscape (mountains, sun), no people", quality=86)


@picture(FA, "noface_objects_desk")
def _objects(rng):
    W, H = 1800, 1200
    pic = backdrop(rng, W, H, "wood")
    paste_package_image(pic, "clock", (120, 200, 820, 700), lambda: Image.open(_skimage_path("clock_motion.png")))
    paste_package_image(pic, "coins", (1000, 150, 1600, 650), lambda: Image.open(_skimage_path("coins.png")))
    smiley(pic, 1300, 900, 120, rng, 0)
    pic.t((900, 1050), "ありがとう!", "ipa", 60, fill=(60, 40, 30))
    pic.im = light(pic.im, rng, 0.2)
    finish(pic, rng, blur_r=0.3, noise_s=3, chat=True)
    return pic, dict(doc="none", notes="photo prints of a clock and of coins on a desk, a drawn smiley; no human face", quality=82)


@picture(FA, "noface_emoji_chat")
def _emoji_chat(rng):
    msgs = [dict(side="l", lines=[[("見て!新しいスタンプ", False)]], time="9:12")]
    pic, y = chat_screen(rng, 1080, 1800, "", msgs, app="plain", title_kind=False)
    for i in range(6):
        smiley(pic, 230 + (i % 3) * 300, y + 160 + (i // 3) * 300, 110, rng, i % 3)
    finish(pic, rng, long_side=1280)
    return pic, dict(doc="screen", screen=True, ext="png", notes="chat with cartoon smiley stickers (not faces); empty title")


# ======================================================================================
# writer
USED_SRC = set()

SRC_LICENCE = {
    "hopper": ("matplotlib", "public domain (matplotlib sample_data/grace_hopper.jpg, US Navy)"),
    "camera": ("scikit-image", "CC0 (skimage.data.camera, Lav Varshney)"),
    "clock": ("scikit-image", "public domain (skimage.data.clock, Stefan van der Walt)"),
    "retina": ("scikit-image", "CC0 (skimage.data.retina, Mikael Häggström via Wikimedia Commons)"),
    "text": ("scikit-image", "public domain (skimage.data.text, from Wikipedia File:Corner.png)"),
    "ihc": ("scikit-image", "no known copyright restrictions (skimage.data.immunohistochemistry)"),
    "hubble_deep_field": ("scikit-image", "public domain (skimage.data.hubble_deep_field, NASA)"),
    "coins": ("scikit-image", "no known copyright restrictions (skimage.data.coins)"),
    "grass": ("scikit-image", "CC0 (skimage.data.grass, CC0Textures)"),
}


PKG_VERSION = {
    "scikit-image": lambda: "scikit-image==" + __import__("skimage").__version__ + " (PyPI wheel)",
    "matplotlib": lambda: "matplotlib==" + __import__("matplotlib").__version__ + " (PyPI wheel)",
}


def finish_boxes(pts, w, h):
    x0, y0 = pts[:, 0].min(), pts[:, 1].min()
    x1, y1 = pts[:, 0].max(), pts[:, 1].max()
    area = max(1e-6, (x1 - x0) * (y1 - y0))
    cx0, cy0, cx1, cy1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    inside = max(0, cx1 - cx0) * max(0, cy1 - cy0) / area
    return [int(math.floor(cx0)), int(math.floor(cy0)), int(math.ceil(cx1)), int(math.ceil(cy1))], inside


def qr_check(pic):
    try:
        import zxingcpp
    except ImportError:
        return None
    ok = 0
    arr = np.array(pic.im)
    for q in pic.qr:
        b, _ = finish_boxes(q["pts"], pic.w, pic.h)
        m = int(0.25 * max(b[2] - b[0], b[3] - b[1])) + 4
        crop = pic.im.crop((max(0, b[0] - m), max(0, b[1] - m), min(pic.w, b[2] + m), min(pic.h, b[3] + m)))
        found = False
        for sc in (1, 2, 3, 4):
            c = crop.resize((crop.width * sc, crop.height * sc), Image.BICUBIC) if sc > 1 else crop
            for r in zxingcpp.read_barcodes(c):
                if r.text == q["payload"]:
                    found = True
            if found:
                break
        ok += found
    return ok


def write_all(only=None):
    rows, texts, faces_out, decoys_out, mrz_out = [], {}, {}, {}, {}
    problems = []
    for cls, name, fn, meta in REGISTRY:
        if only and not any(o in name for o in only):
            continue
        USED_SRC.clear()
        rng = random.Random("%d:%s/%s" % (SEED, cls, name))
        pic, info = fn(rng)
        ext = info.get("ext", "jpg")
        rel = "images/%s/%s.%s" % (cls, name, ext)
        os.makedirs(os.path.join(HERE, "images", cls), exist_ok=True)
        w, h = pic.w, pic.h
        assert 600 <= max(w, h) <= 2000 or info.get("copy_from"), (rel, w, h)
        labels, decs = [], []
        for it in pic.items:
            if it["decoy"]:
                decs.append({"text": it["text"], "imitates": it["decoy"]})
                continue
            if it["kind"] is False:
                continue
            box, inside = finish_boxes(it["pts"], w, h)
            if inside < 0.9:
                problems.append("%s: label %r is %.0f%% outside" % (rel, it["text"], 100 * (1 - inside)))
            hgt = float(np.linalg.norm(it["pts"][3] - it["pts"][0]))
            if hgt < 9:
                problems.append("%s: label %r only %.1f px high" % (rel, it["text"], hgt))
            labels.append({"text": it["text"], "kind": it["kind"], "box": box})
        fboxes = []
        for f in pic.faces:
            box, inside = finish_boxes(f, w, h)
            if inside < 0.6:
                problems.append("%s: face mostly outside" % rel)
                continue
            fboxes.append(box)
        qn = len(pic.qr)
        qok = qr_check(pic) if qn else None
        if qn and qok is not None and qok < qn:
            problems.append("%s: only %d/%d QR codes decode" % (rel, qok, qn))
        out = os.path.join(HERE, rel)
        if info.get("copy_from"):
            import shutil
            shutil.copyfile(info["copy_from"], out)
        elif ext == "png":
            pic.im.save(out, optimize=True)
        else:
            pic.im.save(out, quality=info.get("quality", 85), optimize=True, subsampling=0 if info.get("quality", 85) >= 90 else 2)
        kinds = sorted({l["kind"] for l in labels if l["kind"] in PII_KINDS})
        srcs = sorted(USED_SRC)
        if info.get("copy_from"):
            source_repo = SRC_LICENCE[srcs[0]][0]
            lic = SRC_LICENCE[srcs[0]][1] + "; file copied unmodified"
        elif srcs:
            source_repo = ";".join(sorted({SRC_LICENCE[s][0] for s in srcs}))
            lic = "; ".join(SRC_LICENCE[s][1] for s in srcs) + "; drawing generated"
        else:
            source_repo, lic = "generated", "generated"
        notes = info.get("notes", "")
        if qn:
            sides = [int(round(float(np.linalg.norm(q["pts"][1] - q["pts"][0])))) for q in pic.qr]
            notes += " | QR side px: %s" % ",".join(map(str, sides))
            notes += " | QR decodable by zxing-cpp from the finished picture: %s/%d" % (qok, qn)
        src_path, src_commit = SCRIPT, COMMIT
        if info.get("copy_from"):
            src_path = info["copy_from"].split("site-packages/")[-1]
            src_commit = PKG_VERSION[source_repo]()
        rows.append(dict(
            path=rel, category=cls, source_repo=source_repo, source_path=src_path, source_commit=src_commit,
            license=lic, width=w, height=h, has_face=str(bool(fboxes)).lower(), face_count=len(fboxes),
            has_gps="false", has_exif=str(bool(len(Image.open(out).getexif()))).lower(), has_text_pii=str(bool(kinds)).lower(), pii_kinds=";".join(kinds),
            has_qr=str(bool(qn)).lower(), qr_payloads=" | ".join(q["payload"] for q in pic.qr),
            has_barcode=str(bool(pic.barcode)).lower(), is_screen=str(bool(info.get("screen"))).lower(),
            is_document=str(info.get("doc", "none") not in ("none", "screen")).lower(), doc_kind=info.get("doc", "none"),
            nudity="no", notes=notes.strip(), **{"class": cls}))
        texts[rel] = labels
        if fboxes:
            faces_out[rel] = fboxes
        if decs:
            decoys_out[rel] = decs
        if pic.mrz:
            mrz_out[rel] = pic.mrz
        print("%-48s %4dx%-4d labels=%-3d faces=%d qr=%d decoys=%d" % (rel, w, h, len(labels), len(fboxes), qn, len(decs)))
    if only:
        for fname, obj in [("text.json", texts), ("face_boxes.json", faces_out), ("decoys.json", decoys_out),
                           ("mrz.json", mrz_out)]:
            pp = "/tmp/partial_" + fname
            old = json.load(open(pp)) if os.path.exists(pp) else {}
            old.update(obj)
            json.dump(old, open(pp, "w"), ensure_ascii=False, indent=1)
        for p in problems:
            print("PROBLEM", p)
        return problems
    cols = ["path", "category", "source_repo", "source_path", "source_commit", "license", "width", "height", "has_face",
            "face_count", "has_gps", "has_exif", "has_text_pii", "pii_kinds", "has_qr", "qr_payloads", "has_barcode",
            "is_screen", "is_document", "doc_kind", "nudity", "notes", "class"]
    with open(os.path.join(HERE, "manifest.csv"), "w", newline="", encoding="utf-8") as fh:
        wr = csv.DictWriter(fh, fieldnames=cols)
        wr.writeheader()
        wr.writerows(rows)
    for fname, obj in [("text.json", texts), ("face_boxes.json", faces_out), ("decoys.json", decoys_out),
                       ("mrz.json", mrz_out)]:
        with open(os.path.join(HERE, fname), "w", encoding="utf-8") as fh:
            json.dump(obj, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    for p in problems:
        print("PROBLEM", p)
    return problems


if __name__ == "__main__":
    probs = write_all(sys.argv[1:] or None)
    sys.exit(1 if probs and "--strict" in sys.argv else 0)
