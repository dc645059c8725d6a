"""A long message's story supplies only what its question leaves open (issue 22).

Members tell who they are, where they travel and what they plan, then ask a question that
names nothing of its own ("When exactly is it?", "Quand a lieu l'événement ?"). The question
decides the slot; the thing it asks of is the one the story names beside a name ("the UCLG
summit this autumn"), never the country flown to nor the asker's own council meeting.
Questions written for this test, in words of their own, in the five languages.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.message_parts import question_parts
from hub.core.assistant.story_referents import asks_of_a_thing_told, named_in_story

UCLG_2013 = dt.date(2013, 5, 20)
UCLG = "uclg-congress-rabat-2013"


@pytest.mark.parametrize(
    ("message", "language"),
    [
        (
            "Morning all, I handle international relations for a borough near Leeds. Our mayor "
            "is flying to Morocco for the UCLG summit this autumn and I have to sort out the "
            "hotels before our council meeting next week. When exactly is it?",
            "en",
        ),
        (
            "Hello everyone, writing from a district council in Kent. The leader wants to go to "
            "the UCLG congress in October and finance needs the dates before the cabinet meets. "
            "Which days does it run?",
            "en",
        ),
        (
            "Hola a todos, llevo las relaciones internacionales de un ayuntamiento cerca de "
            "Sevilla. Nuestra alcaldesa viaja a Marruecos para la cumbre de CGLU este otoño y "
            "tengo que reservar hoteles antes del pleno de la semana que viene. ¿Cuándo es "
            "exactamente?",
            "es",
        ),
        (
            "Buenas, soy técnica en una diputación gallega. El presidente quiere asistir al "
            "congreso de CGLU de octubre y en intervención nos piden las fechas ya. ¿Qué días "
            "se celebra el evento?",
            "es",
        ),
        (
            "Bonjour à tous, je m'occupe des relations internationales d'une mairie près de "
            "Lille. Notre maire part au Maroc pour le sommet de CGLU cet automne et je dois "
            "réserver les hôtels avant le conseil municipal. Quand a lieu l'événement "
            "exactement ?",
            "fr",
        ),
        (
            "Bon dia a tothom, porto les relacions internacionals d'un ajuntament del Maresme. "
            "L'alcaldessa viatja al Marroc per a la cimera de CGLU aquesta tardor i he de "
            "reservar hotels abans del ple de la setmana vinent. Quan és exactament aquest "
            "esdeveniment?",
            "ca",
        ),
        (
            "Olá a todos, trato das relações internacionais de uma câmara perto de Braga. A "
            "nossa presidente vai a Marrocos para a cimeira da CGLU este outono e tenho de "
            "reservar hotéis antes da reunião de câmara. Quando é exatamente o evento?",
            "pt",
        ),
    ],
)
def test_a_bare_question_asks_of_the_thing_the_story_names(
    assistant: Assistant, message: str, language: str
) -> None:
    answer = assistant.answer(message, now=UCLG_2013, lang=language)
    assert not answer.handoff
    assert UCLG in answer.sources
    assert "Rabat" in answer.answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        (
            "Hi all, we're a town in Surrey and our mayor is flying to Morocco for the UCLG "
            "summit this autumn; I am booking the hotels before our council meeting next week. "
            "Where is it held?",
            "en",
        ),
        (
            "Hola, somos un ayuntamiento de Cádiz. El alcalde irá a la cumbre de CGLU este "
            "otoño y tenemos que pedir presupuestos de vuelos antes del pleno. ¿Dónde se "
            "celebra?",
            "es",
        ),
        (
            "Bonjour, nous sommes une commune de Savoie. Notre maire ira au sommet de CGLU "
            "cet automne et je réserve les vols avant le conseil. Où se tient-il ?",
            "fr",
        ),
    ],
)
def test_the_place_asked_is_the_thing_s_not_the_country_flown_to(
    assistant: Assistant, message: str, language: str
) -> None:
    answer = assistant.answer(message, now=UCLG_2013, lang=language)
    assert not answer.handoff
    assert UCLG in answer.sources
    assert "Rabat" in answer.answer


def test_the_asker_s_own_meeting_is_not_what_is_asked(assistant: Assistant) -> None:
    message = (
        "Hi all, I work in the international office of a town near Leeds. Our mayor is flying "
        "to Morocco for the UCLG summit this autumn and I need to book the hotels before the "
        "council meeting next week. When exactly is it?"
    )
    focus, context = question_parts(message, assistant.vocabulary)
    assert "UCLG summit this autumn" in focus
    assert "council meeting" not in focus
    assert "Morocco" not in focus
    assert "Morocco" in context


def test_a_name_in_markup_stays_the_thing_asked(assistant: Assistant) -> None:
    message = (
        "hey all, quick one before I book flights. we're a city in Ohio and council finally "
        "let our PB office travel this year. the *PB conference in Chicago* came up in the "
        "IOPD work plan and my boss likes it since it's driveable. what are the exact dates?"
    )
    answer = assistant.answer(message, now=dt.date(2013, 4, 20), lang="en")
    assert not answer.handoff
    assert "pb-conference-chicago-2013" in answer.sources


@pytest.mark.parametrize(
    ("question", "bare"),
    [
        ("When exactly is it?", True),
        ("Quand a lieu l'événement exactement ?", True),
        ("Quan és aquest esdeveniment?", True),
        ("Quando é o evento?", True),
        ("¿Cuándo es exactamente?", True),
        ("When is the UCLG summit?", False),
        ("¿Dónde es la conferencia de Cascais?", False),
        ("Quand a lieu la conférence de 2013 ?", False),
        ("Quem organiza o prémio?", False),
    ],
)
def test_only_a_question_naming_nothing_of_its_own_borrows_from_the_story(
    assistant: Assistant, question: str, bare: bool
) -> None:
    assert asks_of_a_thing_told(question, assistant.vocabulary) is bare


def test_a_thing_named_without_a_name_is_not_borrowed(assistant: Assistant) -> None:
    story = ["We are planning our council meeting and the annual conference of our region."]
    assert named_in_story("When is it?", story, assistant.vocabulary, ("", story[0])) is None


def test_the_kind_the_question_names_must_be_the_thing_s(assistant: Assistant) -> None:
    story = ["Our mayor flies to Morocco for the UCLG summit this autumn."]
    assert (
        named_in_story("When is the seminar?", story, assistant.vocabulary, ("", story[0])) is None
    )


@pytest.mark.parametrize(
    ("message", "language"),
    [
        (
            "Bon dia! Des de relacions internacionals fem el calendari del trimestre i volem "
            "aprofitar els viatges per fer reunions bilaterals amb altres ciutats. A l'agenda "
            "del pla 2020 surt el CEMR al maig. On es fa el Congrés de Municipis i Regions "
            "d'Europa (CEMR 2020)?",
            "ca",
        ),
        (
            "Hello all, our international team is planning the spring and we'd like to add "
            "bilateral meetings around any European trip. The 2020 plan lists the CEMR "
            "congress in May. Where is it held?",
            "en",
        ),
        (
            "Hola, preparamos la agenda del trimestre y queremos aprovechar los viajes a "
            "Europa. En el plan 2020 aparece el congreso del CEMR en mayo. ¿Dónde se celebra?",
            "es",
        ),
    ],
)
def test_a_slot_the_records_do_not_state_stays_handed_off(
    assistant: Assistant, message: str, language: str
) -> None:
    answer = assistant.answer(message, now=dt.date(2020, 4, 25), lang=language)
    assert answer.handoff


def test_a_question_naming_its_record_is_not_outranked_by_the_story(
    assistant: Assistant,
) -> None:
    message = (
        "Olá! Estamos a organizar as viagens da câmara: em outubro vamos a Rabat para a cimeira "
        "da CGLU e depois a Lisboa. Quando é a Conferência do OIDP em Cascais?"
    )
    answer = assistant.answer(message, now=dt.date(2013, 5, 28), lang="pt")
    assert not answer.handoff
    assert "conference-13-cascais-2013" in answer.sources


@pytest.mark.parametrize(
    ("message", "language"),
    [
        (
            "Buenas a todos, ¿qué tal? Desde la alcaldía de un municipio de Asturias "
            "preparamos los viajes del otoño y la alcaldesa quiere ir a la cumbre de líderes "
            "locales y regionales de CGLU porque el OIDP tendrá allí un taller. Nadie aquí "
            "sabe la ciudad y tengo que pedir los vuelos. ¿Me confirmáis dónde es?",
            "es",
        ),
        (
            "Hi all, how's everyone? Our mayor wants to attend the summit of local and regional "
            "leaders of UCLG because the IOPD runs a workshop there. Nobody in the office knows "
            "the city and I have to book flights today. Could you confirm where it is?",
            "en",
        ),
    ],
)
def test_a_gathering_described_before_its_name_is_the_thing_asked(
    assistant: Assistant, message: str, language: str
) -> None:
    answer = assistant.answer(message, now=UCLG_2013, lang=language)
    assert not answer.handoff
    assert UCLG in answer.sources
    assert "Rabat" in answer.answer
