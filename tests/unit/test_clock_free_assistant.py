"""The member assistant and its unit tests read no clock: every date comes in as ``now``.

``make test`` runs the in-process tests again a year ahead and a year back to catch a
test that mixes a fixed clock with the real one (tests/time_travel.py). The assistant's
unit tests (``tests/unit/test_assistant_*.py``: about half the suite's cases) are left out
of those two runs, because the assistant answers from the ``now`` it is given and nothing
else: moving the process's clock cannot change one of their results. This test is what
makes that true rather than assumed. It reads every module of ``hub/core/assistant`` and
every one of those test files and fails on anything that reads the time of day: a call of
``now``, ``utcnow``, ``today``, ``time``, ``time_ns``, ``localtime``, ``gmtime`` or
``ctime`` (of the ``time`` module: a constructor such as ``dt.time(9, 0)`` and
``time.perf_counter`` are no clock), or an import of ``time_machine`` or the hub's
clock. It runs in all three runs.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import hub

ROOT = Path(hub.__file__).parent.parent
ASSISTANT = ROOT / "hub" / "core" / "assistant"
TESTS = ROOT / "tests" / "unit"

DATE_CALLS = {"now", "utcnow", "today"}
"""``datetime.now()``, ``date.today()``, the hub's ``utcnow()``: whatever their receiver."""
TIME_CALLS = {"time", "time_ns", "localtime", "gmtime", "ctime"}
"""Functions of the ``time`` module that read the date (``perf_counter`` measures a span)."""
CLOCK_MODULES = {"time_machine", "hub.core.clock"}


def clock_reads(path: Path) -> Iterator[tuple[int, str]]:
    """Each line of ``path`` that reads a clock, with what it reads."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Name) and function.id in DATE_CALLS:
                yield node.lineno, f"calls {function.id}()"
            elif isinstance(function, ast.Attribute):
                receiver = function.value
                on_time = isinstance(receiver, ast.Name) and receiver.id == "time"
                if function.attr in DATE_CALLS or (on_time and function.attr in TIME_CALLS):
                    yield node.lineno, f"calls {function.attr}()"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in CLOCK_MODULES:
                    yield node.lineno, f"imports {alias.name}"
        elif isinstance(node, ast.ImportFrom):
            if node.module in CLOCK_MODULES:
                yield node.lineno, f"imports from {node.module}"
            elif node.module == "time" and {a.name for a in node.names} & TIME_CALLS:
                yield node.lineno, "imports the time of day from time"


def watched() -> list[Path]:
    return sorted(ASSISTANT.rglob("*.py")) + sorted(TESTS.glob("test_assistant_*.py"))


def test_the_files_watched_are_there() -> None:
    files = watched()
    assert len([p for p in files if p.is_relative_to(ASSISTANT)]) >= 20
    assert len([p for p in files if p.is_relative_to(TESTS)]) >= 50


@pytest.mark.parametrize("path", watched(), ids=lambda p: str(p.relative_to(ROOT)))
def test_reads_no_clock(path: Path) -> None:
    found = [f"{path.relative_to(ROOT)}:{line}: {what}" for line, what in clock_reads(path)]
    assert not found, "the assistant takes its date as `now`; this reads a clock:\n" + "\n".join(
        found
    )


@pytest.mark.parametrize(
    "source",
    [
        "import datetime as dt\nx = dt.datetime.now(dt.UTC)\n",
        "import datetime\nx = datetime.date.today()\n",
        "import time\nx = time.time()\n",
        "from time import time_ns\n",
        "from hub.core.clock import utcnow\n",
        "from time import time\nx = time()\n",
    ],
)
def test_the_check_finds_a_clock_read(tmp_path: Path, source: str) -> None:
    path = tmp_path / "module.py"
    path.write_text(source, encoding="utf-8")
    assert list(clock_reads(path))


def test_the_check_passes_a_date_given_as_now(tmp_path: Path) -> None:
    path = tmp_path / "module.py"
    path.write_text(
        "import datetime as dt\nimport time\n"
        "def answer(now: dt.date) -> dt.datetime:\n"
        "    started = time.perf_counter()\n"
        "    return dt.datetime.combine(now, dt.time(9, 0)) + dt.timedelta(seconds=started)\n",
        encoding="utf-8",
    )
    assert not list(clock_reads(path))
