"""The OpenAPI 3.1 document of the REST API, made from :data:`~hub.web.api.operations.OPERATIONS`.

Schemas are the pydantic models' JSON Schemas (2020-12, OpenAPI 3.1's dialect):
response models as they are dumped, request bodies as they are validated.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from hub.web.api.operations import OPERATIONS
from hub.web.api.problems import KINDS, MEDIA_TYPE
from hub.web.api.schemas import MODELS, Body, ProblemOut
from hub.web.api.tokens import RATE_LIMIT, SCOPES

VERSION = "1.0.0"
REF = "#/components/schemas/{model}"
STATUS_WORDS = {
    200: "OK",
    201: "Created",
    401: "No valid token",
    403: "The token lacks the scope or the role",
    404: "Not found",
    409: "Not in a state that allows this",
    415: "The body is not JSON",
    422: "The request is not valid",
    429: "Rate limit reached (see Retry-After)",
}
DESCRIPTION = f"""The hub's REST API: items, deliveries, events, questions, channels and sources.

Authenticate with a personal access token made in the console (Account, API tokens):
`Authorization: Bearer hub_...`. A token is shown once; its scopes ({", ".join(SCOPES)})
and its user's role (editor or admin, as in the console) bound what it may do. Each token
may make {RATE_LIMIT} requests a minute; every answer says how many are left
(`RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`). Errors are RFC 9457
problem details (`{MEDIA_TYPE}`)."""


def _path_parameters(path: str) -> list[dict[str, Any]]:
    return [
        {
            "name": name,
            "in": "path",
            "required": True,
            "schema": {"type": "integer"} if name.endswith("_id") else {"type": "string"},
        }
        for name in re.findall(r"\{(\w+)\}", path)
    ]


def _content(model: type[BaseModel]) -> dict[str, Any]:
    media = MEDIA_TYPE if model is ProblemOut else "application/json"
    return {media: {"schema": {"$ref": REF.format(model=model.__name__)}}}


def _rate_headers() -> dict[str, Any]:
    integer = {"schema": {"type": "integer"}}
    return {
        "RateLimit-Limit": {"description": "Requests allowed per window.", **integer},
        "RateLimit-Remaining": {"description": "Requests left in this window.", **integer},
        "RateLimit-Reset": {"description": "Seconds until the window starts anew.", **integer},
    }


def _operation(op: Any) -> dict[str, Any]:
    rights = f"Needs the scope `{op.scope}`" + (" and an admin's token." if op.admin_role else ".")
    described: dict[str, Any] = {
        "operationId": op.operation_id,
        "summary": op.summary,
        "description": (op.description + "\n\n" if op.description else "") + rights,
        "x-scope": op.scope,
        "parameters": _path_parameters(op.path)
        + [
            {
                "name": q.name,
                "in": "query",
                "required": False,
                "description": q.description,
                "schema": q.schema,
            }
            for q in op.query
        ],
        "responses": {
            str(status): {
                "description": STATUS_WORDS.get(status, "Answer"),
                "content": _content(model),
                **({"headers": _rate_headers()} if status < 400 else {}),
            }
            for status, model in sorted(op.answers.items())
        },
    }
    if op.body is not None:
        described["requestBody"] = {"required": True, "content": _content(op.body)}
    return described


@lru_cache(maxsize=1)
def document() -> dict[str, Any]:
    """The OpenAPI 3.1 document (made once: it depends on the code only)."""
    pairs = [(m, "validation" if issubclass(m, Body) else "serialization") for m in MODELS]
    _keys, schemas = models_json_schema(pairs, ref_template=REF)  # type: ignore[arg-type]
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault(op.path, {})[op.method.lower()] = _operation(op)
    paths["/openapi.json"] = {
        "get": {
            "operationId": "getOpenApi",
            "summary": "This document (no token needed)",
            "security": [],
            "responses": {"200": {"description": "OK", "content": {"application/json": {}}}},
        }
    }
    problems = "\n".join(
        f"- `{kind}` ({status}): {title}" for kind, (status, title) in KINDS.items()
    )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "IOPD hub API",
            "version": VERSION,
            "description": DESCRIPTION + "\n\nProblem types:\n\n" + problems,
            "license": {"name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later"},
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"token": []}],
        "paths": paths,
        "components": {
            "schemas": schemas.get("$defs", {}),
            "securitySchemes": {
                "token": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A personal access token made in the console.",
                }
            },
        },
    }
