"""A list of one field across the records of a kind ("which cities hosted the IOPD
conference?", "quels pays ont accueilli...", "em que cidades se realizou..."): the field
named and the verb of hosting are no trait a record's text must hold, so every record of
the kind is listed, with its place and date, in the asker's language, and cited; a kind no
record holds is handed off. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 3, 12)
CONFERENCES = {"conference-13-cascais-2013", "conference-15-madrid", "conference-20-abidjan-2020"}
OFFICES = {"office-latin-america-porto-alegre", "office-africa-dakar"}
EXAMPLES = {"ogp-example-madrid-lobby-registry", "ogp-example-bogota-gender-parity"}


@pytest.mark.parametrize(
    ("question", "language", "records", "facts"),
    [
        ("which cities hosted the IOPD conference?", "en", CONFERENCES, ["Cascais", "Madrid"]),
        ("Which places hosted the IOPD conference?", "en", CONFERENCES, ["Abidjan"]),
        ("Quelles villes ont accueilli la conférence de l'OIDP ?", "fr", CONFERENCES, ["Cascais"]),
        ("Quels pays ont accueilli la conférence de l'OIDP ?", "fr", CONFERENCES, ["Espagne"]),
        (
            "Dans quels pays la conférence de l'OIDP a-t-elle eu lieu ?",
            "fr",
            CONFERENCES,
            ["Portugal"],
        ),
        ("¿Qué ciudades acogieron la conferencia del OIDP?", "es", CONFERENCES, ["Madrid"]),
        ("¿En qué países se celebró la conferencia del OIDP?", "es", CONFERENCES, ["España"]),
        ("quins països han acollit la conferència de l'OIDP?", "ca", CONFERENCES, ["Espanya"]),
        ("En quines ciutats s'ha fet la conferència de l'OIDP?", "ca", CONFERENCES, ["Cascais"]),
        ("que países sediaram a conferência do OIDP?", "pt", CONFERENCES, ["Espanha"]),
        ("Em que cidades se realizou a conferência do OIDP?", "pt", CONFERENCES, ["Madrid"]),
        ("which cities host IOPD regional offices?", "en", OFFICES, ["Dakar"]),
        ("Quelles villes accueillent les bureaux régionaux de l'OIDP ?", "fr", OFFICES, ["Dakar"]),
        (
            "¿Qué ciudades albergan las oficinas regionales del OIDP?",
            "es",
            OFFICES,
            ["Porto Alegre"],
        ),
        ("quines ciutats acullen les oficines regionals de l'OIDP?", "ca", OFFICES, ["Dakar"]),
        ("Que cidades acolhem os escritórios regionais do OIDP?", "pt", OFFICES, ["Porto Alegre"]),
        ("which countries have OGP Local examples?", "en", EXAMPLES, ["Colombia"]),
        ("¿De qué países son los ejemplos de OGP Local?", "es", EXAMPLES, ["Colombia"]),
        ("Quais países têm exemplos de OGP Local?", "pt", EXAMPLES, ["Colômbia"]),
    ],
)
def test_a_field_of_every_record_of_the_kind(
    assistant: Assistant, question: str, language: str, records: set[str], facts: list[str]
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.language == language
    assert records <= set(answer.sources)
    assert "iopd-technical-secretariat" not in answer.sources
    for fact in facts:
        assert fact in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "which cities hosted the IOPD hackathon?",
        "which cities hosted the world congress of firefighters?",
        "Quelles villes ont accueilli les jeux olympiques de l'OIDP ?",
        "¿Qué ciudades acogieron el congreso mundial de bomberos?",
        "Quines ciutats han acollit el torneig d'escacs de l'OIDP?",
        "Que cidades sediaram o torneio de xadrez do OIDP?",
    ],
)
def test_a_field_of_a_kind_no_record_holds_is_handed_off(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.handoff
    assert not answer.sources


def test_one_city_asked_is_the_record_s_own_place(assistant: Assistant) -> None:
    answer = assistant.answer("which city hosts the IOPD secretariat?", now=NOW)
    assert not answer.handoff
    assert answer.sources[:1] == ["iopd-technical-secretariat"]
    assert "Barcelona" in answer.answer
