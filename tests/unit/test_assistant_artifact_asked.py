"""An artifact asked for (an annual report, a website, streaming, minutes...) is answered by
the record that holds it, or handed off when none does, never with a record that merely
shares the question's other words (a conference's dates, the membership fee). Near misses
stay answered: the artifact held by the record answering, and the asker's own artifact told
around a question about something else. Sentences written for this test, in the five
languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.artifact_asked import asked_kinds
from hub.core.assistant.text import normalise


@pytest.mark.parametrize(
    ("now", "question", "fact"),
    [
        ("2020-02-12", "When is the IOPD's annual report published?", "annual conference"),
        ("2020-02-12", "¿Cuándo se publica el informe anual del OIDP?", "conferencia anual"),
        ("2020-02-12", "Quand est publié le rapport annuel de l'OIDP ?", "conférence annuelle"),
        ("2020-02-12", "Quan es publica l'informe anual de l'OIDP?", "conferència anual"),
        ("2020-02-12", "Quando é publicado o relatório anual do OIDP?", "conferência anual"),
    ],
)
def test_annual_report_is_answered_by_the_record_holding_it(
    lingua_assistant: Assistant, now: str, question: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert fact in answer.answer, answer.answer
    assert not any(s.startswith("conference-") for s in answer.sources), answer.sources


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2027-03-03", "Which is the network's official web page?"),
        ("2027-03-03", "¿Cuál es la página web oficial de la red?"),
        ("2027-03-03", "Quelle est la page web officielle du réseau ?"),
        ("2027-03-03", "Quina és la pàgina web oficial de la xarxa?"),
        ("2027-03-03", "Qual é a página web oficial da rede?"),
        ("2013-05-20", "Will the Informed Cities Forum in Berlin be streamed?"),
        ("2013-05-20", "¿Habrá streaming del foro Informed Cities de Berlín?"),
        ("2013-05-20", "Le forum Informed Cities de Berlin sera-t-il en streaming ?"),
        ("2013-05-20", "Hi haurà streaming del fòrum Informed Cities de Berlín?"),
        ("2013-05-20", "Vai haver streaming do fórum Informed Cities de Berlim?"),
    ],
)
def test_artifact_no_record_holds_is_handed_off(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("now", "question", "fact"),
    [
        ("2020-02-10", "when did the new website go live?", "2012"),
        ("2020-02-10", "how do I subscribe to the newsletter?", "newsletter"),
        ("2020-02-10", "¿cómo me suscribo al boletín del OIDP?", "bolet"),
        ("2020-02-10", "comment s'abonner à la newsletter de l'OIDP ?", "newsletter"),
        ("2020-02-10", "com em subscric al butlletí de l'OIDP?", "butllet"),
        ("2020-02-10", "como assino a newsletter do OIDP?", "newsletter"),
    ],
)
def test_artifact_held_by_the_answer_stays_answered(
    lingua_assistant: Assistant, now: str, question: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert fact in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("now", "question", "fact"),
    [
        ("2014-02-17", "For our annual report: when was the conference in Cascais?", "July"),
        (
            "2014-02-17",
            "Para nuestro informe anual: ¿cuándo fue la conferencia de Cascais?",
            "julio",
        ),
        (
            "2014-02-17",
            "Pour notre rapport annuel : quand a eu lieu la conférence de Cascais ?",
            "juillet",
        ),
        ("2014-02-17", "Per a l'informe anual: quan va ser la conferència de Cascais?", "juliol"),
        (
            "2014-02-17",
            "Para o nosso relatório anual: quando foi a conferência de Cascais?",
            "julho",
        ),
    ],
)
def test_the_askers_own_artifact_is_no_artifact_asked(
    lingua_assistant: Assistant, now: str, question: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert fact in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("words", "kinds"),
    [
        ("what is the official website", {"website"}),
        ("quan es publica l informe anual", {"annual_report"}),
        ("on son les actes de la conferencia", set()),
        ("ou est le compte rendu de la session", {"minutes"}),
        ("hay grabacion de la asamblea", {"recording"}),
        ("onde estao os estatutos", {"statutes"}),
        ("for our annual report when was it", set()),
        ("what is the link between the iopd and uclg", set()),
        ("what did madrid do in the ogp local deck", set()),
        ("will the forum in berlin be streamed", {"recording"}),
    ],
)
def test_kinds_asked(words: str, kinds: set[str]) -> None:
    assert asked_kinds(normalise(words).split()) == kinds
