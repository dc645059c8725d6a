"""A record named unmistakably (an edition's number with its series, or most of its own
name) with a wrong place, year or organiser beside it: the record's own fact answers, with
the asker's word said not to be the record's, in the asker's language. A record named only
by the wrong word, an edition no record is, or a place said to have won it, is still handed
off."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

CONGRESS = "uclg-congress-rabat-2013"
ABIDJAN = "conference-20-abidjan-2020"
CASCAIS = "conference-13-cascais-2013"
SEVENTH = "iopd-distinction-7-2013"
IBERIAN = "iberian-pb-meeting-cascais-2020"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "now", "source", "fact"),
    [
        ("Is the 13th IOPD conference taking place in Porto Alegre?", "2013-05-01", CASCAIS,
         "Cascais"),
        ("¿La 20ª conferencia del OIDP será en Rabat?", "2020-03-01", ABIDJAN, "Abidjan"),
        ("Le 4e Congrès de CGLU aura lieu à Marrakech, c'est bien ça ?", "2013-06-01", CONGRESS,
         "Rabat"),
        ("La 20a conferència de l'OIDP es fa a Dakar?", "2020-03-01", ABIDJAN, "Abidjan"),
        ("A 20.ª Conferência do OIDP vai ser em Lisboa?", "2020-03-01", ABIDJAN, "Abidjan"),
        ("When does the 4th UCLG Congress in Marrakesh start?", "2013-06-01", CONGRESS,
         "Marrakesh"),
        ("Where exactly is the 20th IOPD conference in Dakar?", "2020-03-01", ABIDJAN, "Dakar"),
        ("O 4.º Congresso da CGLU é em Marraquexe?", "2013-06-01", CONGRESS, "Rabat"),
        ("¿La 7ª Distinción de Buenas Prácticas se lanzó en 2015?", "2015-01-01", SEVENTH, "2013"),
        ("La 7e Distinction des bonnes pratiques a-t-elle été convoquée en 2012 ?", "2014-01-01",
         SEVENTH, "2013"),
        ("The Iberian Participatory Budgeting Meeting is in Lisbon, right?", "2020-05-01",
         IBERIAN, "Cascais"),
        ("La Trobada Ibèrica de pressupostos participatius és a Lisboa?", "2020-05-01", IBERIAN,
         "Cascais"),
    ],
)  # fmt: skip
def test_a_wrong_place_or_year_is_set_right(
    assistant: Assistant, question: str, now: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert source in answer.sources
    assert fact in answer.answer
    assert answer.answer.split(".")[0] in {"No", "Non", "Não"}  # the premise said wrong first


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("Is Bilbao City Council organising the 15th IOPD conference?", "2014-06-01", "en"),
        ("¿Organiza el Ayuntamiento de Sevilla la 15ª conferencia del OIDP?", "2014-06-01", "es"),
        ("C'est la mairie de Barcelone qui organise la 15e conférence de l'OIDP ?", "2014-06-01",
         "fr"),
    ],
)  # fmt: skip
def test_a_wrong_organiser_is_answered_with_the_record_s_own(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert answer.language == language
    assert "conference-15-madrid" in answer.sources
    assert "Madrid" in answer.answer


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("When is the IOPD conference in Dakar?", "2020-03-01"),  # named by the place alone
        ("Quando é a conferência do OIDP em Casablanca?", "2020-03-01"),
        ("¿Dónde es la 14ª conferencia del OIDP en Casablanca?", "2015-03-01"),  # no such one
        ("La 22e conférence de l'OIDP est-elle à Dakar ?", "2026-03-01"),
        ("Did Madrid win the 7th Distinction of Best Practices?", "2014-03-01"),  # a winner
        ("When is the 2021 Global Forum on Modern Direct Democracy in Bern?", "2021-03-01"),
        ("Is the IOPD regional office in Sydney?", "2020-03-01"),  # which office: none said
        ("O escritório regional do OIDP fica em Lima?", "2020-03-01"),
        ("Can a delegation from Casablanca attend the 4th UCLG Congress?", "2013-06-01"),
        ("Is the 4th UCLG Congress in English?", "2013-06-01"),
    ],
)
def test_a_record_not_named_apart_from_the_wrong_word_is_handed_off(
    assistant: Assistant, question: str, now: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff
