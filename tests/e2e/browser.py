"""What the console's browser tests share: Debian's Chromium driven by Playwright, the
console served by uvicorn on a free loopback port, and screenshots kept as artefacts.

Playwright's own browser downloads are never used: the browser is ``/usr/bin/chromium``
(``make setup`` installs it with apt-get). Screenshots go to ``test-artifacts/screenshots``
at the top of the checkout (or ``$HUB_TEST_ARTIFACTS/screenshots``), one PNG per page.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
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

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() and shutil.which("chromium") is None,
    reason="Debian's chromium is not installed (make setup installs it with apt-get)",
)


def chromium_path() -> str:
    return str(CHROMIUM) if CHROMIUM.exists() else str(shutil.which("chromium"))


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
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
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
