"""Render chat screenshots for the conversations that have a "screenshot" field.

Own renderer (Pillow only). Draws a phone chat app: optional status bar, a header
with the partner's name, a date chip, the other side's bubbles on the left with a
small avatar circle and name, the self side's bubbles on the right in another
colour, small times and read marks (既読 / Read / Seen) beside the bubbles, and
an input bar. Themes: LINE-like, dark mode, Instagram-like, Discord-like,
SMS-like, Kakao-like. Fonts: Noto Sans CJK JP, IPAexGothic, Noto Color Emoji.

Run:  /work/main/.venv/bin/python render_screenshots.py
Reads conversations.jsonl and meta.json (theme per id), writes screenshots/<id>.png
(palette PNG, each kept under 400 KB).
"""
from __future__ import annotations

import hashlib
import json
import pathlib
import random
import unicodedata

from fontTools.ttLib import TTCollection, TTFont
from PIL import Image, ImageDraw, ImageFont

HERE = pathlib.Path(__file__).resolve().parent
NOTO_R = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
NOTO_B = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
IPAEX = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
EMOJI = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"
MAX_BYTES = 400 * 1024

THEMES = {
    "line": dict(bg=(140, 171, 216), header=(36, 47, 65), header_fg=(255, 255, 255), other=(255, 255, 255),
                 other_fg=(20, 20, 20), self=(133, 226, 73), self_fg=(20, 20, 20), meta=(60, 70, 90),
                 name=(40, 50, 70), chip=(110, 140, 185), chip_fg=(255, 255, 255), bar=(255, 255, 255),
                 bar_fg=(150, 150, 150), status=(36, 47, 65), status_fg=(255, 255, 255), read_ja="既読", read_en="Read",
                 radius=18, avatar=True, font="noto"),
    "dark": dict(bg=(0, 0, 0), header=(22, 22, 22), header_fg=(240, 240, 240), other=(38, 38, 40),
                 other_fg=(235, 235, 235), self=(10, 132, 255), self_fg=(255, 255, 255), meta=(140, 140, 145),
                 name=(160, 160, 165), chip=(40, 40, 42), chip_fg=(170, 170, 170), bar=(22, 22, 22),
                 bar_fg=(110, 110, 110), status=(0, 0, 0), status_fg=(240, 240, 240), read_ja="既読", read_en="Read",
                 radius=20, avatar=True, font="noto"),
    "insta": dict(bg=(255, 255, 255), header=(255, 255, 255), header_fg=(10, 10, 10), other=(239, 239, 239),
                  other_fg=(10, 10, 10), self=(112, 76, 238), self_fg=(255, 255, 255), meta=(142, 142, 142),
                  name=(110, 110, 110), chip=(255, 255, 255), chip_fg=(142, 142, 142), bar=(250, 250, 250),
                  bar_fg=(150, 150, 150), status=(255, 255, 255), status_fg=(10, 10, 10), read_ja="既読", read_en="Seen",
                  radius=22, avatar=True, font="noto"),
    "discord": dict(bg=(49, 51, 56), header=(43, 45, 49), header_fg=(242, 243, 245), other=(43, 45, 49),
                    other_fg=(219, 222, 225), self=(88, 101, 242), self_fg=(255, 255, 255), meta=(148, 155, 164),
                    name=(242, 243, 245), chip=(49, 51, 56), chip_fg=(148, 155, 164), bar=(56, 58, 64),
                    bar_fg=(130, 135, 145), status=(30, 31, 34), status_fg=(220, 220, 220), read_ja="", read_en="",
                    radius=10, avatar=True, font="noto"),
    "sms": dict(bg=(255, 255, 255), header=(246, 246, 246), header_fg=(0, 0, 0), other=(233, 233, 235),
                other_fg=(0, 0, 0), self=(11, 132, 255), self_fg=(255, 255, 255), meta=(142, 142, 147),
                name=(142, 142, 147), chip=(255, 255, 255), chip_fg=(142, 142, 147), bar=(246, 246, 246),
                bar_fg=(170, 170, 170), status=(246, 246, 246), status_fg=(0, 0, 0), read_ja="既読", read_en="Read",
                radius=18, avatar=False, font="ipaex"),
    "kakao": dict(bg=(178, 199, 218), header=(178, 199, 218), header_fg=(30, 30, 30), other=(255, 255, 255),
                  other_fg=(30, 30, 30), self=(254, 229, 0), self_fg=(30, 30, 30), meta=(80, 90, 105),
                  name=(50, 60, 75), chip=(160, 180, 200), chip_fg=(255, 255, 255), bar=(255, 255, 255),
                  bar_fg=(150, 150, 150), status=(178, 199, 218), status_fg=(30, 30, 30), read_ja="既読", read_en="Read",
                  radius=12, avatar=True, font="ipaex"),
}
AVATAR_COLOURS = [(239, 83, 80), (171, 71, 188), (92, 107, 192), (41, 182, 246), (38, 166, 154),
                  (156, 204, 101), (255, 202, 40), (255, 112, 67), (141, 110, 99), (120, 144, 156)]


class Fonts:
    def __init__(self, scale: float):
        self.s = scale
        self.cache = {}
        self.cmaps = {}
        self.cmaps["noto"] = set(TTCollection(NOTO_R).fonts[0].getBestCmap())
        self.cmaps["ipaex"] = set(TTFont(IPAEX).getBestCmap())
        self.cmaps["emoji"] = set(TTFont(EMOJI).getBestCmap())
        self.emoji_font = ImageFont.truetype(EMOJI, 109)
        self.emoji_cache = {}

    def get(self, kind: str, size: int, bold: bool = False):
        key = (kind, size, bold)
        if key not in self.cache:
            if kind == "ipaex" and not bold:
                f = ImageFont.truetype(IPAEX, size)
            else:
                f = ImageFont.truetype(NOTO_B if bold else NOTO_R, size, index=0)
            self.cache[key] = f
        return self.cache[key]

    def emoji(self, ch: str, size: int):
        key = (ch, size)
        if key not in self.emoji_cache:
            im = Image.new("RGBA", (136, 128), (0, 0, 0, 0))
            ImageDraw.Draw(im).text((0, 0), ch, font=self.emoji_font, embedded_color=True)
            box = im.getbbox() or (0, 0, 1, 1)
            im = im.crop(box)
            im = im.resize((size, max(1, int(size * im.height / max(1, im.width)))), Image.LANCZOS)
            self.emoji_cache[key] = im
        return self.emoji_cache[key]


def runs(text: str, fonts: Fonts, kind: str):
    """Split text into (segment, source) runs: source is the font kind or 'emoji'."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp in (0xFE0F, 0xFE0E, 0x200D):
            continue
        if cp in fonts.cmaps[kind]:
            src = kind
        elif cp in fonts.cmaps["noto"]:
            src = "noto"
        elif cp in fonts.cmaps["emoji"]:
            src = "emoji"
        else:
            src = "noto"
        if out and out[-1][1] == src and src != "emoji":
            out[-1][0] += ch
        else:
            out.append([ch, src])
    return out


def text_width(text, fonts, kind, size):
    w = 0.0
    for seg, src in runs(text, fonts, kind):
        if src == "emoji":
            w += size * 1.1 * len(seg)
        else:
            w += fonts.get(src, size).getlength(seg)
    return w


def tokens(text: str):
    """Latin words stay together; CJK characters break anywhere."""
    out, cur = [], ""
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in ("W", "F") or ord(ch) > 0x2E80
        if ch == " ":
            if cur:
                out.append(cur)
            out.append(" ")
            cur = ""
        elif wide:
            if cur:
                out.append(cur)
                cur = ""
            out.append(ch)
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


def wrap(text, fonts, kind, size, maxw):
    lines, cur = [], ""
    for tok in tokens(text):
        trial = cur + tok
        if text_width(trial, fonts, kind, size) <= maxw or not cur:
            if text_width(tok, fonts, kind, size) > maxw and not cur:
                # a very long token: break it by characters
                for ch in tok:
                    if text_width(cur + ch, fonts, kind, size) > maxw and cur:
                        lines.append(cur)
                        cur = ""
                    cur += ch
                continue
            cur = trial
        else:
            lines.append(cur.rstrip())
            cur = tok.lstrip() if tok != " " else ""
    if cur.strip():
        lines.append(cur.rstrip())
    return lines or [""]


def draw_text(img, draw, xy, text, fonts, kind, size, fill, bold=False):
    x, y = xy
    for seg, src in runs(text, fonts, kind):
        if src == "emoji":
            for ch in seg:
                em = fonts.emoji(ch, int(size * 1.05))
                img.paste(em, (int(x), int(y + size * 0.18)), em)
                x += size * 1.1
        else:
            f = fonts.get(src, size, bold)
            draw.text((x, y), seg, font=f, fill=fill)
            x += f.getlength(seg)
    return x


def battery(draw, x, y, s, fg):
    draw.rounded_rectangle([x, y, x + 24 * s, y + 12 * s], radius=3 * s, outline=fg, width=max(1, int(1.5 * s)))
    draw.rectangle([x + 2.5 * s, y + 2.5 * s, x + 17 * s, y + 9.5 * s], fill=fg)
    draw.rectangle([x + 25 * s, y + 4 * s, x + 27 * s, y + 8 * s], fill=fg)


def signal(draw, x, y, s, fg):
    for i in range(4):
        h = (4 + 3 * i) * s
        draw.rectangle([x + i * 5 * s, y + 12 * s - h, x + i * 5 * s + 3 * s, y + 12 * s], fill=fg)


def render(conv, theme_name, out_path):
    rnd = random.Random(hashlib.sha256(conv["id"].encode()).digest())
    th = THEMES[theme_name]
    W = rnd.choice([720, 750, 780, 828])
    s = W / 375.0
    fonts = Fonts(s)
    kind = th["font"]
    fs = int(15 * s)          # message text
    fsm = int(10.5 * s)       # times, read marks
    fsn = int(11.5 * s)       # names
    pad = int(10 * s)
    bub_pad_x, bub_pad_y = int(11 * s), int(7 * s)
    av = int(34 * s) if th["avatar"] else 0
    maxw = int(W * 0.62)
    lang = conv["lang"]
    read = th["read_en"] if lang == "en" else th["read_ja"]
    others = [m["name"] for m in conv["messages"] if m["role"] == "other"]
    title = others[0] if others else "chat"
    if len(set(others)) > 1:
        title = f"{title}, {others[1]}…" if lang == "en" else f"グループ ({len(set(others)) + 1})"
    show_status = rnd.random() < 0.7
    status_h = int(28 * s) if show_status else 0
    header_h = int(50 * s)
    bar_h = int(52 * s)
    line_h = int(fs * 1.42)

    # layout pass
    items = []
    y = status_h + header_h + int(14 * s) + int(26 * s)  # date chip
    prev_role, prev_name = None, None
    for i, m in enumerate(conv["messages"]):
        lines = wrap(m["text"], fonts, kind, fs, maxw - 2 * bub_pad_x)
        tw = max(text_width(l, fonts, kind, fs) for l in lines)
        bw = int(tw + 2 * bub_pad_x)
        bh = int(len(lines) * line_h + 2 * bub_pad_y)
        show_name = m["role"] == "other" and (prev_role != "other" or prev_name != m["name"])
        gap = int(4 * s) if prev_role == m["role"] and not show_name else int(10 * s)
        y += gap
        if show_name:
            y += int(fsn * 1.5)
        items.append(dict(m=m, lines=lines, bw=bw, bh=bh, y=y, show_name=show_name))
        y += bh
        prev_role, prev_name = m["role"], m["name"]
    H = y + int(18 * s) + bar_h

    img = Image.new("RGB", (W, H), th["bg"])
    d = ImageDraw.Draw(img)
    # status bar
    if show_status:
        d.rectangle([0, 0, W, status_h], fill=th["status"])
        draw_text(img, d, (int(18 * s), int(5 * s)), conv["messages"][0]["time"], fonts, "noto", int(12.5 * s),
                  th["status_fg"], bold=True)
        battery(d, W - int(40 * s), int(8 * s), s, th["status_fg"])
        signal(d, W - int(72 * s), int(8 * s), s, th["status_fg"])
    # header
    hy = status_h
    d.rectangle([0, hy, W, hy + header_h], fill=th["header"])
    d.line([int(16 * s), hy + header_h // 2, int(24 * s), hy + header_h // 2 - int(8 * s)], fill=th["header_fg"],
           width=max(2, int(2 * s)))
    d.line([int(16 * s), hy + header_h // 2, int(24 * s), hy + header_h // 2 + int(8 * s)], fill=th["header_fg"],
           width=max(2, int(2 * s)))
    tx = int(40 * s)
    if theme_name in ("insta", "discord"):
        col = AVATAR_COLOURS[int(hashlib.md5(title.encode()).hexdigest(), 16) % len(AVATAR_COLOURS)]
        r = int(14 * s)
        cy = hy + header_h // 2
        d.ellipse([tx, cy - r, tx + 2 * r, cy + r], fill=col)
        tx += 2 * r + int(8 * s)
    prefix = "@ " if theme_name == "discord" else ""
    draw_text(img, d, (tx, hy + int(12 * s)), prefix + title, fonts, kind, int(16 * s), th["header_fg"], bold=True)
    # icons on the right (menu dots)
    for k in range(3):
        cx, cy = W - int(20 * s), hy + int(17 * s) + k * int(7 * s)
        d.ellipse([cx - 2 * s, cy - 2 * s, cx + 2 * s, cy + 2 * s], fill=th["header_fg"])
    if theme_name in ("insta", "sms"):
        d.line([0, hy + header_h, W, hy + header_h], fill=(219, 219, 219), width=1)
    # date chip
    chip = "Today" if lang == "en" else rnd.choice(["今日", "昨日", "10月14日(火)", "2026/11/03(日)", "本日"])
    cw = text_width(chip, fonts, kind, fsm) + 20 * s
    cy = status_h + header_h + int(10 * s)
    d.rounded_rectangle([(W - cw) / 2, cy, (W + cw) / 2, cy + int(20 * s)], radius=int(10 * s), fill=th["chip"])
    draw_text(img, d, ((W - cw) / 2 + 10 * s, cy + int(2 * s)), chip, fonts, kind, fsm, th["chip_fg"])
    # messages
    last_self = max((i for i, it in enumerate(items) if it["m"]["role"] == "self"), default=-1)
    for i, it in enumerate(items):
        m = it["m"]
        y = it["y"]
        if m["role"] == "other":
            x = pad + (av + int(8 * s) if th["avatar"] else 0)
            if it["show_name"]:
                draw_text(img, d, (x + int(2 * s), y - int(fsn * 1.45)), m["name"], fonts, kind, fsn, th["name"])
                if th["avatar"]:
                    col = AVATAR_COLOURS[int(hashlib.md5(m["name"].encode()).hexdigest(), 16) % len(AVATAR_COLOURS)]
                    ay = y - int(fsn * 1.2)
                    d.ellipse([pad, ay, pad + av, ay + av], fill=col)
                    ini = m["name"].strip()[:1] or "?"
                    iw = text_width(ini, fonts, kind, int(14 * s))
                    draw_text(img, d, (pad + (av - iw) / 2, ay + av / 2 - int(11 * s)), ini, fonts, kind, int(14 * s),
                              (255, 255, 255), bold=True)
            d.rounded_rectangle([x, y, x + it["bw"], y + it["bh"]], radius=th["radius"] * s / 2 + 4, fill=th["other"])
            ty = y + bub_pad_y
            for ln in it["lines"]:
                draw_text(img, d, (x + bub_pad_x, ty - int(fs * 0.12)), ln, fonts, kind, fs, th["other_fg"])
                ty += line_h
            draw_text(img, d, (x + it["bw"] + int(5 * s), y + it["bh"] - int(fsm * 1.4)), m["time"], fonts, kind, fsm,
                      th["meta"])
        else:
            x = W - pad - it["bw"]
            d.rounded_rectangle([x, y, x + it["bw"], y + it["bh"]], radius=th["radius"] * s / 2 + 4, fill=th["self"])
            ty = y + bub_pad_y
            for ln in it["lines"]:
                draw_text(img, d, (x + bub_pad_x, ty - int(fs * 0.12)), ln, fonts, kind, fs, th["self_fg"])
                ty += line_h
            tw = text_width(m["time"], fonts, kind, fsm)
            draw_text(img, d, (x - int(5 * s) - tw, y + it["bh"] - int(fsm * 1.4)), m["time"], fonts, kind, fsm,
                      th["meta"])
            mark = read if (theme_name != "insta" or i == last_self) else ""
            if mark:
                rw = text_width(mark, fonts, kind, fsm)
                draw_text(img, d, (x - int(5 * s) - rw, y + it["bh"] - int(fsm * 2.7)), mark, fonts, kind, fsm,
                          th["meta"])
    # input bar
    by = H - bar_h
    d.rectangle([0, by, W, H], fill=th["bar"])
    ph = "Message…" if lang == "en" else rnd.choice(["メッセージを入力", "Aa", "メッセージ…"])
    d.rounded_rectangle([int(48 * s), by + int(9 * s), W - int(48 * s), by + bar_h - int(9 * s)], radius=int(17 * s),
                        outline=th["bar_fg"], width=max(1, int(s)))
    draw_text(img, d, (int(62 * s), by + int(15 * s)), ph, fonts, kind, int(13 * s), th["bar_fg"])
    d.ellipse([int(14 * s), by + int(16 * s), int(34 * s), by + int(36 * s)], outline=th["bar_fg"], width=max(1, int(2 * s)))
    d.text((int(19 * s), by + int(13 * s)), "+", font=fonts.get("noto", int(16 * s)), fill=th["bar_fg"])

    for colours in (96, 64, 40, 24):
        q = img.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        q.save(out_path, optimize=True)
        if out_path.stat().st_size <= MAX_BYTES:
            break
    return out_path.stat().st_size, (W, H)


def main():
    meta = json.loads((HERE / "meta.json").read_text(encoding="utf-8"))
    themes = meta["screenshot_themes"]
    out_dir = HERE / "screenshots"
    out_dir.mkdir(exist_ok=True)
    keep = set()
    for line in (HERE / "conversations.jsonl").read_text(encoding="utf-8").splitlines():
        conv = json.loads(line)
        if "screenshot" not in conv:
            continue
        path = HERE / conv["screenshot"]
        size, (w, h) = render(conv, themes[conv["id"]], path)
        keep.add(path.name)
        print(f"{conv['screenshot']:60s} {themes[conv['id']]:8s} {w}x{h} {size // 1024} KB")
        assert size <= MAX_BYTES, path
    for p in out_dir.glob("*.png"):
        if p.name not in keep:
            p.unlink()


if __name__ == "__main__":
    main()
