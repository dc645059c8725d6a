"""Laughter typed around a chat question ("lol", "jajaja", "mdr", "kkkk") and English chat's
"1" for "one" ("any1"): the question is answered as it is without them, in its own language,
and a question the records do not answer is still handed off. Questions written for this
test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.chatter import without_chatter

NOW = dt.date(2020, 1, 15)


@pytest.mark.parametrize(
    ("question", "plain", "language"),
    [
        ("does it cost anything to be a member lol", "does it cost anything to be a member", "en"),
        ("haha ok so where is the african office?", "ok so where is the african office?", "en"),
        ("when is the abidjan conference lmao", "when is the abidjan conference", "en"),
        ("jajaja ¿cuánto cuesta ser miembro?", "¿cuánto cuesta ser miembro?", "es"),
        ("¿dónde está la oficina de África? jeje", "¿dónde está la oficina de África?", "es"),
        ("c'est payant l'adhésion ? mdr", "c'est payant l'adhésion ?", "fr"),
        (
            "ptdr elle est où la conférence d'Abidjan ?",
            "elle est où la conférence d'Abidjan ?",
            "fr",
        ),
        ("hahaha quant costa ser membre?", "quant costa ser membre?", "ca"),
        ("on és l'oficina d'Àfrica? xD", "on és l'oficina d'Àfrica?", "ca"),
        ("kkkk quanto custa ser membro?", "quanto custa ser membro?", "pt"),
        ("onde fica o escritório na África? rsrs", "onde fica o escritório na África?", "pt"),
    ],
)
def test_laughter_changes_nothing(
    lingua_assistant: Assistant, question: str, plain: str, language: str
) -> None:
    expected = lingua_assistant.answer(plain, now=NOW)
    answer = lingua_assistant.answer(question, now=NOW)
    assert not expected.handoff  # the plain question is answered: the test would prove nothing
    assert not answer.handoff
    assert answer.language == language
    assert answer.sources == expected.sources
    assert answer.answer == expected.answer


@pytest.mark.parametrize(
    ("question", "source", "fact"),
    [
        ("any1 know where the office in africa is", "office-africa-dakar", "Dakar"),
        (
            "some1 told me there's a conf in abidjan, when is it?",
            "conference-20-abidjan-2020",
            "July",
        ),
        ("does any1 know how much membership costs?", "faq-membership-fee", "fee"),
    ],
)
def test_one_for_one_is_read_as_a_word(
    assistant: Assistant, question: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang="en")
    assert not answer.handoff
    assert source in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("lol what's the wifi password at the secretariat?", "en"),
        ("jajaja ¿quién ganará la liga este año?", "es"),
        ("mdr quel temps fera-t-il à Barcelone demain ?", "fr"),
        ("hahaha quin és el millor restaurant de Dakar?", "ca"),
        ("kkkk quem vai pagar o meu hotel em Abidjan?", "pt"),
    ],
)
def test_laughter_makes_no_question_answerable(
    assistant: Assistant, question: str, lang: str
) -> None:
    assert assistant.answer(question, now=NOW, lang=lang).handoff


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("¿Dónde está la oficina de RS?", "RS"),  # Rio Grande do Sul, not laughter
        ("a park of 12 ha in the plan?", "12 ha"),  # hectares
        ("the xdesign lab and the kk group", "xdesign"),
        ("Haha-Meeting in Lisbon?", "Haha-Meeting"),
    ],
)
def test_words_that_only_look_like_laughter_are_kept(
    assistant: Assistant, text: str, kept: str
) -> None:
    assert kept in without_chatter(text, assistant.vocabulary)


def test_laughter_is_taken_out_of_the_text(assistant: Assistant) -> None:
    cleaned = without_chatter("jajaja cuándo es? kkkk rsrs lol xD", assistant.vocabulary)
    assert cleaned == "cuándo es?"
