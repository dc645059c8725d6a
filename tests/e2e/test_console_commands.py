"""``hub serve`` and ``hub demo`` say where the console is, and the demo's login signs in."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from known_secrets import SECRETS

from hub.cli.serve_cmd import console_url
from hub.web.testing import csrf_token

ROOT = Path(__file__).parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_line(process: subprocess.Popen[str], pattern: str, seconds: float) -> re.Match[str]:
    """Read the process's output until a line matches ``pattern`` (fails on exit or timeout)."""
    assert process.stdout is not None
    end = time.monotonic() + seconds
    seen = []
    while time.monotonic() < end:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        found = re.search(pattern, line)
        if found:
            return found
    process.kill()
    raise AssertionError(f"no line matching {pattern!r} in:\n{''.join(seen)}")


def wait_until_answering(url: str, seconds: float = 30.0) -> httpx.Response:
    end = time.monotonic() + seconds
    while True:
        try:
            return httpx.get(url, timeout=2.0)
        except httpx.TransportError:
            if time.monotonic() > end:
                raise
            time.sleep(0.1)


def stop(process: subprocess.Popen[str]) -> int:
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        if process.stdout is not None:
            process.stdout.close()


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:8000/"),
        ("0.0.0.0", "http://127.0.0.1:8000/"),
        ("::", "http://[::1]:8000/"),
        ("hub.example.org", "http://hub.example.org:8000/"),
    ],
)
def test_console_url(host: str, url: str) -> None:
    assert console_url(host, 8000) == url


def test_serve_prints_the_console_url_and_answers_there(tmp_path: Path) -> None:
    config = tmp_path / "hub.toml"
    config.write_text(f'[hub]\ndata_dir = "{tmp_path}"\nlanguages = ["en"]\n', encoding="utf-8")
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("HUB_")}
    environ["HUB_SECRET_KEY"] = SECRETS["HUB_SECRET_KEY"]
    hub = [sys.executable, "-m", "hub", "-c", str(config)]
    serve = ["serve", "--role", "web", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(
        [*hub, *serve, "--knowledge", str(tmp_path / "none")],
        cwd=ROOT,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    try:
        found = wait_for_line(process, r"^Console: (http://\S+)$", 60)
        assert found.group(1) == f"http://127.0.0.1:{port}/"
        assert wait_until_answering(found.group(1) + "login").status_code == 200
    finally:
        assert stop(process) == 0


@pytest.mark.slow
def test_the_demo_prints_its_console_and_a_login_that_works(tmp_path: Path) -> None:
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.endswith("_TOKEN")}
    environ.pop("HUB_DATABASE_URL", None)
    demo = ["demo", "--port", str(port), "--data-dir", str(tmp_path / "demo")]
    process = subprocess.Popen(
        [sys.executable, "-m", "hub", *demo],
        cwd=ROOT,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    try:
        url = wait_for_line(process, r"^  console    (http://\S+)$", 240).group(1)
        assert url == f"http://127.0.0.1:{port}/"
        login = wait_for_line(process, r"^  sign in    (\S+) / (\S+)  \(a demo login", 10)
        email, password = login.group(1), login.group(2)
        assert wait_until_answering(url + "login").status_code == 200
        with httpx.Client(base_url=url) as browser:
            token = csrf_token(browser.get("/login").text)
            signed = browser.post(
                "/login", data={"csrf_token": token, "email": email, "password": password}
            )
            assert signed.status_code == 303, signed.text
            sandbox = browser.get("/standins")
            assert (
                sandbox.status_code == 200
                and "What the platform stand-ins received" in sandbox.text
            )
            # something to do in every page: members' news to approve, members to contact
            assert "Cascais opens the vote" in browser.get("/moderation").text
            assert "Ville de Dakar" in browser.get("/members").text
            inactive = browser.get("/members/inactive").text
            assert "Ayuntamiento de Madrid" in inactive and "Ville de Dakar" not in inactive
            # The member's preferences link, copied from their page, opens their page for
            # them (the demo signs it with its own key); a made-up link is refused.
            members = browser.get("/members").text
            dakar = re.search(r'href="(/members/\d+)">Ville de Dakar<', members)
            assert dakar is not None
            member_page = browser.get(dakar.group(1)).text
            link = re.search(r'id="preferences-link"[^>]* value="([^"]+)"', member_page)
            assert link is not None and link.group(1).startswith(url + "preferences/")
        with httpx.Client() as member:
            own = member.get(link.group(1))
            assert own.status_code == 200 and "Ville de Dakar" in own.text
            junk = member.get(url + "preferences/not-a-real-link")
            assert junk.status_code == 404 and "not valid any more" in junk.text
    finally:
        assert stop(process) == 0
