"""Asked in everyday words how to join OGP Local or the network, in the five languages: the
joining verbs members write ("me sumo", "m'hi uneixo", "quer entrar"), the steps, procedure
or what to follow asked beside them, and a sentence saying what is to be joined before a
question asking only its steps ("Notre mairie aimerait rejoindre OGP Local. Quelles sont les
étapes à suivre ?") are answered from the record stating how to join it. Joining something
no record describes, a member's own membership details and passwords stay handed off, and
the steps of another thing asked after a sentence of joining are answered as before.
Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

OGP_LOCAL = {"ogp-local-how-to-join", "faq-join-ogp-local"}
NETWORK = {"faq-how-to-join-the-iopd", "iopd-membership"}
NOW = dt.date(2026, 3, 3)


@pytest.mark.parametrize(
    ("question", "records", "fact"),
    [
        ("¿cómo nos sumamos a OGP Local? nuestra alcaldía quiere entrar", OGP_LOCAL, "local@"),
        ("com ens hi unim a OGP Local? el consell comarcal vol entrar", OGP_LOCAL, "local@"),
        (
            "Notre mairie aimerait rejoindre OGP Local. Quelles sont les étapes à suivre ?",
            OGP_LOCAL,
            "local@",
        ),
        (
            "A nossa câmara municipal quer aderir ao OGP Local. Quais são os passos a seguir?",
            OGP_LOCAL,
            "local@",
        ),
        ("Our county wants to join OGP Local. What is the procedure?", OGP_LOCAL, "local@"),
        ("quelle est la démarche à suivre pour rejoindre OGP Local ?", OGP_LOCAL, "slack"),
        ("quelles sont les étapes pour rejoindre OGP Local ?", OGP_LOCAL, "local@"),
        ("¿qué pasos hay que seguir para unirse a OGP Local?", OGP_LOCAL, "local@"),
        (
            "Nuestra universidad quiere formar parte del OIDP. ¿Qué pasos debemos seguir?",
            NETWORK,
            "",
        ),
        ("quelle est la démarche à suivre pour adhérer à l'OIDP ?", NETWORK, ""),
        ("quins passos cal seguir per formar part de l'OIDP?", NETWORK, ""),
        ("La nostra entitat vol adherir-se a l'OIDP. Quines etapes cal seguir?", NETWORK, ""),
        ("quais são as etapas para aderir ao OIDP?", NETWORK, ""),
        ("what steps should we take to join the IOPD?", NETWORK, ""),
        ("We'd like to join the network. What is the procedure?", NETWORK, ""),
    ],
)
def test_joining_asked_in_everyday_words_is_answered(
    lingua_assistant: Assistant, question: str, records: set[str], fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] and answer.sources[0] in records, answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "j'ai oublié le mdp de mon compte slack OGP Local",
        "I forgot my password for the OGP Local Slack",
        "perdí mis credenciales del slack de OGP Local",
        "¿cómo me sumo al club de lectura del barrio?",
        "A nossa associação quer entrar no clube de futebol. Que passos devemos seguir?",
        "l'ajuntament vol entrar a la xarxa de ciutats educadores, quins passos cal seguir?",
        "¿cuál es mi número de socio del OIDP?",
    ],
)
def test_joining_what_no_record_states_is_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer


def test_the_steps_of_another_thing_after_joining_are_that_things(
    lingua_assistant: Assistant,
) -> None:
    answer = lingua_assistant.answer(
        "Our town wants to join OGP Local. What are the steps of the action plan cycle?", now=NOW
    )
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == ["ogp-local-action-plan-cycle"]


def test_a_working_group_no_record_says_how_to_join_stays_handed_off(
    lingua_assistant: Assistant,
) -> None:
    answer = lingua_assistant.answer(
        "ens volem apuntar al grup de treball sobre els nous estatuts, com ho fem?", now=NOW
    )
    assert answer.handoff, answer.answer
