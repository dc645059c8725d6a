"""How to join and what it costs: the answer cites every record stating the fact it gives,
and the slot's own words (where to write, the steps, how much) are no topic.

Asked how to join the network or whether members pay, the FAQ answers, and the records it
is drawn from (the membership record, the 2020 plan's tasks and priority on new kinds of
members) say the same: they are cited too, when they hold all the question says. Asked
where to write to join OGP Local, the address is on its contact record and on the page on
how to join it: both are cited. The words asking the slot itself ("where do we start", "on
écrit à qui", "per on comencem", "quanto") name no record and are set aside, in each
language.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary_file import load_vocabulary

DAY = dt.date(2024, 5, 6)
JOIN_IOPD = {"faq-how-to-join-the-iopd", "iopd-membership"}
FEES = {"faq-membership-fee", "iopd-membership"}
OGP_LOCAL_JOIN = {"ogp-local-how-to-join", "faq-join-ogp-local"}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We're a small university department: how could we join the IOPD?", "en"),
        ("¿De qué manera puede una fundación hacerse miembro del OIDP?", "es"),
        ("Une fédération d'associations peut-elle adhérer à l'OIDP, et comment ?", "fr"),
        ("Com pot un consell comarcal fer-se membre de l'OIDP?", "ca"),
        ("De que forma uma universidade pode tornar-se membro do OIDP?", "pt"),
    ],
)
def test_joining_cites_the_faq_and_the_membership_record(
    assistant: Assistant, text: str, language: str
) -> None:
    answer = assistant.answer(text, now=DAY)
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert set(answer.sources) >= JOIN_IOPD, answer.sources


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Is there a yearly fee for members?", "en"),
        ("¿Cuánto pagan los miembros al año?", "es"),
        ("Combien paie un membre chaque année ?", "fr"),
        ("Quant paga un membre cada any?", "ca"),
        ("Quanto pagam os membros por ano?", "pt"),
    ],
)
def test_a_fee_question_cites_every_record_stating_there_is_none(
    assistant: Assistant, text: str, language: str
) -> None:
    answer = assistant.answer(text, now=DAY)
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert set(answer.sources) >= FEES, answer.sources


@pytest.mark.parametrize(
    "text",
    [
        "Comment devient-on membre promoteur de l'OIDP ?",
        "Com ens podem fer membres promotors de l'OIDP?",
    ],
)
def test_promoter_members_cite_the_task_on_admitting_them(assistant: Assistant, text: str) -> None:
    answer = assistant.answer(text, now=dt.date(2020, 4, 1))
    assert not answer.handoff, answer.answer
    assert "task-2020-18" in answer.sources
    assert "action-2013-external-webs" not in answer.sources  # related, but on websites


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Our district wants to join OGP Local. Where do we start?", "en"),
        ("Queremos sumarnos a OGP Local, ¿a quién hay que escribir?", "es"),
        ("Notre mairie veut rejoindre OGP Local : on écrit à qui ?", "fr"),
        ("Volem entrar a OGP Local, per on comencem?", "ca"),
        ("A nossa junta quer aderir ao OGP Local, por onde começamos?", "pt"),
    ],
)
def test_where_to_write_or_start_asks_how_to_join(
    assistant: Assistant, text: str, language: str
) -> None:
    answer = assistant.answer(text, now=DAY)
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert OGP_LOCAL_JOIN & set(answer.sources), answer.sources


def test_an_address_is_cited_from_every_record_writing_it(assistant: Assistant) -> None:
    answer = assistant.answer("What is OGP Local's e-mail address?", now=DAY)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == "ogp-local-contact"
    assert "ogp-local-how-to-join" in answer.sources
    assert "local@opengovpartnership.org" in answer.answer


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("when does the call for the award start?", "start"),  # a date asked: its word stays
        ("quanto tempo dura um plano de ação do OGP Local?", "quanto"),
    ],
)
def test_slot_words_are_set_aside_only_in_their_slot(text: str, kept: str) -> None:
    reading = read(text, load_vocabulary(), DAY)
    assert reading.qtype not in {"join", "cost"}
    assert kept in reading.words


def test_linked_ids_are_no_words_of_the_record(assistant: Assistant) -> None:
    doc = next(d for d in assistant.retriever.docs if d.record_id == "faq-how-to-join-the-iopd")
    growing = assistant.retriever.analyser.terms("growing", "en")  # "priority-c-growing"
    assert growing
    assert not any(t in doc.terms for t in growing)


@pytest.mark.parametrize(
    "text", ["How do I subscribe to the newsletter?", "Com em subscric al butlletí?"]
)
def test_subscribing_cites_no_record_that_only_names_the_newsletter(
    assistant: Assistant, text: str
) -> None:
    answer = assistant.answer(text, now=DAY)
    assert answer.sources == ["faq-newsletter-subscription"], answer.sources
