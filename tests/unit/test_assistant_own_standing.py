"""Whether the asker's own body is a member: the records hold no list of members, so the
question is handed off saying so, in every language. Near misses keep their answers: whether
a kind of body, the asker's own included, may be a member (eligibility), and a question about
what members pay that merely mentions the asker's team. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 3, 2)


@pytest.mark.parametrize(
    ("question", "language", "said"),
    [
        ("Is our town council a member of the IOPD already?", "en", "no complete list"),
        ("¿Mi ayuntamiento es miembro del OIDP?", "es", "lista completa"),
        ("Est-ce que notre commune est membre de l'OIDP ?", "fr", "liste complète"),
        ("El meu ajuntament ja és membre de l'OIDP?", "ca", "llista completa"),
        ("Pode confirmar se a nossa câmara municipal é membro do OIDP?", "pt", "lista completa"),
    ],
)
def test_own_body_as_member_handed_off_saying_no_list(
    lingua_assistant: Assistant, question: str, language: str, said: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert answer.language == language
    assert said in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Can my city be a member of the IOPD?",
        "¿Puede nuestra asociación ser miembro del OIDP?",
        "Pode a minha ONG ser membro do OIDP?",
    ],
)
def test_own_body_eligibility_still_answered(lingua_assistant: Assistant, question: str) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert "iopd-membership" in answer.sources or "faq-how-to-join-the-iopd" in answer.sources


def test_members_of_the_askers_team_paying_is_no_standing_question(
    lingua_assistant: Assistant,
) -> None:
    answer = lingua_assistant.answer("Do members of my team need to pay a fee?", now=NOW)
    assert not answer.handoff, answer.answer
    assert "faq-membership-fee" in answer.sources
