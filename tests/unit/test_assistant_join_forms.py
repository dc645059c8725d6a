"""How-to-join questions put other than "how do I join X", in five languages.

Asked in the third person or impersonally ("um município participa como?", "com participa
un ajuntament a l'Open Gov Challenge?"), for the conditions ("quelles sont les conditions
pour adhérer à l'OIDP ?"), with "comment" opening it (a word of the FAQ titles, no topic:
"comment rejoindre un cercle local" is no question on joining OGP Local), or with an example
("e.g.", "por ejemplo", "par exemple", "per exemple", "por exemplo") and a yes/no on the form
after it, a wish said in the third person ("el ayuntamiento quiere", "notre ville aimerait")
or the web page asked for: the question is read as one join question, answered only from a
record stating how to join what it names, else handed off.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

DAY = dt.date(2024, 6, 1)
JOIN_IOPD = {"faq-how-to-join-the-iopd", "iopd-membership"}
OGP_LOCAL = {"ogp-local-how-to-join", "faq-join-ogp-local"}
CHALLENGE = {"ogp-challenge-ways-to-participate"}
NEWSLETTER = {"faq-newsletter-subscription"}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


ANSWERED = [
    ("how does a city take part in the Open Gov Challenge?", "en", CHALLENGE),
    ("¿cómo participa un municipio en el Open Gov Challenge?", "es", CHALLENGE),
    ("com participa un ajuntament a l'Open Gov Challenge?", "ca", CHALLENGE),
    ("um município participa como no Open Gov Challenge?", "pt", CHALLENGE),
    ("comment participer au défi du gouvernement ouvert ?", "fr", CHALLENGE),
    ("quelles sont les conditions pour adhérer à l'OIDP ?", "fr", JOIN_IOPD),
    ("quelles sont les conditions pour rejoindre OGP Local ?", "fr", OGP_LOCAL),
    ("¿cuáles son las condiciones para unirse al OIDP?", "es", JOIN_IOPD),
    ("quines condicions hi ha per entrar a l'OIDP?", "ca", JOIN_IOPD),
    ("quais são as condições para aderir ao OGP Local?", "pt", OGP_LOCAL),
    ("what are the conditions to join the IOPD?", "en", JOIN_IOPD),
    ("¿cómo nos unimos al OIDP, por ejemplo como ONG?", "es", JOIN_IOPD),
    ("comment adhérer à l'OIDP, par exemple en tant qu'association ?", "fr", JOIN_IOPD),
    ("com ens podem fer membres de l'OIDP, per exemple com a entitat?", "ca", JOIN_IOPD),
    ("como aderimos ao OIDP, por exemplo como associação?", "pt", JOIN_IOPD),
    ("how can we join OGP Local, e.g. as a city of 50,000 people?", "en", OGP_LOCAL),
    ("pagina web para unirse a OGP Local?", "es", OGP_LOCAL),
    ("what website do we use to join OGP Local?", "en", OGP_LOCAL),
    ("el ayuntamiento quiere unirse al OIDP, ¿cómo lo hace?", "es", JOIN_IOPD),
    ("a câmara queria aderir ao OIDP, como faz?", "pt", JOIN_IOPD),
    ("je voudrais recevoir la lettre d'info, je fais comment ?", "fr", NEWSLETTER),
]


@pytest.mark.parametrize(("question", "language", "cited"), ANSWERED)
def test_a_join_question_put_another_way_is_answered_from_the_record_on_joining(
    assistant: Assistant, question: str, language: str, cited: set[str]
) -> None:
    answer = assistant.answer(question, now=DAY, lang=language)
    assert not answer.handoff
    assert set(answer.sources) & cited


HANDED_OFF = [
    (
        "how can we join one of the OGP Local Circles, e.g. the inclusion one with Bogotá? "
        "is there an application form?",
        "en",
    ),
    (
        "¿cómo podemos unirnos a uno de los círculos de OGP Local, por ejemplo el de "
        "inclusión con Bogotá? ¿hay un formulario?",
        "es",
    ),
    (
        "comment rejoindre un des cercles OGP Local, par exemple celui sur l'inclusion avec "
        "Bogotá ? Y a-t-il un formulaire ?",
        "fr",
    ),
    (
        "com podem entrar a un dels cercles d'OGP Local, per exemple el d'inclusió amb "
        "Bogotà? Hi ha un formulari?",
        "ca",
    ),
    (
        "como podemos entrar num dos círculos do OGP Local, por exemplo o da inclusão com "
        "Bogotá? Há um formulário?",
        "pt",
    ),
    ("comment rejoindre un cercle local", "fr"),
    ("comment rejoindre un cercle OGP Local ?", "fr"),
    ("notre ville aimerait rejoindre un cercle OGP Local, comment faire ?", "fr"),
    ("how can a city join a working group, for example the one on local observatories?", "en"),
    ("¿cómo nos unimos a un grupo de trabajo, por ejemplo el de observatorios locales?", "es"),
    ("comment participer à un groupe de travail, par exemple celui des observatoires ?", "fr"),
]


@pytest.mark.parametrize(("question", "language"), HANDED_OFF)
def test_a_join_question_on_a_thing_no_record_says_how_to_join_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=DAY, lang=language)
    assert answer.handoff
