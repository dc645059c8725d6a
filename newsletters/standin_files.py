"""The Mailchimp stand-in's file manager: ``POST /file-manager/files`` and its files.

What the stand-in checks, and where each rule comes from:

- the request body (mailchimp.com/developer/marketing/api/file-manager-files/add-file/,
  "Upload a new image or file to the File Manager"): ``name`` and ``file_data`` (the
  base64-encoded contents) are required strings, ``folder_id`` an optional integer;
  the answer is the file: ``id``, ``folder_id``, ``type`` ("image" or "file"),
  ``name``, ``full_size_url``, ``thumbnail_url``, ``size``, ``created_at``,
  ``created_by``, ``width``, ``height``, ``_links``;
- a missing or mistyped field is refused as Mailchimp refuses any resource it cannot
  validate: 400 "Invalid Resource", "The resource submitted could not be validated.
  For field-specific details, see the 'errors' array.", with errors such as
  ``{"field": "", "message": "Required fields were not provided: name"}`` and
  ``{"field": "folder_id", "message": "Schema describes integer, string found
  instead"}`` (real bodies quoted in drewm/mailchimp-api#179 and
  brandonseydel/MailChimp.Net#303);
- "There's a 10MB limit for individual files in your MailChimp File Manager", and the
  file types it takes are listed by extension; it "will inspect each file and change
  extensions to reflect the original format" (kb.mailchimp.com/campaigns/
  images-videos-files/host-files-in-mailchimp). Mailchimp does not publish the words
  of these refusals: the ``detail`` texts below are the stand-in's own, in Mailchimp's
  problem+json shape (type, title, status, detail, instance).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PIL import Image, UnidentifiedImageError

from newsletters.standin_state import Reply, problem

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Mailchimp's limit for one file in the file manager (10 MB)."""
IMAGE_EXTENSIONS = frozenset(
    ["jpg", "jpe", "jpeg", "gif", "png", "bmp", "psd", "tif", "tiff", "svg", "indd", "ai", "eps"]
)
OTHER_EXTENSIONS = frozenset(
    [
        "txt",
        "csv",
        "log",
        "css",
        "ics",
        "doc",
        "docx",
        "rtf",
        "odt",
        "ott",
        "pdf",
        "pub",
        "pages",
        "mobi",
        "epub",
        "mp3",
        "m4a",
        "m4v",
        "wma",
        "ogg",
        "flac",
        "wav",
        "aif",
        "aifc",
        "aiff",
        "mp4",
        "mov",
        "avi",
        "mkv",
        "mpeg",
        "mpg",
        "wmv",
        "xls",
        "xlsx",
        "ods",
        "numbers",
        "odp",
        "ppt",
        "pptx",
        "pps",
        "key",
        "zip",
        "tar",
        "gz",
        "7z",
        "vcf",
    ]
)
"""The file types Mailchimp's help lists, by extension (images apart)."""
MISSING_BOTH = "Required fields were not provided: name, file_data"
FORMAT_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "BMP": "bmp", "TIFF": "tif"}
INVALID = (
    "The resource submitted could not be validated. "
    "For field-specific details, see the 'errors' array."
)


@dataclass
class StoredFile:
    id: int
    name: str
    data: bytes
    kind: str
    width: int
    height: int
    created_at: str


def _invalid(errors: list[dict[str, str]]) -> Reply:
    return problem(400, "Invalid Resource", INVALID, errors=errors)


def _type_name(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "string"


def _schema_errors(body: dict[str, Any]) -> list[dict[str, str]]:
    errors = []
    missing = [name for name in ("name", "file_data") if name not in body]
    if missing:
        errors.append(
            {"field": "", "message": f"Required fields were not provided: {', '.join(missing)}"}
        )
    for name, wanted in (("name", "string"), ("file_data", "string"), ("folder_id", "integer")):
        if name in body and _type_name(body[name]) != wanted:
            found = _type_name(body[name])
            errors.append(
                {"field": name, "message": f"Schema describes {wanted}, {found} found instead"}
            )
    return errors


class FileManager:
    """Files uploaded to the stand-in's file manager, and the answers Mailchimp gives."""

    def __init__(self, clock: Callable[[], dt.datetime]) -> None:
        self.clock = clock
        self.files: dict[int, StoredFile] = {}
        self.base_url = "https://mcusercontent.com/standin/images"
        """Where the files are served: the stand-in's own origin once it listens."""
        self.fault: tuple[int, str, str] | None = None
        """Test control: answer every upload with this (status, title, detail)."""
        self._ids = itertools.count(1001)

    def upload(self, *, body: Any, **_: Any) -> Reply:
        if self.fault is not None:
            return problem(*self.fault)
        if not isinstance(body, dict):
            return _invalid([{"field": "", "message": MISSING_BOTH}])
        errors = _schema_errors(body)
        if errors:
            return _invalid(errors)
        try:
            data = base64.b64decode(body["file_data"], validate=True)
        except (binascii.Error, ValueError):
            return problem(
                400, "Invalid Resource", "The file_data is not valid base64-encoded data."
            )
        if not data:
            return problem(400, "Invalid Resource", "The file is empty.")
        if len(data) > MAX_FILE_BYTES:
            return problem(
                400,
                "Invalid Resource",
                f"The file is {len(data):,} bytes: files in the File Manager may be 10MB at most.",
            )
        name = str(body["name"]).strip()
        stem, dot, extension = name.rpartition(".")
        extension = extension.lower() if dot else ""
        if not stem or extension not in IMAGE_EXTENSIONS | OTHER_EXTENSIONS:
            return problem(
                400,
                "Invalid Resource",
                f"The file type of {name!r} is not one the File Manager accepts.",
            )
        kind, width, height = "file", 0, 0
        try:
            with Image.open(io.BytesIO(data)) as image:
                kind, (width, height) = "image", image.size
                found = FORMAT_EXTENSIONS.get(image.format or "")
        except (UnidentifiedImageError, OSError, ValueError):
            found = None
        if found is not None and extension != found:
            name = f"{stem}.{found}"  # Mailchimp gives a file the extension of what it is
        stored = StoredFile(next(self._ids), name, data, kind, width, height, self._now())
        self.files[stored.id] = stored
        return 200, self.body(stored)

    def get(self, file_id: str, **_: Any) -> Reply:
        stored = self.files.get(int(file_id)) if file_id.isdigit() else None
        if stored is None:
            return problem(404, "Resource Not Found", "The requested resource could not be found.")
        return 200, self.body(stored)

    def body(self, stored: StoredFile) -> dict[str, Any]:
        url = f"{self.base_url}/{stored.id}/{stored.name}"
        return {
            "id": stored.id,
            "folder_id": 0,
            "type": stored.kind,
            "name": stored.name,
            "full_size_url": url,
            "thumbnail_url": url,
            "size": len(stored.data),
            "created_at": stored.created_at,
            "created_by": "standin",
            "width": stored.width,
            "height": stored.height,
            "_links": [],
        }

    def _now(self) -> str:
        return self.clock().astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
