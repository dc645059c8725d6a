"""The assistant's word lists and the knowledge are YAML files that many hands edit and merge.
YAML lets a mapping repeat a key, keeping the last silently: a merge that left a second
``en:`` under a section's sentences once turned a handoff sentence into a word list. Every
such file is read here with a loader that refuses a repeated key, naming the file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    [*(ROOT / "hub" / "core" / "assistant").glob("*.yaml"), *(ROOT / "config").rglob("*.yaml")]
)


class _UniqueKeys(yaml.SafeLoader):
    pass


def _mapping(loader: _UniqueKeys, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} repeated (first on line {seen[key]})", key_node.start_mark
            )
        seen[key] = line
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def test_files_found() -> None:
    assert any(p.name == "vocabulary.yaml" for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_key_repeated(path: Path) -> None:
    yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys)


def test_a_repeated_key_is_refused_with_its_line() -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match="repeated") as raised:
        yaml.load("none:\n  en: a\n  es: b\n  en: [c]\n", Loader=_UniqueKeys)
    assert "line 4" in str(raised.value)
