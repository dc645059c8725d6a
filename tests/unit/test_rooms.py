"""The rooms of DESIGN.md hold, read from every import of every module.

- ``hub.core`` imports nothing outside ``hub.core``: not ``bots``, not ``newsletters``,
  not the rest of ``hub``, not even lazily inside a function or by a string handed to
  ``importlib``.
- ``bots`` and ``newsletters`` import only ``hub.core`` of the hub.
- Only the platform rooms (``bots``, ``newsletters``) name a platform's library.
- Importing every core module loads neither the platform rooms nor their libraries.
"""

from __future__ import annotations

import ast
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import hub

ROOT = Path(hub.__file__).parent.parent
PLATFORM_LIBRARIES = {
    "slack_sdk",
    "slack_bolt",
    "telegram",
    "mailchimp_marketing",
    "mastodon",
    "atproto",
}
OUR_PACKAGES = ("hub", "bots", "newsletters")
DOTTED = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+(:[A-Za-z_]\w*)?$")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_our_module(name: str) -> bool:
    """``name`` is a module of ours (a string such as ``"hub.toml"`` names a file instead)."""
    if name.split(".")[0] not in OUR_PACKAGES:
        return False
    base = ROOT.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imports_of(path: Path) -> Iterator[tuple[int, str]]:
    """Every module ``path`` imports: statements at any depth, relative ones resolved,
    and strings that name one of our modules (``importlib.import_module("bots.x")``,
    ``"newsletters.publish:draft"``)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                yield node.lineno, ".".join([*base, node.module] if node.module else base)
            elif node.module:
                yield node.lineno, node.module
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value.strip()
            if DOTTED.match(text) and is_our_module(text.split(":")[0]):
                yield node.lineno, text.split(":")[0]


def python_files(*rooms: str) -> list[Path]:
    return sorted(p for room in rooms for p in (ROOT / room).rglob("*.py"))


def outside(path: Path, allowed: tuple[str, ...], ours: tuple[str, ...]) -> list[str]:
    found = []
    for line, name in imports_of(path):
        top = name.split(".")[0]
        if top not in ours:
            continue
        if not any(name == a or name.startswith(a + ".") for a in allowed):
            found.append(f"{path.relative_to(ROOT)}:{line} {name}")
    return found


def test_the_reader_sees_lazy_and_string_imports() -> None:
    """The checks below can fail: the reader finds what a careless edit would add."""
    sample = ROOT / "hub" / "core" / "_sample_for_test.py"
    sample.write_text(
        "def f():\n"
        "    from newsletters.publish import draft_scheduled\n"
        "    import importlib\n"
        "    return importlib.import_module('bots.slack.sink'), 'hub.web.app:create_app'\n"
        "from ..web import app\n",
        encoding="utf-8",
    )
    try:
        found = outside(sample, ("hub.core",), OUR_PACKAGES)
    finally:
        sample.unlink()
    assert sorted(entry.split(" ", 1)[1] for entry in found) == [
        "bots.slack.sink",
        "hub.web",
        "hub.web.app",
        "newsletters.publish",
    ]


def test_the_core_imports_nothing_outside_itself() -> None:
    files = python_files("hub/core")
    assert len(files) > 60
    found = [f for path in files for f in outside(path, ("hub.core",), OUR_PACKAGES)]
    assert found == []


def test_platform_rooms_import_only_the_core_of_the_hub() -> None:
    files = python_files("bots", "newsletters")
    found = [
        f
        for path in files
        for f in outside(path, ("hub.core", "bots", "newsletters"), OUR_PACKAGES)
    ]
    assert found == []


def test_only_the_platform_rooms_name_a_platform_library() -> None:
    found = []
    for path in python_files("hub"):
        for line, name in imports_of(path):
            if name.split(".")[0] in PLATFORM_LIBRARIES:
                found.append(f"{path.relative_to(ROOT)}:{line} {name}")
    assert found == []


def test_importing_every_core_module_loads_no_platform_room_or_library() -> None:
    found = pkgutil.walk_packages([str(ROOT / "hub" / "core")], "hub.core.")
    modules = sorted(m.name for m in found)
    assert len(modules) > 60
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = set(result.stdout.split())
    tops = {name.split(".")[0] for name in loaded}
    assert "hub.core" in loaded
    assert tops & (PLATFORM_LIBRARIES | {"bots", "newsletters"}) == set()
    assert {n for n in loaded if n.startswith("hub.") and not n.startswith("hub.core")} == set()


def test_the_console_names_no_platform() -> None:
    """Platforms are shown by the names their packages give (``hub.wiring.platform_name``):
    no platform's id or display name is written in the console's code or templates, except
    inside a translated sentence (``_("...")``) or as a %-placeholder's key."""
    words = "slack|telegram|mastodon|bluesky|mailchimp"
    literal = re.compile(rf"""(?<!_\()(["'])({words})\1(?!\s*:)""", re.IGNORECASE)
    found = []
    web = ROOT / "hub" / "web"
    for path in sorted([*web.rglob("*.py"), *(web / "templates").rglob("*.html")]):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{path.relative_to(ROOT)}:{number} {m[2]}" for m in literal.finditer(line)]
    assert found == []


def test_every_platform_package_names_its_platform() -> None:
    from hub.wiring import PLATFORMS, platform_name

    names = {platform: platform_name(platform) for platform in sorted(PLATFORMS)}
    # the platform's key is its name, or the last word of it ("Microsoft Teams": teams)
    assert all(name and name.lower().split()[-1] == platform for platform, name in names.items()), (
        names
    )
    assert platform_name("email") == "email"
