"""The API's OpenAPI document shown to people, at ``/api/v1/docs`` (public).

Rendered on the server from the same document as ``/api/v1/openapi.json``: no
script, so the console's Content-Security-Policy holds (no third-party viewer).
"""

from __future__ import annotations

import json
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from hub.web.api.openapi import document
from hub.web.api.problems import KINDS
from hub.web.i18n import best_match, current_language, use_language
from hub.web.page import Console


def _ref(content: dict[str, Any]) -> str:
    """The name of the schema a request or answer's content refers to ('' if none)."""
    for media in content.values():
        ref: str = media.get("schema", {}).get("$ref", "")
        return ref
    return ""


def _operations(doc: dict[str, Any]) -> list[dict[str, Any]]:
    shown = []
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            shown.append(
                {
                    "method": method.upper(),
                    "path": "/api/v1" + path,
                    "id": op["operationId"],
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "scope": op.get("x-scope"),
                    "parameters": op.get("parameters", []),
                    "body": _ref(op.get("requestBody", {}).get("content", {})),
                    "responses": {
                        status: _ref(answer.get("content", {}))
                        for status, answer in op["responses"].items()
                    },
                }
            )
    return shown


def _render(console: Console, accept: str | None) -> str:
    doc = document()
    with use_language(best_match(accept)):
        template = console.templates.get_template("api_docs.html")
        return template.render(
            user=None,
            waiting={},
            csrf_token="",
            flashes=[],
            path="/api/v1/docs",
            hub_name=console.settings.hub.network_name(current_language()),
            info=doc["info"],
            operations=_operations(doc),
            schemas={
                name: json.dumps(schema, indent=2, ensure_ascii=False)
                for name, schema in doc["components"]["schemas"].items()
            },
            problems=KINDS,
        )


async def docs_page(request: Request) -> Response:
    console: Console = request.app.state.console
    html = await run_in_threadpool(_render, console, request.headers.get("accept-language"))
    return HTMLResponse(html)
