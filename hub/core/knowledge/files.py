"""Read a folder of knowledge files, validate all of it, and say where each problem is.

PyYAML's composed nodes keep the line of every key and list item, so a
problem found by the schema (a wrong type, an unknown key, 2013-02-30) or by
the checks across files (a duplicate id, a step whose award does not exist,
a cited document nobody registered) is reported as ``file:line [key]:
message``. Every problem of every file is collected before
:class:`~hub.core.errors.KnowledgeError` is raised, so one run lists them all.

A control character (NUL, BEL, ESC...; tab and line breaks aside) has no place in
knowledge text: PostgreSQL keeps no NUL, and every page, chat message and feed the
text reaches would carry it. Written as it is, YAML's reader stops at it with an
error that names no key; written as an escape in a quoted string (``"\\0"``,
``"\\x07"``) it loads. Both are refused here, at the key and line that hold them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from hub.core.errors import KnowledgeError, Problem, undecodable
from hub.core.knowledge.schema import (
    FIELD_PREFIX,
    AwardRecord,
    AwardStepRecord,
    DocumentRecord,
    EntryRecord,
    EventRecord,
    KnowledgeFile,
)

KeyPath = tuple[str | int, ...]
_SECTIONS: dict[str, type[BaseModel]] = {
    "documents": DocumentRecord,
    "events": EventRecord,
    "awards": AwardRecord,
    "award_steps": AwardStepRecord,
    "entries": EntryRecord,
}


_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it: the knowledge folder parses in about
0.1 s instead of 0.9 s, most of ``hub ask``'s start-up."""


class _Loader(_BASE):  # type: ignore[valid-type,misc]
    """YAML 1.1 without its traps: only true/false are booleans (``NO`` is Norway)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A valid date as a date; an impossible one (2013-02-30) as text, for the schema to refuse."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_Loader.add_constructor(_TIMESTAMP, _construct_timestamp)

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
"""The control characters (Unicode's Cc but tab, line feed and carriage return) and the
two non-characters YAML's reader also stops at."""
_STAND_IN = "\ufffd"
"""What a raw control character is read as, so the file still parses and the key that
holds it can be named (one character for one: the columns stay where they were)."""
_CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x1B: "ESC", 0x7F: "DEL", 0x85: "NEL"}


def _control_name(character: str) -> str:
    code = ord(character)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(character, "")
    return f"U+{code:04X}" + (f" {name}" if name else "")


@dataclass(frozen=True)
class KnowledgeSet:
    """Every validated record of a knowledge folder, and where each one is written."""

    documents: tuple[DocumentRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    awards: tuple[AwardRecord, ...] = ()
    award_steps: tuple[AwardStepRecord, ...] = ()
    entries: tuple[EntryRecord, ...] = ()
    locations: dict[str, str] = field(default_factory=dict)
    """``file:line`` of each record, keyed by id (award steps by ``award/step``)."""

    def document_files(self) -> set[str]:
        return {document.file for document in self.documents}

    def count(self) -> int:
        return sum(
            len(records)
            for records in (
                self.documents,
                self.events,
                self.awards,
                self.award_steps,
                self.entries,
            )
        )


@dataclass
class ParsedFile:
    """One file's records, and the line of each of its key paths."""

    shown: str
    content: KnowledgeFile
    lines: dict[KeyPath, int]


def load_directory(path: str | Path) -> KnowledgeSet:
    """Read and validate every ``*.yaml`` file in ``path``; KnowledgeError lists all problems."""
    folder = Path(path)
    if not folder.is_dir():
        raise KnowledgeError([Problem(str(folder), "", "no such folder")])
    files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    if not files:
        raise KnowledgeError([Problem(str(folder), "", "no knowledge files (*.yaml) here")])
    problems: list[Problem] = []
    parsed: list[ParsedFile] = []
    for file in files:
        result = _parse_file(file)
        if isinstance(result, ParsedFile):
            parsed.append(result)
        else:
            problems.extend(result)
    if problems:
        raise KnowledgeError(problems)
    knowledge, cross_problems = _combine(parsed)
    if cross_problems:
        raise KnowledgeError(cross_problems)
    return knowledge


def _parse_file(file: Path) -> ParsedFile | list[Problem]:
    """One file, validated on its own: its records, or the problems found in it."""
    shown = str(file)
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return [undecodable(shown, exc)]
    except OSError as exc:
        return [Problem(shown, "", f"cannot read the file: {exc}")]
    return _parse_text(text, shown)


@functools.lru_cache(maxsize=32)
def _parse_text(text: str, shown: str) -> ParsedFile | list[Problem]:
    """Like :func:`_parse_file`, for text already read; ``shown`` names it in problems.

    Kept for the same text and name (the records are frozen, and nothing changes a parsed
    file): reading a folder again after a knowledge load, a console edit or in the next
    test of a suite parses only the files whose text changed (YAML twice over, for the
    lines and for the values, is most of a second for the IOPD's seven files).
    """
    raw = [found.start() for found in _CONTROL.finditer(text)]
    original = text
    if raw:  # read as stand-ins, to find the keys that hold them; the file is refused below
        text = _CONTROL.sub(_STAND_IN, text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        return [*_raw_problems(original, raw, None, shown), _invalid(shown, exc, line)]
    except yaml.YAMLError as exc:  # the reader's own refusals carry no mark
        return [*_raw_problems(original, raw, None, shown), _invalid(shown, exc, None)]
    if node is None:
        if raw:  # in comments only
            return _raw_problems(original, raw, None, shown)
        return ParsedFile(shown, KnowledgeFile(), {})
    lines: dict[KeyPath, int] = {}
    aliases = _aliases(node)
    if aliases:  # each use of an alias is a copy: nine of nine of nine... fill the memory
        return [
            Problem(
                shown,
                "",
                "this anchor (&name) is used as an alias (*name): knowledge files take no "
                "aliases, write the value out",
                line,
            )
            for line in aliases
        ] + _raw_problems(original, raw, None, shown)
    found = list(_index_lines(node, (), lines))
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:  # a tag it may not build (!!python/object...)
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        return [*_raw_problems(original, raw, None, shown), _invalid(shown, exc, line)]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        mapping = Problem(shown, "", "the file must be a mapping of sections", 1)
        return [mapping, *_raw_problems(original, raw, None, shown)]
    problems = [Problem(shown, _readable(loc, data), message, line) for loc, message, line in found]
    problems += _raw_problems(original, raw, (node, data), shown)
    try:
        content = KnowledgeFile.model_validate(data)
    except ValidationError as exc:
        problems.extend(_schema_problems(exc, data, lines, shown))
    if problems:
        return sorted(problems, key=lambda problem: problem.line or 0)
    return ParsedFile(shown, content, lines)


def _invalid(shown: str, exc: yaml.YAMLError, line: int | None) -> Problem:
    problem = exc.problem if isinstance(exc, yaml.MarkedYAMLError) else None
    return Problem(shown, "", f"invalid YAML: {problem or exc}", line)


def _raw_problems(
    text: str, positions: list[int], parsed: tuple[yaml.Node, Any] | None, shown: str
) -> list[Problem]:
    """A problem for each control character written as it is in ``text``, at its line and
    column, under the key whose value holds it (none when it is in a comment, or when
    the file did not parse)."""
    scalars = list(_scalar_spans(parsed[0], ())) if parsed else []
    problems = []
    for position in positions:
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        loc = next((path for start, end, path in scalars if start <= position < end), None)
        key = _readable(loc, parsed[1]) if parsed and loc is not None else ""
        message = (
            f"a control character ({_control_name(text[position])}) at column {column}: "
            "knowledge files take none, remove it"
        )
        problems.append(Problem(shown, key, message, line))
    return problems


def _scalar_spans(node: yaml.Node, path: KeyPath) -> Iterator[tuple[int, int, KeyPath]]:
    """Where each scalar (keys included) is written, as character offsets, with its path."""
    if isinstance(node, yaml.ScalarNode):
        yield node.start_mark.index, node.end_mark.index, path
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*path, str(key_node.value))
            yield key_node.start_mark.index, key_node.end_mark.index, key
            yield from _scalar_spans(value_node, key)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _scalar_spans(item, (*path, index))


def _aliases(root: yaml.Node) -> list[int]:
    """The lines where ``root`` uses an alias (a node met a second time), in one pass over
    the distinct nodes, however many times the aliases would copy them."""
    seen: set[int] = set()
    lines: list[int] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            lines.append(node.start_mark.line + 1)
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return sorted(set(lines))


def _index_lines(
    node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int]
) -> Iterator[tuple[KeyPath, str, int]]:
    """Record the line of every key path; report keys written twice in one mapping."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode) and _CONTROL.search(str(node.value)):
        yield path, _escaped_control(str(node.value)), node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode) and node.tag == _TIMESTAMP and "data" in path:
        # The schema checks typed dates; free-form ``data`` is checked here.
        try:
            dt.date.fromisoformat(str(node.value)[:10])
        except ValueError as exc:
            line = node.start_mark.line + 1
            yield path, f"invalid date {node.value!r}: {exc}", line
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                message = f"key {key!r} is written twice (first on line {seen[key]})"
                yield (*path, key), message, line
                continue
            seen[key] = line
            lines[(*path, key)] = line
            if _CONTROL.search(key):
                yield (*path, key), f"the key {_escaped_control(key)}", line
            yield from _index_lines(value_node, (*path, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _index_lines(item, (*path, index), lines)


def _escaped_control(value: str) -> str:
    found = _CONTROL.search(value)
    assert found is not None
    return (
        f"holds a control character ({_control_name(found.group())}), written as an escape "
        "in quotes: knowledge text takes none, remove it"
    )


def _line_of(lines: dict[KeyPath, int], loc: KeyPath) -> int | None:
    """The line of the deepest part of ``loc`` that is written in the file."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _dotted(loc: KeyPath) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _printable(key: str) -> str:
    """``key`` with each control character shown as its escape (``\\u0000``)."""
    return _CONTROL.sub(lambda found: f"\\u{ord(found.group()):04x}", key)


def _readable(loc: KeyPath, data: Any) -> str:
    """``events[3].starts_on`` written with the record's id: ``events[cascais-2013].starts_on``."""
    if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(data, dict):
        records = data.get(loc[0])
        if isinstance(records, list) and loc[1] < len(records):
            record = records[loc[1]]
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                return _printable(_dotted(loc).replace(f"[{loc[1]}]", f"[{record['id']}]", 1))
    return _printable(_dotted(loc))


def _schema_problems(
    exc: ValidationError, data: dict[str, Any], lines: dict[KeyPath, int], shown: str
) -> Iterator[Problem]:
    for error in exc.errors():
        loc: KeyPath = tuple(part for part in error["loc"] if isinstance(part, int | str))
        loc = _path_part(loc)
        message = str(error["msg"]).removeprefix("Value error, ")
        named = FIELD_PREFIX.match(str(error["msg"]))
        if named:
            loc = (*loc, *named.group(1).split("."))
            message = FIELD_PREFIX.sub("", str(error["msg"]))
        if error["type"] == "extra_forbidden":
            name = str(loc[-1])
            close = difflib.get_close_matches(name, _allowed_keys(loc), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            message = f"unknown key {name!r}{hint}"
        elif error["type"] == "missing":
            message = "this key is required"
        elif error["type"] in ("literal_error", "string_pattern_mismatch", "string_type"):
            message = f"{message} (got {error.get('input')!r})"
        yield Problem(shown, _readable(loc, data), message, _line_of(lines, loc))


def _path_part(loc: KeyPath) -> KeyPath:
    """Drop pydantic's own steps (``[key]``, validator names) that are not keys in the file."""
    return tuple(
        part for part in loc if isinstance(part, int) or not part.startswith(("[", "function-"))
    )


def _allowed_keys(loc: KeyPath) -> list[str]:
    if len(loc) == 1:
        return list(KnowledgeFile.model_fields)
    model = _SECTIONS.get(str(loc[0]))
    return list(model.model_fields) if model and len(loc) == 3 else []


def _combine(parsed: list[ParsedFile]) -> tuple[KnowledgeSet, list[Problem]]:
    """Merge the files and check what no single file can: ids, awards and documents cited."""
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    steps: dict[str, str] = {}
    collected: dict[str, list[Any]] = {name: [] for name in _SECTIONS}

    def place(item: ParsedFile, loc: KeyPath) -> str:
        return f"{item.shown}:{_line_of(item.lines, loc)}"

    def report(item: ParsedFile, loc: KeyPath, message: str, named: Any = None) -> None:
        """Add a problem; ``named`` (a record with an id) shows its id instead of its index."""
        key = _dotted(loc)
        if named is not None and hasattr(named, "id"):
            key = key.replace(f"[{loc[1]}]", f"[{named.id}]", 1)
        problems.append(Problem(item.shown, key, message, _line_of(item.lines, loc)))

    for item in parsed:
        for section in _SECTIONS:
            for index, record in enumerate(getattr(item.content, section)):
                collected[section].append((item, index, record))
                if section == "award_steps":
                    key = f"{record.award}/{record.step}"
                    loc: KeyPath = (section, index, "step")
                    if key in steps:
                        report(
                            item,
                            loc,
                            f"award {record.award!r} already has this step ({steps[key]})",
                        )
                    else:
                        steps[key] = place(item, (section, index))
                    continue
                loc = (section, index, "id")
                if record.id in ids:
                    report(
                        item, loc, f"duplicate id {record.id!r}: already used at {ids[record.id]}"
                    )
                else:
                    ids[record.id] = place(item, (section, index))

    documents = {record.file for _, _, record in collected["documents"]}
    award_ids = {record.id for _, _, record in collected["awards"]}
    for section in ("events", "awards", "award_steps", "entries"):
        for item, index, record in collected[section]:
            citations: list[tuple[KeyPath, str]] = [
                ((section, index, "source_doc"), record.source_doc)
            ]
            citations += [
                ((section, index, "also_in", n), name) for n, name in enumerate(record.also_in)
            ]
            for loc, cited in citations:
                if cited not in documents:
                    close = difflib.get_close_matches(cited, sorted(documents), n=1)
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                    report(item, loc, f"{cited!r} is not a registered document{hint}", record)
            if section == "award_steps" and record.award not in award_ids:
                loc = (section, index, "award")
                report(item, loc, f"no award with id {record.award!r}")

    locations = dict(ids)
    locations.update(steps)
    knowledge = KnowledgeSet(
        documents=tuple(record for _, _, record in collected["documents"]),
        events=tuple(record for _, _, record in collected["events"]),
        awards=tuple(record for _, _, record in collected["awards"]),
        award_steps=tuple(record for _, _, record in collected["award_steps"]),
        entries=tuple(record for _, _, record in collected["entries"]),
        locations=locations,
    )
    return knowledge, problems


def json_ready(value: Any) -> Any:
    """``data`` as JSON can store it: dates written back as ISO text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(item) for item in value]
    return value
