"""One process, several roles: the parts of the hub that run until stopped.

``hub serve`` runs every role in one process (the default deployment on
SQLite); ``hub serve --role worker`` and friends split them across processes
and machines over one PostgreSQL. Each role is an async task; a stop event
(set by SIGTERM or SIGINT) ends them all, each finishing what it has in hand.

Shutdown drains: the worker stops claiming, finishes the sends already handed
to a sink and gives unsent claims back; the scheduler gives up leadership; the
web server closes its listener. Whatever is still running after
``drain_seconds`` is cancelled, and the leases of this process's worker are
released (their rows become due again) so no other worker has to wait for
them to expire.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Callable, Coroutine, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import Engine

from hub.core.config.settings import Settings
from hub.core.db import transaction, upgrade
from hub.wiring import SCHEDULED_JOBS, TEXT_LIMITS, run_bots, sink_factories

log = logging.getLogger(__name__)

ROLES = ("web", "worker", "poller", "scheduler", "bots")
"""The roles a process can run; ``hub serve --role`` takes any subset."""


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


STARTUP_LOCK_KEY = 0x6875625F73747274  # "hub_strt": one process prepares the database at a time


def prepare_database(engine: Engine, settings: Settings, *, knowledge_dir: str | None) -> None:
    """Migrate, mirror the config's sources and channels, and load the seed knowledge.

    Several processes starting together on one PostgreSQL take turns (an
    advisory lock held for the duration), so no two migrate or insert the
    same configured source at once.
    """
    with _startup_lock(engine):
        _prepare(engine, settings, knowledge_dir)


@contextlib.contextmanager
def _startup_lock(engine: Engine) -> Iterator[None]:
    if engine.dialect.name != "postgresql":
        yield
        return
    from sqlalchemy import text

    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": STARTUP_LOCK_KEY})
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": STARTUP_LOCK_KEY})
            connection.commit()


def _prepare(engine: Engine, settings: Settings, knowledge_dir: str | None) -> None:
    from hub.core.config.catalog import sync_config

    upgrade(engine)
    with transaction(engine) as session:
        sync_config(session, settings)
    if knowledge_dir:
        from pathlib import Path

        from hub.core.clock import clock_of
        from hub.core.knowledge import load_directory, sync

        if Path(knowledge_dir).is_dir():
            knowledge = load_directory(Path(knowledge_dir))
            with transaction(engine) as session:
                sync(session, knowledge, now=clock_of(engine)())


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
    drain_seconds: float = 25.0
    scheduler_interval: float = 20.0
    drafts_interval: float = 30.0
    worker_name: str = field(
        default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
    )

    async def run(self, stop: asyncio.Event) -> bool:
        """Run every role until ``stop`` is set, then drain (see the module docstring).

        A role that fails stops the whole process (the others drain), so a
        supervisor such as systemd restarts it; returns False in that case.
        """
        starters: dict[str, Callable[[asyncio.Event], Coroutine[None, None, None]]] = {
            "worker": self._worker,
            "poller": self._poller,
            "web": self._web,
            "scheduler": self._scheduler,
            "bots": self._bots,
        }
        failed: list[str] = []

        def ended(task: asyncio.Task[None]) -> None:
            if task.cancelled() or task.exception() is None:
                return
            failed.append(task.get_name())
            log.error(
                "%s failed, stopping the hub: %s",
                task.get_name(),
                task.exception(),
                exc_info=task.exception(),
            )
            stop.set()

        for role in sorted(self.roles):
            task = asyncio.create_task(starters[role](stop), name=f"hub-{role}")
            task.add_done_callback(ended)
            self.tasks.append(task)
        everything = asyncio.gather(*self.tasks, return_exceptions=True)
        await stop.wait()
        if not everything.done():
            log.info("stopping: draining for at most %.0f s", self.drain_seconds)
            try:
                await asyncio.wait_for(asyncio.shield(everything), self.drain_seconds)
            except TimeoutError:
                late = [t.get_name() for t in self.tasks if not t.done()]
                log.warning("drain deadline passed; cancelling %s", ", ".join(late))
                for task in self.tasks:
                    task.cancel()
                await asyncio.wait({everything})
        if "worker" in self.roles:
            released = await asyncio.to_thread(release_leases, self.engine, self.worker_name)
            if released:
                log.warning("released %d deliveries this worker still held", released)
        return not failed

    def running_roles(self) -> dict[str, bool]:
        """Each role of this process and whether its task is still running (for /readyz)."""
        by_name = {task.get_name().removeprefix("hub-"): task for task in self.tasks}
        return {role: role in by_name and not by_name[role].done() for role in sorted(self.roles)}

    async def _worker(self, stop: asyncio.Event) -> None:
        from hub.core.bus.alerts import failure_alerter
        from hub.core.bus.messages import ChannelSinks
        from hub.core.bus.worker import Worker

        worker = Worker(
            self.engine,
            ChannelSinks.from_settings(self.settings, sink_factories(self.settings)),
            on_failures=failure_alerter(self.settings.hub.secretariat_channel),
            name=self.worker_name,
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
        from hub.core.ingest.fetch import make_client
        from hub.core.ingest.pictures import picture_fetcher
        from hub.core.ingest.poller import Poller, member_guard

        async with make_client() as client:
            guard = member_guard(self.settings)
            pictures = picture_fetcher(client, self.settings)
            poller = Poller(self.engine, self.settings, client, guard=guard, pictures=pictures)
            log.info("poller started")
            drafts = asyncio.create_task(self._translation_drafts(stop))
            mail = asyncio.create_task(self._mailboxes(stop))
            try:
                await poller.run(stop)
            finally:
                await drafts
                await mail

    async def _mailboxes(self, stop: asyncio.Event) -> None:
        """The ``mailbox`` sources, read beside the feeds (each at its own interval)."""
        from hub.core.ingest.mailbox import MailboxPoller

        if not any(s.kind == "mailbox" and s.enabled for s in self.settings.sources.values()):
            return
        log.info("mailbox poller started")
        await MailboxPoller(self.engine, self.settings).run(stop)

    async def _translation_drafts(self, stop: asyncio.Event) -> None:
        """With ``[translation]`` on: every ``drafts_interval`` seconds, draft the
        languages waiting items need for their ``translate = true`` routes, so the
        moderator finds them beside the item (in a thread: the engine's answer and the
        database are waited for there)."""
        from hub.core.translation.drafts import draft_pending
        from hub.wiring import translation_service

        service = translation_service(self.settings, self.engine)
        if service is None:
            return
        while not stop.is_set():
            report = await asyncio.to_thread(draft_pending, self.engine, self.settings, service)
            if report.drafted or report.untranslated:
                log.info(
                    "translation drafts: %d made, not made: %s",
                    len(report.drafted),
                    report.untranslated or "none",
                )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.drafts_interval)

    async def _web(self, stop: asyncio.Event) -> None:
        import uvicorn

        from hub.web import create_app

        app = create_app(
            self.settings, self.engine, secret_key=self.secret_key, standins=self.standins
        )
        if hasattr(app, "state"):
            app.state.engine = getattr(app.state, "engine", self.engine)
            app.state.hub_process = self  # /readyz may ask running_roles()
        config = uvicorn.Config(
            app,
            host=self.web_host,
            port=self.web_port,
            log_level="warning",
            lifespan="off",
            log_config=None,  # our root handler (hub.core.logs) formats and redacts every line
            server_header=False,  # no "server: uvicorn" banner naming the software
        )
        server = uvicorn.Server(config)
        # The process's stop event owns SIGTERM and SIGINT: keep uvicorn from taking them
        # (capture_signals in uvicorn >= 0.29, install_signal_handlers before).
        setattr(server, "capture_signals", contextlib.nullcontext)  # noqa: B010
        setattr(server, "install_signal_handlers", lambda: None)  # noqa: B010
        serving = asyncio.create_task(server.serve())
        await stop.wait()
        server.should_exit = True
        await serving

    async def _scheduler(self, stop: asyncio.Event) -> None:
        from hub.core.schedule.scheduler import Scheduler

        scheduler = Scheduler(
            self.engine,
            self.settings,
            interval=self.scheduler_interval,
            jobs=SCHEDULED_JOBS,
            text_limits=TEXT_LIMITS,
        )
        await scheduler.run(stop)

    async def _bots(self, stop: asyncio.Event) -> None:
        """The platform listeners (``hub.wiring.run_bots``): the inbox worker, and Telegram
        polling when no public URL is configured. Slack events and Telegram webhooks
        arrive through the web role's routes."""
        await run_bots(self.settings, self.engine, stop)


def release_leases(engine: Engine, worker_name: str) -> int:
    """Give back the in-flight deliveries leased by this process's worker (at shutdown)."""
    from hub.core.bus import outbox
    from hub.core.clock import clock_of

    with engine.begin() as conn:
        return outbox.release_leases(conn, worker_name, clock_of(engine)())


def describe(roles: Iterable[str]) -> str:
    return ", ".join(sorted(roles))
