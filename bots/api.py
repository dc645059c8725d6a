"""What a formatter hands a sink: the platform API requests to make, as data.

The sink sends exactly these and ``hub preview`` prints exactly these, so a
preview never drifts from what is posted. ``path`` is the platform's API
path (``/chat.postMessage``, ``/sendMessage``, ``/api/v1/statuses``, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ApiRequest:
    """One API call: HTTP method, the platform's path for it, and the body fields."""

    method: str
    path: str
    body: dict[str, Any]

    @property
    def name(self) -> str:
        """The API method name without the leading slash (``sendMessage``)."""
        return self.path.rsplit("/", 1)[-1]

    def as_json(self) -> dict[str, Any]:
        """The contract shape of ``hub preview --json``: method, path and body."""
        return {"method": self.method, "path": self.path, "body": self.body}


RETRACTION_KIND = "retraction"
"""``Message.kind`` of a retraction: with ``edit_of`` set, the sink deletes that message."""


def is_retraction(kind: str, edit_of: str | None) -> bool:
    """Whether a message asks to delete ``edit_of`` rather than post or edit."""
    return kind == RETRACTION_KIND and edit_of is not None
