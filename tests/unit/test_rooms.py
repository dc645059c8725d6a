"""The rooms of DESIGN.md hold: the core (``hub``) loads no platform library. Each
platform lives in its own module (``bots/<platform>``, ``newsletters``) and is reached
through entry points, or imported lazily by the few edges that drive one on purpose
(the chaos bench, the demo, the newsletter commands and pages)."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import hub

PLATFORM_LIBRARIES = {"slack_sdk", "slack_bolt", "telegram", "mailchimp_marketing", "mastodon"}
PLATFORM_LIBRARIES |= {"atproto"}
HUB = Path(hub.__file__).parent


def test_importing_every_core_module_loads_no_platform_library() -> None:
    found = pkgutil.walk_packages([str(HUB)], "hub.")
    modules = sorted(m.name for m in found if m.name != "hub.__main__")  # __main__ runs the CLI
    assert len(modules) > 60
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules})\n"
        "print(' '.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = set(result.stdout.split())
    assert "hub" in loaded
    assert loaded & (PLATFORM_LIBRARIES | {"bots", "newsletters"}) == set()


def test_the_core_names_platform_libraries_nowhere() -> None:
    """Not even lazily: only the platform modules speak to a platform's library."""
    found = []
    for path in sorted(HUB.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            found += [
                f"{path.relative_to(HUB.parent)}:{node.lineno} {name}"
                for name in names
                if name.split(".")[0] in PLATFORM_LIBRARIES
            ]
    assert found == []
