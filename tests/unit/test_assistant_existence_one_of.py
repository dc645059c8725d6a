"""Whether something exists or belongs, asked in the ways the first existence tests did not
cover, in the five languages: "one of the examples?" ("uno de los", "l'un des", "un dels",
"um dos") and "is in" ("està al cercle", "está no círculo") ask belonging to what follows;
a region ("from Asia?", "en América Latina") holds the records of the countries in it;
"cap", "ningún", "aucun", "nenhum" ask existence as "any" does, and so do "anybody" and
"created"; "drafting" is the records' "elaboration"; "has a platform?" asks of the record
whose name is headed by that noun. What no record names (a city, a
region, a topic) stays handed off. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2023, 6, 1)
MONTERREY = "ogp-example-monterrey-gender-violence-data"
BOGOTA = "ogp-example-bogota-gender-parity"
BANGGAI = "ogp-example-banggai-pregnancy-app"
MADRID = "ogp-example-madrid-lobby-registry"
STATUTES = "working-group-new-statutes"


@pytest.mark.parametrize(
    ("question", "record", "fact"),
    [
        ("Is Bogotá one of the OGP Local examples?", BOGOTA, "26.6"),
        ("¿Es Monterrey uno de los ejemplos de OGP Local?", MONTERREY, "violencia"),
        ("Madrid est-elle l'un des exemples d'OGP Local ?", MADRID, "lobbies"),
        ("Bogotà és un dels exemples d'OGP Local?", BOGOTA, "26,6"),
        ("Banggai é um dos exemplos do OGP Local?", BANGGAI, "grávidas"),
        ("Is there an OGP Local example from Latin America?", MONTERREY, "Monterrey"),
        ("¿Hay algún ejemplo de OGP Local en Asia?", BANGGAI, "Banggai"),
        ("Y a-t-il un exemple d'OGP Local en Amérique latine ?", MONTERREY, "Monterrey"),
        ("¿Tiene el OIDP una plataforma en línea?", "project-participate-oidp", "PARTICIPATE"),
        ("Aragão está no círculo da inclusão?", "ogp-circle-inclusion", "Bogotá"),
        ("Hi ha cap exemple d'OGP Local a Mèxic?", MONTERREY, "Monterrey"),
        ("¿No hay ningún ejemplo de OGP Local en Asia?", BANGGAI, "Banggai"),
        ("Não há nenhum exemplo do OGP Local em Espanha?", MADRID, "Madrid"),
        ("N'y a-t-il aucun exemple d'OGP Local en Colombie ?", BOGOTA, "Bogota"),
        ("Does the IOPD have anyone in Africa, like an office?", "office-africa-dakar", "Dakar"),
        (
            "¿Tiene el OIDP a alguien en América Latina?",
            "office-latin-america-porto-alegre",
            "Porto Alegre",
        ),
        ("Is there a working group on drafting new statutes?", STATUTES, "elaboration"),
        (
            "S'ha creat un grup de treball sobre el paper de les associacions?",
            "working-group-role-of-associations",
            "associacions",
        ),
        ("Foi criado um grupo de trabalho sobre os estatutos?", STATUTES, "estatutos"),
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
        "Is Paris one of the OGP Local examples?",
        "O OIDP tem uma plataforma de votação?",
        "Madrid està al cercle d'inclusió?",
        "Is there an OGP Local example from Oceania?",
        "Hi ha cap exemple d'OGP Local al Japó?",
        "Existe algum exemplo do OGP Local em África?",
        "Is Monterrey one of the OGP Local circles?",
        "Is there a working group on drafting a new charter?",
        "S'ha creat un grup de treball sobre l'esport?",
        "¿Se ha creado un grupo de trabajo sobre turismo?",
        "Does the IOPD have anyone in Oceania?",
    ],
)
def test_what_no_record_names_is_handed_off(lingua_assistant: Assistant, question: str) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert not answer.answer.startswith(("Yes", "Sí", "Sim", "Oui")), answer.answer
