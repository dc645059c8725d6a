"""Requests for an act or a judgement that no record gives are handed off in the five
languages: a thing named only by clitic pronouns ("¿nos lo podéis reenviar?"), the present
tense that addresses the secretariat ("em feu el certificat?"), a document to be made for
the asker, the network's own opinion, and a lost password or a failing login told beside
the request. Polite questions for information and how-to questions a record states stay
answered. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.acts_asked import (
    asks_a_document,
    asks_by_pronouns,
    asks_in_present,
    asks_the_network_opinion,
)
from hub.core.assistant.text import normalise

NOW = dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    "question",
    [
        # a thing named by clitic pronouns, for the asker
        "¿Nos lo pueden enviar?",
        "Ens el podríeu fer arribar?",
        "El butlletí, me'l podeu reenviar?",
        "Le dossier d'adhésion, vous pourriez nous le renvoyer ?",
        "O programa do seminário, podem enviar-mo?",
        # the present tense that addresses the secretariat
        "No consigo entrar en la web, ¿me lo arreglan?",
        "Em feu un certificat de la conferència del 2019?",
        "Vous m'envoyez le programme de la conférence ?",
        "Vocês me mandam o programa da conferência?",
        # a document made for the asker
        "¿Me pueden hacer un certificado de la conferencia de 2019?",
        "Pouvez-vous m'établir une attestation pour le séminaire ?",
        "Podem fazer-me uma declaração de participação na conferência?",
        # the network's own opinion
        "What does the network think about sortition?",
        "¿Qué piensa el OIDP del gobierno actual?",
        "Què opina l'OIDP del govern actual?",
        "Quel est l'avis du réseau sur la démocratie liquide ?",
        "Qual é a opinião da rede sobre o voto eletrónico?",
        # a lost password or a failing login told beside the request
        "Me la podeu canviar? He perdut la contrasenya del hub.",
        "¿Me la cambiáis? He perdido la contraseña.",
        "I can't log in to the hub, can you sort it out?",
    ],
)
def test_an_act_or_a_judgement_asked_is_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Could you tell me who organises the conference?",
        "¿Me podéis explicar qué es el OIDP?",
        "Pouvez-vous me dire qui organise la conférence ?",
        "Em podeu dir qui organitza la conferència?",
        "Pode me dizer onde fica a secretaria?",
        "How do I subscribe to the newsletter?",
        "¿Cómo me doy de alta en el boletín?",
        "Com puc subscriure'm al butlletí?",
        "What does the IOPD do?",
    ],
)
def test_a_question_for_information_stays_answered(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("¿Nos lo podríais reenviar?", True),
        ("M'ho podeu fer arribar?", True),
        ("Pourriez-vous nous les renvoyer ?", True),
        ("Podem mandar-mo?", True),
        ("¿Pueden hacérmela?", True),
        ("¿Me lo podéis decir?", False),
        ("Pouvez-vous me le rappeler ?", False),
        ("¿Pueden explicármelo?", False),
        ("Podeu dir-me on és?", False),
    ],
)
def test_pronouns_ask_an_act_unless_asked_to_be_told(question: str, asked: bool) -> None:
    assert asks_by_pronouns(normalise(question).split()) is asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("¿Me los mandáis?", True),
        ("Em feu el certificat?", True),
        ("Vous m'envoyez le dossier ?", True),
        ("Vocês me mandam?", True),
        ("¿Cómo me inscribo?", False),
        ("Com em puc inscriure?", False),
    ],
)
def test_the_present_addressing_the_secretariat_asks_an_act(question: str, asked: bool) -> None:
    assert asks_in_present(normalise(question).split()) is asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("¿Nos podrían preparar un justificante?", True),
        ("Could you write me a letter?", True),
        ("Can you give me the date?", False),
        ("Could you make the list shorter?", False),
    ],
)
def test_a_document_made_for_the_asker(question: str, asked: bool) -> None:
    assert asks_a_document(normalise(question).split()) is asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("¿Qué opinan de la consulta?", True),
        ("L'avis de l'OIDP sur le vote en ligne ?", True),
        ("What does the network do?", False),
        ("Quels sont les objectifs du réseau ?", False),
    ],
)
def test_the_networks_opinion(question: str, asked: bool) -> None:
    assert asks_the_network_opinion(normalise(question).split()) is asked
