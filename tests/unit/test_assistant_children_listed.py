"""List questions naming a parent record ("the tasks of priority D", "the lines of the 2013
plan") are answered with its children, each named and cited, not with the parent alone; a
list "besides X" leaves X out. Questions in words of their own, in several languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.analyser import LAUNCH_TERM, ONLINE_TERM, Analyser
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
IN_2020 = dt.date(2020, 5, 1)
LATE_2013 = dt.date(2013, 10, 1)
LINES_2013 = {
    "work-plan-2013-line-knowledge",
    "work-plan-2013-line-members",
    "work-plan-2013-line-visibility",
    "work-plan-2013-line-functioning",
}
THEMES_2020 = {
    "thematic-climate-change",
    "thematic-gender",
    "thematic-youth-pb",
    "thematic-legal-frameworks",
    "thematic-sortition",
    "thematic-ict-innovation",
}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


def _tasks(assistant: Assistant, priority: str) -> set[str]:
    return {
        e.id
        for e in assistant.index.by_kind["work_plan_task"]
        if e.data.get("priority") == priority and e.data.get("work_plan") == "2020"
    }


@pytest.mark.parametrize(
    ("question", "priority"),
    [
        ("What are the tasks under priority D?", "D"),
        ("Quines són les tasques de la prioritat A?", "A"),
        ("Tarefas da prioridade B?", "B"),
        ("Tareas de la prioridad D", "D"),
        ("tâches de la priorité C", "C"),
    ],
)
def test_the_tasks_of_a_priority_are_listed(
    assistant: Assistant, question: str, priority: str
) -> None:
    answer = assistant.answer(question, now=IN_2020)
    assert not answer.handoff, answer.answer
    tasks = _tasks(assistant, priority)
    assert tasks and tasks <= set(answer.sources), answer.sources
    others = {t.id for t in assistant.index.by_kind["work_plan_task"]} - tasks
    assert not others & set(answer.sources)


@pytest.mark.parametrize(
    "question",
    [
        "¿Cuáles son las líneas del plan de trabajo 2013?",
        "Les axes du plan de travail 2013 ?",
        "quins són els eixos del pla de treball 2013?",
        "Quais são as linhas do plano de trabalho deste ano?",
    ],
)
def test_the_lines_of_a_plan_are_listed(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=LATE_2013)
    assert not answer.handoff, answer.answer
    assert set(answer.sources) >= LINES_2013, answer.sources


@pytest.mark.parametrize(
    ("question", "left_out"),
    [
        (
            "Besides climate change and gender, what thematic priorities does the 2020 "
            "work plan have?",
            {"thematic-climate-change", "thematic-gender"},
        ),
        (
            "Apart from gender, which other thematic priorities are in the 2020 plan?",
            {"thematic-gender"},
        ),
        ("Além do género, que prioridades temáticas tem o plano 2020?", {"thematic-gender"}),
        (
            "A part del gènere, quines prioritats temàtiques té el pla 2020?",
            {"thematic-gender"},
        ),
        (
            "¿Qué otras prioridades temáticas hay en el plan 2020 aparte del clima?",
            {"thematic-climate-change"},
        ),
    ],
)
def test_a_list_besides_some_leaves_them_out(
    assistant: Assistant, question: str, left_out: set[str]
) -> None:
    answer = assistant.answer(question, now=IN_2020)
    assert not answer.handoff, answer.answer
    cited = set(answer.sources)
    assert not cited & left_out, cited
    assert THEMES_2020 - left_out <= cited, cited


@pytest.mark.parametrize(
    ("text", "language"),
    [("inscription en ligne", "fr"), ("votar en línea", "es"), ("plataforma em linha", "pt")],
)
def test_online_is_one_term_never_a_plans_line(text: str, language: str) -> None:
    analyser = Analyser(load_vocabulary())
    terms = analyser.terms(text, language)
    assert ONLINE_TERM in terms
    assert analyser.stem(normalise(text).split()[-1], language) not in terms


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("Quines són les línies del pla de treball d'aquest any?", LATE_2013),
        ("Cuáles son los ejes del plan de trabajo de este año?", LATE_2013),
    ],
)
def test_an_elided_d_before_a_vowel_labels_nothing(
    assistant: Assistant, question: str, now: dt.date
) -> None:
    answer = assistant.answer(question, now=now)
    assert not answer.handoff, answer.answer
    assert set(answer.sources) >= LINES_2013, answer.sources
    assert "priority-d-learning" not in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "How many lines did the work plan approved in Cascais in 2013 have?",
        "¿Cuántas líneas tenía el plan de trabajo aprobado en Portugal en 2013?",
    ],
)
def test_how_many_parts_is_answered_by_their_whole(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=LATE_2013)
    assert not answer.handoff, answer.answer
    assert "work-plan-2013" in answer.sources
    assert "members-session-cascais-2013" not in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "Les priorités thématiques 2020 ?",
        "Prioridades temáticas 2020?",
        "thematic priorities 2020?",
    ],
)
def test_a_kind_named_in_the_plural_is_a_list(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=IN_2020)
    assert not answer.handoff, answer.answer
    assert set(answer.sources) >= THEMES_2020, answer.sources


def test_a_list_of_what_a_document_holds_lists_its_records(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Which member examples does the OGP Local presentation give?", now=dt.date(2024, 1, 8)
    )
    assert not answer.handoff, answer.answer
    examples = {
        "ogp-example-madrid-lobby-registry",
        "ogp-example-bogota-gender-parity",
        "ogp-example-banggai-pregnancy-app",
        "ogp-example-monterrey-gender-violence-data",
    }
    assert set(answer.sources) >= examples, answer.sources


@pytest.mark.parametrize(
    ("text", "language"),
    [("mis en ligne", "fr"), ("se puso en línea", "es"), ("es va posar en línia", "ca")],
)
def test_put_online_is_a_launch(text: str, language: str) -> None:
    analyser = Analyser(load_vocabulary())
    terms = analyser.terms(text, language)
    assert LAUNCH_TERM in terms
    assert ONLINE_TERM not in terms
