"""Every ``hub ...`` command in README.md's code blocks runs as written on a fresh clone.

The commands are read from the README itself, so a new example is covered the
day it is written. They run in order, as a newcomer would type them, in a
copy of the repository's tracked files (no ``.env``, no ``data/``), with no
platform token and no ``HUB_*`` variable in the environment; ``.venv/bin/hub``
is this interpreter's ``python -m hub``. Each must exit 0 without a traceback.

A block's ``export NAME=value`` applies to the rest of the block, as in a
shell. A PostgreSQL URL on the reader's own server (``*.example.org``) is
replaced by a fresh database of ``HUB_TEST_DATABASE_URL`` when that is set;
without it those commands are skipped, and said so.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
README = ROOT / "README.md"

SKIP = {
    # Runs until stopped, and sends with the platforms' real tokens (the README's
    # PostgreSQL example for a real deployment).
    "worker --concurrency 8": "runs until stopped; sends with real platform tokens",
}
"""Commands (as written after ``hub``) that are not run, each with why: keep this short."""

SECRET_NAMES = re.compile(
    r"^(HUB_|SLACK_|TELEGRAM_|MAILCHIMP_|MASTODON_|BLUESKY_)|(_TOKEN|_KEY|_SECRET|_PASSWORD)$"
)
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


@dataclass
class Command:
    """One ``hub`` command of the README, with the environment its block gives it."""

    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    line: int = 0

    @property
    def text(self) -> str:
        return shlex.join(self.args)


def readme_commands(text: str) -> list[Command]:
    """The ``hub`` commands of every fenced block, in order, with ``export``s applied."""
    commands = []
    for block in FENCE.finditer(text):
        first_line = text[: block.start(1)].count("\n") + 1
        exported: dict[str, str] = {}
        for offset, raw in enumerate(block.group(1).splitlines()):
            try:
                words = shlex.split(raw, comments=True)
            except ValueError:  # output in a block (an apostrophe): not a command
                continue
            if words[:1] == ["export"]:
                for word in words[1:]:
                    name, _, value = word.partition("=")
                    exported[name] = value
                continue
            env = dict(exported)
            while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
                name, value = words.pop(0).split("=", 1)
                env[name] = value
            if words and (words[0] == "hub" or words[0].endswith("/hub")):
                commands.append(Command(words[1:], env, first_line + offset))
    return commands


def fresh_clone(destination: Path) -> Path:
    """The repository's tracked files, copied as a clone would have them."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if listed.returncode != 0:
        shutil.copytree(
            ROOT,
            destination,
            ignore=shutil.ignore_patterns(".git", ".venv", "data", ".env", "__pycache__"),
        )
        return destination
    for name in listed.stdout.decode().split("\0"):
        source = ROOT / name
        if name and source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def clean_environment() -> dict[str, str]:
    """This process's environment without any hub setting or platform secret."""
    return {k: v for k, v in os.environ.items() if not SECRET_NAMES.search(k)}


def test_the_readme_has_commands_and_every_skip_is_still_in_it() -> None:
    commands = readme_commands(README.read_text(encoding="utf-8"))
    written = {command.text for command in commands}
    assert len(commands) >= 10, written
    assert {"sources", "status", "deliveries", "db upgrade"} <= written
    assert set(SKIP) <= written, f"skip-list entries no longer in README: {set(SKIP) - written}"


def test_the_extraction_reads_exports_prefixes_and_comments() -> None:
    text = (
        "```sh\nexport HUB_DATABASE_URL=sqlite:///x.db\n"
        ".venv/bin/hub db upgrade        # a comment\n"
        "A=1 hub status\nmake demo\n```\n"
        "```\nbot: Je n'ai pas la réponse\n  hub-bots failed\n```\n"
    )
    commands = readme_commands(text)
    assert [(c.text, c.env, c.line) for c in commands] == [
        ("db upgrade", {"HUB_DATABASE_URL": "sqlite:///x.db"}, 3),
        ("status", {"HUB_DATABASE_URL": "sqlite:///x.db", "A": "1"}, 4),
    ]


def _their_server(env: dict[str, str]) -> bool:
    url = env.get("HUB_DATABASE_URL", "")
    return url.startswith("postgres") and ".example.org" in url


def test_readme_commands_run_as_written_on_a_fresh_clone(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    clone = fresh_clone(tmp_path / "clone")
    assert not (clone / ".env").exists() and not (clone / "data").exists()
    base = clean_environment()
    postgres_url = None
    ran, skipped, failures = [], [], []
    for command in readme_commands(README.read_text(encoding="utf-8")):
        if command.text in SKIP:
            skipped.append(f"{command.text}: {SKIP[command.text]}")
            continue
        env = {**base, **command.env}
        if _their_server(command.env):
            if not os.environ.get("HUB_TEST_DATABASE_URL"):
                skipped.append(f"{command.text}: needs PostgreSQL (HUB_TEST_DATABASE_URL)")
                continue
            if postgres_url is None:
                databases = request.getfixturevalue("postgres_databases")
                name = databases.create()
                request.addfinalizer(functools.partial(databases.drop, name))
                postgres_url = databases.url_for(name)
            env["HUB_DATABASE_URL"] = postgres_url
        result = subprocess.run(
            [sys.executable, "-m", "hub", *command.args],
            cwd=clone,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            stdin=subprocess.DEVNULL,
        )
        output = result.stdout + result.stderr
        ran.append(command.text)
        if result.returncode != 0 or "Traceback" in output:
            failures.append(
                f"README.md:{command.line} `hub {command.text}` exited {result.returncode}:\n"
                + "\n".join(output.strip().splitlines()[-8:])
            )
    print("ran:", *ran, "skipped:", *skipped, sep="\n  ")
    assert not failures, "\n\n".join(failures)
    assert len(ran) >= 10
