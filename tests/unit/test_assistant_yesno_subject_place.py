"""Yes/no about where one of the network's own bodies is: the record the question names by
its name (the technical secretariat, a regional office) answers with its own place, yes or no,
never a record of the place asked (another office there). A body named by no name of its own
("an office", "a lobby registry", of which there may be several) is not answered so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
TODAY = dt.date(2019, 4, 10)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "opening", "source", "place"),
    [
        (
            "Is the IOPD Technical Secretariat in Dakar?",
            "en",
            "No.",
            "iopd-technical-secretariat",
            "Barcelona",
        ),
        (
            "La Secretaria Tècnica de l'OIDP és a Porto Alegre?",
            "ca",
            "No.",
            "iopd-technical-secretariat",
            "Barcelona",
        ),
        (
            "O Secretariado Técnico do OIDP fica em Barcelona?",
            "pt",
            "Sim.",
            "iopd-technical-secretariat",
            "Barcelona",
        ),
        (
            "Is the IOPD's Latin America office in Dakar?",
            "en",
            "No.",
            "office-latin-america-porto-alegre",
            "Porto Alegre",
        ),
        (
            "¿La oficina del OIDP para América Latina está en Barcelona?",
            "es",
            "No.",
            "office-latin-america-porto-alegre",
            "Porto Alegre",
        ),
        (
            "Is the IOPD office for Latin America in Curitiba?",  # a city no record is in
            "en",
            "No.",
            "office-latin-america-porto-alegre",
            "Porto Alegre",
        ),
        (
            "A Plataforma africana do OIDP fica em Porto Alegre?",
            "pt",
            "Não.",
            "office-africa-dakar",
            "Dakar",
        ),
    ],
)
def test_a_body_named_answers_with_its_own_place(
    assistant: Assistant, question: str, language: str, opening: str, source: str, place: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not answer.handoff
    assert answer.language == language
    assert answer.answer.startswith(opening)
    assert answer.sources[:1] == [source]
    assert place in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Is there an IOPD office in São Paulo?",  # no office named: one may be there
        "Is there a lobby registry in Valencia?",  # Madrid's is not the only one there may be
        "Does the Technical Secretariat organise a workshop in Dakar?",  # not where it is
        "Is the Technical Secretariat in charge of the Distinction?",  # "in" no place
        "does the IOPD have an office in North America?",  # not the Latin America one
    ],
)
def test_a_body_not_named_by_its_own_name_is_no_place_answer(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not answer.answer.startswith(("No.", "Yes."))
