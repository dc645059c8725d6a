"""Subscribing asked with the noun of signing up beside the newsletter's name ("inscription
à la newsletter", "inscripció al butlletí", "alta en el boletín", "inscrição no boletim")
asks how to subscribe, as the verbs do. Near miss: signing up for something else (an award,
a conference) is no subscription. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("newsletter sign up?", "en"),
        ("¿alta en el boletín?", "es"),
        ("Inscription à la newsletter, c'est où ?", "fr"),
        ("inscripció al butlletí?", "ca"),
        ("inscrição no boletim?", "pt"),
    ],
)
def test_signing_up_noun_with_the_newsletter_asks_to_subscribe(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources == ["faq-newsletter-subscription"]


@pytest.mark.parametrize("question", ["inscription au prix ?", "inscripció a la conferència?"])
def test_signing_up_for_something_else_is_no_subscription(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert "faq-newsletter-subscription" not in answer.sources
