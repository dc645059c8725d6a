"""A pytest plugin: no test's output may contain one of the suite's secrets.

Registered from ``tests/conftest.py``. Every report of the session (each
test's setup, call and teardown, and each collection) is searched: the
captured stdout, stderr and log sections, and the failure text (the error
lines and crash message of a traceback, not the test's source lines, which
name secrets on purpose; a plain-text report, such as a skip reason or a
collection error, whole). When a secret of :mod:`known_secrets` appears,
the session fails (exit status 1) and the summary names the test, the
section and the secret — by its name, never its value.

What it cannot see: output of a run with ``-s`` (nothing is captured then),
and output a test captures itself and never prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from known_secrets import leaks


@dataclass(frozen=True)
class Leak:
    """One secret found in one place of one report."""

    nodeid: str
    where: str
    secret: str

    def __str__(self) -> str:
        return f"{self.nodeid}: {self.secret} in {self.where}"


def failure_text(report: pytest.CollectReport | pytest.TestReport) -> str:
    """What a report shows of its failure or skip, without the test's own source lines."""
    longrepr = report.longrepr
    if longrepr is None:
        return ""
    if isinstance(longrepr, tuple):  # a skip: (path, line, reason)
        return str(longrepr[2])
    crash = getattr(longrepr, "reprcrash", None)
    text = str(longrepr)
    if crash is None:
        return text  # plain text (a collection error, a plugin's message)
    errors = [line for line in text.splitlines() if line.startswith("E ")]
    return "\n".join([crash.message, *errors])


@dataclass(eq=False)  # a plugin must be hashable
class SecretGuard:
    """Collects leaks while the session runs; fails the session at its end if any."""

    find: Callable[[str], list[str]] = leaks
    found: dict[Leak, None] = field(default_factory=dict)  # ordered, each leak once

    def _search(self, nodeid: str, places: Iterator[tuple[str, str]]) -> None:
        # A phase's report repeats the sections of the phases before it: kept once each.
        for where, text in places:
            for secret in self.find(text):
                self.found[Leak(nodeid or "(collection)", where, secret)] = None

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self._search(report.nodeid, _places(report, report.when or "call"))

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        self._search(report.nodeid, _places(report, "collection"))

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.found and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not self.found:
            return
        terminalreporter.section("secrets in test output", sep="=", red=True, bold=True)
        for leak in self.found:
            terminalreporter.line(f"SECRET LEAKED: {leak}", red=True)
        terminalreporter.line(
            f"{len(self.found)} leak(s) of the suite's secrets (tests/known_secrets.py): "
            "the session fails."
        )


def _places(
    report: pytest.CollectReport | pytest.TestReport, when: str
) -> Iterator[tuple[str, str]]:
    yield from report.sections
    if report.longrepr is not None:
        yield f"the failure text ({when})", failure_text(report)


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(SecretGuard(), "secret-guard")
