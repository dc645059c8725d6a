"""Joining asked for a kind of organisation ("can an NGO join?", "une université peut-elle
adhérer ?") or for a named programme (OGP Local or the IOPD): the kind asked about counts as
the records name the members they admit, and the programme named decides which joining
record answers. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2024, 2, 1)
IOPD_JOIN = "faq-how-to-join-the-iopd"
KIND_ASKED = [
    ("Can a housing association become a member of the IOPD?", "en", "civil society"),
    ("May a university join the IOPD?", "en", "research centres"),
    ("Can a foundation be part of the IOPD, or is it only for municipalities?", "en", "civil"),
    ("Could a cooperative like ours join the OIDP? What would we have to do?", "en", "civil"),
    ("Can NGOs join the network?", "en", "civil society"),
    ("¿Puede una ONG hacerse miembro del OIDP?", "es", "sociedad civil"),
    ("¿Una fundación puede entrar en el OIDP?", "es", "sociedad civil"),
    ("¿Una universidad puede ser miembro del OIDP?", "es", "centros de investigación"),
    ("Une association peut-elle devenir membre de l'OIDP ?", "fr", "société civile"),
    ("Une université peut-elle adhérer à l'OIDP ?", "fr", "centres de recherche"),
    ("Une fondation peut-elle faire partie de l'OIDP ?", "fr", "société civile"),
    ("Una entitat pot fer-se membre de l'OIDP?", "ca", "societat civil"),
    ("Una universitat pot entrar a l'OIDP?", "ca", "centres de recerca"),
    ("Una associació de veïns pot ser membre de l'OIDP?", "ca", "societat civil"),
    ("Uma associação pode tornar-se membro do OIDP?", "pt", "sociedade civil"),
    ("Uma ONG pode aderir ao OIDP?", "pt", "sociedade civil"),
    ("Uma universidade pode ser membro do OIDP?", "pt", "centros de investigação"),
    ("We are not an NGO, just neighbours. Can informal platforms join the IOPD?", "en", "informal"),
]


@pytest.mark.parametrize(("question", "language", "fact"), KIND_ASKED)
def test_a_kind_of_organisation_asking_to_join_is_answered_by_the_iopd_join_record(
    lingua_assistant: Assistant, question: str, language: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources[0] == IOPD_JOIN
    assert fact in answer.answer


PROGRAMME_NAMED = [
    ("Nuestro municipio quiere unirse a OGP Local. ¿Cómo lo hacemos?", "es", "ogp-local"),
    ("O nosso município quer aderir ao OGP Local. Como fazemos?", "pt", "ogp-local"),
    ("How does our town join OGP Local?", "en", "ogp-local"),
    ("How do we join the IOPD?", "en", "faq-how-to-join-the-iopd"),
    ("¿Cómo nos hacemos miembros del OIDP?", "es", "faq-how-to-join-the-iopd"),
    ("Como aderimos ao OIDP?", "pt", "faq-how-to-join-the-iopd"),
]


@pytest.mark.parametrize(("question", "language", "cited"), PROGRAMME_NAMED)
def test_the_programme_named_decides_which_join_record_answers(
    lingua_assistant: Assistant, question: str, language: str, cited: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.language == language
    assert not answer.handoff
    if cited == "ogp-local":
        assert "ogp-local-how-to-join" in answer.sources
        assert IOPD_JOIN not in answer.sources
        assert "local@opengovpartnership.org" in answer.answer
    else:
        assert answer.sources[0] == IOPD_JOIN
        assert "ogp-local-how-to-join" not in answer.sources
        assert "OGP" not in answer.answer


def test_the_askers_own_kind_does_not_make_an_award_question_one_on_joining(
    lingua_assistant: Assistant,
) -> None:
    answer = lingua_assistant.answer(
        "Our NGO wants to apply for the Best Practice Award. How do we apply?", now=NOW
    )
    assert answer.language == "en"
    assert not answer.handoff
    assert answer.sources[0] == "faq-best-practice-award"
    assert IOPD_JOIN not in answer.sources
    assert "Best Practice Award" in answer.answer
