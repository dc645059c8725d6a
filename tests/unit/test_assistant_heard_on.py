"""Where the asker saw or heard of a thing ("saw it on twitter", "lo vi en la web", "j'ai vu
sur LinkedIn", "he vist a Twitter", "vi no Instagram") is the asker's story, not what is
asked: the question is answered as it would be without it, in its own language. A medium
that is not the story ("is the conference online?") still counts. Questions written for
this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.heard_on import heard_dropped, heard_span

NOW = dt.date(2013, 5, 5)
CASCAIS = "conference-13-cascais-2013"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("saw it on twitter: when is the Cascais conference?", "en"),
        ("saw it on facebook, when is the Cascais conference?", "en"),
        ("saw it online: when is the Cascais conference?", "en"),
        ("I read on your website that there is a conference in Cascais. When is it?", "en"),
        ("Leí en las redes sociales que hay una conferencia en Cascais, ¿cuándo es?", "es"),
        ("Lo vi en la web: ¿cuándo es la conferencia de Cascais?", "es"),
        ("Leí en la web que hay una conferencia en Cascais. ¿Cuándo es?", "es"),
        ("J'ai vu sur LinkedIn qu'il y a une conférence à Cascais, c'est quand ?", "fr"),
        ("J'ai lu dans la newsletter qu'il y a une conférence à Cascais : quand ?", "fr"),
        ("He vist a Twitter que hi ha una conferència a Cascais, quan és?", "ca"),
        ("Vi no Instagram que há uma conferência em Cascais, quando é?", "pt"),
    ],
)
def test_where_the_asker_heard_of_it_is_set_aside(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.language == language
    assert CASCAIS in answer.sources


@pytest.mark.parametrize(
    ("words", "at", "span"),
    [
        (["saw", "it", "on", "twitter", "when"], 0, range(0, 4)),
        (["lo", "vi", "en", "la", "web", "cuando"], 1, range(1, 5)),
        (["lei", "en", "las", "redes", "sociales", "que"], 0, range(0, 5)),
        (["j", "ai", "vu", "sur", "linkedin", "qu"], 2, range(2, 5)),
        (["saw", "the", "conference", "on", "twitter"], 0, None),  # a topic stands between
        (["is", "the", "conference", "online"], 3, None),  # no verb of seeing
        (["i", "read", "the", "2013", "plan"], 1, None),  # a document is no medium
        (["vi", "que", "o", "oidp"], 0, None),
    ],
)
def test_the_story_spans_from_the_verb_to_the_medium(
    words: list[str], at: int, span: range | None
) -> None:
    assert heard_span(words, at) == span


def test_where_a_medium_is_found_is_still_asked(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("À quelle adresse se trouve le Slack d'OGP Local ?", now=NOW)
    assert "ogplocal.slack.com" in answer.answer


def test_a_medium_asked_about_still_counts(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("is the Cascais conference online?", now=NOW)
    assert answer.handoff  # no record says whether it is held online


def test_the_story_is_dropped_from_the_words_read() -> None:
    words = [
        "lei",
        "en",
        "la",
        "web",
        "que",
        "hay",
        "una",
        "conferencia",
        "en",
        "cascais",
        "cuando",
        "es",
    ]
    assert heard_dropped(words) == [
        "que",
        "hay",
        "una",
        "conferencia",
        "en",
        "cascais",
        "cuando",
        "es",
    ]
    assert heard_dropped(["cual", "es", "la", "web"]) == ["cual", "es", "la", "web"]
