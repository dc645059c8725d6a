"""Joining, and whom to write to, asked as members type it, in the five languages.

Where to write to a programme is read from the records of that programme that write an
address (OGP Local's contact, the page on how to join it), also when the programme is
described rather than named ("the local open government programme") and its overview
writes none. A question on how to join a body whose own record only says it welcomes
members is answered by the record on how to join it, named after it ("How to join OGP
Local") or by its acronym ("Adhesión al OIDP"). Asked where to write beside how to join,
the records writing the same address are cited too. "Maybe a silly question" is an
aside. A body no record writes an address for is still handed off, and so is a fee no
record states.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

ADDRESS = "local@opengovpartnership.org"
OGP_LOCAL_WAYS = {"ogp-local-how-to-join", "ogp-local-contact", "faq-join-ogp-local"}
IOPD_WAYS = {"faq-how-to-join-the-iopd", "iopd-membership"}
NOW = dt.date(2025, 4, 10)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    "question",
    [
        "which mail do we write to if the council wants to get into the local open "
        "government programme?",
        "el mail de ese programa local de gobierno abierto, ¿cuál es?",
        "quel mail pour que notre mairie adhère au programme local du gouvernement ouvert ?",
        "quin és el mail perquè el nostre ajuntament s'uneixi al programa local de govern obert?",
        "qual é o mail para a nossa prefeitura aderir ao programa local de governo aberto?",
    ],
)
def test_a_described_programme_gets_the_address_its_records_write(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert ADDRESS in answer.answer
    assert OGP_LOCAL_WAYS & set(answer.sources)


@pytest.mark.parametrize(
    "question",
    [
        "our city wants in on OGP Local, what's the mail?",
        "¿a qué mail escribimos para que la alcaldía se sume a OGP Local?",
        "c'est quoi le mail pour que notre ville rejoigne OGP Local ?",
        "quin mail fem servir perquè el consell comarcal s'uneixi a OGP Local?",
        "qual é o mail pra gente aderir ao OGP Local?",
    ],
)
def test_asked_how_to_join_and_where_to_write_the_contact_is_cited(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert ADDRESS in answer.answer
    assert answer.sources[0] != "ogp-local"  # the way to join, not the programme's overview
    assert "ogp-local-contact" in answer.sources


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        (
            "Hello, I write from a city council in Chile. We have a participatory budget and "
            "have heard of the International Observatory on Participatory Democracy. What "
            "do we have to do to become members of the IOPD, and to whom do we write?",
            "Technical Secretariat",
        ),
        (
            "Buenas, escribo desde una diputación provincial. Nos han hablado del OIDP, "
            "el observatorio internacional de democracia participativa. ¿Qué hay que hacer "
            "para hacernos socios y a quién escribimos?",
            "Secretaría Técnica",
        ),
        (
            "comment faire pour que notre association rejoigne l'OIDP ?",
            "Secrétariat technique",
        ),
        ("com fem perquè la nostra entitat s'uneixi a l'OIDP?", "Secretaria Tècnica"),
        ("como é que a nossa associação adere ao OIDP?", "Secretariado Técnico"),
    ],
)
def test_joining_the_network_is_answered_by_its_membership_record(
    assistant: Assistant, question: str, fact: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert IOPD_WAYS & set(answer.sources)
    assert fact in answer.answer


def test_the_programme_overview_gives_way_to_its_page_on_joining(
    assistant: Assistant,
) -> None:
    answer = assistant.answer(
        "a quin correu escrivim si la comarca vol entrar al programa local de govern obert?",
        now=NOW,
    )
    assert not answer.handoff
    assert answer.sources[0] in OGP_LOCAL_WAYS
    assert ADDRESS in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "what's the mail of the open gov challenge?",
        "¿cuál es el mail del grupo de trabajo de observatorios locales?",
        "le mail du groupe de travail sur les observatoires locaux, c'est lequel ?",
        "quin és el mail del grup de treball dels observatoris locals?",
        "qual o email do grupo de trabalho sobre observatórios locais?",
        "how much does it cost to join OGP Local?",
        "quanto custa aderir ao OGP Local?",
    ],
)
def test_no_address_or_fee_a_record_does_not_write_is_given(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.handoff
    assert ADDRESS not in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "quizá sea una pregunta tonta: ¿cómo se une una ONG al OIDP?",
        "c'est peut-être une question bête, mais comment une mairie adhère à l'OIDP ?",
        "pode ser uma pergunta boba, mas como aderimos ao OIDP?",
    ],
)
def test_a_silly_question_aside_is_no_part_of_what_is_asked(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert "faq-how-to-join-the-iopd" in answer.sources


def test_joining_the_newsletter_stays_subscribing(assistant: Assistant) -> None:
    answer = assistant.answer("how do I join the IOPD newsletter?", now=NOW)
    assert not answer.handoff
    assert answer.sources[0] == "faq-newsletter-subscription"
