"""How a question is read, by class (issue 22).

Each test asks in words of its own, in several languages, and checks the rule that serves
the whole class: a date word read as a deadline, "qu'est-ce qui", a slot word inside a
name, greetings around a question, swapped letters in time words, the asker's "now".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.asking import proper_name_words
from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary import Vocabulary

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2019, 10, 7)


@pytest.mark.parametrize(
    "question",
    [
        "¿En qué fecha se inauguró el foro de Montreal?",
        "¿cuál es la fecha del seminario de Canoas?",
        "Em que data foi a assembleia?",
        "what's on at the end of the year?",
        "Quels événements à la fin de l'année ?",
    ],
)
def test_a_date_asked_is_no_deadline(vocabulary: Vocabulary, question: str) -> None:
    """Spanish "fecha" (date) is Portuguese "fecha" (it closes), "end" of "the end of the
    year" a part of it: asked as a date or a period, they ask no closing day."""
    assert not read(question, vocabulary, NOW).closing


@pytest.mark.parametrize(
    "question",
    [
        "¿Cuál es la fecha límite de la convocatoria?",
        "Quando fecha a convocatória?",
        "Quin és el termini per enviar candidatures?",
        "Quelle est la date limite pour candidater ?",
        "when is the deadline for entries?",
    ],
)
def test_a_deadline_is_still_asked(vocabulary: Vocabulary, question: str) -> None:
    assert read(question, vocabulary, NOW).closing


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("Qu'est-ce qui change avec le nouveau plan de travail ?", "what"),
        ("Qui est-ce qui coordonne le groupe de travail ?", "who"),
    ],
)
def test_french_est_ce_qui_keeps_its_question_word(
    vocabulary: Vocabulary, question: str, slot: str
) -> None:
    assert read(question, vocabulary, NOW).qtype == slot


@pytest.mark.parametrize(
    "question",
    [
        "How is the network's secretariat financed?",
        "Where is the African platform based?",
        "What is the theme of the conference?",
    ],
)
def test_is_after_a_question_word_asks_no_yes_or_no(vocabulary: Vocabulary, question: str) -> None:
    assert read(question, vocabulary, NOW).qtype != "yesno"


def test_a_slot_word_written_as_a_name_is_the_names(vocabulary: Vocabulary) -> None:
    """A word in capitals, or capitalised beside another name word, is a name's: "SHARE" in
    a project's name asks nothing about sharing, "Join" in "Join Forces Lab" nothing about
    joining; the same word in lower case still asks."""
    named = read("¿Qué es el programa SHARE?", vocabulary, NOW)
    assert named.qtype != "share"
    assert "share" in named.content
    assert read("What is the Join Forces Lab?", vocabulary, NOW).qtype != "join"
    assert read("How can we join the network?", vocabulary, NOW).qtype == "join"
    assert read("Hi, How much does the membership cost?", vocabulary, NOW).qtype == "cost"


def test_names_are_not_read_from_text_in_capitals_or_title_case() -> None:
    assert proper_name_words("WHEN IS THE NEXT CONFERENCE") == frozenset()
    assert proper_name_words("When Is The Next Conference Held") == frozenset()
    assert proper_name_words("c'est quoi le projet GOLD ?") == {"gold"}
    assert proper_name_words("Is GOLD gold?") == frozenset()  # said in lower case too


@pytest.mark.parametrize(
    "question",
    [
        "Buenas, ¿cuándo es la próxima conferencia?",
        "Bones! Quan és la propera conferència?",
        "Boa tarde, quando é a próxima conferência? Um abraço",
        "Good morning, when is the next conference? Regards",
        "Bonsoir, c'est quand la prochaine conférence ? Bien à vous",
    ],
)
def test_greetings_and_sign_offs_are_set_aside(vocabulary: Vocabulary, question: str) -> None:
    reading = read(question, vocabulary, NOW)
    left = [w for w in reading.content if w not in vocabulary.stopwords]
    assert left == [w for w in left if w.startswith("confer")]
    assert reading.relative == "next"


@pytest.mark.parametrize(
    "question",
    [
        "¿Quién ganó el premio a las buenas prácticas?",
        "Qui va guanyar el premi a les bones pràctiques?",
        "Quem ganhou o prémio de boas práticas?",
    ],
)
def test_a_greeting_inside_a_kinds_name_is_the_names(vocabulary: Vocabulary, question: str) -> None:
    reading = read(question, vocabulary, NOW)
    assert {"buenas", "bones", "boas"} & set(reading.content)


@pytest.mark.parametrize(
    "question",
    [
        "quand est la porchaine assemblée ?",
        "¿cuándo es la prxóima asamblea?",
        "quan és la prpoera assemblea?",
        "quando é a próixma assembleia?",
        "when is the upcomnig assembly?",
    ],
)
def test_swapped_letters_in_a_time_word_still_say_next(
    vocabulary: Vocabulary, question: str
) -> None:
    assert read(question, vocabulary, NOW).relative == "next"


def test_catalan_this_year_gives_the_period(vocabulary: Vocabulary) -> None:
    period = read("Quins esdeveniments hi ha d'enguany?", vocabulary, NOW).period
    assert period is not None and (period.start, period.end) == (
        dt.date(2019, 1, 1),
        dt.date(2019, 12, 31),
    )


@pytest.mark.parametrize("word", ["now", "ahora", "maintenant", "ara", "agora"])
def test_now_is_the_askers_clock_not_a_records_word(vocabulary: Vocabulary, word: str) -> None:
    assert word in vocabulary.stopwords


def test_a_name_written_in_capitals_finds_its_record(assistant: Assistant) -> None:
    """The records write PARTICIPATE in capitals: its own term, rarer than the stem of
    "participate" (in most records), finds the platform first in every language."""
    retriever = assistant.responder.retriever
    for language, words in [("fr", ["participate"]), ("pt", ["plataforma", "participate"])]:
        ranked = retriever.search(retriever.query_terms(words, language))
        assert ranked[0][1].key == "project-participate-oidp"


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("¿Dónde está la ofciina regional de África?", "oficina"),
        ("Quand a lieu la prochaine réunoin ?", "reunion"),
        ("quando é a próxima conferêcnia?", "conferencia"),
        ("Where is the next conefrence?", "conference"),
        ("Quan és el proper seminrai?", "seminari"),
    ],
)
def test_swapped_letters_in_a_kinds_name_still_name_it(
    vocabulary: Vocabulary, question: str, word: str
) -> None:
    assert word in read(question, vocabulary, NOW).content


def test_a_city_is_written_in_the_answers_language_with_its_own_name() -> None:
    from hub.core.assistant.place_names import city_name, city_variants

    assert city_name("Barcelona", "fr") == "Barcelone (Barcelona)"
    assert city_name("Barcelona", "es") == "Barcelona"
    assert city_name("Berlin", "pt") == "Berlim (Berlin)"
    assert city_name("Cocody, Abidjan", "fr") == "Cocody, Abidjan"
    assert ("fr", "Barcelone") in city_variants("Barcelona")


@pytest.mark.parametrize(
    ("question", "language", "city"),
    [
        ("Où se trouve le secrétariat technique de l'OIDP ?", "fr", "Barcelone"),
        ("Onde fica o secretariado técnico do OIDP?", "pt", "Barcelona"),
    ],
)
def test_the_answer_names_the_city_as_the_member_writes_it(
    assistant: Assistant, question: str, language: str, city: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language and not answer.handoff
    assert city in answer.answer


def test_a_city_asked_in_the_members_language_finds_its_records(assistant: Assistant) -> None:
    retriever = assistant.responder.retriever
    ranked = retriever.search(retriever.query_terms(["barcelone"], "fr"))
    assert ranked and "barcelona" in {w for w in retriever.place_words}
    assert any(retriever.analyser.stem("barcelone", "fr") in d.own_places for _, d in ranked[:3])


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("hey, when is the next conferència de l'OIDP a la ciutat?", "ca"),
        ("ok so when is la próxima conferencia del OIDP en la ciudad?", "es"),
        ("salut, when is la prochaine conférence de l'OIDP ?", "fr"),
        ("olá, when is a próxima conferência do OIDP na cidade?", "pt"),
        ("When is the Foro Urbano Mundial?", "en"),
        ("Is the Orçamento Participativo of Porto Alegre a member?", "en"),
        ("who organised the 13th conference? ¿quién la organizó?", "en"),
    ],
)
def test_english_words_in_a_members_own_language_leave_it_theirs(
    assistant: Assistant, question: str, language: str
) -> None:
    """Members write English words in their own language, seldom the other way round: a
    question mostly in English that says enough words of another language is that
    language's; a record's name in another language, or a second question translating the
    first, is not."""
    assert assistant.answer(question, now=NOW).language == language


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("Exlpícame el grupo de trabajo", "what"),
        ("Quanod é a assembleia?", "when"),
        ("¿Cuádno es la asamblea?", "when"),
    ],
)
def test_swapped_letters_in_a_question_word_still_ask_it(
    vocabulary: Vocabulary, question: str, slot: str
) -> None:
    assert read(question, vocabulary, NOW).qtype == slot
