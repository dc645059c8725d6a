"""Actions asked of the assistant, its opinion or advice, the network's roster: handed off.

The assistant cannot sign anyone up, send a document or take anyone off a list, holds no
opinion and gives no advice, and the records never list who the network's members are; a
record matching the topic of such a question ("OGP Local", "the conference") answered it
as if it had been asked what the record says: an invented answer. The closed word sets of
:func:`~hub.core.assistant.polite_requests.asks_the_assistant` and the ``roster`` of
vocabulary.yaml, in the five languages, hand these to the secretariat. Asked how to join or
subscribe, the records answer.

Asked yes or no whether a plan's task or a project was "already" done, the plan states what
was planned, not what was done: handed off (``done_asked``); an event's date still answers.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

DAY = dt.date(2021, 3, 1)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


def _handed_off_without_a_record(assistant: Assistant, text: str, language: str) -> None:
    answer = assistant.answer(text, now=DAY)
    assert answer.handoff
    assert answer.sources == []
    assert answer.language == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Could you sign our town council up for OGP Local?", "en"),
        ("Please delete my data from your lists.", "en"),
        ("¿Puedes inscribir a nuestro ayuntamiento en el OIDP?", "es"),
        ("Envíame el informe final de la conferencia, porfa.", "es"),
        ("Pouvez-vous nous inscrire à la prochaine conférence ?", "fr"),
        ("Em pots inscriure a la conferència de l'OIDP?", "ca"),
        ("Envie-me o relatório da conferência, por favor.", "pt"),
    ],
)
def test_an_action_asked_of_the_assistant_is_handed_off(
    assistant: Assistant, text: str, language: str
) -> None:
    _handed_off_without_a_record(assistant, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("What's your opinion on participatory budgeting?", "en"),
        ("Is it worth it for a small town to join the IOPD?", "en"),
        ("¿Qué te parece el plan de trabajo 2020?", "es"),
        ("Tu en penses quoi, du budget participatif ?", "fr"),
        ("Vous me conseillez de présenter notre projet au prix ?", "fr"),
        ("Què en penses dels pressupostos participatius?", "ca"),
        ("Val la pena entrar a l'OIDP?", "ca"),
        ("O que achas do orçamento participativo?", "pt"),
    ],
)
def test_the_assistants_opinion_or_advice_asked_is_handed_off(
    assistant: Assistant, text: str, language: str
) -> None:
    _handed_off_without_a_record(assistant, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Quelles villes sont membres de l'OIDP ?", "fr"),
        ("Que cidades são membros do OIDP?", "pt"),
        ("Quines ciutats són membres de l'OIDP?", "ca"),
    ],
)
def test_the_roster_asked_is_handed_off(assistant: Assistant, text: str, language: str) -> None:
    answer = assistant.answer(text, now=DAY)
    assert answer.handoff
    assert answer.language == language


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("How can my city join the IOPD?", "faq-how-to-join-the-iopd"),
        ("¿Cómo puede mi municipio hacerse miembro del OIDP?", "faq-how-to-join-the-iopd"),
        ("Comment s'abonner à la newsletter de l'OIDP ?", "faq-newsletter-subscription"),
        (
            "Què van acordar els membres de l'OIDP a Porto Alegre?",
            "members-session-porto-alegre-2012",
        ),
        ("Como se adere ao OGP Local?", "ogp-local-how-to-join"),
    ],
)
def test_how_to_join_subscribe_or_what_was_agreed_is_still_answered(
    assistant: Assistant, text: str, source: str
) -> None:
    answer = assistant.answer(text, now=DAY)
    assert not answer.handoff
    assert source in answer.sources


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Has the secretariat already renewed the agreement with UCLG?", "en"),
        ("¿Ya está en marcha la plataforma PARTICIPATE OIDP?", "es"),
        ("La plateforme PARTICIPATE OIDP est-elle déjà en ligne ?", "fr"),
        ("La Secretaria ja ha renovat el conveni amb CGLU?", "ca"),
    ],
)
def test_a_planned_task_asked_as_already_done_is_handed_off(
    assistant: Assistant, text: str, language: str
) -> None:
    _handed_off_without_a_record(assistant, text, language)


def test_already_asked_of_an_event_is_answered_by_its_date(assistant: Assistant) -> None:
    answer = assistant.answer("Ja s'ha fet la 20a conferència?", now=DAY)
    assert not answer.handoff
    assert answer.sources == ["conference-20-abidjan-2020"]
    assert answer.answer.startswith("Sí.")


def test_thanks_in_advance_is_no_already(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Explica-me a prioridade B do plano 2020, obrigada desde já!", now=DAY
    )
    assert not answer.handoff
    assert "priority-b-evaluation" in answer.sources
