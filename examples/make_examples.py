"""Regenerate the example pictures (fictional person, fictional numbers)."""

from pathlib import Path

import zxingcpp
from PIL import Image, ImageDraw

from gazoguard.core.fonts import cjk_font

HERE = Path(__file__).parent


def delivery_slip() -> Image.Image:
    img = Image.new("RGB", (900, 560), (246, 244, 238))
    draw = ImageDraw.Draw(img)
    big, mid = cjk_font(40), cjk_font(30)
    draw.text((40, 30), "お届け先 / 配送伝票", fill=(20, 20, 20), font=big)
    lines = [
        "〒100-0001",
        "東京都千代田区千代田1丁目1番1号",
        "氏名 山田 花子 様",
        "電話 090-1234-5678",
        "メール hanako.yamada@example.jp",
    ]
    for i, line in enumerate(lines):
        draw.text((40, 110 + i * 60), line, fill=(10, 10, 10), font=mid)
    qr = zxingcpp.create_barcode("https://line.me/ti/p/~hanako_example", zxingcpp.BarcodeFormat.QRCode)
    code = Image.fromarray(__import__("numpy").asarray(qr.to_image(scale=6))).convert("RGB")
    img.paste(code, (img.width - code.width - 40, img.height - code.height - 40))
    return img


if __name__ == "__main__":
    delivery_slip().save(HERE / "delivery_slip.png")
    print("wrote", HERE / "delivery_slip.png")
