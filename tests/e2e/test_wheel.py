"""The wheel, as ``pip install .`` makes it (docs/deploy.md), installed into a fresh virtual
environment and run from a deployment folder outside the checkout.

What it proves is the wheel's own files: the ``hub`` that runs is imported from the fresh
environment, never from the source tree, and every file tracked under the packages is in the
wheel. The dependencies come from the environment running the tests, but only the closure
of the wheel's own requirements (not the development tools), by a path file: installing
them again would take this test past a minute and a half for nothing the wheel decides.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import httpx
import pytest
from packaging.requirements import Requirement

from hub.core.assistant import Assistant
from hub.core.knowledge import load_directory

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("hub", "bots", "newsletters")
QUESTION = "When is the next conference?"


@dataclass(frozen=True)
class Installed:
    """The fresh environment with the wheel in it, and a deployment folder to run it from."""

    wheel: Path
    venv: Path
    site: Path
    environ: dict[str, str]

    @property
    def hub(self) -> str:
        return str(self.venv / "bin" / "hub")

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.hub, *args],
            cwd=self.site,
            env=self.environ,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )


def build_wheel(out: Path) -> Path:
    """``pip wheel`` on a copy of the sources (a checkout's stale ``build/`` cannot leak in)."""
    source = out / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "MANIFEST.in", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, source / name)
    junk = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, source / package, ignore=junk)
    # With the setuptools of the dev extras, no isolated build environment to download.
    isolation = ["--no-build-isolation"] if _setuptools_major() >= 77 else []
    pip = [sys.executable, "-m", "pip"]
    subprocess.run(
        [*pip, "wheel", str(source), "--no-deps", "-q", *isolation, "-w", str(out)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    [wheel] = out.glob("iopd_hub-*.whl")
    return wheel


def _setuptools_major() -> int:
    try:
        return int(metadata.version("setuptools").split(".")[0])
    except metadata.PackageNotFoundError:
        return 0


def runtime_closure(wheel: Path) -> dict[str, metadata.Distribution]:
    """The installed distributions the wheel's requirements need, transitively, no extras."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        text = archive.read(name).decode("utf-8")
    wanted = [
        Requirement(line.split(":", 1)[1].strip())
        for line in text.splitlines()
        if line.startswith("Requires-Dist:")
    ]
    pending = [(req, "") for req in wanted]
    found: dict[str, metadata.Distribution] = {}
    while pending:
        req, extra = pending.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": extra}):
            continue
        key = _normal(req.name)
        if key in found:
            continue
        dist = metadata.distribution(req.name)
        found[key] = dist
        for child in dist.requires or []:
            requirement = Requirement(child)
            pending.append((requirement, ""))
            pending.extend((requirement, e) for e in req.extras)
    return found


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def link_dependencies(closure: dict[str, metadata.Distribution], folder: Path) -> None:
    """Symlink each distribution's top-level files and folders (and its metadata) into folder."""
    folder.mkdir()
    for dist in closure.values():
        tops = {Path(str(f)).parts[0] for f in dist.files or []}
        for top in sorted(tops):
            if top in ("..", "__pycache__") or (folder / top).exists():
                continue
            target = Path(str(dist.locate_file(top)))
            if target.exists():
                (folder / top).symlink_to(target)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    wheel = build_wheel(base)
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    [site_packages] = (venv / "lib").glob("python3*/site-packages")
    link_dependencies(runtime_closure(wheel), base / "dependencies")
    (site_packages / "dependencies.pth").write_text(f"{base / 'dependencies'}\n")
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    subprocess.run(
        [*pip, "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    site = base / "deployment"  # like /srv/hub: the configuration, no code
    shutil.copytree(ROOT / "config", site / "config")
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("HUB_", "PYTHON", "VIRTUAL_ENV")) and not k.endswith("_TOKEN")
    }
    environ["PATH"] = f"{venv / 'bin'}{os.pathsep}{environ.get('PATH', '')}"
    return Installed(wheel, venv, site, environ)


def test_the_hub_that_runs_comes_from_the_wheel_with_every_file_it_tracks(
    installed: Installed,
) -> None:
    code = "import hub, bots, newsletters; print(hub.__file__, bots.__file__, newsletters.__file__)"
    where = subprocess.run(
        [str(installed.venv / "bin" / "python"), "-c", code],
        cwd=installed.site,
        env=installed.environ,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert len(where) == 3
    for path in where:
        assert Path(path).is_relative_to(installed.venv), path
    # The dependencies the wheel declares are all there, and nothing else is needed.
    check = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(installed.venv / "bin" / "python"), "check"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    with zipfile.ZipFile(installed.wheel) as archive:
        in_wheel = set(archive.namelist())
    tracked_files = source_files()
    assert {
        "hub/core/assistant/vocabulary.yaml",
        "hub/core/assistant/phrases.py",
        "hub/core/assistant/locale/es/LC_MESSAGES/messages.po",
        "hub/core/assistant/babel.cfg",
    } <= tracked_files
    missing = sorted(tracked_files - in_wheel)
    assert not missing, f"add their kind to [tool.setuptools.package-data]: {missing}"


def source_files() -> set[str]:
    """The files under the packages: git's list in a checkout, else every file but bytecode."""
    if (ROOT / ".git").exists() and shutil.which("git"):
        listed = subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "--", *PACKAGES],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\n")
        return {name for name in listed if name and (ROOT / name).is_file()}
    return {
        path.relative_to(ROOT).as_posix()
        for package in PACKAGES
        for path in (ROOT / package).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def test_hub_ask_answers_from_the_deployments_knowledge(installed: Installed) -> None:
    knowledge = load_directory(installed.site / "config" / "knowledge")
    conferences = [e for e in knowledge.events if e.kind == "conference" and e.starts_on]
    latest = max(conferences, key=lambda e: e.starts_on or dt.date.min)
    assert latest.starts_on is not None
    day = latest.starts_on - dt.timedelta(days=30)  # a conference is coming, whatever today is
    result = installed.run("ask", QUESTION, "--json", "--now", day.isoformat())
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["handoff"] is False and latest.id in answer["sources"], answer
    # The very answer the source tree gives: the wheel's words and rules, not a fallback.
    noon = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
    expected = Assistant.from_knowledge(knowledge).answer(QUESTION, now=noon).as_json()
    assert answer == json.loads(json.dumps(expected, ensure_ascii=False))


def members_exchanges(out: str) -> str:
    return out.split("Members ask the bot:")[1].split("Where to look:")[0]


def test_hub_demo_once_answers_every_member(installed: Installed) -> None:
    result = installed.run("demo", "--once", "--data-dir", "data/demo", timeout=180)
    assert result.returncode == 0, result.stderr[-3000:] + result.stdout[-3000:]
    exchanges = members_exchanges(result.stdout)
    asked = exchanges.count(" member [")
    assert asked >= 5 and exchanges.count("    bot: ") >= asked
    assert "(no answer in time)" not in exchanges
    assert (installed.site / "data" / "demo" / "hub.db").is_file()
    assert "Traceback" not in result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def serving(installed: Installed, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``hub serve`` with every role, on a deployment of its own (no platform to reach)."""
    config = tmp_path / "config"
    config.mkdir()
    shutil.copytree(ROOT / "config" / "knowledge", config / "knowledge")
    (config / "hub.toml").write_text(
        '[hub]\nname = "Wheel test"\nlanguages = ["en", "es"]\n'
        f'data_dir = "{tmp_path / "data"}"\n\n'
        '[sources.console]\nkind = "console"\ntrusted = true\n\n'
        '[channels.news]\nplatform = "memory"\ntarget = "news"\n',
        encoding="utf-8",
    )
    port = free_port()
    environ = {**installed.environ, "HUB_SECRET_KEY": "wheel-test-Q7vX2mN9pL4sK8dF1gH6jR3tY5wZ0bC"}
    log = (tmp_path / "serve.log").open("w+")
    serve = ["serve", "--role", "all", "--port", str(port), "--drain-seconds", "5"]
    process = subprocess.Popen(
        [installed.hub, "-c", str(config / "hub.toml"), *serve],
        cwd=installed.site,
        env=environ,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    try:
        yield process, f"http://127.0.0.1:{port}"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        log.seek(0)
        print(log.read())  # shown when the test fails
        log.close()


def wait_ready(process: subprocess.Popen[str], url: str, seconds: float) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"hub serve stopped with {process.returncode}"
        try:
            answer = httpx.get(url + "/readyz", timeout=2)
            if answer.status_code == 200:
                return answer
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError("hub serve did not become ready")


def test_hub_serve_runs_every_role_and_stops_cleanly_on_sigterm(
    serving: tuple[subprocess.Popen[str], str],
) -> None:
    process, url = serving
    ready = wait_ready(process, url, 60).json()
    assert ready["database"] == "ok" and ready["migrations"] == "current", ready
    every_role = {role: True for role in ("bots", "poller", "scheduler", "web", "worker")}
    assert ready["roles"] == every_role, ready
    time.sleep(3)  # a role that fails on start (the bots, without their word sets) stops it
    assert process.poll() is None
    again = httpx.get(url + "/readyz", timeout=5)
    assert again.status_code == 200 and again.json()["roles"] == every_role
    assert httpx.get(url + "/login", timeout=5).status_code == 200  # templates, static
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0


def test_hub_demo_once_fails_with_a_clear_line_when_the_bots_fail(installed: Installed) -> None:
    """A wheel missing a data file (the assistant's word sets; the old wheel missed its
    intents): the bots role stops on it, and the demo says so and exits 1 instead of
    printing "(no answer in time)" and exiting 0."""
    [words] = installed.venv.glob("lib/python3*/site-packages/hub/core/assistant/vocabulary.yaml")
    hidden = words.with_name("vocabulary.yaml.hidden")
    words.rename(hidden)
    try:
        result = installed.run("demo", "--once", "--data-dir", "data/broken", timeout=180)
    finally:
        hidden.rename(words)
    assert result.returncode == 1, result.stdout[-3000:]
    [line] = [x for x in result.stderr.splitlines() if x.startswith("The demo failed:")]
    assert "the bots role stopped on an error" in line and "vocabulary.yaml" in line
