"""Errors of the REST API as RFC 9457 problem details (``application/problem+json``).

Every error the API answers is a :class:`Problem`: ``type`` names the kind of
problem (a link into the API's documentation page, where each kind is explained),
``title`` says it in a short sentence that stays the same for the kind,
``detail`` says what went wrong with this request, ``status`` repeats the HTTP status.
A request whose body fails validation also carries ``errors``, one entry per field
with a JSON pointer into the body (the shape RFC 9457 shows in its section 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.responses import JSONResponse

MEDIA_TYPE = "application/problem+json"
DOCS = "/api/v1/docs"

KINDS: dict[str, tuple[int, str]] = {
    "unauthorized": (401, "A valid API token is needed."),
    "forbidden": (403, "The token may not do this."),
    "not-found": (404, "There is no such resource."),
    "method-not-allowed": (405, "This method is not allowed here."),
    "conflict": (409, "The resource is not in a state that allows this."),
    "unsupported-media-type": (415, "The body must be JSON."),
    "invalid-request": (422, "The request is not valid."),
    "too-many-requests": (429, "The token made too many requests."),
    "server-error": (500, "The hub failed to answer."),
}
"""Every kind of problem the API answers: its status and its title."""


@dataclass
class Problem(Exception):
    """An error answered as problem details; ``kind`` is a key of :data:`KINDS`."""

    kind: str
    detail: str
    errors: list[dict[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def status(self) -> int:
        return KINDS[self.kind][0]

    def body(self, instance: str) -> dict[str, object]:
        status, title = KINDS[self.kind]
        body: dict[str, object] = {
            "type": f"{DOCS}#problem-{self.kind}",
            "title": title,
            "status": status,
            "detail": self.detail,
            "instance": instance,
        }
        if self.errors:
            body["errors"] = self.errors
        return body

    def response(self, instance: str) -> JSONResponse:
        return JSONResponse(
            self.body(instance),
            status_code=self.status,
            media_type=MEDIA_TYPE,
            headers=self.headers or None,
        )
