"""The language of a short chat message, read from the one or two forms that decide it
(:mod:`hub.core.assistant.short_language`): a Spanish pronoun joined to its infinitive
("escribirles"), Portuguese's article "o" before a name or after an infinitive ("contactar o
OIDP"), a Catalan adverb in "-ament"/"-alment" or its "hi ha", a French "-ez" verb or elided
"c'", outweigh the words several languages share ("que", "mail", "como", "contacto", "local").
Near misses keep their language: a Spanish "o" that means "or", English asides in another
language's message, English messages with another language's word, and messages answered or
handed off as before. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.short_language import decisive, is_short, weigh

NOW = dt.date(2026, 3, 2)

ANSWERED = [
    # question, language, a source it must cite, words its answer says
    ("mail de contacto local? queremos escribirles", "es", "ogp-local-contact", "dirección"),
    ("como contactarlos?", "es", "ogp-local-contact", "dirección"),
    ("puedo inscribirme todavía?", "es", "iopd-membership", "miembros"),
    ("como contacto o OIDP?", "pt", "faq-contacts", "Secretariado"),
    ("mail para contactar o OIDP", "pt", "faq-contacts", "Secretariado"),
    ("o OIDP tem newsletter?", "pt", "faq-newsletter-subscription", "newsletter"),
    ("que és el OIDP exactament, in a nutshell?", "ca", "faq-what-is-the-iopd", "xarxa"),
    ("com puc inscriure'm?", "ca", "iopd-membership", "membres"),
    ("contactez qui ?", "fr", "ogp-local-contact", "adresse"),
    ("je peux encore m'inscrire ?", "fr", "iopd-membership", "gouvernements"),
    ("qu'est-ce que l'OIDP ?", "fr", "faq-what-is-the-iopd", "réseau"),
    ("can I still register?", "en", "iopd-membership", "governments"),
    ("can I still register? ¿puedo inscribirme todavía?", "en", "iopd-membership", "governments"),
    ("OIDP local contact?", "en", "faq-contacts", "Secretariat"),
    ("qué es el OIDP? thanks!", "es", "faq-what-is-the-iopd", "red"),
    ("o que é o OIDP? thanks", "pt", "faq-what-is-the-iopd", "rede"),
]


@pytest.mark.parametrize(("question", "language", "source", "said"), ANSWERED)
def test_a_short_message_is_answered_in_its_language(
    lingua_assistant: Assistant, question: str, language: str, source: str, said: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.language == language, answer.answer
    assert not answer.handoff, answer.answer
    assert source in answer.sources, answer.sources
    assert said in answer.answer, answer.answer


HANDED_OFF = [
    # question, language, words of the handoff in that language
    ("queremos escribirles, que mail?", "es", "dirección de correo"),
    ("que mail uso para escribirles", "es", "dirección de correo"),
    ("¿o es en marzo?", "es", "No tengo la respuesta"),
    ("Lisboa o Oporto?", "es", "No tengo la respuesta"),
    ("têm mail?", "pt", "Não tenho a resposta"),
    ("como falo com a câmara?", "pt", "Não tenho a resposta"),
    ("que es exactament?", "ca", "No tinc la resposta"),
    ("teniu mail?", "ca", "No tinc la resposta"),
    ("mail de contacte? realment", "ca", "correu electrònic"),
    ("c'est quoi exactement ?", "fr", "Je n'ai pas la réponse"),
    ("vous avez un mail ?", "fr", "Je n'ai pas la réponse"),
    ("what does IOPD stand for, exactamente?", "en", "I don't have the answer"),
    ("is there an award this year?", "en", "I don't have the answer"),
]


@pytest.mark.parametrize(("question", "language", "said"), HANDED_OFF)
def test_a_short_message_handed_off_is_handed_off_in_its_language(
    lingua_assistant: Assistant, question: str, language: str, said: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.language == language, answer.answer
    assert answer.handoff, answer.answer
    assert said in answer.answer, answer.answer


def test_catalan_there_is_outweighs_a_portuguese_noun(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("hi ha quota?", now=NOW)
    assert answer.language == "ca", answer.answer
    assert not answer.handoff
    assert "faq-membership-fee" in answer.sources
    assert "quota" in answer.answer


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("queremos escribirles", {"es": 1.0}),
        ("como contacto o OIDP?", {"pt": 1.0}),
        ("contactar o secretariado", {"pt": 1.0}),
        ("que es exactament?", {"ca": 1.0}),
        ("realment cal pagar?", {"ca": 2.0}),
        ("c'est quoi ?", {"fr": 3.0}),
        ("contactez qui ?", {"fr": 1.0}),
        ("what is it, in a nutshell?", {}),  # English's count for no weight
        ("quins premis hi ha? in a nutshell", {"ca": 2.0}),  # English's words dropped
    ],
)
def test_the_decisive_forms_of_a_message(text: str, found: dict[str, float]) -> None:
    assert decisive(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Lisboa o Oporto?",  # "or" between two names
        "¿o es en marzo?",  # "or" opening a clause
        "es para votar o no?",  # "or" after an infinitive
        "the parliament and the tournament",  # English nouns, no Catalan adverbs
        "the universe is diverse",  # English words, no Spanish clitics
        "la Vez y el Pérez",  # names
    ],
)
def test_near_misses_have_no_decisive_form_of_another_language(text: str) -> None:
    assert set(decisive(text)) <= {"en", "es"}


def test_only_a_short_message_is_weighed() -> None:
    long = "queremos escribirles " + " ".join(["mail"] * 9)
    assert not is_short(long)
    assert weigh(long, long.split(), {"fr": 12.0}) == {"fr": 12.0}
    assert weigh("queremos escribirles", ["queremos", "escribirles"], {"es": 0.5}) == {"es": 2.0}
