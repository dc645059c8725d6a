"""Why a source could not be read, in words a secretariat can act on.

HubError
└── IngestError            a source could not be read; ``reason`` says why
    ├── FetchError         the HTTP fetch failed (``kind``: timeout, refused,
    │                      too_large, redirect_loop, too_many_redirects,
    │                      http_status, network, bad_url, forbidden_address)
    └── FeedError          the bytes are not a usable feed or calendar
                           (``kind``: not_a_feed, unsafe_xml, too_complex,
                           unreadable, empty)
"""

from __future__ import annotations

from hub.core.errors import HubError


class IngestError(HubError):
    """A source could not be read."""

    def __init__(self, kind: str, reason: str) -> None:
        self.kind = kind
        self.reason = reason
        super().__init__(reason)


class FetchError(IngestError):
    """The fetch over HTTP failed; ``reason`` says how."""


class FeedError(IngestError):
    """The bytes fetched are not a feed we can use; ``reason`` says why."""
