"""A message asking two questions ("1. Quando é X? 2. E o Y?", "• ...? • ...?", "qui
organise ... ? et est-ce que ... ?") is answered question by question: each the records
answer is answered from its record, one they do not answer is passed to the secretariat
while the rest is answered, and an elliptic second ("and the 2?", "E a convocatória?")
asks the first one's slot. A message none of whose questions the records answer stays a
handoff, and so does one whose first question is out of scope. Questions written for this
test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.tables import load_tables

BOTH_ANSWERED = [
    (
        "When does the 20th IOPD conference take place? And the Iberian PB Meeting?",
        dt.date(2020, 5, 1),
        "en",
        ["conference-20-abidjan-2020", "iberian-pb-meeting-cascais-2020"],
        ["July", "October"],
    ),
    (
        "In which month does the call for the 2020 IOPD award open? And the evaluation?",
        dt.date(2019, 12, 1),
        "en",
        ["iopd-award-2020"],
        ["February", "April"],
    ),
    (
        "¿Cuándo es el seminario 2 del OIDP? ¿Y el 1?",
        dt.date(2020, 2, 1),
        "es",
        ["iopd-seminar-2-2020", "iopd-seminar-1-2020"],
        ["junio", "marzo"],
    ),
    (
        "1. Quand a lieu la Rencontre ibérique des budgets participatifs ?\n"
        "2. Et la 20e conférence de l'OIDP ?",
        dt.date(2020, 5, 1),
        "fr",
        ["iberian-pb-meeting-cascais-2020", "conference-20-abidjan-2020"],
        ["octobre", "juillet"],
    ),
    (
        "Quan és la 20a Conferència de l'OIDP? I el seminari 2?",
        dt.date(2020, 2, 1),
        "ca",
        ["conference-20-abidjan-2020", "iopd-seminar-2-2020"],
        ["juliol", "juny"],
    ),
    (
        "• Quando é o seminário 1 do OIDP?\n• E a Conferência de Abidjan?",
        dt.date(2020, 2, 1),
        "pt",
        ["iopd-seminar-1-2020", "conference-20-abidjan-2020"],
        ["março", "julho"],
    ),
    (
        "Em que mês é a avaliação do Prémio OIDP 2020? E a convocatória?",
        dt.date(2019, 12, 1),
        "pt",
        ["iopd-award-2020"],
        ["abril", "fevereiro"],
    ),
    (
        "O que é o OGP Local? E o Open Gov Challenge?",
        dt.date(2025, 6, 1),
        "pt",
        ["ogp-local", "ogp-open-gov-challenge"],
        [],
    ),
]


@pytest.mark.parametrize(("question", "now", "language", "sources", "facts"), BOTH_ANSWERED)
def test_each_question_is_answered_from_its_record(
    assistant: Assistant,
    question: str,
    now: dt.date,
    language: str,
    sources: list[str],
    facts: list[str],
) -> None:
    answer = assistant.answer(question, now=now)
    assert not answer.handoff
    assert answer.language == language
    assert set(sources) <= set(answer.sources)
    for fact in facts:
        assert fact in answer.answer
    assert answer.passed_on is None


ONE_PASSED_ON = [
    (
        "When is the 20th IOPD conference? And is there a discount code for the hotel?",
        dt.date(2020, 5, 1),
        "en",
        "conference-20-abidjan-2020",
    ),
    (
        "Où se tient la 13e conférence de l'OIDP ? et est-ce qu'il y a un code promo pour "
        "l'hôtel ?",
        dt.date(2013, 5, 1),
        "fr",
        "conference-13-cascais-2013",
    ),
    (
        "Qui organise le 4e congrès de CGLU ? Et l'OIDP y paie-t-il les repas ?",
        dt.date(2013, 5, 1),
        "fr",
        "uclg-congress-rabat-2013",
    ),
    (
        "• ¿Hay que pagar cuota para ser miembro del OIDP?\n"
        "• ¿Cuánto cuesta el hotel de la próxima conferencia?",
        dt.date(2026, 11, 1),
        "es",
        "faq-membership-fee",
    ),
    (
        "Som una comarca petita i preparem el pressupost de l'any vinent. Per a l'informe:\n"
        "• hi ha quota per ser membre de l'OIDP?\n• quant costen els àpats de la conferència?",
        dt.date(2026, 11, 1),
        "ca",
        "faq-membership-fee",
    ),
    (
        "Quan és el seminari 1 de l'OIDP? I qui paga el sopar dels ponents?",
        dt.date(2020, 2, 1),
        "ca",
        "iopd-seminar-1-2020",
    ),
]


@pytest.mark.parametrize(("question", "now", "language", "source"), ONE_PASSED_ON)
def test_the_unanswered_question_is_passed_on_and_the_other_answered(
    assistant: Assistant, question: str, now: dt.date, language: str, source: str
) -> None:
    answer = assistant.answer(question, now=now)
    assert not answer.handoff
    assert answer.language == language
    assert source in answer.sources
    assert answer.passed_on
    assert load_tables().phrase("passed_on", language) in answer.answer


AND_THE_OTHERS = [
    (
        "Quelles sont les priorités thématiques de l'OIDP en 2020 ?\n- le genre\n- et les autres ?",
        dt.date(2020, 2, 1),
        "thematic-sortition",
    ),
    (
        "Which regional offices does the IOPD have?\n• Dakar\n• and the others?",
        dt.date(2026, 1, 1),
        "office-latin-america-porto-alegre",
    ),
]


@pytest.mark.parametrize(("question", "now", "source"), AND_THE_OTHERS)
def test_and_the_others_asks_the_first_question_again(
    assistant: Assistant, question: str, now: dt.date, source: str
) -> None:
    answer = assistant.answer(question, now=now)
    assert not answer.handoff
    assert source in answer.sources


STILL_HANDED_OFF = [
    ("Will the IOPD pay my flight to Abidjan? And the hotel?", dt.date(2020, 5, 1)),
    ("¿Qué cuesta entrar en OGP Local? ¿Se paga cada año?", dt.date(2025, 1, 1)),
    ("Quem organiza a Academia de Cidadania? E qual é o programa?", dt.date(2020, 9, 1)),
    (
        "Quin hotel recomaneu per a la conferència? I quant costa el taxi des de l'aeroport?",
        dt.date(2020, 5, 1),
    ),
    ("Où dort-on pendant la conférence ? Et qui paie le train ?", dt.date(2020, 5, 1)),
]


@pytest.mark.parametrize(("question", "now"), STILL_HANDED_OFF)
def test_a_message_no_question_of_which_is_answered_stays_a_handoff(
    assistant: Assistant, question: str, now: dt.date
) -> None:
    assert assistant.answer(question, now=now).handoff


def test_a_second_question_is_never_answered_with_another_record(assistant: Assistant) -> None:
    answer = assistant.answer(
        "¿A qué hora empieza la sesión interna de miembros en Cascais? ¿Y hay que inscribirse?",
        now=dt.date(2013, 6, 1),
    )
    assert not answer.handoff
    assert answer.sources == ["members-session-cascais-2013"]
