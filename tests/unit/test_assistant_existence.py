"""Whether something exists or belongs ("is there an OGP Local example about...?", "does a
city take part in a circle?", "is X one of the Open Gov Challenge areas?", "can social
movements become members?", "does the network have an office in...?"), in the five
languages: the record that writes every word asked answers it, with the detail that settles
it (the city, the figure, the name) and cited; a word no record writes is handed off, never
answered "no" nor "yes" from a record of something else. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2023, 6, 1)
MONTERREY = "ogp-example-monterrey-gender-violence-data"
BOGOTA = "ogp-example-bogota-gender-parity"
BANGGAI = "ogp-example-banggai-pregnancy-app"
MADRID = "ogp-example-madrid-lobby-registry"
JOIN = "faq-how-to-join-the-iopd"


@pytest.mark.parametrize(
    ("question", "record", "fact"),
    [
        ("Is there an OGP Local example about a lobby registry?", MADRID, "Madrid"),
        ("¿Hay algún ejemplo de OGP Local en Colombia?", BOGOTA, "26,6"),
        ("¿Hay algún ejemplo de OGP Local sobre violencia de género?", MONTERREY, "Monterrey"),
        ("Existe algum exemplo do OGP Local sobre grávidas?", BANGGAI, "Banggai"),
        ("Y a-t-il un exemple d'OGP Local sur les violences de genre ?", MONTERREY, "Monterrey"),
        ("Bogotá a-t-elle un exemple sur la parité ?", BOGOTA, "26,6"),
        ("Hi ha algun exemple d'OGP Local a Indonèsia?", BANGGAI, "Banggai"),
        ("São Paulo participa em algum círculo do OGP Local?", "ogp-circle-2030-agenda", "Córdoba"),
        (
            "Escòcia participa en algun cercle d'OGP Local?",
            "ogp-circle-climate-action",
            "Buenos Aires",
        ),
        ("Córdoba fait-elle partie d'un cercle OGP Local ?", "ogp-circle-2030-agenda", "São Paulo"),
        (
            "Is fiscal openness one of the Open Gov Challenge areas?",
            "ogp-challenge-fiscal-openness",
            "budget",
        ),
        ("A justiça faz parte do Open Gov Challenge?", "ogp-challenge-justice", "pessoas"),
        ("Can social movements become IOPD members?", JOIN, "social movements"),
        (
            "Les mouvements sociaux peuvent-ils devenir membres de l'OIDP ?",
            JOIN,
            "mouvements sociaux",
        ),
        ("Els moviments socials poden ser membres de l'OIDP?", JOIN, "moviments socials"),
        (
            "Does the IOPD have an office in Porto Alegre?",
            "office-latin-america-porto-alegre",
            "2012",
        ),
        ("¿Tiene el OIDP una oficina en Dakar?", "office-africa-dakar", "2012"),
        ("L'OIDP a-t-il un bureau à Dakar ?", "office-africa-dakar", "décembre 2012"),
        (
            "O OIDP tem um grupo de trabalho sobre estatutos?",
            "working-group-new-statutes",
            "novos estatutos",
        ),
    ],
)
def test_a_record_writing_what_is_asked_settles_it(
    lingua_assistant: Assistant, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert record in answer.sources, answer.sources
    assert fact in answer.answer, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Is there an OGP Local example in Japan?",
        "¿Hay algún ejemplo de OGP Local sobre turismo?",
        "Does Paris take part in an OGP Local circle?",
        "Can political parties become IOPD members?",
        "Can companies become IOPD members?",
        "Is there a circle on sports?",
        "Existe algum exemplo do OGP Local no Quénia?",
        "Is the Monterrey example part of an OGP Local circle?",
        "¿Madrid forma parte de algún círculo de OGP Local?",
        "Does the IOPD have new statutes?",
    ],
)
def test_what_no_record_writes_is_handed_off(lingua_assistant: Assistant, question: str) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert not answer.answer.startswith(("Yes", "No.", "Sí", "Sim", "Oui", "Non")), answer.answer


def test_an_office_only_planned_is_said_planned(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("Is there an office in Asia?", now=NOW)
    assert "office-asia-planned" in answer.sources
    assert "planned" in answer.answer
    assert not answer.answer.startswith("Yes")
