"""A TCP proxy on loopback that puts a database "a few milliseconds away".

``hub bench worker --db-latency-ms 2.4`` runs PostgreSQL's traffic through it:
every chunk is held ``latency / 2`` seconds in each direction (so a round trip
costs ``latency`` more), in order, as a network between two machines would.
The proxy runs in its own process so that its work does not compete for the
measured process's interpreter lock.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.engine import make_url


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float) -> None:
    """Copy ``reader`` to ``writer``, each chunk ``delay`` seconds after it arrived."""
    queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

    async def forward() -> None:
        while True:
            due, data = await queue.get()
            if not data:
                break
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()

    forwarding = asyncio.create_task(forward())
    try:
        while data := await reader.read(65536):
            queue.put_nowait((time.monotonic() + delay, data))
    except ConnectionError:
        pass
    finally:
        queue.put_nowait((0.0, b""))
        with contextlib.suppress(ConnectionError):
            await forwarding
        writer.close()


async def _serve(host: str, port: int, one_way: float, ready: Any) -> None:
    async def handle(
        client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter
    ) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection(host, port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            _pipe(client_reader, server_writer, one_way),
            _pipe(server_reader, client_writer, one_way),
            return_exceptions=True,
        )

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    ready.put(server.sockets[0].getsockname()[1])
    async with server:
        await server.serve_forever()


def _proxy_process(host: str, port: int, one_way: float, ready: Any) -> None:
    asyncio.run(_serve(host, port, one_way, ready))


@contextmanager
def delayed(url: str, latency_ms: float) -> Iterator[str]:
    """``url`` rewritten to reach its server through a proxy adding ``latency_ms`` a round trip."""
    parsed = make_url(url)
    context = multiprocessing.get_context("spawn")
    ready = context.Queue()
    process = context.Process(
        target=_proxy_process,
        args=(parsed.host or "127.0.0.1", parsed.port or 5432, latency_ms / 2000, ready),
        daemon=True,
    )
    process.start()
    try:
        port = ready.get(timeout=30)
        yield parsed.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
    finally:
        process.terminate()
        process.join()
