"""Yes/no questions answered only from the sentence of a record that states the fact."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
BEFORE_CASCAIS = dt.date(2013, 5, 20)
TODAY = dt.date(2020, 3, 1)


@pytest.mark.parametrize(
    ("question", "language", "denial"),
    [
        (
            "Is the publication of the Cascais conference results paid by the secretariat?",
            "en",
            "No.",
        ),
        (
            "¿La secretaría paga la publicación de los resultados de la conferencia de Cascais?",
            "es",
            "No.",
        ),
        (
            "La secretaria paga la publicació dels resultats de la conferència de Cascais?",
            "ca",
            "No.",
        ),
        (
            "É o secretariado que paga a publicação dos resultados da conferência de Cascais?",
            "pt",
            "Não.",
        ),
    ],
)
def test_a_denying_sentence_answers_no_in_the_askers_language(
    assistant: Assistant, question: str, language: str, denial: str
) -> None:
    answer = assistant.answer(question, now=BEFORE_CASCAIS)
    assert not answer.handoff
    assert answer.language == language
    assert answer.answer.startswith(denial)
    assert answer.sources == ["conference-13-cascais-2013"]
    assert "Cascais" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Does the secretariat pay for the members' travel to the Cascais conference?",
        "¿La secretaría paga el hotel de los ponentes de la conferencia de Cascais?",
        "Is there prize money for the 7th Distinction?",
    ],
)
def test_a_related_sentence_is_no_yes(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=BEFORE_CASCAIS)
    assert not answer.answer.startswith(("Yes.", "Sí.", "No.")) or answer.handoff


def test_words_in_one_clause_are_no_plain_yes(assistant: Assistant) -> None:
    """Organised by the city "with the support of the secretariat": the fact, never "Yes"."""
    answer = assistant.answer(
        "Does the secretariat organise the Cascais conference?", now=BEFORE_CASCAIS
    )
    assert not answer.answer.startswith("Yes.")


@pytest.mark.parametrize(
    ("question", "language", "source"),
    [
        ("Is there a newsletter in the 2013 work plan?", "en", "action-2013-newsletter"),
        ("¿El plan de trabajo 2013 tiene boletín?", "es", "action-2013-newsletter"),
    ],
)
def test_a_part_of_the_plan_named_answers_whether_the_plan_includes_it(
    assistant: Assistant, question: str, language: str, source: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 6, 1))
    assert not answer.handoff
    assert answer.language == language
    assert source in answer.sources


def test_a_plan_without_that_part_is_handed_off(assistant: Assistant) -> None:
    answer = assistant.answer("does the 2020 work plan include a football tournament?", now=TODAY)
    assert answer.handoff


@pytest.mark.parametrize(
    "question",
    [
        "qual a relação do OIDP com a CGLU?",
        "quelle est la relation entre l'OIDP et CGLU ?",
        "desde cuándo colabora el OIDP con CGLU?",
    ],
)
def test_a_body_named_is_answered_by_its_relation_or_handed_off(
    assistant: Assistant, question: str
) -> None:
    """A plan mentioning the relation in passing is not the record of the relation."""
    answer = assistant.answer(question, now=TODAY)
    assert answer.handoff or answer.sources == ["iopd-uclg-relation"]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Un membre d'OGP Local peut-il avoir plus de cinq engagements ?", "fr"),
        ("Pode um membro do OGP Local ter mais de cinco compromissos?", "pt"),
    ],
)
def test_a_number_in_words_is_the_figure_a_record_states(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 8, 8))
    assert not answer.handoff
    assert answer.language == language
    assert answer.sources[0] == "ogp-local-commitments-limit"  # then records agreeing
    assert "5" in answer.answer


def test_another_number_than_the_record_states_is_answered_with_its_own(
    assistant: Assistant,
) -> None:
    """ "More than seven?" of a limit of 5: the record states the limit, which answers."""
    answer = assistant.answer(
        "Pode um membro do OGP Local ter mais de sete compromissos?", now=dt.date(2024, 8, 8)
    )
    assert not answer.handoff
    assert answer.sources[0] == "ogp-local-commitments-limit"  # then records agreeing
    assert "5" in answer.answer
