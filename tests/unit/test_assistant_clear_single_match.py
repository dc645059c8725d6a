"""Questions naming one record plainly, though not by the words the gates looked for (issue
22): an event of another body called by its own name beside the IOPD whose calendar holds it
("the World Urban Forum in the IOPD calendar", "el Congreso de Municipios y Regiones de
Europa en la agenda del OIDP"); a record asked about after an introduction and a colon
("A question from a research team: ...", whose words are then no details the record lacks);
a record far ahead of the others whose missing words are all words the records know. They were
handed off; they are now answered from that one record, in the asker's language. A question
whose words single out no record, or that asks another body's agenda, is still handed off.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

IN_2020 = dt.date(2020, 1, 15)
WUF = "world-urban-forum-10-abu-dhabi-2020"
CEMR = "cemr-congress-2020"
SORTITION = "thematic-sortition"
SLACK = "ogp-local-slack"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "source", "fact"),
    [
        ("When does the World Urban Forum take place in the IOPD's agenda?", "en", WUF, "February"),
        ("¿Cuándo es el Foro Urbano Mundial según la agenda del OIDP?", "es", WUF, "febrero"),
        ("Quand a lieu le Forum urbain mondial dans l'agenda de l'OIDP ?", "fr", WUF, "février"),
        ("Quan és el Fòrum Urbà Mundial a l'agenda de l'OIDP?", "ca", WUF, "febrer"),
        ("Quando é o Fórum Urbano Mundial na agenda do OIDP?", "pt", WUF, "fevereiro"),
        (
            "When is the Congress of European Municipalities and Regions in the IOPD calendar?",
            "en",
            CEMR,
            "May",
        ),
        (
            "¿Cuándo se celebra el Congreso de Municipios y Regiones de Europa que figura en la "
            "agenda del OIDP?",
            "es",
            CEMR,
            "mayo",
        ),
        (
            "Quand se tient le Congrès des communes et régions d'Europe dans l'agenda de l'OIDP ?",
            "fr",
            CEMR,
            "mai",
        ),
        (
            "Quan se celebra el Congrés de Municipis i Regions d'Europa a l'agenda de l'OIDP?",
            "ca",
            CEMR,
            "maig",
        ),
        (
            "Em que mês é o Congresso de Municípios e Regiões da Europa na agenda do OIDP?",
            "pt",
            CEMR,
            "maio",
        ),
        (
            "Who organises the UCLG Retreat and Campus in the IOPD's 2020 events?",
            "en",
            "uclg-retreat-campus-barcelona-2020",
            "UCLG",
        ),
    ],
)
def test_an_event_called_by_its_own_name_beside_the_network_is_answered(
    assistant: Assistant, question: str, language: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=IN_2020)
    assert answer.language == language
    assert not answer.handoff
    assert source in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "source", "fact"),
    [
        (
            "A question from a city research team: what is the thematic priority on sortition "
            "about?",
            "en",
            SORTITION,
            "sortition",
        ),
        (
            "Consulta de una técnica de Sevilla: ¿de qué trata la prioridad temática sobre el "
            "sorteo?",
            "es",
            SORTITION,
            "sorteo",
        ),
        (
            "Étudiant en master à Lyon : la priorité thématique sur le tirage au sort, de quoi "
            "parle-t-elle ?",
            "fr",
            SORTITION,
            "tirage au sort",
        ),
        (
            "Pregunta d'una tècnica de Reus: de què tracta la prioritat temàtica sobre el sorteig?",
            "ca",
            SORTITION,
            "sorteig",
        ),
        (
            "Pergunta de um técnico de Braga: de que trata a prioridade temática sobre o sorteio?",
            "pt",
            SORTITION,
            "sorteio",
        ),
        (
            "Which workspace do OGP Local members use on Slack? I need its address.",
            "en",
            SLACK,
            "ogplocal.slack.com",
        ),
        (
            "¿En qué espacio de Slack conversan los miembros de OGP Local? Necesito la dirección.",
            "es",
            SLACK,
            "ogplocal.slack.com",
        ),
        (
            "Dans quel espace Slack discutent les membres d'OGP Local ? Il me faut l'adresse.",
            "fr",
            SLACK,
            "ogplocal.slack.com",
        ),
        (
            "En quin espai de Slack parlen els membres d'OGP Local? Necessito l'adreça.",
            "ca",
            SLACK,
            "ogplocal.slack.com",
        ),
        (
            "Em que espaço do Slack conversam os membros do OGP Local? Preciso do endereço.",
            "pt",
            SLACK,
            "ogplocal.slack.com",
        ),
    ],
)
def test_a_record_singled_out_by_what_is_asked_is_answered(
    assistant: Assistant, question: str, language: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=IN_2020)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources == [source]
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "fact"),
    [
        (
            "Una consulta desde la oficina de planificación de Huesca: ¿de qué trata la tarea 14 "
            "del plan de trabajo 2020?",
            "es",
            "evaluación mutua",
        ),
        (
            "Une question du service de coopération de Rennes : de quoi parle la tâche 14 du plan "
            "de travail 2020 ?",
            "fr",
            "évaluation mutuelle",
        ),
        (
            "Una consulta de l'oficina de planificació de Vic: de què tracta la tasca 14 del pla "
            "de treball 2020?",
            "ca",
            "avaluació mútua",
        ),
        (
            "Uma dúvida do gabinete de planeamento de Évora: de que trata a tarefa 14 do plano de "
            "trabalho 2020?",
            "pt",
            "avaliação mútua",
        ),
    ],
)
def test_a_numbered_part_asked_after_an_introduction_is_answered(
    assistant: Assistant, question: str, language: str, fact: str
) -> None:
    answer = assistant.answer(question, now=IN_2020)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources == ["task-2020-14"]
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When is the IOPD summit in the OGP calendar?", "en"),
        ("Quando é a cimeira do OIDP na agenda da OGP?", "pt"),
        ("Una duda de mi jefa: ¿cuál es el presupuesto exacto del Slack del OIDP?", "es"),
        (
            "Question rapide de notre maire : quel est le numéro de passeport du coordinateur "
            "de l'OIDP ?",
            "fr",
        ),
        ("dona'm el DNI del coordinador", "ca"),
    ],
)
def test_a_question_singling_out_no_record_is_still_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=IN_2020)
    assert answer.language == language
    assert answer.handoff
    assert "ogplocal.slack.com" not in answer.answer
    assert WUF not in answer.sources
