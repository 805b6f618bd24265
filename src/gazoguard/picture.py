"""Decode an image once, safely: limits, orientation, colour, metadata.

Every detector works on the :class:`Picture` made here and never decodes the
file again.  Hostile input (zero bytes, truncation, decompression bombs, text
files named .jpg) becomes a :class:`~gazoguard.errors.GazoError`, never a
crash.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Union

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from gazoguard.errors import GazoError

try:  # HEIC / HEIF / AVIF support
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - optional at run time, pinned in pyproject
    pillow_heif = None

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_PIXELS = 120_000_000  # ~ a 108 MP phone sensor; a 30000x30000 bomb is 900 MP

ImageInput = Union[str, Path, bytes, bytearray, memoryview, Image.Image]


@dataclass(frozen=True, eq=False)
class Picture:
    """Pixels as a person sees them (EXIF orientation applied, RGB) plus the raw container facts."""

    image: Image.Image
    data: bytes
    sha256: str
    format: str
    path: str | None
    orientation: int = 1
    original_mode: str = "RGB"
    n_frames: int = 1
    info: dict[str, Any] = field(default_factory=dict)
    exif: Image.Exif | None = None
    applist: tuple[tuple[str, bytes], ...] = ()

    @property
    def width(self) -> int:
        return self.image.width

    @property
    def height(self) -> int:
        return self.image.height

    @property
    def megapixels(self) -> float:
        return self.width * self.height / 1e6

    @cached_property
    def rgb(self) -> np.ndarray:
        """H×W×3 uint8 RGB array (read-only, shared by detectors)."""
        arr = np.asarray(self.image, dtype=np.uint8)
        arr.setflags(write=False)
        return arr

    @cached_property
    def bgr(self) -> np.ndarray:
        arr = np.ascontiguousarray(self.rgb[:, :, ::-1])
        arr.setflags(write=False)
        return arr

    def summary(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "width": self.width,
            "height": self.height,
        }


def load_picture(source: ImageInput, *, path: str | None = None) -> Picture:
    """Decode ``source`` (a path, bytes or a PIL image) into a :class:`Picture`."""
    if isinstance(source, Image.Image):
        return _from_pil(source, path=path)
    data, path = _read_bytes(source, path)
    return decode_bytes(data, path=path)


def _read_bytes(source: ImageInput, path: str | None) -> tuple[bytes, str | None]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), path
    p = Path(source)  # type: ignore[arg-type]
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise GazoError("file_too_large", limit_mb=MAX_FILE_BYTES // (1024 * 1024))
        return p.read_bytes(), str(p)
    except FileNotFoundError:
        raise GazoError("not_found") from None
    except (PermissionError, IsADirectoryError):
        raise GazoError("unreadable") from None


def decode_bytes(data: bytes, *, path: str | None = None) -> Picture:
    if not data:
        raise GazoError("empty_file")
    if len(data) > MAX_FILE_BYTES:
        raise GazoError("file_too_large", limit_mb=MAX_FILE_BYTES // (1024 * 1024))
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = Image.open(io.BytesIO(data))
        except UnidentifiedImageError:
            raise GazoError("not_an_image") from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise GazoError("too_many_pixels", limit=MAX_PIXELS, pixels=0) from None
        except Exception as exc:  # noqa: BLE001 - any parser failure is "not an image"
            raise GazoError("decode_failed", detail=type(exc).__name__) from None
    pixels = im.width * im.height
    if pixels > MAX_PIXELS:
        raise GazoError("too_many_pixels", limit=MAX_PIXELS, pixels=pixels)
    if im.width < 1 or im.height < 1:
        raise GazoError("too_small", width=im.width, height=im.height)
    fmt = (im.format or "unknown").upper()
    info = dict(im.info)
    applist = tuple(getattr(im, "applist", ()) or ())
    n_frames = int(getattr(im, "n_frames", 1) or 1)
    try:
        exif = im.getexif()
    except Exception:  # noqa: BLE001 - a broken EXIF block must not stop the check
        exif = None
    orientation = int(exif.get(0x0112, 1)) if exif else 1
    original_mode = im.mode
    try:
        im.seek(0)
        im.load()
    except OSError as exc:
        if "truncated" in str(exc).lower() or "broken data stream" in str(exc).lower():
            raise GazoError("truncated") from None
        raise GazoError("decode_failed", detail=str(exc)[:200]) from None
    except (ValueError, SyntaxError, EOFError) as exc:
        raise GazoError("decode_failed", detail=str(exc)[:200]) from None
    rgb = _oriented_rgb(im)
    return Picture(
        image=rgb,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        path=path,
        orientation=orientation if 1 <= orientation <= 8 else 1,
        original_mode=original_mode,
        n_frames=n_frames,
        info=info,
        exif=exif,
        applist=applist,
    )


def _from_pil(im: Image.Image, *, path: str | None) -> Picture:
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return decode_bytes(buf.getvalue(), path=path)


def _oriented_rgb(im: Image.Image) -> Image.Image:
    try:
        im = ImageOps.exif_transpose(im)
    except Exception:  # noqa: BLE001 - a bad orientation tag leaves pixels as stored
        pass
    return to_rgb(im)


def to_rgb(im: Image.Image) -> Image.Image:
    """Any mode (CMYK, 16-bit, palette+alpha, LA, …) to 8-bit RGB on white."""
    mode = im.mode
    if mode == "RGB":
        return im.copy() if im.readonly else im
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        arr = np.asarray(im, dtype=np.float64)
        top = arr.max() or 1.0
        arr = np.clip(arr / top * 255.0, 0, 255).astype(np.uint8)
        return Image.fromarray(arr, "L").convert("RGB")
    if mode == "F":
        arr = np.asarray(im, dtype=np.float64)
        lo, hi = float(arr.min()), float(arr.max())
        arr = ((arr - lo) / ((hi - lo) or 1.0) * 255.0).astype(np.uint8)
        return Image.fromarray(arr, "L").convert("RGB")
    if mode == "P" and "transparency" in im.info or mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return im.convert("RGB")
