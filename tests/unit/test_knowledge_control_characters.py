"""A control character in a knowledge file is refused at its file, key and line.

Written as it is (a NUL pasted from a PDF, an ESC from a terminal), YAML's reader stopped
the whole load with a ``ReaderError`` traceback that named no key; written as an escape in
a quoted string (``"\\0"``, ``"\\x07"``) it loaded, and a NUL then failed PostgreSQL's
insert or reached the pages and chat messages built from the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.core.errors import KnowledgeError, Problem
from hub.core.knowledge import load_directory

SEEDS = Path(__file__).resolve().parents[2] / "config" / "knowledge"
QUESTION = "      en: What is the IOPD?\n"
"""A line of faq.yaml: the English name of its first entry."""
KEY = "entries[faq-what-is-the-iopd].name.en"


def seeds_with(tmp_path: Path, line: str) -> tuple[Path, int]:
    """A copy of the shipped knowledge whose faq.yaml has ``line`` in place of QUESTION;
    returns the folder and the line's number."""
    for seed in SEEDS.glob("*.yaml"):
        text = seed.read_text(encoding="utf-8")
        if seed.name == "faq.yaml":
            assert QUESTION in text
            number = text[: text.index(QUESTION)].count("\n") + 1
            text = text.replace(QUESTION, line, 1)
        (tmp_path / seed.name).write_text(text, encoding="utf-8")
    return tmp_path, number


def problems_in(folder: Path) -> list[Problem]:
    with pytest.raises(KnowledgeError) as caught:
        load_directory(folder)
    return caught.value.problems


RAW = [
    pytest.param("\x00", "U+0000 NUL", id="NUL"),
    pytest.param("\x07", "U+0007 BEL", id="BEL"),
    pytest.param("\x1b", "U+001B ESC", id="ESC"),
    pytest.param("\x7f", "U+007F DEL", id="DEL"),
    pytest.param("\x85", "U+0085 NEL", id="C1-NEL"),
]


@pytest.mark.parametrize(("character", "named"), RAW)
def test_a_control_character_written_as_it_is_names_file_key_line_and_column(
    tmp_path: Path, character: str, named: str
) -> None:
    folder, line = seeds_with(tmp_path, f"      en: What is{character} the IOPD?\n")
    [problem] = problems_in(folder)
    assert (problem.file, problem.key, problem.line) == (str(folder / "faq.yaml"), KEY, line)
    assert problem.message == (
        f"a control character ({named}) at column 18: knowledge files take none, remove it"
    )


@pytest.mark.parametrize(
    ("escape", "named"),
    [("\\0", "U+0000 NUL"), ("\\x07", "U+0007 BEL"), ("\\e", "U+001B ESC"), ("\\u0001", "U+0001")],
)
def test_a_control_character_written_as_an_escape_is_refused_too(
    tmp_path: Path, escape: str, named: str
) -> None:
    folder, line = seeds_with(tmp_path, f'      en: "What is{escape} the IOPD?"\n')
    [problem] = problems_in(folder)
    assert (problem.key, problem.line) == (KEY, line)
    assert problem.message == (
        f"holds a control character ({named}), written as an escape in quotes: "
        "knowledge text takes none, remove it"
    )


def test_one_problem_per_character_and_a_comment_is_no_hiding_place(tmp_path: Path) -> None:
    folder, line = seeds_with(tmp_path, "      en: What\x00 is\x00 the IOPD? # see\x07\n")
    problems = problems_in(folder)
    assert [(p.key, p.line) for p in problems] == [(KEY, line), (KEY, line), ("", line)]
    assert [p.message.split(" at ")[1].split(":")[0] for p in problems] == [
        "column 15",
        "column 19",
        "column 36",
    ]


def test_a_control_character_in_a_key_is_shown_escaped(tmp_path: Path) -> None:
    folder, line = seeds_with(tmp_path, '      "e\\0n": What is the IOPD?\n')
    problems = problems_in(folder)
    shown = "entries[faq-what-is-the-iopd].name.e\\u0000n"
    assert problems[0] == Problem(
        str(folder / "faq.yaml"),
        shown,
        "the key holds a control character (U+0000 NUL), written as an escape in quotes: "
        "knowledge text takes none, remove it",
        line,
    )
    assert all("\x00" not in str(problem) for problem in problems)


@pytest.mark.parametrize(
    "text",
    [
        "      en: What is\tthe IOPD?\n",  # a tab
        '      en: "What is\\tthe IOPD?\\n"\n',  # escapes of tab and line feed
        '      en: "What is the IOPD\\u2028?"\n',  # a line separator: Unicode's Zl, no control
        "      en: ¿Qué es el OIDP? 😀\n",
    ],
)
def test_tabs_line_breaks_and_other_text_still_load(tmp_path: Path, text: str) -> None:
    folder, _line = seeds_with(tmp_path, text)
    entries = {entry.id: entry for entry in load_directory(folder).entries}
    assert "faq-what-is-the-iopd" in entries
