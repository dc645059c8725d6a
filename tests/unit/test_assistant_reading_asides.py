"""Words that look like a question's slot but are something else (issue 22).

Each class in several languages, in words of its own: a request to tell ("can you tell
me which...") is no yes/no question; a greeting before a yes/no verb does not hide it; a
French relative "qui" after a noun asks no "who"; English "fall" as a verb names no
autumn.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary import Vocabulary

NOW = dt.date(2020, 3, 2)


@pytest.mark.parametrize(
    "question",
    [
        "could you tell me which working groups the plan created?",
        "¿me puedes decir qué oficinas regionales tiene el OIDP?",
        "¿podrías decirme qué grupos de trabajo existen?",
        "em pots dir quines oficines regionals té l'OIDP?",
        "você pode me dizer quais escritórios regionais existem?",
        "peux-tu me dire quels bureaux régionaux existent ?",
    ],
)
def test_a_request_to_tell_which_asks_the_list(vocabulary: Vocabulary, question: str) -> None:
    """The request's verb ("tell", "decir", "dir", "dizer", "dire") asks nothing and names
    nothing: the question is the list after it, not whether the assistant can."""
    reading = read(question, vocabulary, NOW)
    assert reading.qtype == "list"
    assert not reading.polar
    assert not {"tell", "decir", "decirme", "dir", "dizer", "dire"} & set(reading.content)


@pytest.mark.parametrize(
    "question",
    [
        "hey, is Buenos Aires part of an OGP Local circle? which one",
        "hola, ¿Bogotá está en algún círculo de OGP Local? ¿cuál?",
        "olá, Aragão está em algum círculo do OGP Local? qual?",
    ],
)
def test_a_greeting_keeps_the_yes_no_verb_before_which_one(
    vocabulary: Vocabulary, question: str
) -> None:
    """ "hey, is X part of a circle? which one": the verb after the greeting opens the
    question as surely as without it; the "which one" after it asks which."""
    assert read(question, vocabulary, NOW).polar


@pytest.mark.parametrize(
    "question",
    [
        "Je voudrais connaître les bureaux qui sont ouverts",
        "Existe-t-il des bureaux régionaux qui fonctionnent en Afrique ?",
        "Quels sont les groupes de travail qui existent ?",
        "Y a-t-il des prix qui récompensent les villes ?",
    ],
)
def test_a_french_relative_qui_asks_no_who(vocabulary: Vocabulary, question: str) -> None:
    """ "les bureaux qui existent": "qui" after a noun joins a clause to it (English
    "which"), it does not ask who."""
    assert read(question, vocabulary, NOW).qtype != "who"


@pytest.mark.parametrize(
    "question",
    [
        "Qui organise la conférence de 2020 ?",
        "C'est qui le coordinateur du groupe de travail ?",
        "À qui dois-je écrire pour adhérer ?",
    ],
)
def test_french_qui_still_asks_who(vocabulary: Vocabulary, question: str) -> None:
    assert read(question, vocabulary, NOW).qtype in {"who", "join"}


@pytest.mark.parametrize(
    "question",
    [
        "Does the Local Democracy Academy fall under the IOPD?",
        "which priority does the observatory work fall into?",
        "when does the award ceremony fall?",
        "did the number of members fall after 2015?",
    ],
)
def test_fall_as_a_verb_names_no_autumn(vocabulary: Vocabulary, question: str) -> None:
    reading = read(question, vocabulary, NOW)
    assert reading.period is None or reading.period.season != "autumn"


@pytest.mark.parametrize(
    "question",
    [
        "what's on in the fall?",
        "any events this fall?",
        "was there a seminar in fall 2019?",
        "is there a session next fall?",
    ],
)
def test_fall_as_a_season_still_names_autumn(vocabulary: Vocabulary, question: str) -> None:
    reading = read(question, vocabulary, NOW)
    assert reading.period is not None and reading.period.season == "autumn"


@pytest.mark.parametrize(
    "question",
    [
        "L'OIDP va organitzar un seminari a Canoes?",
        "Els membres van aprovar el pla de treball del 2020?",
        "La ciutat de Girona va guanyar algun premi?",
    ],
)
def test_a_catalan_past_without_question_word_asks_yes_no(
    vocabulary: Vocabulary, question: str
) -> None:
    """Catalan tells the past with "va"/"van" and an infinitive ("va organitzar"): with no
    question word, the question asks whether."""
    reading = read(question, vocabulary, NOW)
    assert reading.polar and reading.qtype == "yesno"


@pytest.mark.parametrize(
    "question",
    ["Quan va organitzar l'OIDP un seminari a Canoes?", "On van aprovar el pla de treball?"],
)
def test_a_catalan_past_with_question_word_asks_it(vocabulary: Vocabulary, question: str) -> None:
    assert not read(question, vocabulary, NOW).polar


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("Where was the IOPD congress of 2013?", "conference"),
        ("¿Dónde se celebró el congreso del OIDP en 2016?", "conferencia"),
        ("Le congrès de l'OIDP de 2013 était-il à Lisbonne ?", "conference"),
        ("Quan es va fer el congrés de l'OIDP del 2013?", "conference"),
        ("Onde foi o congresso do OIDP em 2016?", "conferencia"),
    ],
)
def test_the_networks_congress_is_its_conference(
    vocabulary: Vocabulary, question: str, word: str
) -> None:
    """The network holds conferences: "its congress" names one of them."""
    assert word in read(question, vocabulary, NOW).content


@pytest.mark.parametrize(
    "question",
    ["When was the UCLG congress in Rabat?", "¿Participó el OIDP en el congreso de CGLU?"],
)
def test_another_bodys_congress_stays_a_congress(vocabulary: Vocabulary, question: str) -> None:
    content = read(question, vocabulary, NOW).content
    assert {"congress", "congreso"} & set(content)


@pytest.mark.parametrize(
    "question",
    ["Hi va haver un seminari el 2016, i on?", "Es farà una conferència l'any que ve i on?"],
)
def test_catalan_and_where_asks_the_place(vocabulary: Vocabulary, question: str) -> None:
    """Catalan "on" alone is English "on", but "i on" (and where) closing a question asks
    the place, as "and where?", "¿y dónde?" do."""
    assert read(question, vocabulary, NOW).qtype == "where"
