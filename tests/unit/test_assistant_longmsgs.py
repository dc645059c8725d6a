"""Long messages (an email, a Slack post) whose question is buried among the asker's story:
who they are, their city, their project, what they read, a signature, a forwarded note. The
message is summarised to its question sentences, read with the one year its story names, and
answered from the record the question asks about; a story naming several years gives none of
them to the question; what no record states is still handed off. Sentences written for this
test, in the five languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.context_years import context_year

ABIDJAN = "conference-20-abidjan-2020"
LIMIT = "ogp-local-commitments-limit"
PLAN_2013 = "work-plan-2013"
LINE_2013 = "work-plan-2013-line-visibility"

ANSWERED = [
    (
        "2020-03-02",
        "Hi all, I'm new here, I work in the participation unit of a small town near Leeds "
        "and I've been reading the network's newsletters for a few weeks. Our mayor is keen "
        "to travel this summer. Where is the IOPD conference held this year? Cheers, Tom",
        ABIDJAN,
        "Abidjan",
    ),
    (
        "2020-03-02",
        "Hola a todos, escribo desde una concejalía de participación de un pueblo de Murcia. "
        "Llevamos dos años con presupuestos participativos y queremos aprender de otros. "
        "¿Dónde se celebra la conferencia del OIDP este año? Un saludo, Marta",
        ABIDJAN,
        "Abidjan",
    ),
    (
        "2020-03-02",
        "Bonjour, je travaille pour une petite commune près de Namur et je découvre le "
        "réseau. Notre bourgmestre aimerait participer aux rencontres internationales. Où "
        "se tient la conférence de l'OIDP cette année ? Merci beaucoup, Claire",
        ABIDJAN,
        "Abidjan",
    ),
    (
        "2020-03-02",
        "Bon dia, soc tècnic de participació d'un ajuntament del Penedès i fa poc que "
        "seguim la xarxa. L'alcalde vol saber si hi podem anar. On se celebra la conferència "
        "de l'OIDP aquest any? Gràcies, Pere",
        ABIDJAN,
        "Abidjan",
    ),
    (
        "2020-03-02",
        "Olá, trabalho numa câmara municipal do Alentejo e acompanhamos a rede há pouco "
        "tempo. O presidente da câmara quer viajar no verão. Onde se realiza a conferência "
        "do OIDP este ano? Obrigada, Ana",
        ABIDJAN,
        "Abidjan",
    ),
    (
        "2024-02-12",
        "Hello, I coordinate open government in a mid-sized municipality in Ghana. Our "
        "forum with civil society drafted a long list of ideas for the first action plan: "
        "open contracts, a budget portal, a complaints tracker. Before we take it to the "
        "council: how many commitments can an OGP Local member have at the same time?",
        LIMIT,
        "5",
    ),
]

HANDED_OFF = [
    (
        "2020-03-02",
        "Hi all, I work for a small town in Wales and we joined the network last year. Our "
        "councillor keeps asking me things I can't answer. What is the wifi password of "
        "the conference venue? Thanks a lot, Gwen",
    ),
    (
        "2020-03-02",
        "Hola, soy técnica de participación en un ayuntamiento de Galicia y entramos en la "
        "red hace poco. Mi jefa me pide un informe. ¿Me podéis pagar el billete de avión "
        "para ir a la conferencia? Gracias, Uxía",
    ),
    (
        "2020-03-02",
        "Bonjour, je suis chargée de mission dans une mairie de Bretagne, nous avons "
        "rejoint le réseau il y a un an. Quel est le numéro de téléphone personnel de la "
        "présidente ? Merci, Anne",
    ),
    (
        "2020-03-02",
        "Bon dia, escric des d'un ajuntament de l'Empordà; fa un any que som a la xarxa. "
        "L'equip em pregunta coses que no sé. Quina contrasenya té la intranet de la "
        "xarxa? Gràcies, Jordi",
    ),
    (
        "2020-03-02",
        "Olá, sou de uma junta de freguesia de Braga e entrámos na rede há pouco. A minha "
        "chefe pediu-me um relatório. Podem pagar-nos o hotel durante a conferência? "
        "Obrigado, Rui",
    ),
]


@pytest.mark.parametrize(("now", "question", "record", "fact"), ANSWERED)
def test_a_question_buried_in_a_long_message_is_answered(
    lingua_assistant: Assistant, now: str, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert record in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(("now", "question"), HANDED_OFF)
def test_a_long_message_asking_what_no_record_states_is_handed_off(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer


TWO_YEARS_TOLD = [
    (
        "Bon dia a tothom. Estic comparant els plans de l'OIDP per a la regidoria. Del 2020 ja "
        "tinc les prioritats, però del Pla de treball 2013 de la Secretaria Tècnica em falta "
        "l'estructura. Quines són les línies del pla?",
        "visibilitat",
    ),
    (
        "Hi everyone. I'm comparing the IOPD plans for our council. For 2020 I already have "
        "the priorities, but for the 2013 Work plan of the Technical Secretariat I'm missing "
        "the structure. What are the lines of the plan?",
        "visibility",
    ),
    (
        "Hola a todos. Estoy comparando los planes del OIDP para la concejalía. Del 2020 ya "
        "tengo las prioridades, pero del Plan de trabajo 2013 de la Secretaría Técnica me "
        "falta la estructura. ¿Cuáles son las líneas del plan?",
        "visibilidad",
    ),
    (
        "Bonjour à tous. Je compare les plans de l'OIDP pour notre conseil. Pour 2020 j'ai "
        "déjà les priorités, mais pour le Plan de travail 2013 du Secrétariat technique il me "
        "manque la structure. Quelles sont les lignes du plan ?",
        "visibilité",
    ),
    (
        "Olá a todos. Estou a comparar os planos do OIDP para a câmara. De 2020 já tenho as "
        "prioridades, mas do Plano de trabalho 2013 do Secretariado Técnico falta-me a "
        "estrutura. Quais são as linhas do plano?",
        "visibilidade",
    ),
]


@pytest.mark.parametrize(("question", "fact"), TWO_YEARS_TOLD)
def test_a_story_naming_two_years_lets_the_question_find_its_plan(
    lingua_assistant: Assistant, question: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2013, 7, 10))
    assert not answer.handoff, answer.answer
    assert LINE_2013 in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("words", "context", "year"),
    [
        (["which", "lines"], ["back", "in", "2013", "the", "plan"], ["2013"]),
        (["quines", "linies"], ["del", "2020", "pero", "del", "pla", "2013"], []),
        (["el", "plan", "2020"], ["en", "2013", "leí"], []),
        (["o", "plano"], ["em", "2014", "e", "de", "novo", "em", "2014"], ["2014"]),
    ],
)
def test_the_story_gives_its_one_year_to_a_question_naming_none(
    words: list[str], context: list[str], year: list[str]
) -> None:
    assert context_year(words, context) == year
