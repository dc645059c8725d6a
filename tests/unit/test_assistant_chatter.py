"""The chatter around a member's question: an @mention of the assistant or a colleague, a
pasted link, a self-description said with "here" ("small council here 👋"), a preamble
announcing the question and who sends it ("quick one from our legal team:"), contractions
("don't") and forgetting ("i forgot", "no me acuerdo"). None of it is about the question:
the records answer it as without the chatter, in five languages; a question whose topic no
record holds is still handed off, and asking the assistant to sign someone up is passed to
the secretariat. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.chatter import announced_from, without_chatter

NOW = dt.date(2026, 12, 6)
FEE = "faq-membership-fee"
FUNDING = "iopd-funding"


@pytest.mark.parametrize(
    ("language", "question", "source"),
    [
        ("en", "hi @assistant, does it cost anything to join the IOPD?", FEE),
        ("en", "small council here 👋 does it cost anything to join the IOPD?", FEE),
        ("en", "quick one from our legal team: does it cost anything to join the IOPD?", FEE),
        ("en", "@bot how is the IOPD financed if members don't pay any fee?", FUNDING),
        ("en", "saw a post about it https://t.co/abc123XYZ how is the IOPD financed?", FUNDING),
        ("es", "Hola @asistente, ¿los socios pagan una cuota al OIDP?", FEE),
        ("es", "soy nueva aquí 🙂 ¿cómo se financia el OIDP?", FUNDING),
        ("es", "¿cuánto cuesta ser socio del OIDP? no me acuerdo, perdón", FEE),
        ("es", "una consulta desde la diputación: ¿cómo se financia el OIDP?", FUNDING),
        ("fr", "Bonjour @assistant, combien coûte l'adhésion à l'OIDP ?", FEE),
        ("fr", "nouvelle ici ! combien coûte l'adhésion à l'OIDP ?", FEE),
        ("fr", "question rapide depuis Lausanne : combien coûte l'adhésion à l'OIDP ?", FEE),
        ("ca", "Hola @assistent, com es finança l'OIDP?", FUNDING),
        ("ca", "sóc nova aquí, com es finança l'OIDP?", FUNDING),
        ("ca", "pregunta des de Manresa: com es finança l'OIDP?", FUNDING),
        ("pt", "Olá @assistente, como é financiado o OIDP?", FUNDING),
        ("pt", "sou novo aqui 👋 como é financiado o OIDP?", FUNDING),
        ("pt", "uma dúvida da câmara de Évora: como é financiado o OIDP?", FUNDING),
    ],
)
def test_chatter_around_a_question_is_no_topic(
    assistant: Assistant, language: str, question: str, source: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert source in answer.sources


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "hi @assistant, small NGO here: when is the IOPD knitting festival?"),
        ("es", "Hola @asistente, ¿cuándo es el torneo de ajedrez del OIDP?"),
        ("fr", "nouvelle ici ! qui gagne le tournoi de pétanque de l'OIDP ?"),
        ("ca", "Hola @assistent, quan és la cursa de sacs de l'OIDP?"),
        ("pt", "sou nova aqui, quando é o torneio de xadrez do OIDP?"),
    ],
)
def test_an_unknown_topic_is_still_handed_off(
    assistant: Assistant, language: str, question: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert answer.handoff
    assert answer.sources == []


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "@assistant can you sign me up for the 2020 conference?"),
        ("es", "@asistente apúntame a la conferencia de 2020, por favor"),
        ("fr", "@assistant pouvez-vous inscrire notre commune à OGP Local ?"),
        ("ca", "@assistent podeu inscriure el nostre ajuntament a OGP Local?"),
        ("pt", "@assistente podes inscrever a nossa câmara no OGP Local?"),
    ],
)
def test_asking_the_assistant_to_sign_up_is_passed_on(
    assistant: Assistant, language: str, question: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert answer.handoff
    assert answer.sources == []


def test_mentions_and_links_go_an_email_address_stays(assistant: Assistant) -> None:
    text = "hi @maria.lopez, write to info@oidp.net (https://oidp.net/en) or see www.oidp.net"
    kept = without_chatter(text, assistant.vocabulary)
    assert "maria" not in kept
    assert "info@oidp.net" in kept
    assert "https" not in kept and "www" not in kept


def test_a_preamble_announcing_who_asks() -> None:
    assert announced_from(["hi", "quick", "one", "from", "our", "finance", "dept"])
    assert announced_from(["hola", "pregunta", "des", "de", "figueres"])
    assert not announced_from(["the", "question", "of", "the", "fee"])
    assert not announced_from(["la", "question", "de", "la", "cotisation"])
