"""A member's introduction or story before the question, in the five languages: "I saw
that Bogotá has a gender parity project. What is it about?" takes its topic from the story
("I saw that", "he vist que", "j'ai lu que" frame it, and "what is it about", "de qué se
trata", "do que se trata", "de què es tracta" ask what it is); a clause saying when the
asker needs the answer ("Before the plenary next month:") is their story, not a time asked.
Near misses: a question pointing back to a story naming nothing is handed off, and a story
naming one record while the question names another does not answer with the story's.
"Me han hablado del OIDP", "people told us about the IOPD" are the asker's story, and so is
"vi que" ("that", no question word: "Vi que Buenos Aires está en el círculo...:").
Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

BOGOTA = "ogp-example-bogota-gender-parity"
FEE = "faq-membership-fee"


@pytest.mark.parametrize(
    "question",
    [
        "I read that Bogotá has a gender parity project. What is it about?",
        "I saw that Bogotá has a gender parity project. What is it about?",
        "Leí que Bogotá tiene un proyecto de paridad de género. ¿De qué se trata?",
        "Vi que Bogotá tiene un proyecto de paridad de género. ¿De qué se trata?",
        "Li que Bogotá tem um projeto de paridade de género. Do que se trata?",
        "He llegit que Bogotà té un projecte de paritat de gènere. De què es tracta?",
        "He vist que Bogotà té un projecte de paritat de gènere. De què es tracta?",
        "J'ai lu que Bogota a un projet de parité de genre. De quoi s'agit-il ?",
    ],
)
def test_a_question_pointing_back_takes_its_topic_from_the_story(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2027, 6, 29))
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [BOGOTA], answer.answer
    assert "50/50" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Soy técnico de un ayuntamiento de Murcia. Antes de la junta del lunes: ¿hay que "
        "pagar cuota para ser miembro del OIDP?",
        "I work for a town council near Leeds. Before the committee meeting next week: do "
        "members have to pay a fee to join the IOPD?",
        "Je travaille pour une mairie près de Lyon. Avant le conseil municipal du mois "
        "prochain : faut-il payer une cotisation pour être membre de l'OIDP ?",
        "Treballo en un ajuntament del Maresme. Abans del ple del mes que ve: cal pagar "
        "quota per ser membre de l'OIDP?",
        "Trabalho numa câmara perto de Braga. Antes da reunião de câmara do mês que vem: é "
        "preciso pagar quota para ser membro do OIDP?",
    ],
)
def test_when_the_asker_needs_the_answer_is_their_story(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2026, 2, 10))
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [FEE], answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Me han hablado del OIDP. ¿Qué tenemos que hacer para hacernos socios?",
        "People told us about the IOPD. What do we have to do to become members?",
        "M'han parlat de l'OIDP. Què hem de fer per fer-nos socis?",
        "On m'a parlé de l'OIDP. Que devons-nous faire pour devenir membres ?",
        "Falaram-me do OIDP. O que temos de fazer para nos tornarmos membros?",
    ],
)
def test_what_the_asker_was_told_of_is_asked_without_the_telling(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2017, 5, 16))
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == ["faq-how-to-join-the-iopd"], answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What is it about?",
        "¿De qué se trata?",
        "Do que se trata?",
        "De què es tracta?",
        "I saw that a town has a new project. What is it about?",
        "I saw that a town has a new project. What is it?",
    ],
)
def test_a_question_pointing_back_to_no_name_is_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2027, 6, 29))
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "I saw that Bogotá has a gender parity project. What is Madrid's lobby register about?",
        "Vi que Bogotá tiene un proyecto de paridad. ¿Cuántos grupos de interés se "
        "inscribieron en el registro de Madrid?",
    ],
)
def test_the_story_s_record_does_not_answer_another_asked(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2027, 6, 29))
    assert BOGOTA not in answer.sources[:1], answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Hola. Vi que Buenos Aires está en el círculo de Acción Climática, pero pregunto por "
        "otro: ¿quiénes forman el Círculo de Agenda 2030 y ODS de OGP Local?",
        "Hi from Rosario. I saw that Buenos Aires is in the Climate Action circle, but I'm "
        "asking about another one: who is in the OGP Local Agenda 2030 and SDGs circle?",
        "Bon dia. He vist que Buenos Aires és al cercle d'Acció Climàtica, però pregunto per un "
        "altre: qui forma el cercle d'Agenda 2030 i ODS d'OGP Local?",
        "Olá. Vi que Buenos Aires está no círculo de Ação Climática, mas pergunto por outro: "
        "quem forma o círculo da Agenda 2030 e ODS do OGP Local?",
    ],
)
def test_the_record_asked_answers_not_the_one_in_the_story(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2026, 1, 28))
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == ["ogp-circle-2030-agenda"], answer.answer
