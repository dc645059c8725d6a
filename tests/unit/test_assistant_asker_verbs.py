"""How the asker phrases a question is no topic the record must hold.

- The verb of a French inversion ("la présentation donne-t-elle", "le plan envisage-t-il",
  "qu'attend-on") is set aside for the words around the question; an impersonal "il"
  ("combien de temps reste-t-il", "faut-il") leaves its verb, which is what is asked.
- Verbs saying a thing is in a document ("surten al pla", "constam do plano", "appear in the
  plan", "figure dans") are function words: the document is named, the verb is not.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary_file import load_vocabulary

TODAY = dt.date(2020, 3, 12)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Quelles villes la présentation OGP Local donne-t-elle en exemple ?", "donne"),
        ("Quels mécanismes de coopération le plan 2020 envisage-t-il ?", "envisage"),
        ("Quels projets le plan de travail 2020 prévoit-il ?", "prevoit"),
        ("Dans le défi Open Gov, qu'attend-on des membres sur la liberté des médias ?", "attend"),
        ("Quelles priorités l'Assemblée générale retient-elle pour 2020 ?", "retient"),
    ],
)
def test_an_inverted_verb_is_set_aside(text: str, verb: str) -> None:
    reading = read(text, load_vocabulary(), TODAY)
    assert verb not in reading.content


def test_an_inverted_verb_still_ranks_as_a_word_around_the_question() -> None:
    reading = read(
        "Quelles villes la présentation donne-t-elle en exemple ?", load_vocabulary(), TODAY
    )
    assert "donne" in reading.context


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("combien de temps reste-t-il avant la clôture des candidatures ?", "reste"),
        ("Faut-il payer pour adhérer au réseau ?", "faut"),
    ],
)
def test_an_impersonal_verb_stays(text: str, verb: str) -> None:
    reading = read(text, load_vocabulary(), TODAY)
    assert verb not in reading.context


def test_an_inverted_verb_that_is_all_the_question_says_stays() -> None:
    reading = read("Qui dirige-t-il ?", load_vocabulary(), TODAY)
    assert "dirige" not in reading.context


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    "text",
    [
        "Which projects appear in the 2020 work plan?",
        "Quins projectes surten al pla de treball 2020?",
        "Que projetos constam do plano de trabalho de 2020?",
    ],
)
def test_a_verb_of_being_in_a_document_is_no_topic(assistant: Assistant, text: str) -> None:
    answer = assistant.answer(text, now=TODAY)
    assert not answer.handoff, answer.answer
    assert "project-horizon-2020" in answer.sources


@pytest.mark.parametrize(
    "text",
    [
        "Un plan d'action OGP Local dure-t-il quatre ans ?",
        "Y aura-t-il une session sur les observatoires locaux à Cascais ?",
        "Le forum de Berlin accueille-t-il des villes africaines ?",
        "La Citizenship Academy fait-elle partie du forum de Berlin ?",
    ],
)
def test_a_french_inversion_without_a_question_word_asks_yes_or_no(text: str) -> None:
    assert read(text, load_vocabulary(), TODAY).polar


@pytest.mark.parametrize(
    "text",
    [
        "Quels projets le plan de travail 2020 prévoit-il ?",
        "Où se tient-elle ?",
        "Faut-il un organe de suivi indépendant pour OGP Local ?",  # "il" is no subject
    ],
)
def test_an_inversion_with_a_question_word_or_an_impersonal_il_is_not_yes_or_no(
    text: str,
) -> None:
    assert not read(text, load_vocabulary(), TODAY).polar


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Selon toi, le budget participatif marche-t-il mieux à Porto Alegre ?", "fr"),
        ("Según tú, ¿el sorteo es más democrático que las elecciones?", "es"),
        ("Segons tu, el sorteig és més democràtic que les eleccions?", "ca"),
        ("According to you, is sortition fairer than elections?", "en"),
        ("Na tua opinião, o sorteio é mais democrático do que as eleições?", "pt"),
    ],
)
def test_asking_the_assistants_own_view_is_out_of_scope(text: str, language: str) -> None:
    reading = read(text, load_vocabulary(), TODAY)
    assert reading.out_of_scope and language in reading.out_of_scope_in


@pytest.mark.parametrize(
    "text",
    [
        "yo when does the cascais conference kick off?",
        "yo, where's the cascais conference at?",
        "yo tengo una duda: ¿cuándo empieza la conferencia de Cascais?",
        "eu tenho uma dúvida: quando começa a conferência de Cascais?",
    ],
)
def test_a_subject_pronoun_or_chat_greeting_is_no_topic(assistant: Assistant, text: str) -> None:
    answer = assistant.answer(text, now=dt.date(2013, 5, 1))
    assert not answer.handoff, answer.answer
    assert answer.sources == ["conference-13-cascais-2013"]


@pytest.mark.parametrize(
    "text",
    [
        "¿Habrá una sesión sobre los observatorios locales durante la conferencia de Cascais?",
        "Haverá uma sessão sobre os observatórios locais durante a conferência de Cascais?",
        "Is there a session on local observatories during the Cascais conference?",
    ],
)
def test_during_is_a_function_word(assistant: Assistant, text: str) -> None:
    answer = assistant.answer(text, now=dt.date(2013, 4, 29))
    assert not answer.handoff, answer.answer
    assert answer.sources == ["local-observatories-session-cascais-2013"]


@pytest.mark.parametrize(
    "text",
    [
        "help me understand the Global PB Hub",
        "j'aimerais comprendre ce qu'est le Global PB Hub",
        "queria perceber o que é o Global PB Hub",
        "quiero entender qué es el Global PB Hub",
        "voldria entendre què és el Global PB Hub",
    ],
)
def test_wanting_to_understand_is_no_topic(assistant: Assistant, text: str) -> None:
    answer = assistant.answer(text, now=dt.date(2020, 10, 10))
    assert not answer.handoff, answer.answer
    assert answer.sources == ["project-global-pb-hub"]


@pytest.mark.parametrize(
    "text",
    [
        "could you check where the Cascais conference is?",
        "I need to double-check the dates of the Cascais conference",
        "¿Podéis verificar dónde es la conferencia de Cascais?",
        "Pouvez-vous vérifier où a lieu la conférence de Cascais ?",
        "Podeu comprovar on es fa la conferència de Cascais?",
    ],
)
def test_asking_to_check_is_no_topic(assistant: Assistant, text: str) -> None:
    answer = assistant.answer(text, now=dt.date(2013, 5, 1))
    assert not answer.handoff, answer.answer
    assert answer.sources == ["conference-13-cascais-2013"]
