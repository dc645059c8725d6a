"""A place that says where the asker is ("a city in Senegal", "un municipio brasileño", "une
association sénégalaise") in a question on joining or on the fee: the network's joining and
fee records answer it as for any member, not the regional office of that place nor a hand-off
for want of a record on joining from there. A place that is what is asked about (the African
Platform, an event held there) still is. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 5, 1)
JOIN = "faq-how-to-join-the-iopd"
FEE = "faq-membership-fee"
ASKER_FROM_A_PLACE = [
    ("How can a city in Senegal join the IOPD?", "en", JOIN),
    ("Our town council in Ghana wants to become an IOPD member, what do we do?", "en", JOIN),
    ("Can an NGO from Morocco become a member of the IOPD?", "en", JOIN),
    ("Do Brazilian municipalities pay a membership fee to the IOPD?", "en", FEE),
    ("do cities in latin america pay a fee to be in the OIDP?", "en", FEE),
    ("¿Cómo puede un ayuntamiento de Colombia hacerse miembro del OIDP?", "es", JOIN),
    ("¿Cuánto paga de cuota un municipio de Argentina para ser miembro del OIDP?", "es", FEE),
    ("¿Los municipios latinoamericanos pagan cuota al OIDP?", "es", FEE),
    ("Comment une commune du Maroc peut-elle adhérer à l'OIDP ?", "fr", JOIN),
    ("Combien coûte l'adhésion à l'OIDP pour une ville d'Afrique ?", "fr", FEE),
    ("Une association sénégalaise peut-elle devenir membre de l'OIDP ?", "fr", JOIN),
    ("Com pot un ajuntament del Marroc fer-se membre de l'OIDP?", "ca", JOIN),
    ("Com es fa soci de l'OIDP una entitat de Mèxic?", "ca", JOIN),
    ("Quant costa l'adhesió a l'OIDP per a una ciutat d'Àfrica?", "ca", FEE),
    ("Una universitat de Colòmbia pot entrar a l'OIDP?", "ca", JOIN),
    ("Como uma cidade de Moçambique pode aderir ao OIDP?", "pt", JOIN),
    ("Uma ONG do Brasil paga quota para ser membro do OIDP?", "pt", FEE),
    ("Os municípios africanos pagam quota ao OIDP?", "pt", FEE),
]


@pytest.mark.parametrize(("question", "language", "cited"), ASKER_FROM_A_PLACE)
def test_an_askers_place_is_answered_by_the_networks_joining_and_fee_records(
    lingua_assistant: Assistant, question: str, language: str, cited: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources[0] == cited
    assert not any(source.startswith("office-") for source in answer.sources)


PLATFORM = "office-africa-dakar"
PLACE_ASKED_ABOUT = [
    ("how do I join the African Platform?", "en", PLATFORM),
    ("How can a city in Africa join the African Platform of the IOPD?", "en", PLATFORM),
    ("¿Cuánto cuesta inscribirse en la conferencia de Cascais?", "es", "conference-13-cascais"),
]


@pytest.mark.parametrize(("question", "language", "cited"), PLACE_ASKED_ABOUT)
def test_a_record_named_beside_the_askers_place_is_still_what_is_asked(
    lingua_assistant: Assistant, question: str, language: str, cited: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.language == language
    assert answer.handoff  # its record states no way of joining it, nor a cost
    assert answer.sources[0].startswith(cited)
    assert JOIN not in answer.sources and FEE not in answer.sources


def test_the_regional_offices_own_record_still_answers_where_it_is(
    lingua_assistant: Assistant,
) -> None:
    answer = lingua_assistant.answer("Where is the African Platform of the IOPD based?", now=NOW)
    assert not answer.handoff
    assert answer.sources == ["office-africa-dakar"]
    assert "Dakar" in answer.answer


def test_an_event_in_a_country_is_not_an_askers_place(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("Quand a lieu la conférence de l'OIDP au Sénégal ?", now=NOW)
    assert answer.language == "fr"
    assert answer.handoff
    assert JOIN not in answer.sources
