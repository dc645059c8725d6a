"""A record named by its kind, its series and a year of its own ("the IOPD conference of
2020", "le congrès de CGLU de 2013"), or an office by its own name, with a wrong place or
year beside it: the record's own fact answers, the premise said wrong first. The asker's
own town in a clause of where they come from is no premise. Left to a handoff as before:
a year no record of the kind holds alone, an undated event with a year claimed, an award
of a later year, a day claimed that is not the event's."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

ABIDJAN = "conference-20-abidjan-2020"
CONGRESS = "uclg-congress-rabat-2013"
AFRICA = "office-africa-dakar"
LATIN = "office-latin-america-porto-alegre"
MADRID = "conference-15-madrid"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "now", "source", "fact"),
    [
        ("The IOPD conference of 2020 is in Dakar, right? We're flying from Bamako.",
         "2020-02-01", ABIDJAN, "Abidjan"),
        ("¿El congreso de CGLU de 2013 fue en Marrakech, verdad?", "2014-01-10", CONGRESS,
         "Rabat"),
        ("La conférence de l'OIDP de 2020, c'est à Lomé non ? on vient de Niamey",
         "2020-03-01", ABIDJAN, "Abidjan"),
        ("La conferència de l'OIDP del 2020 és a Dakar, oi? Venim de Lleida", "2020-03-01",
         ABIDJAN, "Abidjan"),
        ("O congresso da CGLU de 2013 foi em Fez, certo?", "2014-03-01", CONGRESS, "Rabat"),
        ("A plataforma africana do OIDP abriu em 2009, certo?", "2016-01-01", AFRICA, "2012"),
        ("La plataforma africana del OIDP se creó en 2011, ¿verdad?", "2016-01-01", AFRICA,
         "2012"),
        ("Le bureau de l'Amérique latine est à São Paulo, non ?", "2018-01-01", LATIN,
         "Porto Alegre"),
        ("The African Platform opened in Accra in 2012, right?", "2016-01-01", AFRICA, "Dakar"),
        ("La 15a conferència de l'OIDP és a Bilbao?", "2014-06-01", MADRID, "Madrid"),
    ],
)  # fmt: skip
def test_a_record_named_by_its_year_or_name_is_set_right(
    assistant: Assistant, question: str, now: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert source in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("La 15.ª Conferencia del OIDP fue en Sevilla en 2015, ¿no?", "2016-01-01", "es"),
        ("When does the call for the 2029 Best Practice Award open?", "2028-01-01", "en"),
        ("The IOPD members' internal session of 2013 was in Lisbon on 5 July, right?",
         "2014-01-01", "en"),
        ("A 15.ª Conferência do OIDP foi em Sevilha em 2015, não foi?", "2016-01-01", "pt"),
        ("Le prix des bonnes pratiques de 2029, c'est à Lyon ?", "2028-01-01", "fr"),
    ],
)  # fmt: skip
def test_a_record_the_claim_does_not_single_out_is_handed_off(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff
    assert answer.language == language


@pytest.mark.parametrize(
    ("question", "now", "source", "fact"),
    [
        ("La conferencia del OIDP de 2020 es en Abiyán, ¿verdad?", "2020-03-01", ABIDJAN,
         "Abiyán"),
        ("Le congrès de CGLU de 2013, c'était à Rabat non ?", "2014-01-01", CONGRESS, "Rabat"),
        ("El 4t Congrés de CGLU va ser a Rabat, oi?", "2014-01-01", CONGRESS, "Rabat"),
        ("Where is the IOPD conference of 2020?", "2020-03-01", ABIDJAN, "Abidjan"),
        ("Onde foi o Congresso da CGLU de 2013?", "2014-02-14", CONGRESS, "Rabat"),
    ],
)  # fmt: skip
def test_a_true_place_is_answered_as_before(
    assistant: Assistant, question: str, now: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert source in answer.sources
    assert fact in answer.answer
    assert answer.answer.split(".")[0] not in {"No", "Non", "Não"}
