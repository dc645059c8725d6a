"""Lists and counts of members the records do not hold whole ("the full list of members",
"how many members", "which members besides A", "every member in region Z"): handed off,
saying the records hold no complete list, with the examples known of the place asked
listed and cited; lists the records hold whole (conferences, offices, priorities, a
circle's members, the deck's examples), an example asked, and an answer from an example
itself stay answered. Sentences written for this test, in the five languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.lists_unheld import members_asked, whole_asked

SPRING_2024 = dt.date(2024, 4, 15)
EXAMPLES = {
    "ogp-example-madrid-lobby-registry",
    "ogp-example-bogota-gender-parity",
    "ogp-example-banggai-pregnancy-app",
    "ogp-example-monterrey-gender-violence-data",
    "ogp-roundup-buenos-aires-childhood-index",
    "ogp-roundup-brazil-iopd-conference",
    "ogp-roundup-valencia-award",
}
NO_COMPLETE_LIST = {
    "en": "no complete list",
    "es": "no tienen una lista completa",
    "fr": "pas de liste complète",
    "ca": "no tenen una llista completa",
    "pt": "não têm uma lista completa",
}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Give me the full list of OGP Local members, please.", "en"),
        ("¿Cuántos miembros tiene ahora mismo OGP Local?", "es"),
        ("Quelles villes font partie d'OGP Local, la liste complète ?", "fr"),
        ("Quins municipis s'han unit a OGP Local aquest any?", "ca"),
        ("Quantas cidades são membros do OGP Local no total?", "pt"),
    ],
)
def test_a_programme_s_members_asked_whole_get_its_examples_and_a_handoff(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=SPRING_2024)
    assert answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources and set(answer.sources) <= EXAMPLES, answer.sources
    assert NO_COMPLETE_LIST[language] in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "kept", "set_aside"),
    [
        (
            "Apart from Bogotá, which members does OGP Local have in America?",
            "en",
            "ogp-example-monterrey-gender-violence-data",
            "ogp-example-bogota-gender-parity",
        ),
        (
            "Além de Madrid, que membros do OGP Local há na Europa?",
            "pt",
            "ogp-roundup-valencia-award",
            "ogp-example-madrid-lobby-registry",
        ),
        (
            "Aparte de Monterrey, ¿qué miembros de OGP Local hay en América?",
            "es",
            "ogp-example-bogota-gender-parity",
            "ogp-example-monterrey-gender-violence-data",
        ),
    ],
)
def test_besides_the_one_named_the_others_of_the_place_are_examples(
    assistant: Assistant, question: str, language: str, kept: str, set_aside: str
) -> None:
    """The example named is set aside, those of the place asked are listed, and the
    question handed off: the examples are not all the members there."""
    answer = assistant.answer(question, now=SPRING_2024)
    assert answer.handoff, answer.answer
    assert answer.language == language
    assert kept in answer.sources
    assert set_aside not in answer.sources
    assert "ogp-example-banggai-pregnancy-app" not in answer.sources  # not in the place


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which municipalities belong to the IOPD in Italy, all of them?", "en"),
        ("¿Cuántos socios tiene el OIDP en Chile?", "es"),
        ("Donnez-moi tous les membres de l'OIDP au Canada.", "fr"),
        ("Quants membres té l'OIDP a Andorra?", "ca"),
        ("Quais cidades pertencem ao OIDP na Argentina?", "pt"),
    ],
)
def test_the_network_s_own_members_are_handed_off_without_examples(
    assistant: Assistant, question: str, language: str
) -> None:
    """No record holds the network's members, even as examples: a plain handoff."""
    answer = assistant.answer(question, now=SPRING_2024)
    assert answer.handoff, answer.answer
    assert answer.language == language
    assert not set(answer.sources) & EXAMPLES


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("Which IOPD conferences do you know of?", "conference-13-cascais-2013"),
        ("Quels sont les bureaux régionaux de l'OIDP ?", "office-africa-dakar"),
        ("¿Cuáles son las prioridades temáticas del OIDP?", "thematic-gender"),
        ("Quines són les prioritats del pla de treball 2020?", "priority-a-communication"),
        ("Quais eventos houve em 2013?", "democracine-festival-2-2013"),
        ("Who are the members of the OGP Local circle on climate action?", ""),
        ("¿Qué miembros forman el círculo de OGP Local sobre la Agenda 2030?", ""),
        (
            "Quais exemplos de membros dá a apresentação do OGP Local?",
            "ogp-example-madrid-lobby-registry",
        ),
        (
            "Which OGP Local members in Brazil led a discussion at the IOPD Conference?",
            "ogp-roundup-brazil-iopd-conference",
        ),
        ("Quins tipus de membres té l'OIDP?", "iopd-membership"),
        ("Quem pode ser membro do OIDP?", "iopd-membership"),
        ("Quelles villes sont dans le Local Roundup ?", "ogp-local-roundup-2023-11"),
    ],
)
def test_lists_held_whole_and_examples_asked_stay_answered(
    assistant: Assistant, question: str, record: str
) -> None:
    answer = assistant.answer(question, now=SPRING_2024)
    assert not answer.handoff, answer.answer
    assert not record or record in answer.sources, answer.sources


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("which ogp local members are there", True),
        ("qué municipios de Colombia están en OGP Local", True),
        ("combien de membres compte le réseau", True),
        ("quines ciutats s'han unit a la xarxa", True),
        ("quantas cidades são membros", True),
        ("which cities hosted the conferences", False),
        ("qué ciudades acogieron las conferencias", False),
        ("quelles mesures pour la communication entre les membres du réseau", False),
        ("quines ciutats van acollir la conferència", False),
        ("como melhorar a comunicação com os membros", False),
    ],
)
def test_members_asked_in_five_languages(text: str, asked: bool) -> None:
    assert members_asked(text) is asked


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("the complete list please", True),
        ("todos los miembros", True),
        ("en plus de Madrid", True),
        ("a més de Bogotà", True),
        ("no total", True),
        ("which members led the discussion", False),
        ("qué miembros hablaron", False),
    ],
)
def test_whole_asked(text: str, whole: bool) -> None:
    assert whole_asked(text) is whole
