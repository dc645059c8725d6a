"""Yes/no questions whether an office was set up in a year, the office named by its kind and
its own place ("the Dakar office", "l'oficina de Porto Alegre") rather than by its name, in
the five languages: the record's own founding date answers, "yes" when the year asked is
its own and "no" with its date when the year asked is wrong. A place no office is of, a
question asking something the record does not state of it (closed, funded by whom) stays
handed off. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2013, 3, 1)
DAKAR = "office-africa-dakar"
PORTO_ALEGRE = "office-latin-america-porto-alegre"


@pytest.mark.parametrize(
    ("question", "record", "word", "year"),
    [
        ("was the Dakar office created in 2013, right?", DAKAR, "No.", "2012"),
        ("L'oficina de Dakar es va crear el 2013, oi?", DAKAR, "No.", "2012"),
        ("¿La oficina de Dakar se creó en 2013?", DAKAR, "No.", "2012"),
        ("Le bureau de Dakar a été créé en 2013, non ?", DAKAR, "Non.", "2012"),
        ("O escritório de Dakar abriu em 2013?", DAKAR, "Não.", "2012"),
        ("was the Porto Alegre office opened in 2011?", PORTO_ALEGRE, "No.", "2012"),
        ("l'oficina de Porto Alegre es va obrir el 2011?", PORTO_ALEGRE, "No.", "2012"),
        ("le bureau de Porto Alegre a été ouvert en 2010 ?", PORTO_ALEGRE, "Non.", "2012"),
        ("O escritório de Porto Alegre abriu em 2011?", PORTO_ALEGRE, "Não.", "2012"),
        ("was the Dakar office created in 2012, right?", DAKAR, "Yes.", "2012"),
        ("L'oficina de Dakar es va crear el 2012, oi?", DAKAR, "Sí.", "2012"),
        ("la oficina de Dakar se creó en 2012?", DAKAR, "Sí.", "2012"),
        ("le bureau de Dakar a été créé en 2012 ?", DAKAR, "Oui.", "2012"),
        ("¿La oficina de Porto Alegre se abrió en 2012?", PORTO_ALEGRE, "Sí.", "2012"),
        ("the Porto Alegre office opened in 2012, right?", PORTO_ALEGRE, "Yes.", "2012"),
    ],
)
def test_an_office_named_by_its_place_answers_the_year_it_was_set_up(
    lingua_assistant: Assistant, question: str, record: str, word: str, year: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [record], answer.answer
    assert answer.answer.startswith(word), answer.answer
    assert year in answer.answer, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "was the Dakar office created in 2013 by the mayor?",
        "was the Lisbon office created in 2013?",
        "was the Dakar office closed in 2013?",
        "l'oficina de Dakar es va crear el 2013 amb fons europeus?",
        "¿La oficina de Dakar se creó en 2013 con fondos europeos?",
        "¿La oficina de Lima se abrió en 2012?",
        "Le bureau de Dakar a-t-il fermé en 2013 ?",
        "O escritório de Lisboa abriu em 2013?",
    ],
)
def test_what_no_office_record_states_stays_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert not answer.sources, answer.answer
