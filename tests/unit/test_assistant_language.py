"""The question's language from what normalising throws away: letters, marks, clitics,
abbreviations and countries' names as one language writes them."""

from __future__ import annotations

import pytest

from hub.core.assistant.language import QuestionLanguage, evidence
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary


def _detect(text: str) -> str:
    vocabulary = load_vocabulary()
    return QuestionLanguage(vocabulary.votes).detect(text, normalise(text).split())


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("què hi ha a Lisboa", "ca"),  # "què" has a Catalan grave accent
        ("això és gratuït?", "ca"),
        ("quin és el fòrum", "ca"),
        ("¿hay algo en Rabat?", "es"),  # the opening question mark is only Spanish
        ("el año de la reunión", "es"),
        ("eventos este mês", "pt"),
        ("explica-me o plano", "pt"),  # a clitic after a vowel: Portuguese, not Catalan
        ("explica'm el pla", "ca"),  # the same clitic as Catalan writes it
        ("dis-moi la date", "fr"),
        ("eventos nos Emirados Árabes Unidos", "pt"),  # the country as Portuguese names it
        ("eventos en Marruecos", "es"),
        ("when is the next event", "en"),
        ("ok thanks, i on és?", "ca"),  # English thanks vote for no language
        ("oye, cuál es el email? thanks!", "es"),
        ("hi thanks", "en"),  # with nothing else, English still
    ],
)
def test_letters_marks_and_names_tell_the_language(text: str, language: str) -> None:
    assert _detect(text) == language


def test_an_abbreviation_votes_for_every_language_that_writes_it() -> None:
    vocabulary = load_vocabulary()
    assert {"es", "pt"} <= vocabulary.shortcut_languages["qdo"]
    # "qdo" is written out as Spanish "cuando"; that expansion must not vote on its own.
    scores = evidence("qdo", ["cuando"], vocabulary.votes, vocabulary.shortcut_languages)
    assert scores["es"] == scores["pt"] > 0


def test_a_place_name_left_out_of_the_words_does_not_vote_by_its_letters() -> None:
    vocabulary = load_vocabulary()
    scores = evidence("when is it in São Paulo", ["when", "is", "it", "in"], vocabulary.votes, {})
    assert max(scores, key=lambda k: scores[k]) == "en" and "pt" not in scores


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("el WUF 10 es en febrero, verdad? or is it in March?", "es"),
        ("quando é o Informed Cities Forum em Berlim? is it in June?", "pt"),
        ("Do IOPD and UCLG work together? since when? ¿desde cuándo?", "en"),
        ("when is the conference? thanks!", "en"),  # one question: the whole text decides
    ],
)
def test_a_question_followed_by_another_language_keeps_the_language_it_opened_in(
    text: str, language: str
) -> None:
    assert _detect(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Can I take part as a guest, just as an observer?", "en"),  # "as" twice: one word
        ("Is it open to me as a student or as a researcher?", "en"),
        ("hey, who got the award a València per al pla OGP Local?", "ca"),  # words of its own
        ("is the deadline in March como o ano passado, o prazo é o mesmo?", "pt"),
    ],
)
def test_a_word_of_another_language_said_twice_makes_no_speaker_of_it(
    text: str, language: str
) -> None:
    assert _detect(text) == language
