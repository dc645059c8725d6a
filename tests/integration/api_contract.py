"""Calls to the REST API checked against its own OpenAPI document.

:class:`ApiClient` sends a request by the document's path template and checks the
answer: its status must be one the document lists for that operation, its media type
the one listed, and its body must validate against the listed schema (JSON Schema
2020-12, with the document's components). A response the document does not describe
fails the test that made it.
"""

from __future__ import annotations

from typing import Any

import httpx
from jsonschema import Draft202012Validator

from hub.web.api.openapi import document
from hub.web.testing import ConsoleClient


def check_response(method: str, template: str, response: httpx.Response) -> None:
    """Fail unless ``response`` is one the document describes for ``method template``."""
    doc = document()
    operation = doc["paths"][template][method.lower()]
    answers = operation["responses"]
    status = str(response.status_code)
    assert status in answers, (method, template, status, response.text[:300])
    content = answers[status].get("content", {})
    media = response.headers.get("content-type", "").split(";")[0]
    assert media in content, (method, template, status, media, list(content))
    schema = content[media].get("schema")
    if schema is None:
        return
    validator = Draft202012Validator(
        {**schema, "components": doc["components"]},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    errors = sorted(validator.iter_errors(response.json()), key=str)
    assert not errors, (method, template, [e.message for e in errors[:5]])


class ApiClient:
    """A console client's requests to ``/api/v1``, each checked by :func:`check_response`."""

    def __init__(self, client: ConsoleClient) -> None:
        self.client = client
        self.checked: set[tuple[str, str, int]] = set()

    def call(
        self,
        method: str,
        template: str,
        *,
        token: str | None,
        path: dict[str, object] | None = None,
        **options: Any,
    ) -> httpx.Response:
        url = "/api/v1" + template.format(**(path or {}))
        headers = dict(options.pop("headers", {}))
        if token is not None:
            headers["authorization"] = f"Bearer {token}"
        response = self.client.request(method, url, headers=headers, **options)
        check_response(method, template, response)
        self.checked.add((method, template, response.status_code))
        return response
