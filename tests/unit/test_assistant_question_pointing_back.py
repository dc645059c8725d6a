"""A question inside a longer message that points back to the sentence before it (issue 22).

Members name a thing in one sentence and ask about it in the next by a pronoun or a
demonstrative ("I read the 2020 plan has a task on cleaning up the list of members. What
does that task involve?", "¿En qué mes tiene lugar?", "Quand a lieu ce congrès ?"). Read
alone, such a question names too little and is handed off; read with the sentence it points
to, it is answered from the record that sentence names, while the asker's story around it
(who they are, where they write from) still counts for nothing. Questions written for this
test, in words of their own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

CASES = [
    (
        "en",
        "2020-03-01",
        "Hello, I run the youth office of a town near Leeds and I am new to the network. "
        "Someone told me the 2020 plan includes a task on cleaning up the list of members. "
        "What does that task involve?",
        "task-2020-15",
        "inactive members",
    ),
    (
        "es",
        "2020-03-01",
        "Buenas, soy técnica de un ayuntamiento de Cuenca y estoy repasando papeles. Leí que "
        "el plan 2020 tiene una tarea de limpieza de la lista de miembros. ¿Qué prevé esa "
        "tarea?",
        "task-2020-15",
        "miembros inactivos",
    ),
    (
        "fr",
        "2020-03-01",
        "Bonjour, je suis stagiaire dans une mairie près de Tours et je découvre le réseau. "
        "J'ai lu que le plan 2020 prévoit une tâche de nettoyage de la liste des membres. Que "
        "prévoit cette tâche ?",
        "task-2020-15",
        "membres inactifs",
    ),
    (
        "pt",
        "2020-03-01",
        "Olá, trabalho numa câmara perto de Évora e estou a arrumar documentos. Li que o "
        "plano 2020 tem uma tarefa de limpeza da lista de membros. O que prevê essa tarefa?",
        "task-2020-15",
        "membros inativos",
    ),
    (
        "en",
        "2020-03-01",
        "Good afternoon, I teach political science in Bristol. I noticed a Global Forum on "
        "Modern Direct Democracy in the 2020 agenda. In which month does it take place?",
        "global-forum-modern-direct-democracy-2020",
        "September",
    ),
    (
        "fr",
        "2020-03-01",
        "Bonsoir, j'enseigne la science politique à Liège. J'ai remarqué un Forum mondial sur "
        "la démocratie directe moderne dans l'agenda 2020. En quel mois a-t-il lieu ?",
        "global-forum-modern-direct-democracy-2020",
        "septembre",
    ),
    (
        "ca",
        "2020-03-01",
        "Bona tarda, faig classes de ciència política a Vic. He vist a l'agenda 2020 un Fòrum "
        "Global de la Democràcia Directa Moderna. En quin mes se celebra?",
        "global-forum-modern-direct-democracy-2020",
        "setembre",
    ),
    (
        "pt",
        "2020-03-01",
        "Boa tarde, dou aulas de ciência política em Braga. Vi na agenda 2020 um Fórum Global "
        "da Democracia Direta Moderna. Em que mês acontece?",
        "global-forum-modern-direct-democracy-2020",
        "setembro",
    ),
    (
        "en",
        "2020-03-01",
        "Hello, I'm a PhD student in Utrecht. I read that the 2020 plan has a comment "
        "suggesting the Global PB Hub could support mutual evaluation. Who wrote that comment?",
        "project-global-pb-hub",
        "Josh Lerner",
    ),
    (
        "es",
        "2020-03-01",
        "Hola, soy doctoranda en Sevilla. Leí que el plan 2020 tiene un comentario que sugiere "
        "que el Global PB Hub podría apoyar la evaluación mutua. ¿Quién escribió ese "
        "comentario?",
        "project-global-pb-hub",
        "Josh Lerner",
    ),
    (
        "pt",
        "2020-03-01",
        "Olá, sou doutoranda em Aveiro. Li que o plano 2020 tem um comentário a sugerir que o "
        "Global PB Hub poderia apoiar a avaliação mútua. Quem escreveu esse comentário?",
        "project-global-pb-hub",
        "Josh Lerner",
    ),
    (
        "en",
        "2021-03-01",
        "Hi, I coordinate maternal health projects in Davao. A colleague mentioned an "
        "Indonesian OGP Local member with an app for pregnant women. Which local government "
        "was that?",
        "ogp-example-banggai-pregnancy-app",
        "Banggai",
    ),
    (
        "es",
        "2021-03-01",
        "Hola, coordino proyectos de salud materna en Cusco. Una colega habló de un miembro "
        "indonesio de OGP Local con una app para mujeres embarazadas. ¿Qué gobierno local era "
        "ese?",
        "ogp-example-banggai-pregnancy-app",
        "Banggai",
    ),
    (
        "fr",
        "2021-03-01",
        "Bonjour, je coordonne des projets de santé maternelle à Kinshasa. Une collègue a parlé "
        "d'un membre indonésien d'OGP Local avec une application pour les femmes enceintes. "
        "Quel gouvernement local était-ce ?",
        "ogp-example-banggai-pregnancy-app",
        "Banggai",
    ),
    (
        "ca",
        "2021-03-01",
        "Hola, coordino projectes de salut materna a Manresa. Una companya va parlar d'un "
        "membre indonesi d'OGP Local amb una aplicació per a dones embarassades. Quin govern "
        "local era aquest?",
        "ogp-example-banggai-pregnancy-app",
        "Banggai",
    ),
    (
        "pt",
        "2021-03-01",
        "Olá, coordeno projetos de saúde materna em Luanda. Uma colega falou de um membro "
        "indonésio do OGP Local com uma aplicação para grávidas. Que governo local era esse?",
        "ogp-example-banggai-pregnancy-app",
        "Banggai",
    ),
    (
        "en",
        "2020-03-01",
        "Hello, I am putting together our city's calendar in Toulouse. The 2020 agenda lists "
        "the Congress of European Municipalities and Regions. When is that congress?",
        "cemr-congress-2020",
        "May",
    ),
    (
        "fr",
        "2020-03-01",
        "Bonjour, je prépare le calendrier de notre ville à Nancy. L'agenda 2020 mentionne le "
        "Congrès des communes et régions d'Europe. Quand a lieu ce congrès ?",
        "cemr-congress-2020",
        "mai",
    ),
    (
        "es",
        "2020-03-01",
        "Hola, preparo el calendario de nuestra ciudad en Logroño. La agenda 2020 menciona el "
        "Congreso de Municipios y Regiones de Europa. ¿Cuándo es ese congreso?",
        "cemr-congress-2020",
        "mayo",
    ),
    (
        "ca",
        "2020-03-01",
        "Hola, preparo el calendari de la nostra ciutat a Olot. L'agenda 2020 esmenta el "
        "Congrés de Municipis i Regions d'Europa. Quan és aquest congrés?",
        "cemr-congress-2020",
        "maig",
    ),
    (
        "pt",
        "2020-03-01",
        "Olá, preparo o calendário da nossa cidade em Viseu. A agenda 2020 menciona o "
        "Congresso dos Municípios e Regiões da Europa. Quando é esse congresso?",
        "cemr-congress-2020",
        "maio",
    ),
    (
        "en",
        "2020-01-01",
        "Hi, I organise a side event at WUF 10 for our city network. When is it exactly?",
        "world-urban-forum-10-abu-dhabi-2020",
        "February",
    ),
    (
        "es",
        "2020-01-01",
        "Hola, organizo un evento paralelo en el WUF 10 para nuestra red de ciudades. ¿Cuándo "
        "es exactamente?",
        "world-urban-forum-10-abu-dhabi-2020",
        "febrero",
    ),
    (
        "pt",
        "2020-01-01",
        "Olá, organizo um evento paralelo no WUF 10 para a nossa rede de cidades. Quando é "
        "exatamente?",
        "world-urban-forum-10-abu-dhabi-2020",
        "fevereiro",
    ),
]


@pytest.mark.parametrize(("language", "now", "message", "source", "fact"), CASES)
def test_question_pointing_back_is_answered_from_the_sentence_before(
    assistant: Assistant, language: str, now: str, message: str, source: str, fact: str
) -> None:
    answer = assistant.answer(message, now=dt.date.fromisoformat(now))
    assert answer.language == language
    assert not answer.handoff
    assert source in answer.sources
    assert fact.lower() in answer.answer.lower()
