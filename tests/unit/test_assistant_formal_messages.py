"""Formal messages (e-mail style, forwarded letters) whose writer first says who they are and
where they work, tells some context, then asks, sometimes with a request they mark as
secondary. The salutation, the introduction and the asker's plans around the question do
not decide the record: the question does, read with the thing it points back to ("the next
annual IOPD conference. When will it take place?"), and the main request, not the one marked
secondary. Questions written for this test, in the five languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.message_parts import question_parts

CASCAIS = "conference-13-cascais-2013"
ABIDJAN = "conference-20-abidjan-2020"
RABAT = "uclg-congress-rabat-2013"
PORTO_ALEGRE = "members-meeting-porto-alegre-2011-11"
AWARD = "iopd-award-2020"

POINTING_BACK = [
    (
        "Dear colleagues, I am the international relations officer of the City of Bilbao. "
        "Our deputy mayor intends to travel to the next annual IOPD conference. Could you "
        "let us know when it will be held?",
        "en",
        dt.date(2013, 2, 1),
        CASCAIS,
    ),
    (
        "Estimados señores: soy la jefa de gabinete de la Alcaldía de Cuenca. Nuestra "
        "alcaldesa quiere asistir a la próxima conferencia anual del OIDP. ¿Cuándo se "
        "celebrará?",
        "es",
        dt.date(2013, 2, 1),
        CASCAIS,
    ),
    (
        "Madame, Monsieur, je suis conseiller municipal de la Ville de Lille. Notre "
        "délégation compte se rendre à la prochaine conférence annuelle de l'OIDP. Quand "
        "aura-t-elle lieu ?",
        "fr",
        dt.date(2020, 3, 1),
        ABIDJAN,
    ),
    (
        "Benvolgut equip, sóc la tècnica de participació de l'Ajuntament de Girona. Volem "
        "enviar una delegació a la propera conferència anual de l'OIDP. Quan tindrà lloc?",
        "ca",
        dt.date(2020, 3, 1),
        ABIDJAN,
    ),
    (
        "Exmos. Senhores, sou assessor do Presidente da Câmara Municipal de Braga. "
        "Pretendemos participar na próxima conferência anual do OIDP. Quando se realizará?",
        "pt",
        dt.date(2013, 2, 1),
        CASCAIS,
    ),
    (
        "Dear Sir or Madam, I head the international office of the Province of Barcelona. "
        "We know the OIDP will be present at the 4th UCLG Congress this year. In which city "
        "will the congress be held?",
        "en",
        dt.date(2013, 5, 1),
        RABAT,
    ),
    (
        "Estimados señores: le escribe el responsable de archivo del Ayuntamiento de Getafe. "
        "Debemos documentar la reunión extraordinaria de miembros del OIDP celebrada en Porto "
        "Alegre. ¿En qué fecha tuvo lugar dicha reunión?",
        "es",
        dt.date(2012, 3, 1),
        PORTO_ALEGRE,
    ),
    (
        "Madame, Monsieur, je suis archiviste à la Ville de Nantes. Nous préparons une "
        "chronologie et devons citer la réunion extraordinaire des membres de l'OIDP à Porto "
        "Alegre. À quelle date cette réunion s'est-elle tenue ?",
        "fr",
        dt.date(2012, 3, 1),
        PORTO_ALEGRE,
    ),
    (
        "Benvolguts, sóc l'arxiver de l'Ajuntament de Reus. Hem de citar la reunió "
        "extraordinària de membres de l'OIDP a Porto Alegre. En quina data es va fer aquesta "
        "reunió?",
        "ca",
        dt.date(2012, 3, 1),
        PORTO_ALEGRE,
    ),
    (
        "Prezados senhores, sou técnica da Câmara Municipal de Évora. Precisamos de referir "
        "a reunião extraordinária de membros do OIDP em Porto Alegre. Em que data se "
        "realizou essa reunião?",
        "pt",
        dt.date(2012, 3, 1),
        PORTO_ALEGRE,
    ),
]

SECONDARY = [
    (
        "Estimados señores: la Concejalía de Participación de Logroño quiere presentarse al "
        "Premio del OIDP este año. Queremos saber sobre todo en qué mes se abre la "
        "convocatoria de candidaturas; el formato del dossier nos importa menos.",
        "es",
        dt.date(2020, 1, 10),
        AWARD,
    ),
    (
        "Dear colleagues, I am the adviser for international affairs of the Region of "
        "Flanders. The OIDP will attend the 4th UCLG Congress and may organise a side event "
        "there. My main question is: in which city will the congress take place? (Whether "
        "the side event is confirmed is secondary.)",
        "en",
        dt.date(2013, 5, 1),
        RABAT,
    ),
    (
        "Madame, Monsieur, je suis chargé de mission à la Métropole de Lyon. Nous voulons "
        "candidater au Prix de l'OIDP cette année. En quel mois s'ouvre l'appel à "
        "candidatures ? La présentation du dossier est secondaire.",
        "fr",
        dt.date(2020, 1, 10),
        AWARD,
    ),
    (
        "Benvolguts, sóc tècnic de participació de l'Ajuntament de Manresa. Volem "
        "presentar-nos al Premi de l'OIDP aquest any. En quin mes s'obre la convocatòria de "
        "candidatures? El format del dossier és secundari.",
        "ca",
        dt.date(2020, 1, 10),
        AWARD,
    ),
    (
        "Exmos. Senhores, sou técnica da Câmara Municipal de Loulé. Queremos candidatar-nos "
        "ao Prémio do OIDP este ano. Em que mês abre a convocatória de candidaturas? O "
        "formato do dossiê é secundário.",
        "pt",
        dt.date(2020, 1, 10),
        AWARD,
    ),
]

ANNUAL = [
    ("When is the next annual IOPD conference?", "en", dt.date(2013, 2, 1), CASCAIS),
    ("¿Cuándo es la próxima conferencia anual del OIDP?", "es", dt.date(2020, 3, 1), ABIDJAN),
    (
        "Quand a lieu la prochaine conférence annuelle de l'OIDP ?",
        "fr",
        dt.date(2013, 2, 1),
        CASCAIS,
    ),
    ("Quan és la propera conferència anual de l'OIDP?", "ca", dt.date(2013, 2, 1), CASCAIS),
    ("Quando é a próxima conferência anual do OIDP?", "pt", dt.date(2020, 3, 1), ABIDJAN),
]


@pytest.mark.parametrize(("question", "language", "now", "record"), POINTING_BACK)
def test_a_question_pointing_back_reads_the_thing_named_before_it(
    assistant: Assistant, question: str, language: str, now: dt.date, record: str
) -> None:
    answer = assistant.answer(question, now=now, lang=language)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == record


@pytest.mark.parametrize(("question", "language", "now", "record"), SECONDARY)
def test_the_main_request_decides_not_the_one_marked_secondary(
    assistant: Assistant, question: str, language: str, now: dt.date, record: str
) -> None:
    answer = assistant.answer(question, now=now, lang=language)
    assert not answer.handoff, answer.answer
    assert record in answer.sources


@pytest.mark.parametrize(("question", "language", "now", "record"), ANNUAL)
def test_the_next_annual_conference_is_the_next_one(
    assistant: Assistant, question: str, language: str, now: dt.date, record: str
) -> None:
    answer = assistant.answer(question, now=now, lang=language)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == record


def test_the_asker_s_plans_are_context_not_focus(assistant: Assistant) -> None:
    focus, context = question_parts(
        "Dear colleagues, I write from the City of Leeds. We intend to send two councillors "
        "to the next annual IOPD conference. When will it take place?",
        assistant.vocabulary,
        antecedent=True,
    )
    assert focus.startswith("the next annual IOPD conference")
    assert "councillors" in context and "councillors" not in focus


def test_a_clause_marked_secondary_is_context(assistant: Assistant) -> None:
    focus, context = question_parts(
        "Estimados señores: somos una fundación de Sevilla. Nos interesa saber cuándo se abre "
        "la convocatoria del Premio del OIDP; el calendario de la gala nos importa menos.",
        assistant.vocabulary,
    )
    assert "gala" in context and "gala" not in focus


def test_an_indefinite_thing_of_the_asker_s_story_is_not_pulled_in(
    assistant: Assistant,
) -> None:
    focus, _ = question_parts(
        "Dear colleagues, I chair a citizens' assembly in Turin for our region. Which "
        "thematic priorities did the general assembly set for the secretariat?",
        assistant.vocabulary,
    )
    assert "Turin" not in focus


def test_a_formal_question_the_records_do_not_answer_is_still_handed_off(
    assistant: Assistant,
) -> None:
    answer = assistant.answer(
        "Dear Sir or Madam, I am the protocol officer of the City of Ghent. Our mayor will "
        "attend the next annual IOPD conference. What is the dress code of its gala dinner?",
        now=dt.date(2013, 2, 1),
        lang="en",
    )
    assert answer.handoff


FRAMED = [
    (
        "Good afternoon. I write from the Participation Office of the City of Cardiff. "
        "Before we draft our paper, could you tell us the theme of the 13th OIDP Conference?",
        "en",
    ),
    (
        "Bonjour. Je suis chargée de mission à la Ville de Rennes. Avant de préparer notre "
        "contribution, quel était le thème de la 13e Conférence de l'OIDP ?",
        "fr",
    ),
]


@pytest.mark.parametrize(("question", "language"), FRAMED)
def test_a_clause_saying_what_the_answer_is_for_is_context(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 5, 5), lang=language)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == CASCAIS
