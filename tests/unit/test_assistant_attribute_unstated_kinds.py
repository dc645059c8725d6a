"""More kinds of one attribute asked that no record states, in the five languages: the score or
ranking a candidacy got, the name of an app a record describes without naming, a number of
members (a record's other number is no count of them), the money a prize gives, and one
edition of a monthly series asked by a month the records hold none of. Each is handed off
saying what is missing, citing the record (the month: citing none). Near misses keep today's
answer: which app was made (the record says), how many news a roundup had (it states 160+),
whether a prize gives money, the name of the network, the edition of the month held, a
conference asked in the wrong month (the one edition, corrected). Sentences written for
this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.attribute_unstated import asked_attributes, attributes

APP = "ogp-example-banggai-pregnancy-app"
NINTH = "iopd-distinction-9"
ROUNDUP = "ogp-local-roundup-2023-11"
NOW = dt.date(2026, 11, 9)
AFTER_ROUNDUP = dt.date(2023, 12, 20)


def _said(name: str, language: str) -> str:
    return next(a for a in attributes() if a.name == name).said[language]


@pytest.mark.parametrize(
    ("question", "language", "record", "attribute"),
    [
        ("Com es diu l'aplicació que va crear Banggai?", "ca", APP, "tool_name"),
        ("What's the name of the app Banggai made?", "en", APP, "tool_name"),
        ("¿Cómo se llama la app que creó Banggai?", "es", APP, "tool_name"),
        ("Comment s'appelle l'application créée par Banggai ?", "fr", APP, "tool_name"),
        ("Como é que se chama a aplicação de Banggai? Queria instalá-la.", "pt", APP, "tool_name"),
        ("Quelle note a obtenue notre candidature à la 9e Distinction ?", "fr", NINTH, "score"),
    ],
)
def test_an_attribute_no_record_states_is_handed_off_citing_the_record(
    lingua_assistant: Assistant, question: str, language: str, record: str, attribute: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert answer.language == language
    assert record in answer.sources
    assert _said(attribute, language) in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("What score did our application get in the 9th Distinction?", "en"),
        ("¿Qué puntuación obtuvo nuestra candidatura a la 9ª Distinción?", "es"),
        ("Quina puntuació va obtenir la nostra candidatura a la 9a Distinció?", "ca"),
        ("Que pontuação teve a nossa candidatura à 9.ª Distinção?", "pt"),
        ("How many local governments are members of OGP Local today?", "en"),
        ("¿Cuántos gobiernos locales son miembros de OGP Local hoy?", "es"),
        ("Combien de gouvernements locaux sont membres d'OGP Local en ce moment ?", "fr"),
        ("Quants governs locals són membres d'OGP Local avui?", "ca"),
        ("Quantos governos locais são membros do OGP Local hoje?", "pt"),
        ("what is the amount of the Open Gov awards?", "en"),
        ("importe de los premios open gov", "es"),
        ("montant des prix open gov", "fr"),
        ("l'import dels premis open gov", "ca"),
        ("montante dos prémios open gov", "pt"),
    ],
)
def test_a_score_a_count_of_members_or_a_prize_sum_is_handed_off(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert answer.language == language


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("what's the exact publication date of the December 2023 OGP Local Roundup?", "en"),
        ("¿Cuándo se publicó el OGP Local Roundup de diciembre de 2023?", "es"),
        ("Quelle est la date de publication du OGP Local Roundup de décembre 2023 ?", "fr"),
        ("Quan es va publicar l'OGP Local Roundup de desembre del 2023?", "ca"),
        ("Qual é a data de publicação do OGP Local Roundup de dezembro de 2023?", "pt"),
    ],
)
def test_an_edition_of_a_month_the_records_hold_none_of_is_handed_off(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=AFTER_ROUNDUP)
    assert answer.handoff, answer.answer
    assert answer.language == language
    assert "160" not in answer.answer


@pytest.mark.parametrize(
    ("question", "now", "record", "fact"),
    [
        ("Quina aplicació va crear Banggai?", NOW, APP, "Banggai"),
        ("Quelle application Banggai a-t-elle créée avec OGP Local ?", NOW, APP, "Banggai"),
        ("How many news did the November 2023 OGP Local Roundup have?", NOW, ROUNDUP, "160"),
        ("¿Cuántas noticias tuvo el OGP Local Roundup de noviembre de 2023?", NOW, ROUNDUP, "160"),
        (
            "what's the publication date of the November 2023 OGP Local Roundup?",
            AFTER_ROUNDUP,
            ROUNDUP,
            "November 2023",
        ),
        (
            "The Chicago conference on participatory budgeting is in June 2013 right?",
            dt.date(2013, 3, 14),
            "pb-conference-chicago-2013",
            "May 2013",
        ),
        ("What's the name of the network?", NOW, "faq-what-is-the-iopd", "IOPD"),
    ],
)
def test_what_a_record_states_keeps_its_answer(
    lingua_assistant: Assistant, question: str, now: dt.date, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=now)
    assert not answer.handoff, answer.answer
    assert record in answer.sources
    assert fact in answer.answer


def test_whether_a_prize_gives_money_is_no_amount_asked(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("is there prize money for the 2020 award?", now=NOW)
    assert "iopd-award-2020" in answer.sources
    assert "monetary award" in answer.answer
    assert _said("prize_amount", "en") not in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "names"),
    [
        ("Como se chama a app?", "pt", ["tool_name"]),
        ("Como se chama o presidente?", "pt", []),
        ("quants membres té la xarxa?", "ca", ["member_count"]),
        ("quantes notícies té el recull?", "ca", []),
        ("¿el premio tiene dotación económica?", "es", []),
        ("¿cuál es el importe del premio?", "es", ["prize_amount"]),
        ("l'atenció va baixar del 94% al 87%?", "ca", []),
        ("où est la note de presse ?", "fr", []),
        ("quelle note avons-nous obtenue ?", "fr", ["score"]),
    ],
)
def test_the_kinds_asked_are_read_in_the_question_s_language(
    question: str, language: str, names: list[str]
) -> None:
    assert [a.name for a in asked_attributes(question, language)] == names
