"""HTML cut into text nodes, glossary placeholders and the glossary file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hub.core.errors import ConfigError
from hub.core.translation.glossary import Glossary, Term, load_glossary
from hub.core.translation.html import ENTITY, split_html, split_long, split_text
from hub.core.translation.port import TranslationRefused

GLOSSARY = Glossary(
    (
        Term({"en": "IOPD", "es": "OIDP", "fr": "OIDP"}),
        Term({}, kept="OGP Local"),
        Term({}, kept="Porto Alegre"),
    )
)

HTML_CASES = [
    ("<p>Hello <a href='https://x.org/a?b=1&amp;c=2'>world</a></p>", ["Hello", "world"]),
    ("<p>One &amp; two</p>", ["One &amp; two"]),
    ("<p>Text <code>do_not(touch)</code> more</p>", ["Text", "more"]),
    ("<ul><li>2024</li><li> Call </li></ul>", ["Call"]),
    ("<!-- a comment with words --><b>Bold</b>", ["Bold"]),
    ("plain words, no tags", ["plain words, no tags"]),
    ("<pre>kept\nas is</pre><p>After</p>", ["After"]),
]


@pytest.mark.parametrize(("document", "sent"), HTML_CASES)
def test_html_pieces_join_back_and_only_text_nodes_go(document: str, sent: list[str]) -> None:
    pieces = split_html(document)
    assert "".join(p.text for p in pieces) == document
    assert [p.text for p in pieces if p.translate] == sent


def test_plain_text_keeps_its_white_space() -> None:
    pieces = split_text("  Hello there \n")
    assert [p.text for p in pieces] == ["  ", "Hello there", " \n"]
    assert [p.translate for p in pieces] == [False, True, False]


def test_terms_become_placeholders_and_come_back_in_the_target_form() -> None:
    protected = GLOSSARY.protect("La OIDP y OGP Local en Porto Alegre")
    assert protected.text == "La ⟦1⟧ y ⟦2⟧ en ⟦3⟧"
    assert protected.restore("[fr] L'⟦1⟧ et ⟦2⟧ à ⟦3⟧", "en") == (
        "[fr] L'IOPD et OGP Local à Porto Alegre"
    )
    assert protected.restore("⟦3⟧ ⟦2⟧ ⟦1⟧", "fr") == "Porto Alegre OGP Local OIDP"


def test_terms_inside_other_words_are_not_terms() -> None:
    assert GLOSSARY.protect("IOPDX and XIOPD").text == "IOPDX and XIOPD"


def test_entities_are_kept_verbatim() -> None:
    protected = GLOSSARY.protect("Tom &amp; IOPD &#8364;", ENTITY)
    assert protected.text == "Tom ⟦1⟧ ⟦2⟧ ⟦3⟧"
    assert protected.restore("⟦1⟧-⟦2⟧-⟦3⟧", "es") == "&amp;-OIDP-&#8364;"


@pytest.mark.parametrize("answer", ["La y OGP en", "⟦1⟧ ⟦1⟧ ⟦2⟧ ⟦3⟧", "⟦1⟧ ⟦2⟧"])
def test_a_lost_or_doubled_placeholder_is_a_refusal_naming_the_words(answer: str) -> None:
    protected = GLOSSARY.protect("La OIDP y OGP Local en Porto Alegre")
    with pytest.raises(TranslationRefused, match="kept words"):
        protected.restore(answer, "en")


def test_a_texts_own_brackets_cannot_pose_as_placeholders() -> None:
    protected = GLOSSARY.protect("see ⟦1⟧ and IOPD")
    assert protected.text == "see [1] and ⟦1⟧"


def test_the_shipped_glossary_loads_and_keeps_the_networks_terms() -> None:
    glossary = load_glossary(Path("config/glossary.yaml"))
    protected = glossary.protect("The IOPD Distinction and OGP Local in Barcelona")
    assert protected.text.count("⟦") == 4
    assert protected.restore(protected.text, "es") == (
        "The OIDP Distinción and OGP Local in Barcelona"
    )


def test_a_missing_glossary_is_empty(tmp_path: Path) -> None:
    assert load_glossary(tmp_path / "none.yaml").protect("IOPD").text == "IOPD"


def test_glossary_problems_name_the_key_and_the_line(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text("keep:\n  - Barcelona\n  - [a, b]\nterms:\n  - {english: IOPD}\nother: 1\n")
    with pytest.raises(ConfigError) as caught:
        load_glossary(path)
    found = {(p.key, p.line) for p in caught.value.problems}
    assert found == {("keep[1]", 3), ("terms[0]", 5), ("other", 6)}


PARAGRAPHS = (
    "The IOPD meets in Dakar. Cities share their budgets!\n\n"
    "A second paragraph, longer than the first one. It has two sentences.\n"
    "And a line of its own."
)


def test_a_long_text_is_cut_at_the_best_boundary_that_fits() -> None:
    assert split_long(PARAGRAPHS, 1000) == [PARAGRAPHS]
    assert split_long(PARAGRAPHS, 80) == [
        "The IOPD meets in Dakar. Cities share their budgets!\n\n",
        "A second paragraph, longer than the first one. It has two sentences.\n",
        "And a line of its own.",
    ]
    assert split_long(PARAGRAPHS, 40)[:3] == [
        "The IOPD meets in Dakar. ",
        "Cities share their budgets!\n\n",
        "A second paragraph, longer than the ",  # no sentence fits: words
    ]
    assert split_long("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]  # one word: cut anyway


def test_placeholders_are_not_cut_in_two() -> None:
    text = "Join ⟦1⟧ today. " * 20
    assert all(part.count("⟦") == part.count("⟧") for part in split_long(text, 30))


@given(st.text(alphabet=st.sampled_from("ab .!\n\t⟦1⟧é"), max_size=400), st.integers(1, 120))
def test_parts_join_back_and_fit(text: str, limit: int) -> None:
    parts = split_long(text, limit)
    assert "".join(parts) == text
    assert all(0 < len(part) <= limit for part in parts) or parts == [""]
