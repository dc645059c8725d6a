"""Asked to list: "can you list...", "pode listar...", "em podeu llistar...".

The verbs of listing (listar, lister, llistar, enumerar) ask for the list like the noun
("lista", "liste") does; a yes/no verb opening the question before them ("can you",
"pode") asks the assistant to do it, not whether it can: the list answers, not "yes".
A yes/no question about a list ("does the list include...?") still asks yes or no.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read

DAY = dt.date(2021, 1, 1)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("Could you list the tasks of priority C in the 2020 plan?", "task-2020-15"),
        ("Pode listar as tarefas da prioridade B do plano 2020?", "task-2020-11"),
        ("Podes listar-me as tarefas da prioridade A do plano 2020?", "task-2020-01"),
        ("Em podeu llistar les tasques de la prioritat D del pla 2020?", "task-2020-19"),
        ("Pouvez-vous lister les tâches de la priorité A du plan 2020 ?", "task-2020-01"),
        ("¿Me podrías listar las tareas de la prioridad C del plan 2020?", "task-2020-15"),
    ],
)
def test_a_request_to_list_is_answered_by_the_list(
    assistant: Assistant, text: str, task: str
) -> None:
    reading = read(text, assistant.vocabulary, DAY)
    assert reading.qtype == "list"
    assert not reading.polar
    answer = assistant.answer(text, now=DAY)
    assert not answer.handoff
    assert task in answer.sources
    assert len(answer.sources) >= 3


@pytest.mark.parametrize(
    "text",
    [
        "Does the list of the 2020 tasks include a cooking class?",
        "Pode listar as senhas dos membros?",
        "Can you list the members' passwords?",
    ],
)
def test_still_handed_off(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text, now=DAY).handoff
