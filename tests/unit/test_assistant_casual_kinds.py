"""Everyday words for the network's kinds of records and bodies, in the five languages: a
meetup or a "rassemblement" is a conference, "peer groups" the OGP Local circles, "open gov
local" OGP Local, the general meeting the General Assembly, a South American branch the
office for Latin America, and people or a team beside a world region the office serving it.
A casual word never brings a record of a kind it does not name: "people" beside no region,
or far from one, is still no office."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

AFRICA = "office-africa-dakar"
LATIN_AMERICA = "office-latin-america-porto-alegre"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "now", "source", "fact"),
    [
        ("ur people in africa, where are they based", "2014-02-11", AFRICA, "Dakar"),
        ("¿dónde está el equipo del OIDP en África?", "2014-02-11", AFRICA, "Dakar"),
        ("vos gens en afrique c'est basé où ?", "2019-05-05", AFRICA, "Dakar"),
        ("vocês têm gente na África? onde?", "2023-03-03", AFRICA, "Dakar"),
        ("the south american branch thing, when did it start", "2015-08-03", LATIN_AMERICA, "2012"),
        ("la delegación sudamericana, ¿cuándo empezó?", "2015-08-03", LATIN_AMERICA, "2012"),
        ("l'antenne sud-américaine a commencé quand ?", "2015-08-03", LATIN_AMERICA, "2012"),
        ("l'oficina sud-americana quan va obrir?", "2015-08-03", LATIN_AMERICA, "2012"),
        ("o escritório sul-americano abriu quando?", "2015-08-03", LATIN_AMERICA, "2012"),
        ("which city hosts the latin american office", "2018-02-27", LATIN_AMERICA, "Porto Alegre"),
        (
            "the big yearly oidp meetup this summer, what month",
            "2013-05-15",
            "conference-13-cascais-2013",
            "July",
        ),
        (
            "le grand rassemblement annuel de l'OIDP cet été, c'est quel mois ?",
            "2013-05-15",
            "conference-13-cascais-2013",
            "juillet",
        ),
        (
            "which places are paired up on climate in the ogp peer groups",
            "2025-01-20",
            "ogp-local-circles",
            "Buenos Aires",
        ),
        (
            "dans les groupes de pairs d'OGP, qui travaille sur le climat ?",
            "2025-01-20",
            "ogp-local-circles",
            "Buenos Aires",
        ),
        (
            "email for the open gov local people?",
            "2026-02-03",
            "ogp-local-contact",
            "local@opengovpartnership.org",
        ),
        (
            "¿correo de open gov local?",
            "2026-02-03",
            "ogp-local-contact",
            "local@opengovpartnership.org",
        ),
        (
            "qual é o email do open gov local?",
            "2026-02-03",
            "ogp-local-contact",
            "local@opengovpartnership.org",
        ),
        (
            "what topics did the general meeting pick in 2020",
            "2020-02-10",
            "general-assembly-2020",
            "climate",
        ),
    ],
)
def test_an_everyday_word_finds_the_kind_it_names(
    assistant: Assistant, question: str, now: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert source in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "now", "fact"),
    [
        ("quins temes va triar la junta general el 2020?", "2020-02-10", "climàtic"),
        ("que temas escogió la junta general en 2020", "2020-02-10", "climático"),
    ],
)
def test_the_general_meeting_is_the_general_assembly(
    assistant: Assistant, question: str, now: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("how many people came to the conference in africa", "2014-02-11"),
        ("¿cuánta gente vive en África?", "2014-02-11"),
        ("does the team in barcelona answer emails on weekends?", "2014-02-11"),
    ],
)
def test_people_far_from_a_region_or_beside_a_city_are_no_office(
    assistant: Assistant, question: str, now: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff
    assert AFRICA not in answer.sources


def test_the_words_of_a_casual_name_keep_their_own_sense(assistant: Assistant) -> None:
    answer = assistant.answer("what is the open gov challenge", now=dt.date(2026, 2, 3))
    assert not answer.handoff
    assert answer.sources[0] == "ogp-open-gov-challenge"


@pytest.mark.parametrize(
    "question",
    [
        "Selon OGP, pourquoi le gouvernement ouvert local compte-t-il autant ?",
        "Segons OGP, per què és rellevant el govern obert local avui?",
    ],
)
def test_local_open_government_the_idea_is_no_casual_name(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2026, 2, 3))
    assert "ogp-local-contact" not in answer.sources
    assert answer.handoff or answer.sources[0] == "ogp-why-local-open-government"
