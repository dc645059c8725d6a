"""The glossary: names and the network's own terms that no engine may translate.

``config/glossary.yaml`` lists names kept as written in every language (``keep``:
cities, organisations, programmes such as OGP Local) and terms written differently
per language (``terms``: IOPD in English is OIDP in Spanish, French, Catalan and
Portuguese). Before a text goes to an engine, every occurrence is replaced by a
placeholder (``⟦1⟧``) the engine passes through; afterwards the placeholder becomes the
term's form in the target language. A placeholder the engine lost or doubled makes the
translation fail with that reason, rather than come back with a name translated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hub.core.errors import ConfigError, Problem
from hub.core.translation.port import TranslationRefused

PLACEHOLDER = re.compile(r"⟦(\d+)⟧")


def placeholder(number: int) -> str:
    return f"⟦{number}⟧"


@dataclass(frozen=True)
class Term:
    """A glossary term: its form per language (one form for every language when kept)."""

    forms: Mapping[str, str]
    kept: str | None = None

    def written_in(self, language: str, fallback: str) -> str:
        if self.kept is not None:
            return self.kept
        return self.forms.get(language) or fallback

    def spellings(self) -> set[str]:
        return {self.kept} if self.kept is not None else set(self.forms.values())


@dataclass(frozen=True)
class Protected:
    """A text with its glossary terms (and, for HTML, entities) replaced by placeholders."""

    text: str
    spans: tuple[tuple[str, Term | None], ...]
    """Per placeholder (numbered from 1): the original words and the term (None: verbatim)."""

    def restore(self, translated: str, target: str) -> str:
        """``translated`` with each placeholder back as the term's form in ``target``."""
        found = [int(n) for n in PLACEHOLDER.findall(translated)]
        expected = list(range(1, len(self.spans) + 1))
        if sorted(found) != expected:
            lost = sorted(set(expected) - set(found))
            words = ", ".join(repr(self.spans[n - 1][0]) for n in lost) or "a name"
            raise TranslationRefused(f"the engine changed or repeated the kept words {words}")

        def put_back(match: re.Match[str]) -> str:
            original, term = self.spans[int(match.group(1)) - 1]
            return original if term is None else term.written_in(target, original)

        return PLACEHOLDER.sub(put_back, translated)


@dataclass(frozen=True)
class Glossary:
    """Every term of a deployment's glossary (an empty glossary keeps nothing)."""

    terms: Sequence[Term] = ()
    _pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _by_spelling: dict[str, Term] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        spellings = {s: t for t in self.terms for s in t.spellings() if s}
        object.__setattr__(self, "_by_spelling", spellings)
        if spellings:
            alternatives = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
            pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
            object.__setattr__(self, "_pattern", pattern)

    def protect(self, text: str, verbatim: re.Pattern[str] | None = None) -> Protected:
        """``text`` with terms (and matches of ``verbatim``, kept as they are) as placeholders."""
        # a text's own "⟦1⟧" must not pose as a placeholder
        text = PLACEHOLDER.sub(lambda m: f"[{m.group(1)}]", text)
        spans: list[tuple[str, Term | None]] = []
        patterns = [p for p in (verbatim, self._pattern) if p is not None]
        if not patterns:
            return Protected(text, ())
        combined = re.compile("|".join(f"(?:{p.pattern})" for p in patterns))

        def hide(match: re.Match[str]) -> str:
            words = match.group(0)
            spans.append((words, self._by_spelling.get(words)))
            return placeholder(len(spans))

        return Protected(combined.sub(hide, text), tuple(spans))


def load_glossary(path: str | Path) -> Glossary:
    """Read ``config/glossary.yaml``; a missing file is an empty glossary.

    Raises :class:`ConfigError` naming the file, the key and the line of each problem.
    """
    path = Path(path)
    shown = str(path)
    if not path.is_file():
        return Glossary()
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError([Problem(shown, "", f"cannot read the glossary: {exc}")]) from None
    if root is None:
        return Glossary()
    problems: list[Problem] = []
    terms: list[Term] = []
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError([Problem(shown, "", "give a table with keep: and terms:", 1)])
    for key_node, value in root.value:
        key, line = key_node.value, key_node.start_mark.line + 1
        if key not in ("keep", "terms"):
            problems.append(Problem(shown, key, f"unknown key {key!r} (keep or terms)", line))
            continue
        if not isinstance(value, yaml.SequenceNode):
            problems.append(Problem(shown, key, "give a list", line))
            continue
        for index, node in enumerate(value.value):
            where, at = f"{key}[{index}]", node.start_mark.line + 1
            if key == "keep":
                if isinstance(node, yaml.ScalarNode) and str(node.value).strip():
                    terms.append(Term({}, kept=str(node.value).strip()))
                else:
                    problems.append(Problem(shown, where, "give the name as written", at))
                continue
            forms = _forms(node)
            if forms is None:
                message = "give the term per language code ({en: IOPD, es: OIDP})"
                problems.append(Problem(shown, where, message, at))
            else:
                terms.append(Term(forms))
    if problems:
        raise ConfigError(problems)
    return Glossary(tuple(terms))


def _forms(node: yaml.Node) -> dict[str, str] | None:
    if not isinstance(node, yaml.MappingNode) or not node.value:
        return None
    forms: dict[str, str] = {}
    for key, value in node.value:
        code = str(key.value)
        if not re.fullmatch(r"[a-z]{2}", code) or not isinstance(value, yaml.ScalarNode):
            return None
        if str(value.value).strip():
            forms[code] = str(value.value).strip()
    return forms or None
