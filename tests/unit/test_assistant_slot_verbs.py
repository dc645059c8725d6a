"""Slots asked with a first-person verb or a periphrasis: "¿cómo entro en...?" asks how to
join, "com puc fer arribar les notícies...?" (make them reach) how to share."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary_file import load_vocabulary

TODAY = dt.date(2024, 2, 1)


@pytest.mark.parametrize(
    "text",
    [
        "¿Cómo entro en la red del OIDP?",
        "Com entro a la xarxa de l'OIDP?",
        "Como entro na rede do OIDP?",
        "Comment est-ce que j'entre dans le réseau de l'OIDP ?",
    ],
)
def test_i_enter_asks_how_to_join(text: str) -> None:
    assert read(text, load_vocabulary(), TODAY).qtype == "join"


@pytest.mark.parametrize(
    "text",
    [
        "¿Cómo puedo hacer llegar una noticia de mi ciudad a la red?",
        "Com puc fer arribar una notícia de la meva ciutat a la xarxa?",
        "Como posso fazer chegar uma notícia da minha cidade à rede?",
        "Comment puis-je faire parvenir une actualité de ma ville au réseau ?",
    ],
)
def test_making_news_reach_the_network_asks_how_to_share(text: str) -> None:
    assert read(text, load_vocabulary(), TODAY).qtype == "share"
