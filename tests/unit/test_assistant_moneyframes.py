"""Money questions about the network framed in words no record writes, in five languages.

"Where does its funding come from", "d'on ve", "de onde vem", "en qué quedó", "qu'est
devenu", "em que ficou": the frame is a function word, and the record stating the funding
answers. A member's fee asked with the asker's own frame ("pocs diners", "to stay a member",
"for a city of 300,000 inhabitants", "conlleva", "anuidade") is the fee's record. "Une somme
d'argent", "um montante": money asked whether there is, not a sum. Near misses stay handed
off: a sum asked ("quelle somme ?", "the amount"), and money that is not the network's (a
trip, a grant, a refund, a participatory budget). Sentences written for this test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.text import normalise

TODAY = dt.date(2026, 6, 1)
AWARD_YEAR = dt.date(2020, 2, 5)
FUNDING = "iopd-funding"
FEE = "faq-membership-fee"
CROWD_2013 = "action-2013-crowdfunding"
CROWD_2014 = "work-plan-2014-priority-6-funding"
AWARD = "iopd-award-2020"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Where does the IOPD's funding come from?", "en"),
        ("¿De dónde viene la financiación del OIDP?", "es"),
        ("D'où provient le financement de l'OIDP ?", "fr"),
        ("D'on ve el finançament de l'OIDP?", "ca"),
        ("De onde vêm os fundos do OIDP?", "pt"),
    ],
)
def test_where_the_network_is_funded_from_is_its_funding_record(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=TODAY)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert FUNDING in answer.sources[:2], answer.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("What became of the crowdfunding idea for funding the network?", "en"),
        ("¿En qué quedó el crowdfunding para financiar la red?", "es"),
        ("Qu'est devenu le financement participatif du réseau ?", "fr"),
        ("En què va quedar el micromecenatge per finançar la xarxa?", "ca"),
        ("Em que ficou o financiamento coletivo da rede?", "pt"),
    ],
)
def test_what_became_of_crowdfunding_is_answered_by_a_crowdfunding_record(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=TODAY)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert {CROWD_2013, CROWD_2014, FUNDING} & set(answer.sources[:1]), answer.sources


@pytest.mark.parametrize(
    ("question", "fee"),
    [
        ("how much is the membership fee for a city of 300,000 inhabitants?", "fee"),
        ("Do we pay a fee to stay a member of the IOPD?", "fee"),
        ("¿La pertenencia al OIDP conlleva el pago de una cuota?", "cuota"),
        ("L'appartenance à l'OIDP entraîne-t-elle une cotisation ?", "cotisation"),
        ("la nostra entitat té pocs diners, cal pagar quota a l'OIDP?", "quota"),
        ("pra ser membro do oidp tem que pagar alguma quota anual?", "quota"),
        ("A filiação no OIDP tem anuidade?", "quota"),
    ],
)
def test_a_fee_asked_in_the_askers_own_frame_is_the_fees_record(
    lingua_assistant: Assistant, question: str, fee: str
) -> None:
    answer = lingua_assistant.answer(question, now=TODAY)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == FEE, answer.sources
    assert fee in normalise(answer.answer)  # there is none: the fee named


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("Le prix de l'OIDP est-il doté d'une somme d'argent ?", "argent"),
        ("O prémio de boas práticas 2020 tem um montante em dinheiro?", "dinheiro"),
        ("¿El premio de buenas prácticas 2020 tiene un importe en dinero?", "dinero"),
    ],
)
def test_a_sum_of_money_said_with_an_article_asks_whether_there_is_money(
    lingua_assistant: Assistant, question: str, money: str
) -> None:
    answer = lingua_assistant.answer(question, now=AWARD_YEAR)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == AWARD
    assert money in answer.answer


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("Quelle somme d'argent reçoit le lauréat du prix de l'OIDP 2020 ?", AWARD_YEAR),
        ("What is the amount of prize money of the 2020 award?", AWARD_YEAR),
        ("Where does the money for my trip to the conference come from?", TODAY),
        ("¿De dónde viene el dinero de mi viaje a la conferencia?", TODAY),
        ("Com es finançaria la meva beca de viatge?", TODAY),
        ("¿En qué quedó mi solicitud de reembolso del viaje?", TODAY),
        ("What became of my travel grant request?", TODAY),
        ("De onde vem o dinheiro do orçamento participativo da minha cidade?", TODAY),
    ],
)
def test_a_sum_or_money_not_the_networks_stays_handed_off(
    lingua_assistant: Assistant, question: str, now: dt.date
) -> None:
    answer = lingua_assistant.answer(question, now=now)
    assert answer.handoff, answer.answer
