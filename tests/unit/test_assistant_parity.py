"""One question asked alike in five languages gets one answer.

French "comment" opens a question as "how", "cómo", "com" and "como" do, but the records
also write it (English "comment", French FAQ names), so it was read as a topic word and
"comment l'OIDP est-il financé ?" was handed off where the four other languages were
answered (:mod:`~hub.core.assistant.opening_asked`). The verbs of playing a part ("what
role does it play", "qué papel juegan", "quel rôle jouent", "quin paper juguen", "que
papel desempenham") and the subjunctive of appearing in a publication ("para que saia no
boletim", "pour qu'elle paraisse") name nothing a record holds: they are function words in
every language. Near misses stay handed off: a "how" or a role the records do not hold,
and the other question words opening a question keep their weight ("quanto está o euro").
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

TODAY = dt.date(2020, 3, 1)
LATER = dt.date(2026, 12, 5)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("comment l'OIDP est-il financé ?", "fr"),
        ("comment est finance l'OIDP ?", "fr"),
        ("¿Cómo se financia el OIDP?", "es"),
        ("com es finança l'OIDP?", "ca"),
        ("como é financiado o OIDP?", "pt"),
        ("how is the IOPD funded?", "en"),
    ],
)
def test_how_it_is_funded_is_answered_in_every_language(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert answer.language == language
    assert not answer.handoff
    assert "iopd-funding" in answer.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("what role do assessments play in OGP Local?", "en"),
        ("¿Qué papel juegan las evaluaciones en OGP Local?", "es"),
        ("que papel juega la evaluacion en OGP Local", "es"),
        ("Quel rôle jouent les évaluations dans OGP Local ?", "fr"),
        ("quel role jouent les evaluations dans OGP Local ?", "fr"),
        ("Quin paper juguen les avaluacions a OGP Local?", "ca"),
        ("Que papel desempenham as avaliações no OGP Local?", "pt"),
        ("que papel jogam as avaliacoes no OGP Local?", "pt"),
    ],
)
def test_the_role_a_thing_plays_is_asked_not_the_verb(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources[0] == "ogp-local-assessments"


@pytest.mark.parametrize(
    "question",
    [
        "¿Cómo puedo enviar una noticia de mi ayuntamiento para que salga en el boletín?",
        "comment envoyer une actualité de ma mairie pour qu'elle paraisse dans la newsletter ?",
        "como envio uma notícia da minha câmara para que saia no boletim?",
    ],
)
def test_news_sent_to_appear_in_the_newsletter(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=LATER)
    assert not answer.handoff
    assert answer.sources[0] == "faq-submit-news"


@pytest.mark.parametrize(
    "question",
    [
        "comment s'appelle le chat du secrétariat ?",
        "comment va le maire de Lyon ?",
        "comment se passe la météo à Cascais ?",
        "quel rôle joue le football dans OGP Local ?",
        "¿qué papel juega el fútbol en el OIDP?",
        "quin paper juga el futbol a l'OIDP?",
        "que papel joga o futebol no OIDP?",
        "Quanto está o euro face ao real hoje? 💶",
    ],
)
def test_near_misses_stay_handed_off(assistant: Assistant, question: str) -> None:
    assert assistant.answer(question, now=TODAY).handoff


def test_a_why_opening_a_question_keeps_its_record(assistant: Assistant) -> None:
    answer = assistant.answer(
        "pourquoi le gouvernement ouvert local compte-t-il aujourd'hui ?", now=dt.date(2024, 1, 25)
    )
    assert not answer.handoff
    assert answer.sources[0] == "ogp-why-local-open-government"
