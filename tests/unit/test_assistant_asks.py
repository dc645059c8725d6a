"""Questions asking the assistant to act, to judge, or to state what no record states.

Asked to sign a town up, send or book something, the assistant can do nothing; asked its
opinion or advice, it holds none; asked a prize's sum or an award's winners, the records
name neither. A record on the topic ("membership", "sortition", "the 7th Distinction")
answered such questions as if its text were the answer: an invented answer. They are handed
off in every language, read from closed word sets
(:func:`~hub.core.assistant.polite_requests.asks_the_assistant`) and from the details a
record must state (``details`` in vocabulary.yaml); asked how to join, or what a record
says, the records still answer.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.polite_requests import asks_an_action, asks_an_opinion
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

DAY = dt.date(2021, 3, 1)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Please enrol our city council in the network as a member this week.", "en"),
        ("Can you book me a place at the next seminar?", "en"),
        ("Por favor, inscriban a nuestro ayuntamiento como miembro de la red.", "es"),
        ("¿Me podrías mandar el certificado de participación?", "es"),
        ("Merci d'inscrire notre mairie comme membre du réseau dès cette semaine.", "fr"),
        ("Inscriviu el nostre ajuntament com a membre de la xarxa, si us plau.", "ca"),
        ("Inscreva a nossa câmara municipal como membro da rede, por favor.", "pt"),
        ("What do you honestly think about citizens' assemblies?", "en"),
        ("Is a citizens' jury worse than a referendum?", "en"),
        ("Selon vous, le tirage au sort est-il plus juste que l'élection ?", "fr"),
        ("¿Qué te parece el sorteo para elegir consejos vecinales?", "es"),
        ("Vous en pensez quoi, des budgets participatifs ?", "fr"),
        ("Què us sembla el pressupost participatiu de la nostra ciutat?", "ca"),
        ("Você acha que os conselhos de bairro funcionam?", "pt"),
        ("Is it worth it for a village to join the network?", "en"),
        ("¿Deberíamos unirnos a la red este año?", "es"),
    ],
)
def test_an_action_or_an_opinion_asked_is_handed_off(
    assistant: Assistant, text: str, language: str
) -> None:
    answer = assistant.answer(text, now=DAY)
    assert answer.handoff, answer.answer
    assert answer.language == language


@pytest.mark.parametrize(
    ("text", "now", "language"),
    [
        ("How much prize money does the 7th Distinction give?", "2013-04-01", "en"),
        ("Quel est le montant du prix de la 7e Distinction ?", "2013-04-01", "fr"),
        ("Qual é o valor do prémio da 7.ª Distinção?", "2013-04-01", "pt"),
        ("¿Cuál es la dotación del premio de la 7ª Distinción?", "2013-04-01", "es"),
        ("Quelles villes ont remporté le Prix des bonnes pratiques 2020 ?", "2020-12-01", "fr"),
        ("Quines ciutats van guanyar el premi de bones pràctiques del 2020?", "2020-12-01", "ca"),
    ],
)
def test_a_sum_or_winners_no_record_states_is_handed_off(
    assistant: Assistant, text: str, now: str, language: str
) -> None:
    answer = assistant.answer(text, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer
    assert answer.language == language


@pytest.mark.parametrize(
    "text",
    [
        "How do I register my city as a member?",
        "¿Cómo puede inscribirse nuestro ayuntamiento?",
        "Com es pot inscriure el nostre ajuntament a la xarxa?",
        "Como pode a nossa câmara aderir à rede?",
    ],
)
def test_asked_how_to_join_the_records_answer(assistant: Assistant, text: str) -> None:
    answer = assistant.answer(text, now=DAY)
    assert not answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("text", "action", "opinion"),
    [
        ("could you register us for the seminar", True, False),
        ("je vous prie de bien vouloir inscrire notre commune", True, False),
        ("can we register our town", False, False),
        ("quels groupes de travail sont crees pour 2014", False, False),
        ("should we join the network", False, True),
    ],
)
def test_what_the_word_sets_read(text: str, action: bool, opinion: bool) -> None:
    vocabulary = load_vocabulary()
    words = normalise(text).split()
    assert asks_an_action(words, vocabulary) is action
    assert asks_an_opinion(words, vocabulary) is opinion
