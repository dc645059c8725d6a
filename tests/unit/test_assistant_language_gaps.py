"""What one language lacks that the others have (language_gaps): a Catalan or Portuguese
question asked with a verb the other languages already drop ("vol", wants; "fica", is
located) or a word for the records' own ("triar", the records' "escollir") is answered as
the same question in Spanish, English or French is; a plural the Catalan stemmer cut
otherwise than its singular ("nous") is the singular's term.
Near misses keep today's answer: a French flight ("vol") is still out of scope, and a
question whose topic no record holds is still handed off with the verb dropped. Sentences
written for this test, in the five languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.analyser import Analyser
from hub.core.assistant.language_gaps import singular, with_language_gaps
from hub.core.assistant.vocabulary_file import load_vocabulary

WINTER_2015 = dt.date(2015, 1, 10)
WINTER_2026 = dt.date(2026, 1, 10)
PLANNED_OFFICES = {
    "office-northern-europe-planned",
    "office-north-america-planned",
    "office-asia-planned",
}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which regional offices does the IOPD want to open?", "en"),
        ("¿Qué oficinas regionales quiere abrir el OIDP?", "es"),
        ("Quels bureaux régionaux l'OIDP veut-il ouvrir ?", "fr"),
        ("Quines oficines regionals vol obrir l'OIDP?", "ca"),
        ("Que escritórios regionais o OIDP quer abrir?", "pt"),
    ],
)
def test_the_offices_a_body_wants_to_open_are_listed_in_every_language(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=WINTER_2015)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert set(answer.sources) >= PLANNED_OFFICES, answer.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("In which city is the IOPD Technical Secretariat?", "en"),
        ("¿En qué ciudad está la Secretaría Técnica del OIDP?", "es"),
        ("Dans quelle ville se trouve le Secrétariat technique de l'OIDP ?", "fr"),
        ("A quina ciutat és la Secretaria Tècnica de l'OIDP?", "ca"),
        ("Em que cidade fica o Secretariado Técnico do OIDP?", "pt"),
    ],
)
def test_where_the_secretariat_is_found_is_answered_in_every_language(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=WINTER_2026)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources[:1] == ["iopd-technical-secretariat"], answer.sources
    assert "Barcelon" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Can you book me a flight to Barcelona?", "en"),
        ("¿Me puedes reservar un vuelo a Barcelona?", "es"),
        ("Pouvez-vous me réserver un vol pour Barcelone ?", "fr"),
        ("L'OIDP vol organitzar un concurs de cuina?", "ca"),
        ("O OIDP fica com as receitas de cozinha?", "pt"),
    ],
)
def test_a_topic_no_record_holds_is_still_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=WINTER_2026)
    assert answer.handoff, answer.answer
    assert answer.language == language
    assert not answer.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        (
            "Does a local OGP member have to select an independent body to monitor its "
            "action plan?",
            "en",
        ),
        (
            "¿Cada miembro local de OGP tiene que elegir un órgano independiente para seguir "
            "el plan?",
            "es",
        ),
        (
            "Chaque membre local d'OGP doit-il choisir un organe indépendant pour suivre le plan ?",
            "fr",
        ),
        ("Cada membre local d'OGP ha de triar un òrgan independent per seguir el pla?", "ca"),
        (
            "Cada membro local do OGP tem de escolher um órgão independente para seguir o plano?",
            "pt",
        ),
    ],
)
def test_choosing_a_monitoring_body_is_answered_in_every_language(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=WINTER_2026)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources[:1] == ["ogp-local-independent-monitoring"], answer.sources


def test_catalan_plurals_are_stemmed_as_their_singular() -> None:
    analyser = Analyser(load_vocabulary())
    assert analyser.stem("nous", "ca") == analyser.stem("nou", "ca")
    assert analyser.stem("nous", "fr") == "nous"  # French "nous" (we) is not touched


def test_an_ending_alone_is_no_plural() -> None:
    endings = (("ous", "ou"),)
    assert singular("ous", endings) == "ous"
    assert singular("nous", endings) == "nou"
    assert singular("treball", endings) == "treball"


def test_the_section_adds_to_the_file_s_own_sections_and_leaves_the_parsed_one() -> None:
    data = {
        "function_words": {"ca": ["ja"]},
        "synonyms": {"member": {"ca": ["membre", "soci"]}},
        "language_gaps": {
            "function_words": {"ca": ["vol"], "pt": ["fica"]},
            "synonyms": {"choose": {"ca": ["triar", "escollir"]}},
        },
    }
    merged = with_language_gaps(data)
    assert merged["function_words"] == {"ca": ["ja", "vol"], "pt": ["fica"]}
    assert merged["synonyms"]["language_gaps_choose"] == {"ca": ["triar", "escollir"]}
    assert data["function_words"] == {"ca": ["ja"]}
    vocabulary = load_vocabulary()
    assert {"vol", "vols", "fica"} <= vocabulary.stopwords
    assert ("escollir", "ca") in vocabulary.synonyms["triar"]
