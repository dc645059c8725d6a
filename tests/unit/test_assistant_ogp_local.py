"""Questions about OGP Local and its Open Gov Challenge (config/knowledge/ogp_local.yaml), in
the five languages: the rules (the commitments limit, however the limit is said), how to
take part in the Challenge (its ways, not the public participation area), an area of the
Challenge called by the word its whole lists its areas under, the address to write to when
the body is named only around the question, a Slack address asked as an address, and the
roundup edition an item of it comes from. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 12, 6)

LIMIT = [
    ("What is the max number of commitments in OGP Local?", "en"),
    ("Is there a limit on commitments for an OGP Local member?", "en"),
    ("¿Cuál es el máximo de compromisos en OGP Local?", "es"),
    ("¿Cuál es el tope de compromisos de un miembro de OGP Local?", "es"),
    ("Quel est le plafond d'engagements dans OGP Local ?", "fr"),
    ("Quin és el màxim de compromisos a OGP Local?", "ca"),
    ("Qual é o teto de compromissos no OGP Local?", "pt"),
]


@pytest.mark.parametrize(("question", "language"), LIMIT)
def test_the_commitments_limit_is_found_however_the_limit_is_said(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources[0] == "ogp-local-commitments-limit"
    assert "5" in answer.answer


PARTICIPATE = [
    ("¿Cómo se participa en el Open Gov Challenge?", "es"),
    ("Como participamos en el Open Gov Challenge?", "es"),
    ("Com s'hi participa, a l'Open Gov Challenge?", "ca"),
    ("Como se participa no Open Gov Challenge?", "pt"),
    ("How can a city take part in the Open Gov Challenge?", "en"),
]


@pytest.mark.parametrize(("question", "language"), PARTICIPATE)
def test_how_to_take_part_in_the_challenge_is_its_ways_not_an_area(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources[0] == "ogp-challenge-ways-to-participate"


AREAS = [
    ("Que couvre le domaine gouvernance numérique du défi Open Gov ?", "fr"),
    ("Què cobreix l'àmbit de governança digital de l'Open Gov Challenge?", "ca"),
    ("¿Qué abarca el ámbito de justicia del Open Gov Challenge?", "es"),
    ("What does the justice area of the Open Gov Challenge ask for?", "en"),
]


@pytest.mark.parametrize(("question", "language"), AREAS)
def test_an_area_of_the_challenge_is_called_by_the_word_for_its_areas(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources[0] in {"ogp-challenge-digital-governance", "ogp-challenge-justice"}


ADDRESS = [
    ("Our council wants to join OGP Local. Which address do we write to?", "en"),
    ("Nuestro municipio quiere unirse a OGP Local. ¿A qué dirección escribimos?", "es"),
    ("Notre ville veut adhérer à OGP Local. À quelle adresse écrire ?", "fr"),
]


@pytest.mark.parametrize(("question", "language"), ADDRESS)
def test_the_address_of_the_body_named_around_the_question_is_given(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert "local@opengovpartnership.org" in answer.answer


def test_an_address_asked_of_no_body_is_still_handed_off(assistant: Assistant) -> None:
    answer = assistant.answer("Which e-mail address should I write to?", now=NOW, lang="en")
    assert answer.handoff


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which address is the OGP Local Slack?", "en"),
        ("À quelle adresse se trouve le Slack d'OGP Local ?", "fr"),
    ],
)
def test_a_slack_asked_as_an_address_is_its_web_address(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert "ogplocal.slack.com" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("In which Roundup edition did Valencia's award appear?", "en"),
        ("¿En qué edición del Roundup salió el índice de la infancia de Buenos Aires?", "es"),
    ],
)
def test_a_roundup_item_is_said_with_its_edition(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert "ogp-local-roundup-2023-11" in answer.sources
    assert "2023" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Qui a reçu le prix de Valence l'an dernier ?", "fr"),
        ("Who collected Valencia's award last year?", "en"),
    ],
)
def test_last_years_award_of_a_roundup_item(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 2, 1), lang=language)
    assert not answer.handoff
    assert "Tarraga" in answer.answer
