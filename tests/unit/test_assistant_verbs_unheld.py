"""Verbs the record does not hold, in a question whose nouns name one record ("I remember
hearing about X, what is it?", "me interrogan sobre X: ¿qué es?"): the verb weighs as a
common word in the coverage gate, and the record named answers. Near misses keep their
handoff: a noun no record holds (a vaccine, a refund), a verb that is what is asked beside a
place and a kind only ("where can I park in X for the conference?"), a moment asked ("when
was it approved?") and a yes/no question. Sentences written for this test, in the five
languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.verbs_unheld import LIGHT, light_weight, unheld_verbs

SPRING_2024 = dt.date(2024, 4, 15)
PLATFORM = "project-participate-oidp"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("I remember hearing about PARTICIPATE OIDP, what is it?", "en"),
        ("En mi ayuntamiento me interrogan sobre PARTICIPATE OIDP: ¿qué es?", "es"),
        ("Mes collègues me questionnent sur PARTICIPATE OIDP, qu'est-ce que c'est ?", "fr"),
        ("Al meu ajuntament m'interroguen sobre PARTICIPATE OIDP: què és?", "ca"),
        ("Na minha câmara me interrogam sobre PARTICIPATE OIDP: o que é?", "pt"),
    ],
)
def test_a_record_named_is_answered_despite_the_asker_s_verb(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=SPRING_2024)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert PLATFORM in answer.sources, answer.sources
    assert "PARTICIPATE OIDP" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Where can I park in Cascais during the conference?", "en"),
        ("¿Dónde puedo aparcar en Cascais para la conferencia?", "es"),
        ("Où est-ce que je peux me garer à Cascais pour la conférence ?", "fr"),
        ("On puc aparcar a Cascais durant la conferència?", "ca"),
        ("Onde posso estacionar em Cascais durante a conferência?", "pt"),
        ("¿Qué vacunas necesito para viajar a la conferencia de Abiyán?", "es"),
        ("I was wondering: is there a refund for the OIDP conference fee?", "en"),
        ("¿En qué fecha se aprobó el plan de trabajo 2014-2015?", "es"),
        ("¿Se fundamenta el plan de trabajo 2014-2015 en el informe anual?", "es"),
        ("Did I hear PARTICIPATE OIDP mentioned on the website?", "en"),
    ],
)
def test_near_misses_stay_handed_off(assistant: Assistant, question: str, language: str) -> None:
    answer = assistant.answer(question, now=SPRING_2024)
    assert answer.handoff, answer.answer
    assert answer.language == language


@pytest.mark.parametrize(
    ("text", "language", "verbs"),
    [
        ("I noticed it, people mention it", "en", {"noticed", "mention"}),
        ("¿Qué nos ofrecen?", "es", {"ofrecen"}),
        ("¿Cómo participo?", "es", {"participo"}),
        ("¿Qué hay que rellenar?", "es", {"rellenar"}),
        ("Qu'est-ce qu'on doit remplir ?", "fr", {"doit", "remplir"}),
        ("Com m'hi apunto?", "ca", {"apunto"}),
        ("O que eles oferecem?", "pt", {"oferecem"}),
        ("Can I get a refund or a visa?", "en", set()),
        ("¿Qué visado y qué reembolso?", "es", set()),
        ("Quel hôtel, quel mot de passe ?", "fr", set()),
        ("Com defineix el document el govern obert?", "ca", set()),
        ("Qual poema?", "pt", set()),
    ],
)
def test_verbs_are_read_by_where_they_stand(text: str, language: str, verbs: set[str]) -> None:
    assert unheld_verbs(text, language) == verbs


def test_a_marked_verb_weighs_as_a_common_word_and_no_more() -> None:
    rare = 6.0
    assert light_weight({"hear"}, rare, 1000) == rare
    common = light_weight({"hear", LIGHT}, rare, 1000)
    assert 1.0 < common < 2.0
    assert light_weight({"hear", LIGHT}, 0.5, 1000) == 0.5
