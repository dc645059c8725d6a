"""Every ``hub ... --help`` shows the words its options were given: rich's markup must not
eat a bracketed name such as ``[channels]`` (``hub roundup --help`` showed "(a key of )")."""

from __future__ import annotations

import re
from typing import Any

import typer
from typer.testing import CliRunner

from hub.cli import _register
from hub.cli.app import app


def _commands(group: Any, path: tuple[str, ...] = ()):
    yield path, group
    if isinstance(getattr(group, "commands", None), dict):
        for name, command in group.commands.items():
            yield from _commands(command, (*path, name))


def _bracketed(command: Any) -> set[str]:
    words = set()
    for param in command.params:
        text = getattr(param, "help", None) or ""
        words |= {m.replace("\\[", "[") for m in re.findall(r"\\?\[[a-z_.]+\]", text)}
    return words


def test_bracketed_names_in_option_help_survive_rich_markup():
    _register()  # every command module imported, as the console script does
    root = typer.main.get_command(app)
    checked = 0
    runner = CliRunner()
    for path, command in _commands(root):
        words = _bracketed(command)
        if not words:
            continue
        result = runner.invoke(app, [*path, "--help"], terminal_width=200)
        assert result.exit_code == 0, result.output
        for word in words:
            assert word in result.output, (path, word, result.output)
            checked += 1
    assert checked >= 1  # hub roundup's channel argument at least
