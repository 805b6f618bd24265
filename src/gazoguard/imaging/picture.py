"""Decode an image once, safely: limits, orientation, colour, metadata.

Every detector works on the :class:`Picture` made here and never decodes the
file again.  Hostile input (zero bytes, truncation, decompression bombs, text
files named .jpg) becomes a :class:`~gazoguard.core.errors.GazoError`, never a
crash.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Union

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from gazoguard.core.errors import GazoError

try:  # HEIC / HEIF / AVIF support
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - optional at run time, pinned in pyproject
    pillow_heif = None

__all__ = ["FORMATS", "MAX_FILE_BYTES", "MAX_PIXELS", "ImageInput", "Picture", "decode_bytes", "load_picture", "read_source_bytes", "to_rgb"]

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
    data, path = read_source_bytes(source, path)
    return decode_bytes(data, path=path)


def read_source_bytes(source: ImageInput, path: str | None) -> tuple[bytes, str | None]:
    """The bytes of a path or bytes-like ``source``, and the path to show (errors as :class:`GazoError`).

    Only a regular file is read, and its size is checked before reading: a
    device (``/dev/zero``) or a FIFO is refused at once instead of being read
    forever or blocking the whole folder.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), path
    p = Path(source)  # type: ignore[arg-type]
    try:
        return read_regular_file(p, MAX_FILE_BYTES), str(p)
    except FileNotFoundError:
        raise GazoError("not_found") from None
    except (PermissionError, IsADirectoryError):
        raise GazoError("unreadable") from None


def read_regular_file(path: Path, limit: int) -> bytes:
    """Read ``path`` if it is a regular file of at most ``limit`` bytes (O_NONBLOCK: opening a FIFO never waits)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(str(path))
        if not stat.S_ISREG(info.st_mode):
            raise GazoError("not_a_regular_file")
        if info.st_size > limit:
            raise GazoError("file_too_large", limit_mb=limit // (1024 * 1024))
        data = fh.read(limit + 1)  # the file may grow while we read
    if len(data) > limit:
        raise GazoError("file_too_large", limit_mb=limit // (1024 * 1024))
    return data


#: the containers we decode; others (EPS runs Ghostscript, PSD, FITS, …) are refused as "not an image"
FORMATS = ("JPEG", "MPO", "PNG", "GIF", "WEBP", "TIFF", "BMP", "HEIF", "AVIF")
#: frames counted at most; counting a crafted GIF or TIFF must not take minutes
MAX_COUNTED_FRAMES = 10_000

# Pillow's own bomb check agrees with ours (it warns above this and refuses above twice this).
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")


def decode_bytes(data: bytes, *, path: str | None = None) -> Picture:
    """Decode ``data``; every failure is a :class:`GazoError`, never another exception."""
    try:
        return _decode(data, path)
    except GazoError:
        raise
    except MemoryError:
        raise GazoError("decode_failed", detail="out of memory") from None
    except Exception as exc:  # noqa: BLE001 - hostile input must never escape as a traceback
        raise GazoError("decode_failed", detail=f"{type(exc).__name__}: {str(exc)[:160]}") from None


def _decode(data: bytes, path: str | None) -> Picture:
    if not data:
        raise GazoError("empty_file")
    if len(data) > MAX_FILE_BYTES:
        raise GazoError("file_too_large", limit_mb=MAX_FILE_BYTES // (1024 * 1024))
    im = _open(data)
    _check_size(im.size)
    fmt = (im.format or "unknown").upper()
    info = dict(im.info)
    applist = tuple(getattr(im, "applist", ()) or ())
    n_frames = _count_frames(im, data)
    try:
        exif = im.getexif()
    except Exception:  # noqa: BLE001 - a broken EXIF block must not stop the check
        exif = None
    orientation = _orientation(exif)
    original_mode = im.mode
    try:
        im.seek(0)
        _check_size(im.size)  # a later frame may have moved the canvas; check again before any pixel is decoded
        im.load()
    except OSError as exc:
        if "truncated" in str(exc).lower() or "broken data stream" in str(exc).lower():
            raise GazoError("truncated") from None
        raise GazoError("decode_failed", detail=str(exc)[:200]) from None
    except (ValueError, SyntaxError, EOFError) as exc:
        raise GazoError("decode_failed", detail=str(exc)[:200]) from None
    rgb = _oriented_rgb(im, orientation)
    return Picture(
        image=rgb,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        path=path,
        orientation=orientation,
        original_mode=original_mode,
        n_frames=n_frames,
        info=info,
        exif=exif,
        applist=applist,
    )


def _open(data: bytes) -> Image.Image:
    """Open lazily (header only); Pillow's bomb warning and error both become ``too_many_pixels``."""
    Image.init()  # Image.OPEN only lists the plugins imported so far
    formats = [f for f in FORMATS if f in Image.OPEN]
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return Image.open(io.BytesIO(data), formats=formats)
        except UnidentifiedImageError:
            raise GazoError("not_an_image") from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            found = _BOMB_PIXELS.search(str(exc))
            raise GazoError("too_many_pixels", limit=MAX_PIXELS, pixels=int(found.group(1)) if found else 0) from None
        except Exception as exc:  # noqa: BLE001 - any parser failure is "not an image"
            raise GazoError("decode_failed", detail=type(exc).__name__) from None


def _check_size(size: tuple[int, int]) -> None:
    width, height = size
    if width * height > MAX_PIXELS:
        raise GazoError("too_many_pixels", limit=MAX_PIXELS, pixels=width * height)
    if width < 1 or height < 1:
        raise GazoError("too_small", width=width, height=height)


def _orientation(exif: Image.Exif | None) -> int:
    try:
        value = int(exif.get(0x0112, 1)) if exif else 1
    except (TypeError, ValueError):
        return 1
    return value if 1 <= value <= 8 else 1


def _count_frames(im: Image.Image, data: bytes) -> int:
    """Frames in the file, counted without decoding any and capped at :data:`MAX_COUNTED_FRAMES`.

    Pillow's ``n_frames`` walks every GIF frame (decoding the previous one on
    each seek) and every TIFF directory, so crafted files get the own walkers here.
    """
    if im.format == "GIF":
        return _gif_frame_count(data)
    if im.format == "TIFF":
        count = 1
        try:
            while count < MAX_COUNTED_FRAMES:
                im.seek(count)  # reads the next directory only
                count += 1
        except (EOFError, OSError, ValueError):
            pass
        return count
    try:
        return max(1, min(int(getattr(im, "n_frames", 1) or 1), MAX_COUNTED_FRAMES))
    except Exception:  # noqa: BLE001 - an unreadable frame table leaves one frame
        return 1


def _gif_frame_count(data: bytes) -> int:
    n = len(data)
    if n < 13:
        return 1
    flags = data[10]
    pos = 13 + (3 * (2 << (flags & 7)) if flags & 0x80 else 0)
    frames = 0
    while pos < n and frames < MAX_COUNTED_FRAMES:
        block = data[pos]
        if block == 0x21 and pos + 2 <= n:
            pos = _skip_sub_blocks(data, pos + 2)
        elif block == 0x2C and pos + 10 <= n:
            frames += 1
            flags = data[pos + 9]
            pos += 10 + (3 * (2 << (flags & 7)) if flags & 0x80 else 0)
            pos = _skip_sub_blocks(data, pos + 1)
        else:
            break
    return max(frames, 1)


def _skip_sub_blocks(data: bytes, pos: int) -> int:
    n = len(data)
    while pos < n:
        size = data[pos]
        pos += 1 + size
        if size == 0:
            return pos
    return n


def _from_pil(im: Image.Image, *, path: str | None) -> Picture:
    """A PIL image (tests, API callers) goes through the same decoder as files, as a PNG."""
    try:
        _check_size(im.size)
        if im.mode not in _PNG_MODES:
            im = to_rgb(im)
        buf = io.BytesIO()
        exif = im.getexif()
        im.save(buf, format="PNG", exif=exif.tobytes() if exif else b"")
    except GazoError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise GazoError("unsupported_input", detail=f"{type(exc).__name__}: {str(exc)[:160]}") from None
    return decode_bytes(buf.getvalue(), path=path)


_PNG_MODES = frozenset({"1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16", "I;16B"})


def _oriented_rgb(im: Image.Image, orientation: int) -> Image.Image:
    """The pixels as a person sees them.  Upright pictures are used as decoded: Pillow's
    ``exif_transpose`` copies even when there is nothing to turn (~50 ms CPU at 12 MP)."""
    if orientation != 1:
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
        arr = np.asarray(im).astype(np.float32)  # float32: 4 bytes a pixel even at the pixel limit
        top = float(arr.max()) or 1.0
        arr *= 255.0 / top
        np.clip(arr, 0, 255, out=arr)
        return Image.fromarray(arr.astype(np.uint8), "L").convert("RGB")
    if mode == "F":
        arr = np.asarray(im, dtype=np.float32)
        lo, hi = float(arr.min()), float(arr.max())
        arr = ((arr - lo) / ((hi - lo) or 1.0) * 255.0).astype(np.uint8)
        return Image.fromarray(arr, "L").convert("RGB")
    if mode == "P" and "transparency" in im.info or mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    try:
        return im.convert("RGB")
    except ValueError:  # modes without a direct RGB conversion (LAB, HSV, …) go through L
        return im.convert("L").convert("RGB")
