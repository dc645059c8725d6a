"""A work plan's source document asked in a language its title is not written in: the
document is also named by the plan citing it (``source_doc`` / ``also_in``), whose name
exists in all five languages, so "the Catalan version of the 2013 plan" asked in Spanish,
French or Portuguese finds that document, and a version no document is in stays a
handoff. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

CATALAN_2013 = "doc-work-plan-2013-ca"
ENGLISH_2013 = "doc-work-plan-2013-en"
ENGLISH_2014 = "doc-work-plan-2014-2015"
ENGLISH_2020 = "doc-work-plan-2020"

FOUND = [
    ("¿Hay una versión catalana del plan de trabajo 2013?", "es", CATALAN_2013, "Sí"),
    ("¿Existe el documento del plan de trabajo 2013 en catalán?", "es", CATALAN_2013, "catalán"),
    ("¿Hay una versión en inglés del plan de trabajo 2013?", "es", ENGLISH_2013, "Cascais"),
    ("¿Hay una versión en inglés del plan de trabajo 2014-2015?", "es", ENGLISH_2014, "Sí"),
    ("¿Hay una versión en inglés del plan de trabajo 2020?", "es", ENGLISH_2020, "22"),
    ("Existe uma versão catalã do plano de trabalho 2013?", "pt", CATALAN_2013, "Sim"),
    ("Há uma versão em catalão do plano de trabalho 2013?", "pt", CATALAN_2013, "catalão"),
    ("O plano de trabalho 2013 tem uma versão em catalão?", "pt", CATALAN_2013, "catalã"),
    ("Há uma versão em inglês do plano de trabalho 2014-2015?", "pt", ENGLISH_2014, "Sim"),
    ("Existe uma versão em inglês do plano de trabalho 2020?", "pt", ENGLISH_2020, "22"),
    ("Existe-t-il une version en catalan du plan de travail 2013 ?", "fr", CATALAN_2013, "Oui"),
    ("Le plan de travail 2013 a-t-il une version catalane ?", "fr", CATALAN_2013, "catalan"),
    ("Y a-t-il une version anglaise du plan de travail 2013 ?", "fr", ENGLISH_2013, "Cascais"),
    ("Y a-t-il une version anglaise du plan de travail 2014-2015 ?", "fr", ENGLISH_2014, "Oui"),
    ("Y a-t-il une version anglaise du plan de travail 2020 ?", "fr", ENGLISH_2020, "22"),
    ("Hi ha una versió en anglès del pla de treball 2020?", "ca", ENGLISH_2020, "22"),
    ("El pla de treball 2014-2015 està en anglès?", "ca", ENGLISH_2014, "Sí"),
    ("Hi ha el pla de treball 2013 en anglès?", "ca", ENGLISH_2013, "Cascais"),
    ("Is there an English version of the 2013 work plan?", "en", ENGLISH_2013, "Cascais"),
    ("Is there an English version of the 2020 work plan?", "en", ENGLISH_2020, "22"),
]

NO_SUCH_VERSION = [
    ("¿Hay una versión en francés del plan de trabajo 2013?", "es"),
    ("Y a-t-il une version portugaise du plan de travail 2020 ?", "fr"),
]


@pytest.mark.parametrize(("question", "language", "document", "fact"), FOUND)
def test_a_plan_named_in_any_language_leads_to_its_document(
    assistant: Assistant, question: str, language: str, document: str, fact: str
) -> None:
    now = dt.date(2021, 1, 10) if document == ENGLISH_2020 else dt.date(2016, 1, 10)
    answer = assistant.answer(question, now=now)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources == [document]
    assert fact in answer.answer


@pytest.mark.parametrize(("question", "language"), NO_SUCH_VERSION)
def test_a_version_no_document_is_in_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2021, 1, 10))
    assert answer.language == language
    assert answer.handoff
    assert answer.sources == []
    assert "OIDP" in answer.answer
