"""Who holds a role in the network ("who runs it day to day?", "¿quién gestiona el
boletín?", "qui suit le plan d'action d'un membre OGP Local ?"), in the five languages: the
record sentence saying which body runs, manages, calls or monitors what is asked answers,
cited; a role asked of something no sentence says (one office's manager, a document's
translator, a budget) stays handed off. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2021, 3, 1)
SECRETARIAT = "iopd-technical-secretariat"
MONITORING = "ogp-local-independent-monitoring"


@pytest.mark.parametrize(
    ("question", "record", "fact"),
    [
        ("Who runs the network day to day?", SECRETARIAT, "Barcelona"),
        ("¿Quién lleva el OIDP en el día a día?", SECRETARIAT, "Barcelona"),
        ("Qui fait fonctionner le réseau au quotidien ?", SECRETARIAT, "Barcelone"),
        ("Quem gere a rede no dia a dia?", SECRETARIAT, "Barcelona"),
        ("¿Quién gestiona el boletín del OIDP?", SECRETARIAT, "boletín"),
        ("Qui gère la newsletter de l'OIDP ?", SECRETARIAT, "newsletter"),
        ("Qui gestiona el web de l'OIDP?", SECRETARIAT, "web"),
        ("Quem gere a newsletter do OIDP?", SECRETARIAT, "Secretariado Técnico"),
        ("Who manages the IOPD newsletter?", SECRETARIAT, "Technical Secretariat"),
        ("Who monitors the action plan of an OGP Local member?", MONITORING, "independent"),
        (
            "¿Quién hace el seguimiento del plan de acción de un miembro de OGP Local?",
            MONITORING,
            "independiente",
        ),
        ("Qui suit le plan d'action des membres OGP Local ?", MONITORING, "indépendant"),
        ("Qui fa el seguiment del pla d'acció d'un membre d'OGP Local?", MONITORING, "independent"),
        ("Quem acompanha o plano de ação de um membro do OGP Local?", MONITORING, "independente"),
    ],
)
def test_the_sentence_saying_who_holds_the_role_answers(
    lingua_assistant: Assistant, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert record in answer.sources, answer.sources
    assert fact in answer.answer, answer.answer


def test_a_named_edition_is_answered_by_the_body_its_record_names(
    lingua_assistant: Assistant,
) -> None:
    answer = lingua_assistant.answer(
        "¿Quién convoca y gestiona la séptima Distinción?", now=dt.date(2013, 2, 14)
    )
    assert not answer.handoff, answer.answer
    assert "iopd-distinction-7-2013" in answer.sources, answer.sources
    assert "Secretaría Técnica" in answer.answer, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Who manages the Porto Alegre office? I need her name",
        "¿Quién gestiona la oficina de Dakar? necesito su nombre",
        "Qui gère le bureau de Dakar ?",
        "Who translated the 2014 work plan?",
        "Qui gestiona el Slack d'OGP Local?",
        "Quem gere o orçamento da conferência de Cascais?",
        "Who manages the seminar budget in 2020?",
        "Qui dirige le Secrétariat technique ? son nom svp",
        # a word no record holds: the role is asked of something else than the records'
        # bodies, however well the rest of the question fits the secretariat's sentence
        "Who runs the Barcelona marathon?",
        "Who manages the Barcelona metro?",
        "Qui gère le marathon de Barcelone ?",
        "Quem gere o metro de Barcelona?",
        "Qui gestiona la marató de Barcelona?",
    ],
)
def test_a_role_no_sentence_states_stays_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
