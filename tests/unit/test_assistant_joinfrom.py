"""The regional office for where the asker is, in the five languages: a member saying who
and where they are ("a town council in Peru", "une association du Sénégal") and asking
which office to write to is answered from the open office whose region holds their country
(CLDR's containment: Peru is in Latin America, Senegal in Africa), citing that office's
record. A country whose office is only planned (Canada, Japan), a day before any office
opened, a country that is the topic rather than the asker's, and asking when an office
opened stay off this rule. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

LATIN_AMERICA = "office-latin-america-porto-alegre"
AFRICA = "office-africa-dakar"
NOW = "2015-03-10"
SAID_OFFICE = ("its regional office is", "su oficina regional es", "son bureau régional est")


@pytest.mark.parametrize(
    ("question", "record", "fact"),
    [
        (
            "We are a town council in Peru: which regional office do we write to?",
            LATIN_AMERICA,
            "Porto Alegre",
        ),
        ("Our NGO in Ghana, which regional office covers us?", AFRICA, "Dakar"),
        (
            "Somos un ayuntamiento de Chile, ¿a qué oficina regional escribimos?",
            LATIN_AMERICA,
            "Porto Alegre",
        ),
        ("Una asociación de Senegal, ¿qué oficina regional le toca?", AFRICA, "Dakar"),
        ("Nous sommes une commune du Mali : à quel bureau régional écrire ?", AFRICA, "Dakar"),
        (
            "Som un ajuntament de Xile, a quina oficina regional hem d'escriure?",
            LATIN_AMERICA,
            "Porto Alegre",
        ),
        ("Som una associació del Camerun. Quina oficina regional ens correspon?", AFRICA, "Dakar"),
        (
            "Somos uma câmara municipal de Angola. A que escritório regional devemos escrever?",
            AFRICA,
            "Dakar",
        ),
        (
            "Somos um município do Brasil: qual é o nosso escritório regional?",
            LATIN_AMERICA,
            "Porto Alegre",
        ),
    ],
)
def test_the_office_whose_region_holds_the_askers_country_answers(
    lingua_assistant: Assistant, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=_day(NOW))
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [record], answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("We are a city in Canada, which regional office should we write to?", "en"),
        ("Somos un municipio de Japón, ¿a qué oficina regional escribimos?", "es"),
        ("Nous sommes une commune de Norvège : à quel bureau régional écrire ?", "fr"),
        ("Som un ajuntament del Japó, a quina oficina regional hem d'escriure?", "ca"),
        ("Somos uma associação do Canadá. A que escritório regional devemos escrever?", "pt"),
    ],
)
def test_a_country_whose_office_is_only_planned_is_handed_off(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=_day(NOW))
    assert answer.handoff, answer.answer
    assert answer.language == language


@pytest.mark.parametrize(
    "question",
    ["We are a town council in Peru: which regional office do we write to?"],
)
def test_before_any_office_opened_none_is_named_as_the_askers(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=_day("2011-01-10"))
    assert not any(s in answer.sources for s in (LATIN_AMERICA, AFRICA)), answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "We are a town council in Peru: when did our regional office open?",
        "Which regional office helped with the conference in Senegal?",
        "Quel bureau régional a organisé la rencontre au Sénégal ?",
    ],
)
def test_other_questions_about_an_office_take_the_usual_way(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=_day(NOW))
    assert not any(said in answer.answer for said in SAID_OFFICE), answer.answer


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


JOINING = "faq-how-to-join-the-iopd"


@pytest.mark.parametrize(
    "question",
    [
        "We are a neighbourhood collective without legal status. Can we join the IOPD?",
        "Somos un colectivo vecinal sin personalidad jurídica, ¿podemos ser miembros igualmente?",
        "Nous sommes un collectif sans personnalité juridique : pouvons-nous adhérer ?",
        "Som un col·lectiu de barri sense personalitat jurídica, podem ser membres igualment?",
        "Somos um coletivo sem personalidade jurídica. Podemos ser membros do OIDP?",
    ],
)
def test_an_asker_without_legal_standing_is_answered_how_to_join(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=_day(NOW))
    assert not answer.handoff, answer.answer
    assert JOINING in answer.sources, answer.sources


def test_legal_standing_asks_no_travel_grant(lingua_assistant: Assistant) -> None:
    question = "Som un col·lectiu sense personalitat jurídica: ens podeu pagar el viatge?"
    answer = lingua_assistant.answer(question, now=_day(NOW))
    assert answer.handoff, answer.answer
    assert JOINING not in answer.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        (
            "Hello, we are a town just outside Accra, Ghana, and we would like to join the IOPD."
            " How do we become members?",
            "en",
        ),
        ("Somos un municipio cerca de Lima, Perú, ¿cómo nos hacemos miembros del OIDP?", "es"),
        ("Nous sommes une commune près de Dakar, Sénégal, comment adhérer à l'OIDP ?", "fr"),
        ("Som un ajuntament a prop de Rabat, el Marroc, com ens fem membres?", "ca"),
        ("Somos uma câmara perto de Luanda, Angola, como aderimos ao OIDP?", "pt"),
    ],
)
def test_a_country_after_the_askers_city_is_where_the_asker_is(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=_day(NOW))
    assert not answer.handoff, answer.answer
    assert JOINING in answer.sources, answer.sources
    assert answer.language == language
