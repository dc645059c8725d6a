""" "By how much did it drop?" asks a change, not a price.

English "how much" alone asks what something costs ("how much is membership?"); "by how much",
"how much more", "how much lower" ask how far a figure moved, which a record tells in its
own words: no cost is asked, and none is said to be missing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read

DAY = dt.date(2024, 4, 4)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("text", "record"),
    [
        (
            "By how much did the share of pregnant women getting care fall in Banggai?",
            "ogp-example-banggai-pregnancy-app",
        ),
        (
            "By how much did women's seats on local boards grow in Bogotá?",
            "ogp-example-bogota-gender-parity",
        ),
        (
            "How much lower was minimum care for pregnant women in Banggai?",
            "ogp-example-banggai-pregnancy-app",
        ),
    ],
)
def test_a_change_is_no_price(assistant: Assistant, text: str, record: str) -> None:
    assert read(text, assistant.vocabulary, DAY).qtype != "cost"
    answer = assistant.answer(text, now=DAY)
    assert not answer.handoff
    assert record in answer.sources


@pytest.mark.parametrize(
    "text", ["How much does it cost to join the IOPD?", "How much is the IOPD membership?"]
)
def test_how_much_alone_still_asks_the_price(assistant: Assistant, text: str) -> None:
    assert read(text, assistant.vocabulary, DAY).qtype == "cost"
