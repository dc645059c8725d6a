"""Yes/no questions whose answer a record states (issue 22): a count claimed ("does the 2020
plan have 40 tasks?"), a place claimed with a tag closing the question ("..., right?",
"..., oi?", "n'est-ce pas ?") and a part claimed of a year's plan ("is climate change one
of the priorities in 2020?"). They were handed off though a record confirms or contradicts
the claim; the answer now says yes or no with the record's own value, in the asker's
language. What no record states is still handed off.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

IN_2020 = dt.date(2020, 6, 1)
PLAN_2020 = {"work-plan-2020", "doc-work-plan-2020"}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "opening", "sources", "fact"),
    [
        ("Does the IOPD's 2020 work plan list 40 tasks?", "en", "No.", PLAN_2020, "22"),
        ("Le plan de travail 2020 compte-t-il 22 tâches ?", "fr", "Oui.", PLAN_2020, "22"),
        ("O plano de trabalho de 2020 tem 12 tarefas?", "pt", "Não.", PLAN_2020, "22"),
        ("El pla de treball 2020 té 22 tasques?", "ca", "Sí.", PLAN_2020, "22"),
        (
            "¿El Open Gov Challenge tiene siete áreas?",
            "es",
            "No.",
            {"ogp-open-gov-challenge"},
            "Diez",
        ),
        (
            "Are there ten areas in the Open Gov Challenge?",
            "en",
            "Yes.",
            {"ogp-open-gov-challenge"},
            "Ten",
        ),
    ],
)
def test_a_count_claimed_is_answered_with_the_count_the_record_writes(
    assistant: Assistant, question: str, language: str, opening: str, sources: set[str], fact: str
) -> None:
    answer = assistant.answer(question, now=IN_2020)
    assert not answer.handoff
    assert answer.language == language
    assert answer.answer.startswith(opening)
    assert set(answer.sources) & sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Can an OGP Local member have 3 commitments at once?",
        "Un membre d'OGP Local peut-il porter 4 engagements ?",
    ],
)
def test_a_limit_written_is_not_a_count_contradicting_the_claim(
    assistant: Assistant, question: str
) -> None:
    """ "Up to 5 commitments" is a maximum: 3 or 4 commitments is no "no" from it."""
    answer = assistant.answer(question, now=dt.date(2024, 6, 1))
    assert not answer.answer.startswith(("No.", "Non."))


def test_a_count_no_record_writes_is_handed_off(assistant: Assistant) -> None:
    answer = assistant.answer("Does the 2013 work plan have 30 tasks?", now=dt.date(2013, 6, 1))
    assert answer.handoff


@pytest.mark.parametrize(
    ("question", "language", "opening", "source", "place"),
    [
        ("The African platform is in Nairobi, right?", "en", "No.", "office-africa-dakar", "Dakar"),
        (
            "La oficina para América Latina está en Lima, ¿verdad?",
            "es",
            "No.",
            "office-latin-america-porto-alegre",
            "Porto Alegre",
        ),
        (
            "La plateforme africaine est à Abidjan, n'est-ce pas ?",
            "fr",
            "Non.",
            "office-africa-dakar",
            "Dakar",
        ),
        (
            "L'oficina d'Amèrica Llatina és a Porto Alegre, oi?",
            "ca",
            "Sí.",
            "office-latin-america-porto-alegre",
            "Porto Alegre",
        ),
        ("A plataforma africana fica em Dakar, né?", "pt", "Sim.", "office-africa-dakar", "Dakar"),
    ],
)
def test_a_tag_closing_the_question_leaves_the_place_claimed(
    assistant: Assistant, question: str, language: str, opening: str, source: str, place: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2014, 5, 5))
    assert not answer.handoff
    assert answer.language == language
    assert answer.answer.startswith(opening)
    assert source in answer.sources
    assert place in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "source"),
    [
        (
            "Is climate change one of the thematic priorities in 2020?",
            "en",
            "thematic-climate-change",
        ),
        (
            "¿El plan 2020 tiene alguna prioridad sobre la perspectiva de género?",
            "es",
            "thematic-gender",
        ),
        (
            "En 2020, les budgets participatifs des jeunes sont-ils une priorité ?",
            "fr",
            "thematic-youth-pb",
        ),
        (
            "Els marcs legals per institucionalitzar la participació són una prioritat del 2020?",
            "ca",
            "thematic-legal-frameworks",
        ),
        ("O sorteio é uma prioridade temática do plano de 2020?", "pt", "thematic-sortition"),
    ],
)
def test_a_part_of_the_years_plan_is_a_yes_from_its_record(
    assistant: Assistant, question: str, language: str, source: str
) -> None:
    answer = assistant.answer(question, now=IN_2020)
    assert not answer.handoff
    assert answer.language == language
    assert answer.sources == [source]
    assert "2020" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Is sortition a thematic priority in 2026?",  # no plan of 2026 is known
        "Does the 2020 award have a category for youth?",  # the plan's priority, no category
        "Is there a task on translating the website in 2020?",  # improving it, not translating
    ],
)
def test_a_part_the_records_do_not_state_is_handed_off(assistant: Assistant, question: str) -> None:
    assert assistant.answer(question, now=IN_2020).handoff


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Is the call for the 2014 presidency seat launched in 2014?", "No."),
        ("¿La convocatoria de la sede de la presidencia 2014 se lanza en 2014?", "No."),
        ("Is the call for the 2014 presidency seat launched in 2013?", "Yes."),
    ],
)
def test_a_year_claimed_of_a_call_is_answered_with_the_year_it_states(
    assistant: Assistant, question: str, opening: str
) -> None:
    """The year asked being another than the call's is the "no" itself, not a sign that
    another year's record is asked."""
    answer = assistant.answer(question, now=dt.date(2013, 2, 4))
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert "presidency-seat-call-2014" in answer.sources
    assert "2013" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Vous pensez que les budgets participatifs marchent vraiment ?",
        "¿Piensas que la participación ciudadana funciona en las ciudades pequeñas?",
    ],
)
def test_an_opinion_asked_as_a_yes_or_no_is_handed_off(assistant: Assistant, question: str) -> None:
    """No record states the assistant's opinion, however the question is put."""
    assert assistant.answer(question, now=IN_2020).handoff
