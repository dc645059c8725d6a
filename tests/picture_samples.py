"""Sample pictures and items shared by the picture tests (``test_picture_posts``,
``test_picture_webhooks``)."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from hub.core.pictures import prepare
from hub.core.ports import Message, Picture


def photograph(width: int, height: int, *, fmt: str = "JPEG") -> bytes:
    """A noisy photograph-like image with a camera's EXIF and a GPS position."""
    image = Image.effect_noise((width, height), 64).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x8825] = {1: "N", 2: (41.0, 23.0, 0.0)}  # GPSInfo: latitude
    out = io.BytesIO()
    image.save(out, format=fmt, exif=exif.tobytes())
    return out.getvalue()


def picture(width: int, height: int) -> Picture:
    return prepare(photograph(width, height), alt="Young people voting in Cascais")


def item(**fields: Any) -> Message:
    base: dict[str, Any] = {
        "delivery_id": 1,
        "kind": "item",
        "title": "Cascais opens the vote",
        "text": "Young people vote until the end of the month.",
        "link": "https://oidp.net/cascais",
    }
    return Message(**{**base, **fields})
