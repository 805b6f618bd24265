"""Write the starting corpus (``fuzz/corpus/TARGET/seed-*``): small, valid inputs of every kind the targets parse.

Run once (``python fuzz/make_seeds.py``); the files are committed so a campaign
starts from the same place on every machine.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from PIL import Image, ImageDraw, PngImagePlugin  # noqa: E402

from fuzz.targets import CORPUS  # noqa: E402

XMP = (
    b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif='
    b'"http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="35,41.0N" exif:GPSLongitude="139,41.0E"/>'
    b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


def _image() -> Image.Image:
    im = Image.new("RGB", (24, 16), (240, 240, 250))
    ImageDraw.Draw(im).rectangle((4, 4, 14, 12), fill=(200, 30, 30))
    return im


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "TestCam"
    exif[0x0112] = 6
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (35.0, 41.0, 0.0), 3: "E", 4: (139.0, 41.0, 0.0)})
    return exif


def pictures() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    im = _image()

    def save(name: str, **kw) -> None:
        buf = io.BytesIO()
        (kw.pop("image", None) or im).save(buf, **kw)
        out[name] = buf.getvalue()

    save("jpeg-exif-gps.jpg", format="JPEG", exif=_exif(), comment=b"taken at home")
    app1 = b"http://ns.adobe.com/xap/1.0/\x00" + XMP
    jpeg = out["jpeg-exif-gps.jpg"]
    out["jpeg-xmp-trailer.jpg"] = jpeg[:2] + b"\xff\xe1" + (len(app1) + 2).to_bytes(2, "big") + app1 + jpeg[2:] + b"TAIL"
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "自宅で撮影")
    info.add_text("Author", "someone", zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode("utf-8"))
    save("png-text.png", format="PNG", pnginfo=info, exif=_exif())
    frames = [im, im.rotate(90)]
    buf = io.BytesIO()
    frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:], comment=b"gif comment")
    out["anim.gif"] = buf.getvalue()
    save("still.webp", format="WEBP", exif=_exif())
    save("tiff.tif", format="TIFF", exif=_exif())
    save("palette.bmp", format="BMP", image=im.convert("P"))
    try:
        from pillow_heif import register_heif_opener

        register_heif_opener()
        save("tiny.heic", format="HEIF")
    except Exception:  # noqa: BLE001 - the HEIF seed is optional
        pass
    return out


def bundles() -> dict[str, bytes]:
    from gazoguard.evidence import ItemDetails, Locker
    from gazoguard.evidence.bundle import export_bundle
    from gazoguard.evidence.signing import generate_key, load_private_key

    now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    out: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "leak.png").write_bytes(pictures()["png-text.png"])
        (root / "post.html").write_text("<p>晒し</p>", encoding="utf-8")
        locker = Locker.init(root / "locker", now=now)
        locker.add_files([root / "leak.png"], ItemDetails(url="https://example.com/p", sender="@x"), now=now)
        locker.add_files([root / "post.html"], ItemDetails(sensitive="sexual"), now=now)
        locker.add_record(ItemDetails(report_no="REP-1", note="通報"), now=now)
        export_bundle(locker, root / "plain.zip", now=now)
        generate_key(root / "key.pem")
        locker.sign(load_private_key(root / "key.pem"))
        export_bundle(locker, root / "signed.zip", now=now, sign_key=load_private_key(root / "key.pem"))
        out["plain.zip"] = (root / "plain.zip").read_bytes()
        out["signed.zip"] = (root / "signed.zip").read_bytes()
    return out


def texts() -> dict[str, dict[str, bytes]]:
    repo = Path(__file__).resolve().parent.parent
    profiles = {p.name: p.read_bytes() for p in sorted((repo / "src/gazoguard/profiles").glob("*.toml"))}
    payloads = [
        "WIFI:T:WPA;S:home-net;P:s3cr3t-Passw0rd;;", "MECARD:N:山田,太郎;TEL:09012345678;EMAIL:a@b.jp;;",
        "https://maps.google.com/?q=35.6812,139.7671", "https://example.com/reset?token=8f3kQ9zLm2Xv7Yp1",
        "BEGIN:VCARD\nFN:山田太郎\nTEL:03-1234-5678\nEND:VCARD", "geo:35.6,139.7", "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP",
    ]
    chat = (
        "山田太郎です。電話は090-1234-5678、住所は東京都千代田区千代田1-1-1です。\n"
        "メール taro@example.jp、カード 4111 1111 1111 1111、マイナンバー 1234 5678 9018。\n"
        "〒100-0001 口座 三菱UFJ 普通 1234567\n"
    )
    hashfile = {
        "format": "gazoguard.hashes/1", "created_at": "2026-01-01T00:00:00+00:00",
        "items": [{"id": "1", "pdq": {"original": "ab" * 32, "rot90": "cd" * 32}, "pdq_quality": 90, "phash": "ff" * 8}],
    }
    return {
        "profile": profiles,
        "policy": {"example.toml": (repo / "examples/policy.toml").read_bytes()},
        "codes_payload": {f"{i}.txt": p.encode() for i, p in enumerate(payloads)},
        "recognizers": {"chat.txt": chat.encode(), **{f"payload{i}.txt": p.encode() for i, p in enumerate(payloads[:2])}},
        "hashfile": {"hashes.json": json.dumps(hashfile, indent=2).encode()},
    }


def main(only: list[str]) -> None:
    makers = {"picture": pictures, "metadata": pictures, "evidence": bundles, **{k: (lambda v=v: v) for k, v in texts().items()}}
    for target, make in makers.items():
        if only and target not in only:
            continue
        files = make()
        folder = CORPUS / target
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("seed-*"):
            old.unlink()
        for name, data in files.items():
            (folder / f"seed-{name}").write_bytes(data)
        print(target, len(files), "seeds")


if __name__ == "__main__":
    main(sys.argv[1:])  # optional target names
