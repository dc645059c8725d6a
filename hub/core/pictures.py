"""Pictures: checked by their bytes, re-encoded clean, and fitted to each platform's limits.

An item's picture comes from a stranger's server (a feed's enclosure, a member's
link). :func:`prepare` trusts nothing about it: Pillow must recognise the bytes
as one of the formats every platform takes (JPEG, PNG, GIF, WebP), whatever the
server's Content-Type said; the declared size is checked against
:data:`MAX_PIXELS` before a single pixel is decoded (a decompression bomb: a
small file that decodes to gigabytes); the image is turned upright by its EXIF
orientation and then re-encoded from its pixels alone, so no EXIF, GPS position,
camera serial or comment survives. The result, at most :data:`MASTER_SIDE`
pixels on its longer side, is what the hub stores.

:func:`fit` makes a copy within one platform's :class:`PictureLimits` (bytes,
pixels, sides, ratio); each sink names its platform's numbers and where they
come from. A picture that cannot be fitted raises :class:`PictureRefused` with
the reason, and the sink posts text instead.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from hub.core.ports import Picture

FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
"""What Pillow may open: formats every platform of the hub accepts."""
MAX_PIXELS = 40_000_000
"""The most pixels an incoming picture may declare (a 8000 x 5000 photograph); more is
refused before decoding, as a decompression bomb would be."""
MASTER_SIDE = 4096
"""The longer side of the stored copy: above every platform's own limit, so each one's
copy is made from it by shrinking only."""
JPEG_QUALITY = 85


class PictureRefused(ValueError):
    """A picture the hub will not use, with the reason in words (shown in the console)."""


@dataclass(frozen=True)
class PictureLimits:
    """One platform's rules for an uploaded picture (None: no such rule)."""

    max_bytes: int
    max_pixels: int | None = None
    max_side: int | None = None
    max_side_sum: int | None = None
    max_ratio: float | None = None


def _open(data: bytes) -> Image.Image:
    """The image in ``data`` (header read, pixels not yet decoded), or PictureRefused."""
    if not data:
        raise PictureRefused("not an image: the answer was empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=FORMATS)
    except (UnidentifiedImageError, Image.DecompressionBombWarning) as exc:
        if isinstance(exc, Image.DecompressionBombWarning):
            raise PictureRefused(f"refused as a decompression bomb: {exc}") from None
        start = data[:200].lstrip().lower()
        kind = "an HTML page" if start.startswith((b"<!doctype html", b"<html")) else "unknown"
        raise PictureRefused(
            f"not an image: the bytes are {kind}, not JPEG, PNG, GIF or WebP"
        ) from None
    except Image.DecompressionBombError as exc:
        raise PictureRefused(f"refused as a decompression bomb: {exc}") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise PictureRefused(f"not a readable image: {exc}") from None
    width, height = image.size
    if width < 1 or height < 1:
        raise PictureRefused("not a usable image: it has no pixels")
    if width * height > MAX_PIXELS:
        raise PictureRefused(
            f"refused as a decompression bomb: {width} x {height} pixels declared, "
            f"more than the {MAX_PIXELS:,} the hub decodes"
        )
    return image


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )


def _encode(image: Image.Image, quality: int = JPEG_QUALITY) -> tuple[bytes, str]:
    """The pixels alone (no EXIF, no text chunks) as PNG when transparent, else JPEG."""
    out = io.BytesIO()
    if _has_alpha(image):
        image.convert("RGBA").save(out, format="PNG")
        return out.getvalue(), "image/png"
    image.convert("RGB").save(out, format="JPEG", quality=quality, optimize=True)
    return out.getvalue(), "image/jpeg"


def _scaled(image: Image.Image, scale: float) -> Image.Image:
    if scale >= 1:
        return image
    size = (max(1, math.floor(image.width * scale)), max(1, math.floor(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def prepare(data: bytes, alt: str = "") -> Picture:
    """The picture in ``data`` checked, upright, re-encoded without metadata and at most
    :data:`MASTER_SIDE` on its longer side; PictureRefused says why not."""
    image = _open(data)
    try:
        image.seek(0)  # an animation's first frame
        image.load()
        upright = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise PictureRefused(f"not a readable image: {exc}") from None
    rgb = upright.convert("RGBA" if _has_alpha(upright) else "RGB")
    clean = Image.frombytes(rgb.mode, rgb.size, rgb.tobytes())  # pixels only: no EXIF, no text
    clean = _scaled(clean, MASTER_SIDE / max(clean.size))
    encoded, mime = _encode(clean)
    return Picture(encoded, mime, clean.width, clean.height, alt)


def _scale_for(width: int, height: int, limits: PictureLimits) -> float:
    scale = 1.0
    if limits.max_side is not None:
        scale = min(scale, limits.max_side / max(width, height))
    if limits.max_side_sum is not None:
        scale = min(scale, limits.max_side_sum / (width + height))
    if limits.max_pixels is not None:
        scale = min(scale, math.sqrt(limits.max_pixels / (width * height)))
    return scale


def within(picture: Picture, limits: PictureLimits) -> bool:
    """Whether ``picture`` is within ``limits`` as it is (:func:`fit` would return it)."""
    width, height = picture.width, picture.height
    if limits.max_ratio is not None and max(width, height) / min(width, height) > limits.max_ratio:
        return False
    return _scale_for(width, height, limits) >= 1 and len(picture.data) <= limits.max_bytes


def fit(picture: Picture, limits: PictureLimits) -> Picture:
    """A copy of ``picture`` within ``limits`` (itself when it already is).

    Shrinks to the sides and pixels allowed, then lowers JPEG quality and
    shrinks again until the bytes fit; PictureRefused when the shape itself is
    refused (a ratio no resize changes) or nothing small enough is readable.
    """
    width, height = picture.width, picture.height
    if limits.max_ratio is not None and max(width, height) / min(width, height) > limits.max_ratio:
        raise PictureRefused(
            f"the picture is {width} x {height}: its sides' ratio is over the platform's "
            f"{limits.max_ratio:g}"
        )
    scale = _scale_for(width, height, limits)
    if scale >= 1 and len(picture.data) <= limits.max_bytes:
        return picture
    image = Image.open(io.BytesIO(picture.data), formats=("JPEG", "PNG"))
    image.load()
    quality = JPEG_QUALITY
    for _ in range(12):
        resized = _scaled(image, scale)
        data, mime = _encode(resized, quality)
        if len(data) <= limits.max_bytes:
            return Picture(data, mime, resized.width, resized.height, picture.alt)
        if mime == "image/jpeg" and quality > 60:
            quality -= 10
        else:
            scale = min(scale, 1.0) * 0.75
    raise PictureRefused(
        f"the picture cannot be made smaller than the platform's {limits.max_bytes:,} bytes"
    )
