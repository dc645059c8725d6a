"""What something is, does, or what happened with it, asked in the five languages: how the
member wants the answer put ("in brief", "resumida", "en deux mots", "breument",
"rapidinho") is no topic, and the record described is answered; "a qué se dedica", "à quoi
se consacre", "per a què serveix", "para que serve" ask what a thing is or does; "què va
passar", "qué sucedió" name no topic; of two records tied in rank, the
one called by what the question names is described ("o que é o Democracine?": the
festival, not the work plan's task that mentions it). What no record describes is still
handed off."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

WHAT_IS_THE_IOPD = "faq-what-is-the-iopd"
MISSION = "ogp-mission"
OBSERVATORIES_GROUP = "working-group-local-observatories"
FESTIVAL = "democracine-festival-2-2013"
TODAY = dt.date(2025, 5, 5)


@pytest.mark.parametrize(
    ("question", "now", "language", "source", "fact"),
    [
        ("in brief, what is the IOPD?", TODAY, "en", WHAT_IS_THE_IOPD, "network"),
        ("what is the OGP mission, briefly put?", TODAY, "en", MISSION, "reformers"),
        ("¿Qué es el OIDP? en pocas líneas, por favor", TODAY, "es", WHAT_IS_THE_IOPD, "red"),
        ("¿Cuál es la misión de OGP, resumida?", TODAY, "es", MISSION, "reformadores"),
        ("qu'est-ce que l'OIDP, en deux mots ?", TODAY, "fr", WHAT_IS_THE_IOPD, "réseau"),
        ("la mission de l'OGP, brièvement ?", TODAY, "fr", MISSION, "Inspirer"),
        ("què és l'OIDP, breument?", TODAY, "ca", WHAT_IS_THE_IOPD, "xarxa"),
        ("què és OGP Local, en poques paraules?", TODAY, "ca", "ogp-local", "Govern Obert"),
        ("o que é o OGP Local, resumido?", TODAY, "pt", "ogp-local", "Governo Aberto"),
        ("qual é a missão da OGP, em resumo?", TODAY, "pt", MISSION, "Inspirar"),
    ],
)
def test_how_the_answer_is_wanted_is_no_topic(
    assistant: Assistant, question: str, now: dt.date, language: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=now)
    assert not answer.handoff
    assert answer.language == language
    assert source in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "now", "language", "source", "fact"),
    [
        ("à quoi se consacre l'OIDP ?", TODAY, "fr", WHAT_IS_THE_IOPD, "réseau"),
        ("a què es dedica l'OIDP?", TODAY, "ca", WHAT_IS_THE_IOPD, "xarxa"),
        (
            "¿para qué sirve el grupo de trabajo de los Observatorios Locales?",
            dt.date(2014, 2, 10),
            "es",
            OBSERVATORIES_GROUP,
            "2004",
        ),
        (
            "per a què serveix el grup de treball dels Observatoris Locals?",
            dt.date(2014, 2, 10),
            "ca",
            OBSERVATORIES_GROUP,
            "2007",
        ),
        (
            "para que serve o grupo de trabalho dos Observatórios Locais?",
            dt.date(2014, 2, 10),
            "pt",
            OBSERVATORIES_GROUP,
            "Porto Alegre",
        ),
    ],
)
def test_what_a_thing_is_for_is_what_it_is(
    assistant: Assistant, question: str, now: dt.date, language: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=now)
    assert not answer.handoff
    assert answer.language == language
    assert answer.sources[0] == source
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "fact"),
    [
        ("what is Democracine?", "en", "Film Festival"),
        ("¿qué es Democracine?", "es", "festival de cine"),
        ("c'est quoi Democracine ?", "fr", "festival de cinéma"),
        ("què és el Democracine?", "ca", "festival de cinema"),
        ("o que é o Democracine?", "pt", "festival de cinema"),
    ],
)
def test_the_record_called_so_is_described_not_the_one_mentioning_it(
    assistant: Assistant, question: str, language: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 3, 3))
    assert not answer.handoff
    assert answer.language == language
    assert answer.sources == [FESTIVAL]
    assert "action-2013-other-networks" not in answer.sources
    assert fact in answer.answer
    assert "2013" in answer.answer


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("what is the IOPD's flying-saucer programme, briefly?", TODAY),
        ("¿a qué se dedica el comité de astronautas del OIDP?", TODAY),
        ("o que é o Democracine de 2019?", TODAY),
        ("qu'est-ce que le club de voile de l'OIDP, en deux mots ?", TODAY),
        ("per a què serveix el submarí de l'OIDP, breument?", TODAY),
    ],
)
def test_what_no_record_describes_is_still_handed_off(
    assistant: Assistant, question: str, now: dt.date
) -> None:
    answer = assistant.answer(question, now=now)
    assert answer.handoff
    assert answer.sources == []


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("què va passar amb el crowdfunding de l'OIDP el 2013?", "ca"),
        ("¿qué sucedió con el micromecenazgo del OIDP en 2013?", "es"),
        ("qu'est-ce qui s'est passé avec le financement participatif de l'OIDP en 2013 ?", "fr"),
    ],
)
def test_what_happened_with_a_thing_is_what_its_record_says(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 10, 1))
    assert not answer.handoff
    assert answer.language == language
    assert {"action-2013-crowdfunding", "iopd-funding"} & set(answer.sources)
    assert "2013" in answer.answer or "2012" in answer.answer


def test_what_happened_with_a_thing_no_record_holds_is_handed_off(assistant: Assistant) -> None:
    answer = assistant.answer(
        "què va passar amb el concurs de karaoke de l'OIDP el 2013?", now=dt.date(2013, 10, 1)
    )
    assert answer.handoff
    assert answer.sources == []
