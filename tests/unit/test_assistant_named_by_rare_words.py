"""Questions naming one record of a family by its own distinctive words: the OGP Local deck's
entries (its Slack workspace, OGP's trending policy areas, the Open Gov Challenge's areas)
and the projects of a work plan. Their siblings hold the family's words ("OGP Local", "the
2020 plan") and rank close behind, so a record is answered when the question says a rare word
of its own name that no near record is named by, or a place only it holds ("what did Banggai
do?"), though the asker calls it by a kind it is not ("the Bogotá 50/50 project"). A roundup's
item is part of the roundup its data names: asked with the roundup's words, the item is
answered. A detail no record states (a password, an exact budget, a telephone number) is still
handed off, and so is a place many records hold. An area of the Challenge asked is that area,
not the whole Challenge. The questions are written for these tests, in five languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2024, 3, 1)


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("How do I get into the OGP Local Slack?", "ogp-local-slack"),
        ("¿Cómo accedo al Slack de OGP Local?", "ogp-local-slack"),
        ("Com puc entrar al Slack d'OGP Local?", "ogp-local-slack"),
        ("Como entro no Slack do OGP Local?", "ogp-local-slack"),
        ("Where can I see OGP's trending policy areas?", "ogp-trending-policy-areas"),
        ("Où voir les domaines de politique tendance de l'OGP ?", "ogp-trending-policy-areas"),
        (
            "On es poden veure les àrees de política en tendència de l'OGP?",
            "ogp-trending-policy-areas",
        ),
        ("What should the Global PB Hub help with, per the 2020 plan?", "project-global-pb-hub"),
        ("¿Para qué sirve el Global PB Hub según el plan 2020?", "project-global-pb-hub"),
        ("What did Banggai do?", "ogp-example-banggai-pregnancy-app"),  # a place only it holds
        ("Qu'a fait Monterrey ?", "ogp-example-monterrey-gender-violence-data"),
        ("Què és el projecte Bogotà 50/50?", "ogp-example-bogota-gender-parity"),  # the asker's
        ("O que é o projeto Bogotá 50/50?", "ogp-example-bogota-gender-parity"),  # kind word
        (  # an item of the roundup, not the roundup
            "What is the City of Childhood Index the November roundup speaks of?",
            "ogp-roundup-buenos-aires-childhood-index",
        ),
        (
            "Què és l'Índex Ciutat de la Infància del resum de novembre d'OGP Local?",
            "ogp-roundup-buenos-aires-childhood-index",
        ),
        (
            "According to the OGP Local roundup, who led the open government debate at the IOPD"
            " conference?",
            "ogp-roundup-brazil-iopd-conference",
        ),
        (
            "Selon le roundup OGP Local, qui a mené le débat sur le gouvernement ouvert à la"
            " conférence de l'OIDP ?",
            "ogp-roundup-brazil-iopd-conference",
        ),
    ],
)
def test_a_record_named_by_its_own_rare_word_is_answered(
    assistant: Assistant, question: str, source: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.sources[0] == source


@pytest.mark.parametrize(
    ("question", "source", "language"),
    [
        ("What does the civic space area of the Open Gov Challenge ask?", "civic-space", "en"),
        ("¿Qué pide el área de espacio cívico del Open Gov Challenge?", "civic-space", "es"),
        ("Que demande le domaine justice de l'Open Gov Challenge ?", "justice", "fr"),
        ("Què demana l'àrea d'anticorrupció de l'Open Gov Challenge?", "anti-corruption", "ca"),
        (
            "O que pede a área de liberdade de imprensa do Open Gov Challenge?",
            "media-freedom",
            "pt",
        ),
    ],
)
def test_an_area_of_the_challenge_is_answered_not_the_challenge(
    assistant: Assistant, question: str, source: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources == [f"ogp-challenge-{source}"]


@pytest.mark.parametrize(
    "question",
    [
        "How do I renew my passport?",
        "What is the exact budget of Valencia's OGP Local action plan?",
        "¿Cuál es la contraseña del Slack de OGP Local?",
        "Quin és el telèfon del Global PB Hub?",
        "What did Cascais decide?",  # a place many records hold names none of them (what
        # happened there is the events held there, listed by held_places)
        "What is the Madrid project?",
        "Which prize did Buenos Aires win in the November 2023 OGP Local roundup?",  # its item
    ],
)
def test_a_detail_no_record_states_is_still_handed_off(assistant: Assistant, question: str) -> None:
    assert assistant.answer(question, now=NOW).handoff
