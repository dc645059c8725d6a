"""A person asked for, no person on record, in the five languages: a question asking for the
name of a person, a contact person's name and e-mail, or who heads a body the question
names, is handed off saying the records name no one when the records found only describe
the thing asked. Near misses stay answered: a record naming who received something, a
contact address asked, who runs the network day to day (another body's record), what a body
does and where it is. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 5, 5)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("who directs the IOPD Technical Secretariat?", ""),
        ("¿quién dirige la Secretaría Técnica del OIDP?", "no nombran"),
        ("quem dirige o Secretariado Técnico do OIDP?", "não indicam"),
        ("qui dirigeix la Secretaria Tècnica de l'OIDP?", "no anomenen"),
        ("qui dirige le Secrétariat technique de l'OIDP ?", "ne nomment pas"),
        ("what is the name of the person who does the OGP Local assessments?", ""),
        ("¿cuál es el nombre de la persona que hace las evaluaciones de OGP Local?", ""),
        ("nom de la personne qui fait les évaluations d'OGP Local ?", ""),
        ("nom de la persona que fa les avaluacions d'OGP Local?", ""),
        (
            "who is the contact for the knowledge exchange with Brazil's presidency? "
            "name and email",
            "do not name",
        ),
        (
            "contacto del intercambio con la Secretaría General de la Presidencia de Brasil, "
            "nombre y correo",
            "",
        ),
    ],
)
def test_a_person_no_record_names_is_handed_off(
    lingua_assistant: Assistant, question: str, said: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert said in answer.answer


@pytest.mark.parametrize(
    ("question", "record", "fact"),
    [
        ("who runs the network day to day?", "iopd-technical-secretariat", "Barcelona"),
        ("qui fait fonctionner le réseau au quotidien ?", "iopd-technical-secretariat", ""),
        ("what is the OGP Local contact email?", "ogp-local-contact", "local@"),
        ("quel est l'email de contact d'OGP Local ?", "ogp-local-contact", "local@"),
        ("qual é o email de contato do OGP Local?", "ogp-local-contact", "local@"),
        (
            "Com es diu el director general que va recollir el premi de València?",
            "ogp-roundup-valencia-award",
            "Tarraga",
        ),
        (
            "quem recebeu o prémio de Valência pelo plano OGP Local?",
            "ogp-roundup-valencia-award",
            "Tarraga",
        ),
        ("what does the IOPD Technical Secretariat do?", "iopd-technical-secretariat", ""),
        ("where is the IOPD Technical Secretariat?", "iopd-technical-secretariat", "Barcelona"),
    ],
)
def test_a_record_naming_who_or_another_slot_is_still_answered(
    lingua_assistant: Assistant, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [record], answer.answer
    assert fact in answer.answer


def test_who_can_join_is_answered_with_kinds_of_members(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("who can join the IOPD?", now=NOW)
    assert not answer.handoff, answer.answer
    assert "governments" in answer.answer
