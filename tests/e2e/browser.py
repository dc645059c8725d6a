"""What the console's browser tests share: Debian's Chromium driven by Playwright, the
console served by uvicorn on a free loopback port, and screenshots kept as artefacts.

Playwright's own browser downloads are never used: the browser is ``/usr/bin/chromium``
(or ``$HUB_TEST_CHROMIUM``), which ``make browser`` installs with apt-get; ``make test``
installs nothing. Without it the browser tests are skipped with one line saying how to get
it, except in CI (``CI=true``), where a missing browser fails them: a green CI must have
driven the browser. Screenshots go to ``test-artifacts/screenshots`` at the top of the
checkout (or ``$HUB_TEST_ARTIFACTS/screenshots``), one PNG per page.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("HUB_TEST_CHROMIUM") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(
    os.environ.get("HUB_TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts")
)

CHROMIUM_MISSING = f"chromium not found at {CHROMIUM}: run `make browser`"


def find_chromium() -> str | None:
    """The browser to drive: ``CHROMIUM`` if it is there, else a ``chromium`` on the PATH."""
    return str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")


def in_ci(environ: Mapping[str, str] = os.environ) -> bool:
    """CI says so with ``CI=true`` (any of true/1/yes)."""
    return environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def skip_without_chromium(found: str | None, ci: bool) -> pytest.MarkDecorator:
    """Skip when there is no browser, outside CI only; in CI the test runs and fails."""
    return pytest.mark.skipif(found is None and not ci, reason=CHROMIUM_MISSING)


needs_chromium = skip_without_chromium(find_chromium(), in_ci())


def chromium_path() -> str:
    """The browser's executable; without one, skip (fail in CI) like ``needs_chromium``."""
    found = find_chromium()
    if found is None:
        if not in_ci():
            pytest.skip(CHROMIUM_MISSING)
        pytest.fail(f"{CHROMIUM_MISSING} (CI=true: browser tests fail, never skip)", pytrace=False)
    return found


def playwright_api() -> Any:
    """Playwright's sync API; a missing package skips, except in CI where it fails."""
    if in_ci():
        import playwright.sync_api

        return playwright.sync_api
    return pytest.importorskip("playwright.sync_api")


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Run ``app`` under uvicorn in a thread; yield its base URL."""
    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _attempt in range(1000):
        if server.started:
            break
        time.sleep(0.01)
    assert server.started, "uvicorn did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def browser_page(width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A fresh Chromium page; fails the test if the page logs a script error or a CSP refusal."""
    executable = chromium_path()
    sync_api = playwright_api()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if _is_problem(m) else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            yield page
            assert problems == [], problems
        finally:
            browser.close()


def _is_problem(message: Any) -> bool:
    """A script error or a refused resource; a page answered 4xx on purpose (a form sent back
    with its errors, a refusal a test asks for) is the test's business, not a problem."""
    expected = message.text.startswith("Failed to load resource: the server responded with a")
    return bool(message.type == "error" and not (expected and " status of 4" in message.text))


def sign_in(page: Any, base_url: str, email: str, password: str) -> None:
    page.goto(f"{base_url}/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/")


def screenshot(page: Any, name: str) -> Path:
    """Keep a full-page PNG of what the browser shows as a test artefact."""
    path = ARTIFACTS / "screenshots" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path
