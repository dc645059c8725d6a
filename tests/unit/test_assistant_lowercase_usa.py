"""Spanish and Portuguese "usa" (it uses), not in capitals, is a verb that names nothing
asked: no record held in the United States is matched by it and no premise of place is read
in it (the answer was "No. No en usa." before the record). "USA" in capitals stays the
country. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.asking import written_out
from hub.core.assistant.vocabulary_file import load_vocabulary

NOW = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("question", "language", "source"),
    [
        (
            "¿Qué ciudad usa datos abiertos contra la violencia de género?",
            "es",
            "ogp-example-monterrey-gender-violence-data",
        ),
        (
            "Que cidade usa dados abertos contra a violência de género?",
            "pt",
            "ogp-example-monterrey-gender-violence-data",
        ),
        (
            "¿Qué aplicación usa Banggai para las embarazadas?",
            "es",
            "ogp-example-banggai-pregnancy-app",
        ),
    ],
)
def test_the_verb_usa_is_no_country(
    assistant: Assistant, question: str, language: str, source: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources == [source]
    assert "usa" not in answer.answer.lower().split()


def test_usa_in_capitals_is_written_out_as_the_country() -> None:
    vocabulary = load_vocabulary()
    said = written_out(["chicago", "usa"], vocabulary, frozenset({"usa"}))
    assert said[0] == "chicago" and len(said) > 2  # the country's name, written out
    assert written_out(["ciudad", "usa", "datos"], vocabulary, frozenset()) == ["ciudad", "datos"]
