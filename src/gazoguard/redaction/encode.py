"""A fresh file from decoded pixels: nothing of the original container survives.

The pixels are taken after EXIF orientation (so no orientation tag is
needed), converted to sRGB through the embedded ICC profile when there is
one (so no profile is written), optionally downscaled, and saved into a new
image object that carries no ``info``: no EXIF, XMP, IPTC, comments, PNG text,
thumbnails, maker notes, and nothing after the end marker.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms, ImageOps

from gazoguard.imaging.picture import Picture
from gazoguard.redaction.errors import RedactionError

OUTPUT_FORMATS: dict[str, str] = {".jpg": "JPEG", ".jpeg": "JPEG", ".jpe": "JPEG", ".png": "PNG", ".webp": "WEBP"}
#: input suffixes we cannot write back get this output suffix by default (photos → JPEG, the rest lossless)
_DEFAULT_SUFFIX_FOR = {".heic": ".jpg", ".heif": ".jpg", ".avif": ".jpg"}
JPEG_QUALITY = 90
WEBP_QUALITY = 90


def format_for_path(path: str | Path) -> str:
    """The output format a path's suffix asks for; an unsupported suffix is an error."""
    suffix = Path(path).suffix.lower()
    try:
        return OUTPUT_FORMATS[suffix]
    except KeyError:
        raise RedactionError("unsupported_output_format", suffix=suffix or "(none)") from None


def default_output_path(source: str | Path) -> Path:
    """``photo.jpg`` → ``photo.redacted.jpg`` next to it; a format we cannot write keeps its suffix in the name.

    ``a.gif`` → ``a.redacted.gif.png`` and ``a.tif`` → ``a.redacted.tif.png``: two sources in one folder
    never get the same default output (one would silently replace the other).
    """
    path = Path(source)
    suffix = path.suffix
    if suffix.lower() in OUTPUT_FORMATS:
        return path.with_name(f"{path.stem}.redacted{suffix}")
    out_suffix = _DEFAULT_SUFFIX_FOR.get(suffix.lower(), ".png")
    if not suffix:
        return path.with_name(f"{path.name}-redacted{out_suffix}")  # "a" must not take "a.png"'s name
    return path.with_name(f"{path.stem}.redacted{suffix}{out_suffix}")


def default_format(picture: Picture) -> str:
    """For in-memory redaction: keep JPEG/PNG/WebP, photos from HEIC become JPEG, the rest PNG."""
    if picture.format in ("JPEG", "PNG", "WEBP"):
        return picture.format
    if picture.format in ("HEIF", "HEIC", "AVIF"):
        return "JPEG"
    return "PNG"


@cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def srgb_image(picture: Picture) -> Image.Image:
    """The oriented RGB pixels in sRGB, using the embedded ICC profile when there is a usable one."""
    icc = picture.info.get("icc_profile")
    if not icc:
        return picture.image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        space = source.profile.xcolor_space.strip()
        if space == "RGB":
            return ImageCms.profileToProfile(picture.image, source, _srgb(), outputMode="RGB")
        wanted = {"CMYK": "CMYK", "GRAY": "L"}.get(space)
        if wanted is not None and picture.original_mode == wanted:
            # Picture.image was converted without the profile; convert the decoded original instead.
            original = ImageOps.exif_transpose(Image.open(io.BytesIO(picture.data)))
            if original.mode == wanted and original.size == picture.image.size:
                return ImageCms.profileToProfile(original, source, _srgb(), outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        pass  # an unusable profile: keep the pixels as decoded (the profile is dropped either way)
    return picture.image


def downscale(image: Image.Image, max_side: int | None) -> Image.Image:
    if not max_side or max(image.size) <= max_side:
        return image
    scale = max_side / max(image.size)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def encode(image: Image.Image, fmt: str) -> bytes:
    """Encode ``image``'s pixels into a brand-new file of format ``fmt`` (JPEG, PNG or WEBP)."""
    fresh = Image.fromarray(np.array(image.convert("RGB"), dtype=np.uint8), "RGB")  # no info, no exif
    buf = io.BytesIO()
    if fmt == "JPEG":
        fresh.save(buf, format="JPEG", quality=JPEG_QUALITY)
    elif fmt == "PNG":
        fresh.save(buf, format="PNG")
    elif fmt == "WEBP":
        fresh.save(buf, format="WEBP", quality=WEBP_QUALITY)
    else:
        raise RedactionError("unsupported_output_format", suffix=fmt)
    return buf.getvalue()
