"""The browser tests' harness decides in one place whether a missing Chromium skips or fails.

Outside CI a checkout without Chromium skips the browser tests with one line saying what to
run (``make browser``); with ``CI=true`` the same tests fail, so a green CI always drove the
browser. Each case runs a small browser test in a pytest of its own, with the browser
pointed at a path that does not exist and no ``chromium`` on the PATH.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # each case is a pytest process of its own

HARNESS = Path(__file__).resolve().parent
BROWSER_TEST = """
from browser import browser_page, needs_chromium

pytestmark = needs_chromium


def test_opens_a_page():
    with browser_page() as page:
        page.goto("about:blank")
"""


def run_browser_test(tmp_path: Path, **environ: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_page.py").write_text(BROWSER_TEST, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in {"CI", "PYTEST_ADDOPTS"}}
    env |= {
        "HUB_TEST_CHROMIUM": str(tmp_path / "no-such-dir" / "chromium"),
        "PATH": str(Path(sys.executable).parent),  # no chromium on it
        "PYTHONPATH": str(HARNESS),
        **environ,
    }
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-rsf", "-p", "no:cacheprovider", "test_page.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_chromium_outside_ci_the_browser_tests_are_skipped_saying_what_to_run(
    tmp_path: Path,
) -> None:
    result = run_browser_test(tmp_path)
    missing = tmp_path / "no-such-dir" / "chromium"
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 skipped" in result.stdout
    assert f"chromium not found at {missing}: run `make browser`" in result.stdout


def test_without_chromium_in_ci_the_browser_tests_fail(tmp_path: Path) -> None:
    result = run_browser_test(tmp_path, CI="true")
    missing = tmp_path / "no-such-dir" / "chromium"
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 failed" in result.stdout and "skipped" not in result.stdout
    assert f"chromium not found at {missing}: run `make browser`" in result.stdout


def test_ci_false_is_not_ci(tmp_path: Path) -> None:
    result = run_browser_test(tmp_path, CI="false")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 skipped" in result.stdout
