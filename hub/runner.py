"""One process, several roles: the parts of the hub that run until stopped.

``hub serve`` runs every role in one process (the default deployment on
SQLite); ``hub serve --role worker`` and friends split them across processes
and machines over one PostgreSQL. Each role is an async task; a stop event
(set by SIGTERM or SIGINT) ends them all, each finishing what it has in hand.
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from hub.db import transaction, upgrade
from hub.settings import Settings

log = logging.getLogger(__name__)

ROLES = ("web", "worker", "poller")
"""The roles this version runs; later ones (scheduler, bots) join this tuple."""


def parse_roles(text: str) -> set[str]:
    """``"web,worker"`` -> ``{"web", "worker"}``; ``"all"`` is every role."""
    names = {part.strip() for part in text.split(",") if part.strip()}
    if names == {"all"}:
        return set(ROLES)
    unknown = names - set(ROLES)
    if unknown or not names:
        raise ValueError(
            f"unknown role(s) {', '.join(sorted(unknown)) or '(none)'}; "
            f"choose from {', '.join(ROLES)} or all"
        )
    return names


def prepare_database(engine: Engine, settings: Settings, *, knowledge_dir: str | None) -> None:
    """Migrate, mirror the config's sources and channels, and load the seed knowledge."""
    from hub.catalog import sync_config

    upgrade(engine)
    with transaction(engine) as session:
        sync_config(session, settings)
    if knowledge_dir:
        from pathlib import Path

        from hub.knowledge import load_directory, sync

        if Path(knowledge_dir).is_dir():
            knowledge = load_directory(Path(knowledge_dir))
            with transaction(engine) as session:
                sync(session, knowledge)


@dataclass
class HubProcess:
    """The roles of one process, started together and stopped together."""

    settings: Settings
    engine: Engine
    roles: set[str]
    web_host: str = "127.0.0.1"
    web_port: int = 8000
    secret_key: str | None = None
    standins: dict[str, object] = field(default_factory=dict)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def run(self, stop: asyncio.Event) -> None:
        """Run every role until ``stop`` is set, then let each finish and return."""
        starters: dict[str, Callable[[asyncio.Event], Awaitable[None]]] = {
            "worker": self._worker,
            "poller": self._poller,
            "web": self._web,
        }
        for role in sorted(self.roles):
            task = asyncio.create_task(starters[role](stop), name=f"hub-{role}")
            self.tasks.append(task)
        results = await asyncio.gather(*self.tasks, return_exceptions=True)
        for task, result in zip(self.tasks, results, strict=True):
            if isinstance(result, BaseException) and not isinstance(result, asyncio.CancelledError):
                log.error("%s stopped with an error: %r", task.get_name(), result)

    async def _worker(self, stop: asyncio.Event) -> None:
        from hub.bus.alerts import failure_alerter
        from hub.bus.messages import ChannelSinks
        from hub.bus.worker import Worker

        worker = Worker(
            self.engine,
            ChannelSinks.from_settings(self.settings),
            on_failures=failure_alerter(self.settings.hub.secretariat_channel),
        )
        log.info("worker %s started", worker.name)
        stats = await worker.run(stop)
        log.info(
            "worker stopped: %d sent, %d retried, %d failed",
            stats.sent,
            stats.retried,
            stats.failed,
        )

    async def _poller(self, stop: asyncio.Event) -> None:
        from hub.ingest.fetch import make_client
        from hub.ingest.poller import Poller

        async with make_client() as client:
            poller = Poller(self.engine, self.settings, client)
            log.info("poller started")
            await poller.run(stop)

    async def _web(self, stop: asyncio.Event) -> None:
        if importlib.util.find_spec("hub.web") is None:
            log.warning("this version has no web console; the web role does nothing")
            await stop.wait()
            return
        import uvicorn

        from hub.web import create_app

        app = create_app(
            self.settings, self.engine, secret_key=self.secret_key, standins=self.standins
        )
        config = uvicorn.Config(
            app, host=self.web_host, port=self.web_port, log_level="warning", lifespan="off"
        )
        server = uvicorn.Server(config)
        server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
        serving = asyncio.create_task(server.serve())
        await stop.wait()
        server.should_exit = True
        await serving


def describe(roles: Iterable[str]) -> str:
    return ", ".join(sorted(roles))
