"""A yes/no question about a checkable fact (a year, a figure) is answered from the sentence
of a record stating it, sought among the records ranked near the best: yes with the sentence
when it states the year or figure asked, no with the record's own year when it states another,
the record's figure (not a yes) when the question compares ("more than eight?"); a question
whose predicate ("postponed", "free") the record does not write is handed off even though
its place matches; a number word that is also another word ("nous", new) is no figure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
AFTER_CASCAIS = dt.date(2013, 9, 1)
BEFORE_ABIDJAN = dt.date(2020, 6, 1)
OGP_LOCAL_TIME = dt.date(2024, 8, 8)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "yes"),
    [
        ("was the 2013 work plan approved in Cascais?", "en", "Yes."),
        ("el pla de treball 2013 es va aprovar a Cascais?", "ca", "Sí."),
    ],
)
def test_a_year_a_sentence_states_is_a_yes_with_it(
    assistant: Assistant, question: str, language: str, yes: str
) -> None:
    answer = assistant.answer(question, now=AFTER_CASCAIS)
    assert not answer.handoff
    assert answer.language == language
    assert answer.sources[0] == "work-plan-2013"  # the record named states it: approved in
    assert not answer.answer.startswith("No.")  # Cascais in 2013 (``yes`` no longer said)
    assert "2013" in answer.answer
    assert "Cascais" in answer.answer


def test_another_year_than_the_sentence_states_is_handed_off(
    assistant: Assistant,
) -> None:
    # The Cascais session approved the 2013 plan; where the 2014 plan was approved no
    # record says, so "No" would be a guess (subject_grounded: the year asked is unheld).
    answer = assistant.answer("was the 2014 work plan approved in Cascais?", now=AFTER_CASCAIS)
    assert answer.handoff
    assert not answer.answer.startswith("No.")


@pytest.mark.parametrize(
    "question",
    [
        "¿Un miembro de OGP Local puede tener más de ocho compromisos a la vez?",
        "Un membre d'OGP Local pot tenir més de sis compromisos alhora?",
        "Un membre d'OGP Local peut-il avoir plus de 7 engagements à la fois ?",
    ],
)
def test_a_figure_compared_is_answered_with_the_records_own(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=OGP_LOCAL_TIME)
    assert not answer.handoff
    assert answer.sources[0] == "ogp-local-commitments-limit"  # then records agreeing
    assert "5" in answer.answer
    assert not answer.answer.startswith(("Sí", "Oui"))  # "more than": no plain yes


@pytest.mark.parametrize(
    "question",
    [
        "La conférence d'Abidjan est-elle reportée ?",
        "Is the Abidjan conference cancelled?",
        "¿Se ha aplazado la conferencia de Abidjan?",
        "A conferência de Abidjan foi adiada?",
        "Is the Abidjan conference online?",
        "La conférence d'Abidjan de juillet est-elle reportée ?",
        "Is the Abidjan conference in July cancelled?",
    ],
)
def test_a_predicate_the_record_does_not_write_is_handed_off(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=BEFORE_ABIDJAN)
    assert answer.handoff, answer.answer


def test_a_place_matching_with_nothing_else_asked_is_still_a_yes(
    assistant: Assistant,
) -> None:
    answer = assistant.answer("Is the Abidjan conference in Abidjan?", now=BEFORE_ABIDJAN)
    assert not answer.handoff
    assert answer.answer.startswith("Yes.")
    assert answer.sources == ["conference-20-abidjan-2020"]


@pytest.mark.parametrize(
    "question",
    ["Est-ce que Bogotá est membre de l'OIDP ?", "Aragó és membre de l'OIDP?"],
)
def test_a_sentence_of_another_bodys_record_is_no_answer_about_the_network(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 7, 8))
    assert answer.handoff, answer.answer  # an OGP Local circle's members are not the IOPD's


def test_a_number_word_that_is_also_another_word_is_no_figure(assistant: Assistant) -> None:
    answer = assistant.answer(
        "el grup de treball dels nous estatuts és nou d'aquest pla?", now=dt.date(2014, 5, 20)
    )
    assert "work-plan-2014-priority-7-working-groups" not in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "Buenos Aires té un pla d'acció d'OGP Local?",
        "Does Scotland have an OGP Local action plan?",
        "¿Escocia tiene un plan de acción de OGP Local?",
    ],
)
def test_a_kind_the_record_is_not_nor_writes_is_no_yes(assistant: Assistant, question: str) -> None:
    """A circle naming the city is no statement that the city has an action plan."""
    answer = assistant.answer(question, now=dt.date(2026, 1, 28))
    assert not answer.answer.startswith(("Yes", "Sí")), answer.answer


def test_the_kind_the_record_is_still_answers(assistant: Assistant) -> None:
    answer = assistant.answer("Is Buenos Aires in an OGP Local circle?", now=dt.date(2026, 1, 28))
    assert not answer.handoff
    assert answer.sources == ["ogp-circle-climate-action"]


@pytest.mark.parametrize(
    "question",
    [
        "Can an OGP Local member have more than five commitments?",
        "Un membre d'OGP Local pot tenir més de cinc compromisos alhora?",
        "Is it true OGP Local members can only have 5 commitments at a time?",
    ],
)
def test_the_records_of_one_document_stating_the_figure_are_cited_together(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=OGP_LOCAL_TIME)
    assert not answer.handoff
    assert {"ogp-local-commitments-limit", "faq-join-ogp-local"} <= set(answer.sources)


@pytest.mark.parametrize(
    "question",
    [
        "Is there an IOPD conference in 2027?",
        "Hi haurà conferència de l'OIDP el 2028?",
        "Vai haver uma conferência do OIDP em 2029?",
    ],
)
def test_another_year_of_a_record_named_by_its_kind_is_no_no(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2026, 12, 4))
    assert answer.handoff, answer.answer


def test_a_word_of_the_records_other_languages_finds_its_sentence(
    assistant: Assistant,
) -> None:
    """ "Paga" is not in the Catalan sentence ("no assumeix"), but in its other languages'
    same sentence: the Catalan sentence states it, and denies it."""
    answer = assistant.answer(
        "El secretariat paga la publicació dels resultats de la conferència de Madrid?",
        now=dt.date(2014, 8, 4),
    )
    assert not answer.handoff
    assert answer.language == "ca"
    assert answer.sources == ["conference-15-madrid"]
    assert answer.answer.startswith("No.")


@pytest.mark.parametrize(("year", "reply"), [("2012", "Sí."), ("2014", "No.")])
def test_a_year_asked_in_catalan_is_checked_against_the_sentence(
    assistant: Assistant, year: str, reply: str
) -> None:
    answer = assistant.answer(f"La nova web es va estrenar el {year}?", now=dt.date(2015, 11, 23))
    assert not answer.handoff
    assert answer.answer.startswith(reply)
    assert "2012" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Is Scotland in one of the OGP Local circles?",
        "L'Escòcia és en algun dels cercles d'OGP Local?",
        "¿Está Escocia en alguno de los círculos de OGP Local?",
    ],
)
def test_one_name_asked_of_a_record_called_by_its_name_is_its_sentence_naming_it(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2026, 2, 17))
    assert not answer.handoff
    assert set(answer.sources) & {"ogp-local-circles", "ogp-circle-climate-action"}


def test_a_name_no_sentence_writes_is_handed_off(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Is Lisbon in one of the OGP Local circles?", now=dt.date(2026, 2, 17)
    )
    assert answer.handoff


@pytest.mark.parametrize(
    "question",
    [
        "Did Valencia win a prize for its OGP Local action plan?",
        "¿Es verdad que a Valencia le dieron un premio por su plan de acción de OGP Local?",
        "València va guanyar un premi pel seu pla d'acció d'OGP Local?",
        "Valence a-t-elle gagné un prix pour son plan d'action OGP Local ?",
        "Valência ganhou algum prémio pelo plano de ação do OGP Local?",
    ],
)
def test_winning_a_prize_is_stated_by_the_sentence_saying_it_was_received(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2026, 1, 20))
    assert not answer.handoff
    assert answer.sources == ["ogp-roundup-valencia-award"]


def test_a_prize_no_record_gives_the_city_is_handed_off(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Did Madrid win a prize for its OGP Local action plan?", now=dt.date(2026, 1, 20)
    )
    assert answer.handoff


@pytest.mark.parametrize(
    "question",
    [
        "Is the IOPD involved in the Democracine festival?",
        "O OIDP está envolvido no festival Democracine?",
        "L'OIDP participe-t-il au festival Democracine ?",
    ],
)
def test_taking_part_is_stated_by_the_sentence_saying_it_collaborates(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 4, 8))
    assert not answer.handoff
    assert answer.sources == ["democracine-festival-2-2013"]


def test_a_participatory_budget_is_no_taking_part(assistant: Assistant) -> None:
    """ "Participativos" stems as "participa": only the verbs themselves are the concept."""
    answer = assistant.answer(
        "¿El OIDP tiene presupuestos participativos para jóvenes en Democracine?",
        now=dt.date(2013, 4, 8),
    )
    assert answer.handoff, answer.answer


def test_a_later_year_than_a_since_is_no_no(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Does the secretariat collaborate with UCLG since 2010?", now=dt.date(2019, 1, 1)
    )
    assert not answer.answer.startswith("No.")
