"""List questions: the items one record enumerates (its steps, objectives, areas, ways,
channels) are answered from that record, named by the question however it is worded; a
kind asked in a language's plural is that kind; a whole's parts narrowed by the whole's
years cite the whole; a list the records do not hold stays a handoff."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

SPRING_2020 = dt.date(2020, 4, 1)
LATER = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    """The assistant as the hub runs it (lingua tells the language of a short question)."""
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "record"),
    [
        ("What objectives does the 2020 work plan set?", "en", "work-plan-2020"),
        ("¿Qué objetivos se marca el plan de trabajo 2020?", "es", "work-plan-2020"),
        ("Quels objectifs fixe le plan de travail 2020 ?", "fr", "work-plan-2020"),
        ("Quins objectius té el pla de treball del 2020?", "ca", "work-plan-2020"),
        ("Quais os objetivos do plano de trabalho 2020?", "pt", "work-plan-2020"),
        ("¿Qué ámbitos abarca el Open Gov Challenge?", "es", "ogp-open-gov-challenge"),
        ("Àrees de l'Open Gov Challenge?", "ca", "ogp-open-gov-challenge"),
        (
            "De quelles manières peut-on prendre part à l'Open Gov Challenge ?",
            "fr",
            "ogp-challenge-ways-to-participate",
        ),
        ("Etapas do ciclo do plano de ação da OGP?", "pt", "ogp-local-action-plan-cycle"),
        (
            "How does OGP reach its goals, step by step?",
            "en",
            "ogp-ways-of-working",
        ),
        (
            "Per quins canals es comunica l'OIDP amb els seus membres, de principi a fi?",
            "ca",
            "iopd-communication-channels",
        ),
    ],
)
def test_a_records_own_enumeration(
    assistant: Assistant, question: str, language: str, record: str
) -> None:
    """The items a record enumerates are asked ("the objectives of the 2020 plan", "the
    areas of the Challenge", "step by step"): that record answers, with its own text, and
    no other record of the kind of one of its items (one area of ten is no list of them)."""
    answer = assistant.answer(question, now=LATER)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources[:1] == [record]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which events of other networks did the IOPD join forces with in 2013?", "en"),
        ("¿En qué eventos de otras redes colaboró el OIDP en 2013?", "es"),
        ("Quels événements d'autres réseaux l'OIDP a-t-il soutenus en 2013 ?", "fr"),
    ],
)
def test_events_a_task_lists_are_its_own(
    assistant: Assistant, question: str, language: str
) -> None:
    """The events a 2013 task lists, asked by the task's own name ("other networks"): the
    task answers, not the one event of that year whose text says "network"."""
    answer = assistant.answer(question, now=LATER)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources[:1] == ["action-2013-other-networks"]


@pytest.mark.parametrize(
    "question",
    [
        "What events about participatory budgeting were there?",
        "¿Qué eventos sobre juventud hubo?",
    ],
)
def test_a_topic_is_no_records_name(assistant: Assistant, question: str) -> None:
    """Events on a topic are not the list of one task whose name shares a common word with
    it ("participatory", "participation")."""
    answer = assistant.answer(question, now=LATER)
    assert answer.sources[:1] != ["action-2013-external-activities"]


@pytest.mark.parametrize(
    "question",
    [
        "What are the objectives of the 2013 work plan?",  # only the 2020 plan states them
        "What are the steps to get a travel grant for the conference?",
        "Which cities will host the next five conferences?",
        "Quins són els objectius de la conferència de Chicago?",
        "Quelles sont les étapes pour obtenir un visa ?",
    ],
)
def test_an_enumeration_no_record_holds_is_handed_off(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=LATER)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "language", "whole"),
    [
        (
            "Quais são as ações da linha de conhecimento do plano 2013?",
            "pt",
            "work-plan-2013-line-knowledge",
        ),
        (
            "Quines accions recull la línia de visibilitat del pla 2013?",
            "ca",
            "work-plan-2013-line-visibility",
        ),
        (
            "¿Qué acciones tiene la línea de funcionamiento del plan 2013?",
            "es",
            "work-plan-2013-line-functioning",
        ),
    ],
)
def test_a_kind_asked_in_its_plural(
    assistant: Assistant, question: str, language: str, whole: str
) -> None:
    """ "As ações", "les accions": the plural names the kind (the 2013 plan's actions) as
    the singular does, so the line's actions are listed and the line cited."""
    answer = assistant.answer(question, now=dt.date(2013, 9, 1))
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert whole in answer.sources
    assert sum(s.startswith("action-2013-") for s in answer.sources) >= 2


@pytest.mark.parametrize(
    ("question", "language", "plan", "now"),
    [
        (
            "the ten priorities of 2014-2015, as a list",
            "en",
            "work-plan-2014-2015",
            dt.date(2014, 6, 1),
        ),
        ("liste-moi les priorités stratégiques de 2020", "fr", "work-plan-2020", SPRING_2020),
        ("¿cuáles son las prioridades estratégicas de 2020?", "es", "work-plan-2020", SPRING_2020),
        ("llista de les prioritats de 2014-2015", "ca", "work-plan-2014-2015", dt.date(2014, 6, 1)),
        ("quais são as prioridades estratégicas de 2020?", "pt", "work-plan-2020", SPRING_2020),
    ],
)
def test_a_whole_named_by_its_years_heads_its_parts(
    assistant: Assistant, question: str, language: str, plan: str, now: dt.date
) -> None:
    """Every part of one plan is listed and the question names the plan by its years: the
    plan, which states that list, is cited and named over it."""
    answer = assistant.answer(question, now=now)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert plan in answer.sources
    assert plan.removeprefix("work-plan-")[:4] in answer.answer.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which projects does the 2020 work plan list?", "en"),
        ("¿Qué proyectos están listados en el plan de trabajo 2020?", "es"),
        ("Quels projets sont recensés dans le plan de travail 2020 ?", "fr"),
        ("Quins projectes apareixen llistats al pla de treball 2020?", "ca"),
        ("Que projetos estão listados no plano de trabalho 2020?", "pt"),
    ],
)
def test_listed_says_where_the_records_are_written(
    assistant: Assistant, question: str, language: str
) -> None:
    """ "Listed in the plan": where the projects are written, not a word they must hold."""
    answer = assistant.answer(question, now=SPRING_2020)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert {"project-horizon-2020", "project-pilot-cities-metropolis"} <= set(answer.sources)


EXAMPLES = {
    "ogp-example-madrid-lobby-registry",
    "ogp-example-bogota-gender-parity",
    "ogp-example-banggai-pregnancy-app",
    "ogp-example-monterrey-gender-violence-data",
}


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("Which OGP Local examples does the deck walk through?", "en", EXAMPLES),
        ("¿Qué ejemplos de OGP Local se citan?", "es", EXAMPLES),
        ("Quels exemples d'OGP Local trouve-t-on ?", "fr", EXAMPLES),
        (
            "Quins exemples d'OGP Local hi ha a l'Amèrica Llatina?",
            "ca",
            {"ogp-example-bogota-gender-parity", "ogp-example-monterrey-gender-violence-data"},
        ),
        ("Que exemplos do OGP Local são apresentados?", "pt", EXAMPLES),
    ],
)
def test_records_known_by_one_name_are_each_listed(
    assistant: Assistant, question: str, language: str, expected: set[str]
) -> None:
    """A list asked by the name its records are known as ("the OGP Local examples"): each
    of them, those of a place named when one is, never the first alone."""
    answer = assistant.answer(question, now=LATER)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert set(answer.sources) == expected


def test_records_known_by_one_name_in_no_place_of_theirs(assistant: Assistant) -> None:
    answer = assistant.answer("Which OGP Local examples come from Kenya?", now=LATER)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which thematic priorities did the General Assembly agree on?", "en"),
        ("¿Qué prioridades temáticas aprobó la Asamblea General?", "es"),
        ("Quelles priorités thématiques l'Assemblée générale a-t-elle retenues ?", "fr"),
        ("Quines prioritats temàtiques va escollir l'Assemblea?", "ca"),
        ("Que prioridades temáticas definiu a Assembleia Geral?", "pt"),
    ],
)
def test_the_records_a_body_named_set(assistant: Assistant, question: str, language: str) -> None:
    """ "The priorities the Assembly set": those whose text says the assembly defined them
    (not the plan's other four), and the assembly, which the question names, is cited."""
    answer = assistant.answer(question, now=SPRING_2020)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert {"thematic-climate-change", "thematic-gender", "general-assembly-2020"} <= set(
        answer.sources
    )
    assert "thematic-sortition" not in answer.sources


OUTSIDE_2020 = {
    "world-urban-forum-10-abu-dhabi-2020",
    "cemr-congress-2020",
    "global-forum-modern-direct-democracy-2020",
    "iberian-pb-meeting-cascais-2020",
}


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which outside events are planned in 2020?", "en"),
        ("¿Qué eventos externos hay en el año 2020?", "es"),
        ("Quels événements extérieurs en 2020 ?", "fr"),
        ("Quins esdeveniments externs hi ha a l'agenda del 2020?", "ca"),
        ("Quais os eventos externos do ano de 2020?", "pt"),
    ],
)
def test_outside_events_are_a_kind(assistant: Assistant, question: str, language: str) -> None:
    """ "External events" are the network's name for other networks' events (forums,
    congresses): those of the year are listed, not every event of it (no seminar of its
    own), nor the 2013 task known by that name."""
    answer = assistant.answer(question, now=dt.date(2020, 1, 10))
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert set(answer.sources) >= OUTSIDE_2020
    assert not {"iopd-seminar-1-2020", "action-2013-external-activities"} & set(answer.sources)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which outside events did the secretariat go to in 2013?", "en"),
        ("¿A qué eventos externos fue la secretaría en 2013?", "es"),
        ("Quins esdeveniments externs tenia previstos el 2013?", "ca"),
    ],
)
def test_outside_events_of_2013_are_the_task_so_called(
    assistant: Assistant, question: str, language: str
) -> None:
    """The 2013 plan's task is known as "outside events": asked of 2013, it answers, with
    the events and dates it lists."""
    answer = assistant.answer(question, now=LATER)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources[:1] == ["action-2013-external-activities"]


@pytest.mark.parametrize(
    ("question", "language", "whole"),
    [
        ("Which OGP Local circles exist, and who is in them?", "en", "ogp-local-circles"),
        ("¿Qué círculos locales de OGP hay?", "es", "ogp-local-circles"),
        ("Quels sont les thèmes des cercles locaux d'OGP ?", "fr", "ogp-local-circles"),
        ("Quines àrees té l'Open Gov Challenge?", "ca", "ogp-open-gov-challenge"),
        ("Que círculos locais da OGP existem?", "pt", "ogp-local-circles"),
    ],
)
def test_a_list_asked_by_its_wholes_name(
    assistant: Assistant, question: str, language: str, whole: str
) -> None:
    """The parts of a record asked by the record's own whole name ("the OGP Local
    circles"): that record, whose text names each part, answers, not one part of three."""
    answer = assistant.answer(question, now=LATER)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources[:1] == [whole]


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("Which OGP Local circle is about inclusion?", "ogp-circle-inclusion"),
        ("Which Open Gov Challenge area is about justice?", "ogp-challenge-justice"),
    ],
)
def test_one_part_asked_is_that_part(assistant: Assistant, question: str, part: str) -> None:
    answer = assistant.answer(question, now=LATER)
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [part]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which other networks does the IOPD collaborate with this year?", "en"),
        ("¿Con qué otras redes colabora el OIDP este año?", "es"),
        ("Avec quels autres réseaux l'OIDP collabore-t-il cette année ?", "fr"),
        ("Amb quines altres xarxes col·labora l'OIDP enguany?", "ca"),
        ("Com que outras redes colabora o OIDP este ano?", "pt"),
    ],
)
def test_a_task_of_the_year_named_whole_is_no_event(
    assistant: Assistant, question: str, language: str
) -> None:
    """Asked in 2013 what the network collaborates with this year: no event of 2013 is a
    network, and the 2013 task the question names whole ("collaboration with other
    networks") answers; asked in 2020, no record of that year is so named, and the 2013
    task is not the answer."""
    answer = assistant.answer(question, now=dt.date(2013, 5, 1))
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources[:1] == ["action-2013-other-networks"]
    later = assistant.answer(question, now=dt.date(2020, 5, 1))
    assert "action-2013-other-networks" not in later.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which cities of Spain does the OGP Local presentation mention?", "en"),
        ("¿Qué ciudades españolas salen en la presentación de OGP Local?", "es"),
        ("Quelles villes d'Espagne cite la présentation d'OGP Local ?", "fr"),
        ("Quines ciutats espanyoles surten a la presentació d'OGP Local?", "ca"),
    ],
)  # (the deck's title is written in English only: "apresentação" does not name it)
def test_records_of_a_document_named_whole(
    assistant: Assistant, question: str, language: str
) -> None:
    """A list of what a document the question names holds ("the Spanish cities of the OGP
    Local presentation"): the records drawn from it that hold the rest (Spain), each."""
    answer = assistant.answer(question, now=LATER)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert set(answer.sources) == {
        "ogp-example-madrid-lobby-registry",
        "ogp-roundup-valencia-award",
    }


def test_records_of_a_document_in_a_place_it_has_none_of(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Which Kenyan cities appear in the OGP Local presentation?", now=LATER
    )
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which regional offices does the IOPD have, not the planned ones?", "en"),
        ("¿Qué oficinas regionales tiene el OIDP, no las previstas?", "es"),
        ("Quels bureaux régionaux l'OIDP a-t-il vraiment, pas les bureaux en projet ?", "fr"),
        ("Quines oficines regionals té l'OIDP, no les previstes?", "ca"),
        ("Que escritórios regionais tem o OIDP, não os previstos?", "pt"),
    ],
)
def test_not_the_planned_ones_sets_them_aside(
    assistant: Assistant, question: str, language: str
) -> None:
    """ "Not the planned ones", "no las previstas": those are set aside, the offices that
    opened are listed (never the planned ones alone)."""
    answer = assistant.answer(question, now=dt.date(2015, 1, 20))
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert {"office-latin-america-porto-alegre", "office-africa-dakar"} <= set(answer.sources)
    assert not any(s.endswith("-planned") for s in answer.sources)
