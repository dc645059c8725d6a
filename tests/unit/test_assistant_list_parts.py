"""Lists of a record's parts: a count said is no filter, the parts of the whole named are
listed (and the whole cited and named), a kind is said only with its whole name, and of
tied records the one holding clearly more of the question is chosen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.retrieval_doc import Doc

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
SPRING_2020 = dt.date(2020, 4, 1)
PRIORITIES_2020 = [
    "priority-a-communication",
    "priority-b-evaluation",
    "priority-c-growing",
    "priority-d-learning",
]


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("List the three strategic priorities of the 2020 plan", "en"),
        ("Quais são as quatro prioridades estratégicas do plano 2020?", "pt"),
        ("Quines són les quatre prioritats estratègiques del pla 2020?", "ca"),
    ],
)
def test_a_count_said_is_no_filter(assistant: Assistant, question: str, language: str) -> None:
    """ "The four priorities": every priority of the plan, whatever count the asker says
    (even a wrong one), and the plan that states them is cited."""
    answer = assistant.answer(question, now=SPRING_2020)
    assert not answer.handoff
    assert answer.language == language
    assert set(PRIORITIES_2020) <= set(answer.sources)
    assert "work-plan-2020" in answer.sources


@pytest.mark.parametrize(
    ("question", "language", "priority", "tasks"),
    [
        ("Which tasks belong to priority D?", "en", "priority-d-learning", range(19, 23)),
        ("Quelles tâches relèvent de la priorité A ?", "fr", "priority-a-communication", [1, 10]),
        ("Quines tasques té la prioritat B?", "ca", "priority-b-evaluation", range(11, 15)),
    ],
)
def test_the_parts_of_the_record_named(
    assistant: Assistant, question: str, language: str, priority: str, tasks: range | list[int]
) -> None:
    """A list of another kind than the record named: its parts of that kind, not the record's
    own text; the header names the priority (the nearest whole), not only its plan."""
    answer = assistant.answer(question, now=SPRING_2020)
    assert not answer.handoff
    assert answer.language == language
    assert {f"task-2020-{n:02d}" for n in tasks} <= set(answer.sources)
    assert priority in answer.sources
    assert not any(
        s.startswith("task-") and s not in {f"task-2020-{n:02d}" for n in range(1, 23)}
        for s in answer.sources
    )
    header = answer.answer.splitlines()[0]
    label = priority.split("-")[1].upper()
    assert f" {label}" in header


def test_a_task_is_part_of_the_priority_its_data_names(assistant: Assistant) -> None:
    retriever = assistant.responder.retriever
    task = next(d for d in retriever.docs if d.key == "task-2020-15")
    assert "priority-c-growing" in task.wholes
    assert "work-plan-2020" in task.wholes
    assert "strengthen" not in task.terms  # the priority's name is not inherited


@pytest.mark.parametrize(
    ("question", "record"),
    [
        (
            "Madrid's lobby registry: what is it and does it work?",
            "ogp-example-madrid-lobby-registry",
        ),
        (
            "¿Qué hizo Monterrey con los datos de violencia de género y funcionó?",
            "ogp-example-monterrey-gender-violence-data",
        ),
    ],
)
def test_one_word_of_a_kinds_name_names_no_kind(
    assistant: Assistant, question: str, record: str
) -> None:
    """ "Does it work" says "work" of "work plan" and "working group", not either kind: the
    record of the question is answered, not handed off for lacking a kind."""
    answer = assistant.answer(question, now=dt.date(2024, 1, 1))
    assert not answer.handoff
    assert record in answer.sources


def test_a_tie_goes_to_the_record_holding_more_of_the_question(assistant: Assistant) -> None:
    responder = assistant.responder
    retriever = responder.retriever
    docs = {d.key: d for d in retriever.docs}
    terms = retriever.query_terms(["madrid", "lobby", "registry"], "en")
    fuller: Doc | None = responder._fullest(
        docs["conference-15-madrid"], [docs["ogp-example-madrid-lobby-registry"]], terms
    )
    assert fuller is docs["ogp-example-madrid-lobby-registry"]
    alike = retriever.query_terms(["madrid"], "en")
    assert (
        responder._fullest(
            docs["conference-15-madrid"], [docs["ogp-example-madrid-lobby-registry"]], alike
        )
        is None
    )


@pytest.mark.parametrize(
    ("words", "language"),
    [
        (["fee", "for", "a", "city", "of", "80", "000", "people"], "en"),
        (["quota", "per", "a", "un", "municipi", "de", "25", "000", "habitants"], "ca"),
        (["cuota", "para", "1", "200", "000", "habitantes"], "es"),
    ],
)
def test_a_number_in_groups_of_three_digits_is_no_edition(
    assistant: Assistant, words: list[str], language: str
) -> None:
    """ "80,000 people" (normalised "80 000") is a quantity: neither edition 80 nor a word
    the records lack; a year or a number alone still is one."""
    terms = assistant.responder.retriever.query_terms(words, language)
    said = set().union(*terms)
    assert not any(t[0] == "#" or t.isdigit() for t in said)
    alone = assistant.responder.retriever.query_terms(["conference", "15", "2013"], "en")
    assert {"#15"} in alone and {"y2013"} in alone


THEMATIC_2020 = {
    "thematic-climate-change",
    "thematic-gender",
    "thematic-youth-pb",
    "thematic-legal-frameworks",
    "thematic-sortition",
    "thematic-ict-innovation",
}


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("the thematic priorities of the 2020 plan", "en"),
        ("les priorités thématiques du plan 2020 svp", "fr"),
    ],
)
def test_asked_of_a_kind_every_record_of_it_is_named(
    assistant: Assistant, question: str, language: str
) -> None:
    """Asked of a kind by no word of one record's own name, each record of the kind that fits
    as well is named, not only those whose texts read alike."""
    answer = assistant.answer(question, now=dt.date(2020, 5, 5))
    assert not answer.handoff
    assert answer.language == language
    assert set(answer.sources) == THEMATIC_2020


def test_one_record_of_the_kind_named_by_its_own_words_is_answered_alone(
    assistant: Assistant,
) -> None:
    answer = assistant.answer(
        "What is the thematic priority on gender in the 2020 plan?", now=dt.date(2020, 5, 5)
    )
    assert answer.sources == ["thematic-gender"]
