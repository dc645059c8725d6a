"""Questions the knowledge answers that were handed off (issue 22).

Each test asks in words of its own (not those of any evaluation set) and checks the rule
that serves the whole class of questions.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.message_parts import question_parts
from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary_file import load_vocabulary

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2021, 3, 1)


def _read(text: str):
    return read(text, load_vocabulary(), NOW)


@pytest.mark.parametrize(
    "question",
    [
        "¿Cómo se adhiere una diputación al OIDP?",
        "Com pot entrar una universitat a l'OIDP?",
        "Queremos que nuestra mancomunidad entre en el OIDP",
        "Como pode entrar uma câmara no OIDP?",
    ],
)
def test_joining_said_with_a_modal_or_another_person_asks_how_to_join(question: str) -> None:
    assert _read(question).qtype == "join"


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Qui dirige le Secrétariat technique de l'OIDP ?", "dirige"),
        ("¿Quién coordina el grupo de trabajo de observatorios locales?", "coordina"),
        ("quem organizou a conferência de Madrid?", "organizou"),
    ],
)
def test_a_relation_verb_asking_who_is_the_slot_not_the_topic(question: str, verb: str) -> None:
    reading = _read(question)
    assert reading.qtype == "who"
    assert verb not in reading.content
    assert verb in reading.context  # it still ranks a record that says it, a little


def test_a_relation_verb_stays_when_it_is_all_the_question_says_besides_a_name() -> None:
    assert "leads" in _read("who leads the IOPD?").content


@pytest.mark.parametrize(
    "question",
    [
        "qui gère le Secrétariat technique de l'OIDP ?",
        "Qui va acollir la Secretaria Tècnica de l'OIDP?",
    ],
)
def test_who_stands_behind_a_record_named_in_another_verb_is_answered(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == "iopd-technical-secretariat"


@pytest.mark.parametrize(
    "question",
    [
        "quien organiza la conferencia de Madrid, para poder escribirles directamente?",
        "who organised the Madrid conference, so that we can write to them?",
    ],
)
def test_a_purpose_clause_after_the_question_is_context(question: str) -> None:
    reading = _read(question)
    assert not {"escribirles", "write"} & set(reading.content)


def test_a_yes_no_phrase_inside_a_story_sentence_does_not_make_it_ask() -> None:
    message = (
        "Good morning, I am preparing the mission report for our deputy mayor this week. "
        "We have the budget approved and the agenda is the only thing missing from the file. "
        "Where is the Informed Cities Forum held?"
    )
    focus, _ = question_parts(message, load_vocabulary())
    assert focus == "Where is the Informed Cities Forum held?"


def test_a_world_region_is_named_in_every_language(assistant: Assistant) -> None:
    """An office's region, written once in English, is found by its CLDR name in the
    others ("Amérique latine", "Amèrica Llatina")."""
    doc = next(d for d in assistant.retriever.docs if d.key == "office-latin-america-porto-alegre")
    terms = assistant.retriever.analyser.terms("Amérique latine", "fr")
    assert terms and all(t in doc.own_places for t in terms)


@pytest.mark.parametrize(
    "question",
    [
        "Bonjour. Ma question : quand a été créée la plateforme africaine de l'OIDP ?",
        "Hello! My question is: when was the African platform of the IOPD set up?",
    ],
)
def test_announcing_the_question_is_not_part_of_it(question: str) -> None:
    content = _read(question).content
    assert "question" not in content


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("Where is this year's IOPD conference?", dt.date(2020, 3, 3)),
        ("Onde é a conferência do OIDP deste ano?", dt.date(2020, 3, 3)),
        ("Quan és la conferència de l'OIDP d'enguany?", dt.date(2020, 2, 2)),
    ],
)
def test_this_year_names_the_record_of_that_year(
    assistant: Assistant, question: str, now: dt.date
) -> None:
    answer = assistant.answer(question, now=now)
    assert not answer.handoff, answer.answer
    assert answer.sources == ["conference-20-abidjan-2020"]


def test_what_is_on_this_year_is_still_a_period() -> None:
    reading = read("what's on this year?", load_vocabulary(), NOW)
    assert reading.period is not None and reading.period.start == dt.date(2021, 1, 1)


def test_a_record_holding_the_year_named_ranks_before_one_that_does_not(
    assistant: Assistant,
) -> None:
    retriever = assistant.retriever
    terms = retriever.query_terms(["distinction", "call", "2013"], "en")
    best = retriever.search(terms)[0][1]
    assert best.terms.get("y2013")


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        ("How can a small rural town join the IOPD?", {"small", "rural", "town"}),
        ("Une association de parents peut-elle adhérer à l'OIDP ?", {"association", "parents"}),
        ("Com pot el nostre consell comarcal entrar a l'OIDP?", {"consell", "comarcal"}),
    ],
)
def test_who_would_join_is_not_what_is_asked(question: str, aside: set[str]) -> None:
    reading = _read(question)
    assert reading.qtype == "join"
    assert not aside & set(reading.content)


def test_a_name_holding_an_askers_adjective_stays() -> None:
    content = _read("¿cómo se une una ciudad a OGP Local?").content
    assert "ogp" in content


def test_wanting_is_no_topic(assistant: Assistant) -> None:
    content = _read("notre mairie veut adhérer à l'OIDP").content
    terms = assistant.retriever.query_terms(content, "fr")
    assert all(t.startswith("@") or t in {"oidp", "iopd"} for o in terms for t in o)


def test_a_word_written_as_two_of_the_records_words_joined_is_both(
    assistant: Assistant,
) -> None:
    retriever = assistant.retriever
    terms = retriever.query_terms(["oficina", "norteamerica"], "es")
    assert len(terms) == 3  # "norte" and "américa"
    best = retriever.search(terms)[0][1]
    assert best.key == "office-north-america-planned"


@pytest.mark.parametrize(
    ("words", "language"),
    [(["pb", "chicago"], "en"), (["op", "chicago"], "pt"), (["bp", "chicago"], "fr")],
)
def test_initials_name_what_they_stand_for(
    assistant: Assistant, words: list[str], language: str
) -> None:
    """ "PB", "OP", "BP": participatory budgeting as each language abbreviates it."""
    retriever = assistant.retriever
    terms = retriever.query_terms(words, language)
    chicago = next(d for d in retriever.docs if d.key == "pb-conference-chicago-2013")
    assert all(any(chicago.terms.get(t) for t in options) for options in terms)


def test_initials_make_no_record_longer(assistant: Assistant) -> None:
    doc = next(d for d in assistant.retriever.docs if d.key == "pb-conference-chicago-2013")
    assert doc.initials and doc.length < sum(doc.terms.values())


@pytest.mark.parametrize(
    "question",
    [
        "Què és el Global PB Hub? sorry I write in english, what does it do?",
        "¿Qué hace el Global PB Hub? perdón si escribo con prisas, ¿para qué sirve?",
    ],
)
def test_an_apology_in_the_question_is_context(question: str) -> None:
    content = _read(question).content
    assert not {"write", "english", "escribo", "prisas"} & set(content)


@pytest.mark.parametrize("typed", ["oipd", "iodp", "ucgl"])
def test_an_acronym_with_two_letters_swapped_is_that_acronym_and_its_other_names(
    assistant: Assistant, typed: str
) -> None:
    (options,) = assistant.retriever.query_terms([typed], "pt")
    assert typed not in options and len(options) >= 2  # "oidp" and "iopd", "uclg" and "cglu"


def test_a_need_after_the_question_is_not_another_question() -> None:
    focus, around = question_parts(
        "when is the Madrid conference? need dates for the mission order", load_vocabulary()
    )
    assert focus == "when is the Madrid conference?"
    assert "mission order" in around


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Depuis quand l'OIDP collabore avec CGLU ?", "collabore"),
        ("since when has the IOPD worked with UCLG?", "worked"),
    ],
)
def test_working_with_another_body_is_the_relation_not_the_topic(
    assistant: Assistant, question: str, verb: str
) -> None:
    assert verb not in _read(question).content
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert "iopd-uclg-relation" in answer.sources


def test_a_first_question_two_languages_share_still_sets_the_language(
    assistant: Assistant,
) -> None:
    """The opening question's words fit Portuguese and Catalan alike, the second is English:
    the answer is in one of the languages the member opened in."""
    answer = assistant.answer("O OIDP trabalha com a CGLU? since when?", now=NOW)
    assert answer.language == "pt"


def test_a_span_of_days_does_not_name_what_a_relation_verb_is_about() -> None:
    """ "who runs the IOPD day to day": the IOPD alone is named, so "runs" says which record."""
    assert "runs" in _read("who runs the OIDP day to day?").content
