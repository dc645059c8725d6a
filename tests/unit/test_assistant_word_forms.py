"""Word forms that are not the record's own: a verb for the record's noun ("trabajan",
"es treballen" for "Trabajo", "Treball"), a plural for its singular ("actas", "atas" for
"acta", "ata"), any form of a Catalan word in "-ll" (treball, consell, detall), in the
five languages. Each form is one index term with the record's word, so the record that
names the thing is found; what the records do not state is still handed off."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

MINUTES = "conference-2019-minutes-2020-01"
BEFORE = dt.date(2019, 12, 2)


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("ca", ["treball", "treballa", "treballen", "treballs", "treballar", "treballo"]),
        ("ca", ["consell", "consells"]),
        ("ca", ["detall", "detalls"]),
        ("ca", ["castell", "castells"]),
        ("ca", ["acta", "actes"]),
        ("es", ["acta", "actas"]),
        ("es", ["trabajo", "trabajan", "trabaja", "trabajos"]),
        ("pt", ["ata", "atas"]),
        ("pt", ["trabalho", "trabalham", "trabalha"]),
        ("en", ["minute", "minutes"]),
        ("fr", ["climat", "climatique"]),
    ],
)
def test_the_forms_of_one_word_are_one_term(
    assistant: Assistant, language: str, forms: list[str]
) -> None:
    stem = assistant.retriever.analyser.stem
    assert len({stem(form, language) for form in forms}) == 1


@pytest.mark.parametrize(
    ("language", "apart"),
    [("ca", ["treball", "tren"]), ("es", ["actas", "actos"]), ("pt", ["atas", "atos"])],
)
def test_other_words_stay_apart(assistant: Assistant, language: str, apart: list[str]) -> None:
    stem = assistant.retriever.analyser.stem
    assert len({stem(word, language) for word in apart}) == len(apart)


@pytest.mark.parametrize(
    "question",
    [
        "when do they work on the minutes of the 2019 conference?",
        "¿cuándo se trabajan las actas de la conferencia de 2019?",
        "¿cuándo trabajan en el acta de la conferencia 2019?",
        "quan es treballen les actes de la conferència del 2019?",
        "quan treballen l'acta de la conferència del 2019?",
        "quan es va treballar en les actes de la conferencia 2019?",
        "quando se trabalham as atas da conferência de 2019?",
        "quando trabalham na ata da conferência de 2019?",
        "quand travaille-t-on sur le procès-verbal de la conférence 2019 ?",
    ],
)
def test_the_step_is_found_by_a_verb_or_a_plural(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=BEFORE)
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [MINUTES]


@pytest.mark.parametrize(
    "question",
    [
        "quan es treballen les actes de la conferència del 2021?",
        "¿cuándo se trabajan las actas de la conferencia de 2021?",
        "quando se trabalham as atas da conferência de 2021?",
    ],
)
def test_another_conferences_minutes_are_handed_off(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=BEFORE)
    assert answer.handoff or MINUTES not in answer.sources, answer.answer
