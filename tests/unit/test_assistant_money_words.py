"""Money asked in everyday words: membership dues ("yearly dues", "uma taxa", "pagar para seguir
sendo membro") are the membership fee the FAQ says there is none of. A sum no record states
(how much the prize is, what it costs to stay at the conference) is still handed off."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

FEE = {"faq-membership-fee", "iopd-membership", "faq-how-to-join-the-iopd"}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("are there any yearly dues for IOPD members?", "fee"),
        ("is IOPD membership free, or are there dues?", "fee"),
        ("¿hay que pagar una cuota anual para seguir siendo miembros del OIDP?", "cuota"),
        ("cal pagar quota cada any per continuar sent membres de l'OIDP?", "quota"),
        ("é preciso pagar taxas para ser membro do OIDP?", "quota"),
        ("les membres doivent-ils payer une cotisation pour rester dans le réseau ?", "cotisation"),
        ("must a city pay dues to remain an IOPD member?", "fee"),
        ("¿hay que abonar algo para seguir siendo socios del OIDP?", "cuota"),
        ("doit-on payer quelque chose pour rester membre de l'OIDP ?", "cotisation"),
        ("cal pagar res per seguir sent membres de l'OIDP?", "quot"),
        ("a nossa câmara paga alguma taxa para continuar no OIDP como membro?", "quota"),
    ],
)
def test_dues_asked_casually_are_the_membership_fee(
    assistant: Assistant, question: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2026, 5, 4))
    assert not answer.handoff
    assert FEE & set(answer.sources)
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("how much is the cash prize of the 2020 IOPD award?", "2020-02-20"),
        ("¿de cuánto será el premio OIDP 2020?", "2020-02-20"),
        ("quel est le montant du Prix OIDP 2020 ?", "2020-02-20"),
        ("qual é o valor do prémio OIDP 2020?", "2020-02-20"),
        ("quants diners rebrà el guanyador del premi OIDP 2020?", "2020-02-20"),
        ("how much does it cost to stay in Cascais for the conference?", "2013-05-01"),
        ("quant costa el bitllet d'avió per anar a Cascais?", "2013-05-01"),
        ("¿cuánto cuesta alojarse en Cascais para seguir la conferencia?", "2013-05-01"),
        ("combien d'argent le crowdfunding de l'OIDP a-t-il levé ?", "2015-06-01"),
    ],
)
def test_a_sum_no_record_states_is_handed_off(
    assistant: Assistant, question: str, now: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff
