"""A forwarded or quoted e-mail pasted into a chat is read as the question it carries: its
forwarding separator, header block and reply attribution are left out, its quoted lines
unquoted, in the five languages' mail programs' words. Near misses keep their text: one
"Subject:" line alone, a header-like line that asks, a sentence with a colon. Messages
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.mail_headers import without_mail_headers

NOW = dt.date(2026, 3, 2)


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "---------- Forwarded message ---------\nFrom: Li Wei <li@town.example>\n"
            "Date: Fri, 27 Feb 2026\nSubject: Fwd: office\nTo: hub@example.org\n\n"
            "Where is the IOPD Technical Secretariat based?",
            "Where is the IOPD Technical Secretariat based?",
        ),
        (
            "-----Mensaje original-----\nDe: Concejalía\nEnviado el: lunes\nPara: OIDP\n"
            "Asunto: RV: sede\n\n¿Dónde tiene su sede la Secretaría Técnica?",
            "¿Dónde tiene su sede la Secretaría Técnica?",
        ),
        (
            "> De : M. Diallo\n> Objet : TR: siège\n> Où se trouve le Secrétariat technique ?\n"
            "Je transfère.",
            "Où se trouve le Secrétariat technique ?\nJe transfère.",
        ),
        (
            "De: Regidoria\nAssumpte: seu\n\nOn és la Secretaria Tècnica de l'OIDP?",
            "On és la Secretaria Tècnica de l'OIDP?",
        ),
        (
            "Em seg., 2 de mar. de 2026, Rita <rita@camara.example> escreveu:\n"
            "> Onde fica o Secretariado Técnico do OIDP?",
            "Onde fica o Secretariado Técnico do OIDP?",
        ),
    ],
)
def test_pasted_mail_reads_as_its_question(message: str, question: str) -> None:
    assert without_mail_headers(message) == question


@pytest.mark.parametrize(
    ("message", "language"),
    [
        (
            "---------- Forwarded message ---------\nFrom: Li Wei <li@town.example>\n"
            "Date: Fri, 27 Feb 2026\nSubject: office\n\nWhere is the IOPD Technical "
            "Secretariat based?",
            "en",
        ),
        (
            "-----Mensaje original-----\nDe: Concejalía\nAsunto: RV: sede\n\n"
            "¿Dónde tiene su sede la Secretaría Técnica del OIDP?",
            "es",
        ),
        (
            "> De : M. Diallo\n> Objet : TR: siège\n> Où se trouve le Secrétariat technique "
            "de l'OIDP ?",
            "fr",
        ),
        ("De: Regidoria\nAssumpte: seu\n\nOn és la Secretaria Tècnica de l'OIDP?", "ca"),
        (
            "-----Mensagem original-----\nDe: Rita\nAssunto: sede\n\nOnde fica o "
            "Secretariado Técnico do OIDP?",
            "pt",
        ),
    ],
)
def test_pasted_mail_is_answered(lingua_assistant: Assistant, message: str, language: str) -> None:
    answer = lingua_assistant.answer(message, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources == ["iopd-technical-secretariat"]
    assert "Barcelon" in answer.answer


@pytest.mark.parametrize(
    "message",
    [
        "Subject: fees\nDoes it cost anything to be a member?",
        "Date: when is the next conference?\nFrom: me",
        "Una pregunta: ¿cuándo es la conferencia?",
        "Les dates : quand a lieu le séminaire ?",
    ],
)
def test_lines_that_are_no_pasted_header_are_kept(message: str) -> None:
    assert without_mail_headers(message) == message
