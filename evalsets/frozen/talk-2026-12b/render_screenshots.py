#!/usr/bin/env python3
"""Render the selected conversations of talk-2026-12b as phone-chat screenshots (own renderer, Pillow).

Each screenshot shows: status bar, a header with the partner's (or group's) name, a date chip, the
other side's bubbles on the left (name above, avatar circle), the self side's bubbles on the right in
another colour, small times and 既読 / Read / Seen marks beside the bubbles, and an input bar.
The text drawn is exactly the conversation's messages. Themes come from meta.json.
"""
import hashlib, json, os, sys
from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
IPA = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
EMOJI = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"

THEMES = {
    # bg, header bg, header fg, other bubble, other fg, self bubble, self fg, meta fg, name fg, input bg
    "line": dict(bg="#8CABD9", head="#243447", headfg="#FFFFFF", ob="#FFFFFF", of="#111111", sb="#8DE055",
                 sf="#111111", meta="#F2F5FA", name="#F5F7FA", inp="#FFFFFF", font=CJK, read={"ja": "既読", "mixed": "既読", "en": "Read"}),
    "insta": dict(bg="#FFFFFF", head="#FFFFFF", headfg="#000000", ob="#EFEFEF", of="#000000", sb="#7A3DF0",
                  sf="#FFFFFF", meta="#8E8E8E", name="#737373", inp="#F2F2F2", font=CJK, read={"ja": "既読", "mixed": "Seen", "en": "Seen"}),
    "dark": dict(bg="#0E0E10", head="#1C1C1E", headfg="#FFFFFF", ob="#2C2C2E", of="#F2F2F2", sb="#0A84FF",
                 sf="#FFFFFF", meta="#8D8D93", name="#A1A1A6", inp="#1C1C1E", font=CJK, read={"ja": "既読", "mixed": "既読", "en": "Read"}),
    "sms": dict(bg="#FFFFFF", head="#F7F7F7", headfg="#000000", ob="#E9E9EB", of="#000000", sb="#34C759",
                sf="#FFFFFF", meta="#8A8A8E", name="#8A8A8E", inp="#FFFFFF", font=IPA, read={"ja": "既読", "mixed": "Read", "en": "Read"}),
    "discord": dict(bg="#313338", head="#2B2D31", headfg="#F2F3F5", ob="#404249", of="#DBDEE1", sb="#5865F2",
                    sf="#FFFFFF", meta="#949BA4", name="#F2F3F5", inp="#383A40", font=CJK, read={"ja": "既読", "mixed": "Seen", "en": "Seen"}),
    "kakao": dict(bg="#B2C7DA", head="#A9BDCE", headfg="#111111", ob="#FFFFFF", of="#111111", sb="#FEE500",
                  sf="#111111", meta="#55606B", name="#2E3A45", inp="#FFFFFF", font=IPA, read={"ja": "既読", "mixed": "既読", "en": "Read"}),
}
AVATAR = ["#F4A261", "#2A9D8F", "#E76F51", "#8AB17D", "#6D597A", "#E9C46A", "#457B9D"]


def h(s):
    return int(hashlib.sha1(s.encode("utf-8")).hexdigest(), 16)


def is_emoji(ch):
    o = ord(ch)
    return o >= 0x1F000 or 0x2600 <= o <= 0x27BF or 0x2B00 <= o <= 0x2BFF


class Writer:
    def __init__(self, path, size):
        self.font = ImageFont.truetype(path, size)
        self.size = size
        self.efont = ImageFont.truetype(EMOJI, 109)
        self.cache = {}

    def width(self, s):
        w = 0.0
        for ch in s:
            if ch in "\ufe0f\u200d":
                continue
            w += self.size * 1.15 if is_emoji(ch) else self.font.getlength(ch)
        return w

    def wrap(self, text, maxw):
        lines = []
        for para in text.split("\n"):
            cur = ""
            tokens, tok = [], ""
            for ch in para:  # keep Latin words together, CJK per character
                if ch.isascii() and not ch.isspace():
                    tok += ch
                else:
                    if tok:
                        tokens.append(tok)
                        tok = ""
                    tokens.append(ch)
            if tok:
                tokens.append(tok)
            for t in tokens:
                if self.width(cur + t) <= maxw:
                    cur += t
                elif self.width(t) > maxw:  # long token: break by character
                    for ch in t:
                        if self.width(cur + ch) > maxw and cur:
                            lines.append(cur)
                            cur = ""
                        cur += ch
                else:
                    lines.append(cur.rstrip())
                    cur = t.lstrip() if t.isspace() else t
            lines.append(cur)
        return lines or [""]

    def emoji(self, ch):
        if ch not in self.cache:
            im = Image.new("RGBA", (140, 140), (0, 0, 0, 0))
            ImageDraw.Draw(im).text((6, 6), ch, font=self.efont, embedded_color=True)
            bb = im.getbbox() or (0, 0, 1, 1)
            im = im.crop(bb)
            s = int(self.size * 1.05)
            self.cache[ch] = im.resize((s, max(1, int(s * im.height / max(1, im.width)))), Image.LANCZOS)
        return self.cache[ch]

    def draw(self, img, d, xy, s, fill):
        x, y = xy
        for ch in s:
            if ch in "\ufe0f\u200d":
                continue
            if is_emoji(ch):
                e = self.emoji(ch)
                img.paste(e, (int(x), int(y + self.size * 0.12)), e)
                x += self.size * 1.15
            else:
                d.text((x, y), ch, font=self.font, fill=fill)
                x += self.font.getlength(ch)


def render(conv, theme_name, out):
    th = THEMES[theme_name]
    W = 720 + (h(conv["id"]) % 4) * 36  # 720..828
    sc = W / 750
    fs = int(27 * sc)
    dy = int(5 * sc) if th["font"] == IPA else 0  # IPAexGothic sits higher in the line
    wr = Writer(th["font"], fs)
    small = ImageFont.truetype(th["font"], int(18 * sc))
    namef = ImageFont.truetype(th["font"], int(20 * sc))
    headf = ImageFont.truetype(CJK_BOLD if th["font"] == CJK else th["font"], int(30 * sc))
    lang = conv["lang"]
    others = []
    for m in conv["messages"]:
        if m["role"] == "other" and m["name"] not in others:
            others.append(m["name"])
    group = len(others) > 1
    title = others[0] if not group else f"{others[0]}, {others[1]}" + (f" +{len(others) - 2}" if len(others) > 2 else "") + f" ({len(others) + 1})"
    pad, av = int(22 * sc), int(56 * sc)
    maxw = int(W * 0.62)
    # layout pass
    items, y = [], 0
    prev = None
    for m in conv["messages"]:
        lines = wr.wrap(m["text"], maxw - 2 * pad)
        lh = int(fs * 1.45)
        bw = int(max(wr.width(l) for l in lines)) + 2 * pad
        bh = lh * len(lines) + int(pad * 1.1)
        show_name = m["role"] == "other" and (prev != m["name"])
        top = int(32 * sc) if show_name else 0
        items.append((m, lines, lh, bw, bh, show_name, y))
        y += top + bh + int(14 * sc)
        prev = m["name"] if m["role"] == "other" else None
    status_h, head_h, chip_h, input_h = int(44 * sc), int(96 * sc), int(64 * sc), int(100 * sc)
    H = status_h + head_h + chip_h + y + int(20 * sc) + input_h
    img = Image.new("RGB", (W, H), th["bg"])
    d = ImageDraw.Draw(img)
    # status bar + header
    d.rectangle([0, 0, W, status_h + head_h], fill=th["head"])
    d.text((int(28 * sc), int(8 * sc)), conv["messages"][0]["time"], font=small, fill=th["headfg"])
    for k in range(4):
        bx = W - int(120 * sc) + k * int(12 * sc)
        d.rectangle([bx, int(30 * sc) - k * int(5 * sc), bx + int(8 * sc), int(32 * sc)], fill=th["headfg"])
    d.rounded_rectangle([W - int(60 * sc), int(12 * sc), W - int(24 * sc), int(32 * sc)], radius=4, outline=th["headfg"], width=2)
    ax, ay = int(34 * sc), status_h + int(46 * sc)  # back arrow drawn as lines (not every font has ‹)
    d.line([(ax + int(12 * sc), ay - int(14 * sc)), (ax, ay), (ax + int(12 * sc), ay + int(14 * sc))], fill=th["headfg"], width=max(2, int(4 * sc)))
    tw = d.textlength(title, font=headf)
    d.text(((W - tw) / 2, status_h + int(26 * sc)), title, font=headf, fill=th["headfg"])
    # date chip
    date = "今日" if lang != "en" else "Today"
    cw = d.textlength(date, font=small) + int(36 * sc)
    cy = status_h + head_h + int(16 * sc)
    chip_fill = "#00000033"
    chip = Image.new("RGBA", (int(cw), int(34 * sc)), (0, 0, 0, 0))
    ImageDraw.Draw(chip).rounded_rectangle([0, 0, int(cw) - 1, int(34 * sc) - 1], radius=int(17 * sc), fill=(0, 0, 0, 60))
    img.paste(chip, (int((W - cw) / 2), cy), chip)
    d.text(((W - cw) / 2 + int(18 * sc), cy + int(5 * sc)), date, font=small, fill=th["meta"] if theme_name in ("insta", "sms") else "#FFFFFF")
    base = status_h + head_h + chip_h
    read = th["read"][lang]
    for m, lines, lh, bw, bh, show_name, yy in items:
        y0 = base + yy
        if m["role"] == "other":
            x = pad + av + int(14 * sc)
            if show_name:
                col = AVATAR[h(m["name"]) % len(AVATAR)]
                d.ellipse([pad, y0, pad + av, y0 + av], fill=col)
                ini = m["name"][0]
                iw = d.textlength(ini, font=namef)
                d.text((pad + (av - iw) / 2, y0 + av / 2 - int(14 * sc)), ini, font=namef, fill="#FFFFFF")
                d.text((x, y0), m["name"], font=namef, fill=th["name"])
                y0 += int(32 * sc)
            d.rounded_rectangle([x, y0, x + bw, y0 + bh], radius=int(24 * sc), fill=th["ob"])
            for k, l in enumerate(lines):
                wr.draw(img, d, (x + pad, y0 + int(pad * 0.45) + dy + k * lh), l, th["of"])
            d.text((x + bw + int(8 * sc), y0 + bh - int(24 * sc)), m["time"], font=small, fill=th["meta"])
        else:
            x = W - pad - bw
            d.rounded_rectangle([x, y0, x + bw, y0 + bh], radius=int(24 * sc), fill=th["sb"])
            for k, l in enumerate(lines):
                wr.draw(img, d, (x + pad, y0 + int(pad * 0.45) + dy + k * lh), l, th["sf"])
            rw = d.textlength(read, font=small)
            tw2 = d.textlength(m["time"], font=small)
            d.text((x - int(8 * sc) - rw, y0 + bh - int(46 * sc)), read, font=small, fill=th["meta"])
            d.text((x - int(8 * sc) - tw2, y0 + bh - int(24 * sc)), m["time"], font=small, fill=th["meta"])
    # input bar
    iy = H - input_h
    d.rectangle([0, iy, W, H], fill=th["head"])
    d.rounded_rectangle([int(90 * sc), iy + int(22 * sc), W - int(90 * sc), iy + int(78 * sc)], radius=int(28 * sc), fill=th["inp"])
    d.text((int(30 * sc), iy + int(26 * sc)), "+", font=headf, fill=th["headfg"])
    ph = "メッセージを入力" if lang != "en" else "Message"
    d.text((int(116 * sc), iy + int(36 * sc)), ph, font=small, fill="#9A9A9A")
    img = img.convert("P", palette=Image.ADAPTIVE, colors=128)
    img.save(out, optimize=True)


def main():
    rows = [json.loads(l) for l in open(os.path.join(HERE, "conversations.jsonl"), encoding="utf-8")]
    meta = json.load(open(os.path.join(HERE, "meta.json"), encoding="utf-8"))
    os.makedirs(os.path.join(HERE, "screenshots"), exist_ok=True)
    for f in os.listdir(os.path.join(HERE, "screenshots")):
        if f.endswith(".png"):
            os.remove(os.path.join(HERE, "screenshots", f))
    n = 0
    for r in rows:
        if "screenshot" in r:
            render(r, meta["screenshots"][r["id"]], os.path.join(HERE, r["screenshot"]))
            n += 1
    print(f"rendered {n} screenshots")


if __name__ == "__main__":
    main()
