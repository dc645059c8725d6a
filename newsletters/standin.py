"""A local Mailchimp Marketing API on 127.0.0.1, for tests, demos and benchmarks.

The real ``mailchimp-marketing`` client talks to it unchanged once its host
points at :attr:`MailchimpStandIn.base_url`. It checks HTTP Basic auth with
the API key, answers in Mailchimp's JSON and error shapes
(:mod:`newsletters.standin_state`), refuses more than ``max_connections``
simultaneous requests with 429 as Mailchimp does (10), runs batch
operations in the background, and records every request it received
(:attr:`received`, also served at ``GET /_standin/received``).

Use it as a context manager from synchronous code (it runs its own event
loop in a thread)::

    with MailchimpStandIn() as standin:
        client = make_client(MailchimpAccount(standin.api_key, standin.base_url, standin.list_id))

or run it in the foreground with ``python -m newsletters.standin``.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import io
import json
import mimetypes
import tarfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from newsletters.standin_state import StandInState, problem

API_PREFIX = "/3.0"


@dataclass(frozen=True)
class Received:
    """One request the stand-in answered."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    status: int


class MailchimpStandIn:
    """A Mailchimp Marketing API stand-in serving on loopback from a background thread."""

    def __init__(
        self,
        *,
        api_key: str = "standin0000000000000000000000000-us1",
        list_id: str = "standin01",
        max_connections: int = 10,
        port: int = 0,
        state: StandInState | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.api_key = api_key
        if state is None:
            state = (
                StandInState(list_id=list_id)
                if clock is None
                else StandInState(list_id, clock=clock)
            )
        self.state = state
        self.max_connections = max_connections
        self.port = port
        self.received: list[Received] = []
        self.in_flight = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._gate: asyncio.Event | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._started = threading.Event()

    @property
    def list_id(self) -> str:
        return self.state.list_id

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """What the client's host must be set to."""
        return self.origin + API_PREFIX

    # --- lifecycle --------------------------------------------------------------------

    def start(self) -> MailchimpStandIn:
        self._thread = threading.Thread(target=self._serve, name="mailchimp-standin", daemon=True)
        self._thread.start()
        if not self._started.wait(10):
            raise RuntimeError("the Mailchimp stand-in did not start")
        return self

    def close(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._loop = None

    def __enter__(self) -> MailchimpStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _serve(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        self._gate = asyncio.Event()
        self._gate.set()
        self._runner = web.AppRunner(self.app(), access_log=None)
        loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        loop.run_until_complete(site.start())
        self.port = int(self._runner.addresses[0][1])
        self.state.file_manager.base_url = f"{self.origin}/_standin/files"
        self._started.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(self._runner.cleanup())
            loop.close()

    # --- test controls ----------------------------------------------------------------

    def hold(self) -> None:
        """Keep every request waiting (counted as in flight) until :meth:`release`."""
        assert self._loop is not None and self._gate is not None
        self._loop.call_soon_threadsafe(self._gate.clear)

    def release(self) -> None:
        assert self._loop is not None and self._gate is not None
        self._loop.call_soon_threadsafe(self._gate.set)

    def requests_to(self, method: str, path_part: str) -> list[Received]:
        """The requests received with ``method`` whose path contains ``path_part``."""
        return [r for r in self.received if r.method == method and path_part in r.path]

    # --- HTTP -------------------------------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._limit, self._auth], client_max_size=64 * 2**20)
        app.router.add_get("/_standin/received", self._received)
        app.router.add_get("/_standin/batch-results/{id}.tar.gz", self._batch_results)
        app.router.add_get("/_standin/files/{id}/{name}", self._file)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._api)
        return app

    @staticmethod
    def _json(status: int, body: Any) -> web.Response:
        if status == 204 or body is None:
            return web.Response(status=204)
        content_type = "application/problem+json" if status >= 400 else "application/json"
        return web.Response(
            status=status, body=json.dumps(body).encode(), content_type=content_type
        )

    @web.middleware
    async def _limit(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if self.in_flight >= self.max_connections:
            status, body = problem(
                429,
                "Too Many Requests",
                f"You have exceeded the limit of {self.max_connections} simultaneous connections.",
                request.path,
            )
            self.received.append(Received(request.method, request.path, {}, None, 429))
            return self._json(status, body)
        self.in_flight += 1
        try:
            assert self._gate is not None
            await self._gate.wait()
            response: web.StreamResponse = await handler(request)
            return response
        finally:
            self.in_flight -= 1

    @web.middleware
    async def _auth(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if not request.path.startswith(API_PREFIX):
            passed: web.StreamResponse = await handler(request)
            return passed
        header = request.headers.get("Authorization", "")
        key = ""
        if header.startswith("Basic "):
            try:
                key = base64.b64decode(header[6:]).decode().split(":", 1)[1]
            except (ValueError, IndexError):
                key = ""
        elif header.startswith("Bearer "):
            key = header[7:]
        if key != self.api_key:
            status, body = problem(
                401,
                "API Key Invalid",
                "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
                request.path,
            )
            self.received.append(Received(request.method, request.path, {}, None, 401))
            return self._json(status, body)
        answered: web.StreamResponse = await handler(request)
        return answered

    async def _api(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"].strip("/")
        query = dict(request.query)
        raw = await request.read()
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            status, reply = problem(400, "JSON Parse Error", "The body is not valid JSON.", path)
            self.received.append(Received(request.method, path, query, None, status))
            return self._json(status, reply)
        if path == "/batches" and request.method == "POST":
            status, reply = self.state.start_batch(body)
            if status == 200:
                asyncio.get_running_loop().call_soon(self.state.run_batch, reply["id"])
        elif path.startswith("/batches/") and request.method == "GET":
            batch = self.state.batches.get(path.rsplit("/", 1)[1])
            if batch is None:
                status, reply = problem(404, "Resource Not Found", "No such batch.", path)
            else:
                url = f"{self.origin}/_standin/batch-results/{batch.id}.tar.gz"
                status, reply = 200, self.state.batch_body(batch, url)
        else:
            status, reply = self.state.handle(request.method, path, query, body)
        if isinstance(reply, dict) and status >= 400:
            reply["instance"] = reply.get("instance") or path
        self.received.append(Received(request.method, path, query, body, status))
        return self._json(status, reply)

    async def _received(self, request: web.Request) -> web.Response:
        shown = [
            {
                "method": r.method,
                "path": r.path,
                "query": r.query,
                "status": r.status,
                "body": r.body if len(json.dumps(r.body)) < 2000 else "(large body)",
            }
            for r in self.received[-500:]
        ]
        return web.json_response({"total": len(self.received), "received": shown})

    async def _file(self, request: web.Request) -> web.Response:
        """A file of the file manager, where its ``full_size_url`` says (as Mailchimp's
        content host serves them to readers' mail clients)."""
        number = request.match_info["id"]
        stored = self.state.file_manager.files.get(int(number)) if number.isdigit() else None
        if stored is None or stored.name != request.match_info["name"]:
            return web.Response(status=404)
        kind = mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
        return web.Response(body=stored.data, content_type=kind)

    async def _batch_results(self, request: web.Request) -> web.Response:
        batch = self.state.batches.get(request.match_info["id"])
        if batch is None or batch.status != "finished":
            return web.Response(status=404)
        payload = json.dumps(batch.results).encode()
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
            info = tarfile.TarInfo(f"{batch.id}/0.json")
            info.size = len(payload)
            archive.addfile(info, io.BytesIO(payload))
        return web.Response(body=buffer.getvalue(), content_type="application/gzip")


def main() -> None:  # pragma: no cover - a manual tool
    """Serve in the foreground: ``python -m newsletters.standin [PORT]``."""
    import sys
    import time

    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8021
    with MailchimpStandIn(port=port) as standin:
        print(f"Mailchimp stand-in at {standin.base_url}")
        print(f"  api key: {standin.api_key}  audience: {standin.list_id}")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":  # pragma: no cover
    main()
