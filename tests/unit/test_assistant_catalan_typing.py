"""Catalan as members type it: the punt volat of "l·l" typed as a full stop or a hyphen
("col.labora", "col-lectiu") is the same word; a collective asking to join (col·lectiu,
colectivo, collectif, coletivo, collective) is a kind of member like an association, in
the five languages; the Catalan newsletter is the "butlletí". What the records do not
state is still handed off, however the question is typed."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.text import normalise

JOIN = ["faq-how-to-join-the-iopd", "iopd-membership"]


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("col.lectiu", "collectiu"),
        ("Col-labora", "collabora"),
        ("col·laboració", "collaboracio"),
        ("intel.ligència", "intelligencia"),
        ("metàl.lic", "metallic"),
        ("mil-lenni", "millenni"),
        ("real-life", "real life"),
        ("hotel.lisboa", "hotel lisboa"),
    ],
)
def test_the_punt_volat_typed_otherwise_is_one_word(typed: str, plain: str) -> None:
    assert normalise(typed) == plain


@pytest.mark.parametrize(
    ("question", "now", "source", "fact"),
    [
        (
            "En quin any va començar l'OIDP a col.laborar amb CGLU?",
            dt.date(2018, 5, 5),
            "iopd-uclg-relation",
            "2006",
        ),
        (
            "des de quin any col-labora l'OIDP amb CGLU?",
            dt.date(2018, 5, 5),
            "iopd-uclg-relation",
            "2006",
        ),
        (
            "amb quines xarxes col.laborava l'OIDP aquest any?",
            dt.date(2013, 5, 5),
            "action-2013-other-networks",
            "Democracine",
        ),
        (
            "què fa el grup de treball sobre els objectius del mil-lenni?",
            dt.date(2014, 3, 1),
            "working-group-mdg-post-2015",
            "Mil·lenni",
        ),
        (
            "què fa el grup de treball sobre els objectius del mil.lenni?",
            dt.date(2014, 3, 1),
            "working-group-mdg-post-2015",
            "Mil·lenni",
        ),
    ],
)
def test_catalan_typed_without_the_punt_volat_is_answered(
    assistant: Assistant, question: str, now: dt.date, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=now)
    assert answer.language == "ca"
    assert not answer.handoff
    assert source in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "fact"),
    [
        ("un col·lectiu de joves pot fer-se membre de l'OIDP?", "ca", "societat civil"),
        ("el nostre col.lectiu pot entrar a l'OIDP?", "ca", "societat civil"),
        ("som un col-lectiu, ens podem afegir a l'OIDP?", "ca", "societat civil"),
        ("els col·lectius poden entrar a l'OIDP?", "ca", "societat civil"),
        ("¿Un colectivo puede unirse al OIDP?", "es", "sociedad civil"),
        ("Un collectif peut-il devenir membre de l'OIDP ?", "fr", "société civile"),
        ("Um coletivo pode ser membro do OIDP?", "pt", "sociedade civil"),
        ("Can a collective become a member of the IOPD?", "en", "civil society"),
    ],
)
def test_a_collective_asking_to_join_is_told_who_may(
    assistant: Assistant, question: str, language: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 5, 5))
    assert answer.language == language
    assert not answer.handoff
    assert set(JOIN) <= set(answer.sources)  # and the fee FAQ when it says there is none
    assert fact in answer.answer


def test_the_catalan_newsletter_is_the_butlleti(assistant: Assistant) -> None:
    answer = assistant.answer("com puc rebre el butlletí de l'OIDP?", now=dt.date(2024, 5, 5))
    assert answer.language == "ca"
    assert not answer.handoff
    assert answer.sources == ["faq-newsletter-subscription"]
    assert "butlletí" in answer.answer


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("quina és la contrasenya del hub? el col.lectiu no la troba", dt.date(2024, 5, 5)),
        ("l'OIDP té una oficina a Brussel.les?", dt.date(2024, 5, 5)),
        ("qui va guanyar la distinció del 2020? som un col·lectiu", dt.date(2020, 5, 5)),
        (
            "el nostre col.lectiu pot demanar diners per viatjar a la conferència?",
            dt.date(2024, 5, 5),
        ),
    ],
)
def test_what_no_record_states_is_handed_off_however_typed(
    assistant: Assistant, question: str, now: dt.date
) -> None:
    answer = assistant.answer(question, now=now)
    assert answer.language == "ca"
    assert answer.handoff
    assert "Secretaria Tècnica" in answer.answer
