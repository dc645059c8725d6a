"""Asked how to join, apply to or take part in something, the assistant answers only from a
record stating how to join that thing: the Open Gov Challenge's ways to participate, the
page on joining OGP Local, the FAQ on the award, the OGP Local Slack. A working group or an
OGP Local Circle, whose records say nothing of joining, is handed off, not described; a
question naming a record by a word that is also a joining verb ("le registre des lobbies",
"PARTICIPATE OIDP") is still answered with it. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

CHALLENGE = "ogp-challenge-ways-to-participate"
OGP_LOCAL = {"ogp-local-how-to-join", "faq-join-ogp-local"}
SLACK = {"ogp-local-slack", *OGP_LOCAL}
MADRID = "ogp-example-madrid-lobby-registry"

ANSWERED = [
    ("como participo en el reto de gobierno abierto?", "es", "2025-05-05", {CHALLENGE}),
    ("com participem al repte de govern obert?", "ca", "2025-05-05", {CHALLENGE}),
    ("como participamos no desafio de governo aberto?", "pt", "2025-05-05", {CHALLENGE}),
    ("how do we take part in the Open Gov Challenge?", "en", "2025-05-05", {CHALLENGE}),
    (
        "how can a city participate in the open government challenge?",
        "en",
        "2025-05-05",
        {CHALLENGE},
    ),
    (
        "comment candidater au prix des bonnes pratiques ?",
        "fr",
        "2020-01-20",
        {"faq-best-practice-award"},
    ),
    ("como entro no slack do ogp local?", "pt", "2024-05-05", SLACK),
    ("¿cómo entro al Slack de OGP Local?", "es", "2024-05-05", SLACK),
    ("Notre ville aimerait rejoindre OGP Local, comment faire ?", "fr", "2024-05-05", OGP_LOCAL),
    ("la nostra ciutat vol entrar a OGP Local, com ho fem?", "ca", "2024-05-05", OGP_LOCAL),
    ("how can my city join the IOPD?", "en", "2024-05-05", {"faq-how-to-join-the-iopd"}),
]


@pytest.mark.parametrize(("question", "language", "now", "cited"), ANSWERED)
def test_joining_is_answered_from_the_record_stating_how_to_join_it(
    assistant: Assistant, question: str, language: str, now: str, cited: set[str]
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now), lang=language)
    assert not answer.handoff
    assert set(answer.sources) & cited


HANDED_OFF = [
    ("¿Cómo me apunto al grupo de trabajo sobre los nuevos estatutos?", "es", "2020-03-05"),
    ("com m'apunto al grup de treball sobre els nous estatuts?", "ca", "2020-03-05"),
    ("comment rejoindre le groupe de travail sur les nouveaux statuts ?", "fr", "2020-03-05"),
    ("como participo no grupo de trabalho sobre os novos estatutos?", "pt", "2020-03-05"),
    ("how do I join the working group on the role of associations?", "en", "2014-06-01"),
    ("how can we join one of the OGP Local Circles?", "en", "2024-06-01"),
    ("¿cómo nos unimos a un círculo local de OGP?", "es", "2024-06-01"),
    ("como participo nos Círculos Locais da OGP?", "pt", "2024-06-01"),
    ("please register me for the Abidjan conference", "en", "2020-05-02"),
]


@pytest.mark.parametrize(("question", "language", "now"), HANDED_OFF)
def test_a_body_whose_records_state_no_way_to_join_is_handed_off(
    assistant: Assistant, question: str, language: str, now: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now), lang=language)
    assert answer.handoff


def test_the_handoff_says_the_records_do_not_state_how_to_join(assistant: Assistant) -> None:
    answer = assistant.answer(
        "how can we join one of the OGP Local Circles?", now=dt.date(2024, 6, 1), lang="en"
    )
    assert "do not say how to join OGP Local Circles" in answer.answer


NAMED_BY_A_JOINING_WORD = [
    ("Qu'est-ce que le registre des lobbies de Madrid ?", "fr", MADRID),
    ("Què és el registre de lobbies de Madrid?", "ca", MADRID),
    ("PARTICIPATE OIDP??", "en", "project-participate-oidp"),
    ("como me apunto al boletín", "es", "faq-newsletter-subscription"),
]


@pytest.mark.parametrize(("question", "language", "record"), NAMED_BY_A_JOINING_WORD)
def test_a_record_named_by_a_joining_word_is_still_answered(
    assistant: Assistant, question: str, language: str, record: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 6, 1), lang=language)
    assert not answer.handoff
    assert answer.sources[0] == record
