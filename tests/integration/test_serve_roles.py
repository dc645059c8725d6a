"""HubProcess: roles run as tasks; stop drains them; a failing role stops the process."""

from __future__ import annotations

import asyncio

import pytest

from hub.core.config.settings import Settings
from hub.runner import ROLES, HubProcess, parse_roles

SETTINGS = Settings.model_validate({"hub": {"languages": ["en"]}})


def test_roles_parse_any_subset():
    assert parse_roles("web,worker,poller,scheduler,bots") == set(ROLES)
    assert parse_roles("all") == set(ROLES)
    assert parse_roles(" scheduler , bots ") == {"scheduler", "bots"}
    with pytest.raises(ValueError, match="unknown role"):
        parse_roles("worker,mailer")


def test_stop_drains_every_role_and_reports_them_running_before(sqlite_engine, caplog):
    caplog.set_level("INFO")
    process = HubProcess(SETTINGS, sqlite_engine, {"worker", "scheduler", "bots"})

    async def main() -> tuple[dict[str, bool], bool]:
        stop = asyncio.Event()
        running = asyncio.create_task(process.run(stop))
        while "is the leader" not in caplog.text or "worker " not in caplog.text:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        seen = process.running_roles()
        stop.set()
        return seen, await running

    seen, clean = asyncio.run(main())
    assert seen == {"bots": True, "scheduler": True, "worker": True}
    assert clean is True
    assert process.running_roles() == {"bots": False, "scheduler": False, "worker": False}
    assert "bots started: inbox worker" in caplog.text  # bots.runtime, wired by hub.wiring
    assert "worker stopped" in caplog.text


def test_a_failing_role_stops_the_others(sqlite_engine, caplog, monkeypatch):
    async def broken(self, stop: asyncio.Event) -> None:
        raise RuntimeError("the poller's HTTP client could not start")

    monkeypatch.setattr(HubProcess, "_poller", broken)
    process = HubProcess(SETTINGS, sqlite_engine, {"poller", "scheduler"})
    clean = asyncio.run(process.run(asyncio.Event()))
    assert clean is False
    assert "hub-poller failed, stopping the hub" in caplog.text
    assert process.running_roles() == {"poller": False, "scheduler": False}
