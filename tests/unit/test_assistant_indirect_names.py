"""How a question names a thing indirectly, by class (issue 22).

Each test asks in words of its own, in several languages, and checks the rule that serves
the whole class: a country's name is a place (never a slot word), a country's or region's
adjective names it, "the observatory" alone is the network, "in the end" asks nothing,
and "when will they publish" asks a date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.place_names import demonyms
from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary import Vocabulary

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2019, 10, 7)


def _top(assistant: Assistant, question: str, language: str) -> str:
    reading = read(question, assistant.vocabulary, NOW)
    retriever = assistant.retriever
    found = retriever.search(retriever.unbind(retriever.query_terms(reading.content, language)))
    return found[0][1].key


@pytest.mark.parametrize(
    "question",
    [
        "¿La oficina de Costa de Marfil sigue abierta?",
        "¿Qué se hizo en Costa de Marfil?",
        "Què es va fer a Costa d'Ivori?",
        "O que aconteceu na Costa do Marfim?",
        "Quelle réunion à Costa Rica ?",
    ],
)
def test_a_country_name_is_no_slot(vocabulary: Vocabulary, question: str) -> None:
    """Catalan "costa" (it costs) inside a country's name, as any language writes it, asks
    no cost."""
    assert read(question, vocabulary, NOW).qtype != "cost"


def test_a_cost_is_still_asked(vocabulary: Vocabulary) -> None:
    """Outside a country's name the word still asks the cost."""
    assert read("Quant costa ser membre de la xarxa?", vocabulary, NOW).qtype == "cost"


@pytest.mark.parametrize(
    ("question", "language", "record"),
    [
        ("When was the Ivorian conference?", "en", "conference-20-abidjan-2020"),
        ("Quand a eu lieu la conférence ivoirienne ?", "fr", "conference-20-abidjan-2020"),
        ("¿Cuándo fue la conferencia en Costa de Marfil?", "es", "conference-20-abidjan-2020"),
        ("Our Senegalese partners ask about the office", "en", "office-africa-dakar"),
        ("La oficina senegalesa, ¿qué hace?", "es", "office-africa-dakar"),
        ("¿Hay una antena asiática del OIDP?", "es", "office-asia-planned"),
        ("Y a-t-il une antenne asiatique ?", "fr", "office-asia-planned"),
        ("Hi ha una antena asiàtica?", "ca", "office-asia-planned"),
    ],
)
def test_a_country_named_indirectly(
    assistant: Assistant, question: str, language: str, record: str
) -> None:
    """A country's other name ("Costa de Marfil": CLDR writes "Côte d'Ivoire") or its
    adjective ("Senegalese", "asiatique") names the record of that place."""
    assert _top(assistant, question, language) == record


def test_demonyms_are_no_language_names() -> None:
    """An adjective that is also a language's name ("Portuguese", "español") names no
    country: "answer in Portuguese" asks about no record in Portugal."""
    said = demonyms()
    assert said and not {"portuguese", "espanol", "german", "french", "frances"} & set(said)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which branches does the observatory have?", "en"),
        ("Quines oficines té l'observatori?", "ca"),
        ("¿Qué oficinas tiene el observatorio?", "es"),
    ],
)
def test_the_observatory_is_the_network(assistant: Assistant, question: str, language: str) -> None:
    """The observatory, said alone, is the IOPD: its offices, not the local observatories."""
    top = _top(assistant, question, language)
    assert "office" in top and "observator" not in top


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("What are the local observatories?", "en"),
        ("¿Qué es un observatorio local?", "es"),
    ],
)
def test_a_local_observatory_is_not_the_network(
    assistant: Assistant, question: str, language: str
) -> None:
    assert "observatories" in _top(assistant, question, language)


@pytest.mark.parametrize(
    ("question", "filler"),
    [
        ("Who won the prize in the end?", "end"),
        ("Qui a finalement gagné le prix ?", "finalement"),
        ("¿Quién ganó finalmente el premio?", "finalmente"),
        ("Quem ganhou afinal o prêmio?", "afinal"),
    ],
)
def test_in_the_end_asks_nothing(vocabulary: Vocabulary, question: str, filler: str) -> None:
    assert filler not in read(question, vocabulary, NOW).content


@pytest.mark.parametrize(
    "question",
    [
        "¿Cuándo se van a publicar los resultados del premio?",
        "Quand vont-ils publier les résultats du prix ?",
        "Quan es van a publicar els resultats?",
    ],
)
def test_when_they_publish_asks_a_date(vocabulary: Vocabulary, question: str) -> None:
    """The network publishes results on a date: "when" with a publishing verb asks it."""
    assert read(question, vocabulary, NOW).qtype == "when"


@pytest.mark.parametrize(
    "question",
    [
        "¿Cómo puedo publicar una experiencia?",
        "¿Cuándo hay que enviar las propuestas?",
    ],
)
def test_the_member_still_shares(vocabulary: Vocabulary, question: str) -> None:
    """Publishing without "when", or sending with it, is still the member sharing."""
    assert read(question, vocabulary, NOW).qtype == "share"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Can a member have more than five commitments?", "en"),
        ("Un membre peut-il avoir plus de cinq engagements ?", "fr"),
        ("¿Un miembro puede tener más de cinco compromisos?", "es"),
        ("Pode um membro ter mais de cinco compromissos?", "pt"),
    ],
)
def test_a_number_spelt_is_the_records_digits(
    assistant: Assistant, question: str, language: str
) -> None:
    """ "five" is the "5" the records write ("up to 5 commitments")."""
    assert _top(assistant, question, language) == "ogp-local-commitments-limit"


def test_which_two_is_a_count(assistant: Assistant) -> None:
    """ "Which two members", "the two": how many are asked, not a record's number 2."""
    retriever = assistant.retriever
    for words in (["two", "members"], ["the", "two", "members"]):
        assert not any("#2" in options for options in retriever.query_terms(words, "en"))
