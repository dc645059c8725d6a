"""How a question is read when words around it are not what it asks: a framing before a
colon ("For my report:"), a verb's form spelling a noun ("la costa oeste"), a telephone asked
in another language's word, a last clause opening with a question word after a clause naming
a concept, and the asker's own verbs ("appear in", "se llama"). Questions written for this
test, in several languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary import Vocabulary

NOW = dt.date(2019, 10, 7)


@pytest.mark.parametrize(
    ("question", "slot", "framing"),
    [
        ("For our newsletter: when is the next IOPD conference?", "when", "newsletter"),
        ("Checking a detail: where is the Latin American office?", "where", "detail"),
        ("Para un informe: ¿dónde está la oficina de África?", "where", "informe"),
        ("Pour notre bulletin : quand a lieu la conférence de Cascais ?", "when", "bulletin"),
        ("Per a la nostra memòria: quan es va fer la conferència de Cascais?", "when", "memoria"),
        (
            "Estou a preparar uma apresentação: onde fica o escritório de Dakar?",
            "where",
            "apresentacao",
        ),
    ],
)
def test_a_framing_before_a_colon_is_context(
    vocabulary: Vocabulary, question: str, slot: str, framing: str
) -> None:
    reading = read(question, vocabulary, NOW)
    assert reading.qtype == slot
    assert framing not in reading.content
    assert framing in reading.context


def test_a_short_topic_before_a_colon_stays_the_question(vocabulary: Vocabulary) -> None:
    reading = read("Cascais conference: when does it start?", vocabulary, NOW)
    assert "cascais" in reading.content


@pytest.mark.parametrize(
    "question",
    [
        "¿Cuándo es el encuentro de la costa oeste?",
        "Quan es fa la trobada de la costa est?",
        "Quando é o encontro na costa leste?",
    ],
)
def test_a_coast_asks_no_cost(vocabulary: Vocabulary, question: str) -> None:
    assert read(question, vocabulary, NOW).qtype == "when"


@pytest.mark.parametrize(
    "question", ["Quant costa ser membre de l'OIDP?", "¿Cuánto cuesta ser miembro del OIDP?"]
)
def test_a_cost_verb_still_asks_a_cost(vocabulary: Vocabulary, question: str) -> None:
    assert read(question, vocabulary, NOW).qtype == "cost"


@pytest.mark.parametrize(
    "question",
    [
        "could you send me the telefono of the Dakar office?",
        "¿me pasas el telefone de la Secretaría?",
        "quel est le teléfono du bureau de Barcelone ?",
        "qual é o telèfon do escritório?",
    ],
)
def test_a_telephone_in_any_language_is_out_of_scope(vocabulary: Vocabulary, question: str) -> None:
    reading = read(question, vocabulary, NOW)
    assert {"en", "es", "fr", "ca", "pt"} <= reading.out_of_scope_in


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("the seminar the IOPD helps to share, where is it held?", "where"),
        ("el seminario que el OIDP ayuda a difundir, ¿cuándo es?", "when"),
        ("el seminari que l'OIDP ajuda a difondre, on es fa?", "where"),
        ("the distinction cities can apply to, when does it close?", "when"),
    ],
)
def test_a_last_clause_question_word_governs(
    vocabulary: Vocabulary, question: str, slot: str
) -> None:
    assert read(question, vocabulary, NOW).qtype == slot


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Which cities appear in the OGP Local deck?", "appear"),
        ("¿Qué tareas aparecen en el plan de 2020?", "aparecen"),
        ("Quelles villes figurent dans la présentation d'OGP Local ?", "figurent"),
        ("Quines tasques apareixen al pla del 2020?", "apareixen"),
        ("Que cidades aparecem na apresentação do OGP Local?", "aparecem"),
    ],
)
def test_the_askers_verbs_weigh_as_no_topic(
    vocabulary: Vocabulary, question: str, verb: str
) -> None:
    assert verb not in read(question, vocabulary, NOW).content


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("¿Qué gastos del congreso cubre la red?", "cost"),
        ("Quelles dépenses du séminaire prend en charge l'OIDP ?", "cost"),
        ("Quines despeses del viatge paga la xarxa?", "cost"),
        ("Je voudrais être abonné au bulletin de l'OIDP, comment faire ?", "join"),
        ("Com puc estar subscrita al butlletí de la xarxa?", "join"),
        ("how do I get the network's newsletter in my inbox?", "join"),
        ("Le séminaire de Nanterre, où a-t-il lieu ?", "where"),
    ],
)
def test_expenses_subscriptions_and_inverted_where(
    vocabulary: Vocabulary, question: str, slot: str
) -> None:
    assert read(question, vocabulary, NOW).qtype == slot
