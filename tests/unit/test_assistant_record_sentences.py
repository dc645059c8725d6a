"""Questions about what a named record's text says, asked by a slot its fields do not hold
(who is contacted first in a task, how a task's reports are paid for), in the five
languages: the record named by its number answers with the one sentence of its text that
carries the words asked, cited. A question whose
words no sentence carries (who leads the task, who pays, what it costs) is still handed
off, citing the record. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

CLEAN_UP = "task-2020-15"
AGREEMENT = "action-2013-uclg-agreement"
ASSEMBLY = "general-assembly-2020"
REPORTS = "task-2020-12"
NOW = dt.date(2020, 3, 3)


@pytest.mark.parametrize(
    ("question", "record", "fact"),
    [
        ("Task 15 of the 2020 plan: who is contacted first?", CLEAN_UP, "inactive members"),
        ("Tarea 15 del plan 2020: ¿a quién se contacta primero?", CLEAN_UP, "inactivos"),
        ("tâche 15 du plan 2020 : qui est contacté en premier ?", CLEAN_UP, "inactifs"),
        ("Tasca 15 del pla 2020: qui es contacta primer?", CLEAN_UP, "inactius"),
        ("Tarefa 15 do plano 2020: quem é contactado primeiro?", CLEAN_UP, "inativos"),
        (
            "Task 12 of the 2020 plan: how are the special reports supposed to be paid for?",
            REPORTS,
            "Fundraising",
        ),
        ("Tarea 12 del plan 2020: ¿cómo se pagan los informes especiales?", REPORTS, "fondos"),
        (
            "tâche 12 du plan 2020 : comment les rapports spéciaux sont-ils payés ?",
            REPORTS,
            "fonds",
        ),
        ("Tasca 12 del pla 2020: com es paguen els informes especials?", REPORTS, "fons"),
        ("Tarefa 12 do plano 2020: como são pagos os relatórios especiais?", REPORTS, "fundos"),
        ("qui a défini les priorités thématiques de 2020 ?", ASSEMBLY, "Assemblée générale"),
    ],
)
def test_the_sentence_carrying_the_words_asked_answers(
    lingua_assistant: Assistant, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert record in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("who leads task 15 of the 2020 plan?", CLEAN_UP),
        ("qui dirige la tâche 15 du plan 2020 ?", CLEAN_UP),
        ("Qui dirigeix la tasca 15 del pla 2020?", CLEAN_UP),
        ("Quem lidera a tarefa 15 do plano 2020?", CLEAN_UP),
        ("who pays for task 12 of the 2020 plan?", REPORTS),
        ("Tarea 12 del plan 2020: ¿quién paga los informes especiales?", REPORTS),
        ("task 12 of the 2020 plan: who writes the special reports?", REPORTS),
        ("Tarea 12 del plan 2020: ¿cuánto cuestan los informes especiales?", REPORTS),
        ("task 21 of the 2020 plan: who identifies the priority contents?", "task-2020-21"),
        ("Tarefa 21 do plano 2020: quem identifica os conteúdos prioritários?", "task-2020-21"),
        ("who heads the African Platform of the IOPD?", "office-africa-dakar"),
        ("who signs the renewal of the collaboration agreement in the 2013 plan?", AGREEMENT),
        ("who organises the 2020 General Assembly?", ASSEMBLY),
        ("¿quién dirige la Plataforma Africana del OIDP?", "office-africa-dakar"),
    ],
)
def test_words_no_sentence_carries_are_handed_off_citing_the_record(
    lingua_assistant: Assistant, question: str, record: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert answer.sources == [record]


def test_a_comment_naming_another_record_leaves_the_who_to_that_record(
    lingua_assistant: Assistant,
) -> None:
    """The task's sentence carries "suggest" and the hub's name, but not who suggested it:
    the record of the hub the question names says that."""
    answer = lingua_assistant.answer(
        "who suggested that the Global PB Hub support the mutual evaluation mechanisms of task"
        " 14 in the 2020 plan?",
        now=NOW,
    )
    assert "A comment suggests support" not in answer.answer


def test_a_task_no_record_holds_is_still_handed_off(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("task 40 of the 2020 plan: who is contacted first?", now=NOW)
    assert answer.handoff, answer.answer
