"""The hub's REST API, version 1, mounted at ``/api/v1`` on the console's server.

``/api/v1/openapi.json`` (public) describes it and ``/api/v1/docs`` shows that
description to people. Every other endpoint needs a personal access token
(:mod:`hub.web.api.tokens`); see :mod:`hub.web.api.framework` for what each request
goes through and :mod:`hub.web.api.operations` for the endpoints.
"""

from __future__ import annotations

import re

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from hub.web.api.docs import docs_page
from hub.web.api.framework import endpoint
from hub.web.api.openapi import document
from hub.web.api.operations import OPERATIONS
from hub.web.api.problems import Problem
from hub.web.api.tokens import RATE_LIMIT
from hub.web.page import Console

PREFIX = "/api/v1"


async def openapi_json(request: Request) -> Response:
    return JSONResponse(document(), headers={"access-control-allow-origin": "*"})


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    kind = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "invalid-request")
    detail = f"no endpoint {request.method} {request.url.path}"
    if exc.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}"
    return Problem(kind, detail).response(request.url.path)


def _starlette_path(path: str) -> str:
    return re.sub(r"\{(\w+_id)\}", r"{\1:int}", path)


def create_api(console: Console, *, rate_limit: int = RATE_LIMIT) -> Starlette:
    """The API's application, sharing the console's deployment, database and clock."""
    routes = [
        Route("/openapi.json", openapi_json, methods=["GET"]),
        Route("/docs", docs_page, methods=["GET"]),
        *(Route(_starlette_path(op.path), endpoint(op), methods=[op.method]) for op in OPERATIONS),
    ]
    api = Starlette(routes=routes, exception_handlers={HTTPException: _http_error})
    api.state.console = console
    api.state.api_rate_limit = rate_limit
    return api
