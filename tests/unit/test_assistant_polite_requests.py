"""Polite and formal requests in the five languages: a request for an answer ("I would be
grateful if you could tell me where...", "Le agradecería que me indicara quién...",
"Auriez-vous l'obligeance de me préciser quand...", "Li agrairia que m'indiqués on...",
"Agradecia que me indicasse quem...") is answered as the question it wraps, its slot and
record; a request for an action for the asker ("could you register my city", "pourriez-vous
m'envoyer la facture") is handed off to the secretariat, while a question about how one
joins, however it says "can", is still answered."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.polite_requests import asks_an_action, request_frame
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

NOW = dt.date(2020, 3, 1)
DAKAR = "office-africa-dakar"
MADRID = "conference-15-madrid"
CASCAIS = "conference-13-cascais-2013"


@pytest.mark.parametrize(
    ("question", "language", "intent", "source", "fact"),
    [
        (
            "I would be grateful if you could tell me where the IOPD's African platform is.",
            "en",
            "where",
            DAKAR,
            "Dakar",
        ),
        (
            "Would you be so kind as to tell me who organised the 15th IOPD conference?",
            "en",
            "who",
            MADRID,
            "Madrid",
        ),
        (
            "Would you mind letting me know when the 13th conference took place?",
            "en",
            "when",
            CASCAIS,
            "July",
        ),
        (
            "¿Sería usted tan amable de indicarme dónde se celebró la 13.ª conferencia?",
            "es",
            "where",
            CASCAIS,
            "Cascais",
        ),
        (
            "Le agradecería que me indicara quién organiza la 15.ª conferencia del OIDP.",
            "es",
            "who",
            MADRID,
            "Madrid",
        ),
        (
            "Quisiera consultarle cuándo abrió la plataforma africana del OIDP.",
            "es",
            "when",
            DAKAR,
            "2012",
        ),
        (
            "Je souhaiterais savoir où se trouve la plateforme africaine de l'OIDP.",
            "fr",
            "where",
            DAKAR,
            "Dakar",
        ),
        (
            "Auriez-vous l'obligeance de me préciser quand s'est tenue la 13e conférence ?",
            "fr",
            "when",
            CASCAIS,
            "juillet",
        ),
        (
            "Bonjour, pourriez-vous m'indiquer qui organise la 15e conférence de l'OIDP ?",
            "fr",
            "who",
            MADRID,
            "Madrid",
        ),
        (
            "Li agrairia que m'indiqués on és la plataforma africana de l'OIDP.",
            "ca",
            "where",
            DAKAR,
            "Dakar",
        ),
        (
            "Sap vostè qui organitza la 15a conferència?",
            "ca",
            "who",
            MADRID,
            "Madrid",
        ),
        (
            "Tindria l'amabilitat d'indicar-me quan es va fer la 13a conferència?",
            "ca",
            "when",
            CASCAIS,
            "juliol",
        ),
        (
            "Agradecia que me indicasse quem organiza a 15.ª conferência do OIDP.",
            "pt",
            "who",
            MADRID,
            "Madrid",
        ),
        (
            "O senhor poderia dizer-me onde fica a plataforma africana do OIDP?",
            "pt",
            "where",
            DAKAR,
            "Dakar",
        ),
        (
            "Faça o favor de me dizer quando decorreu a 13.ª conferência.",
            "pt",
            "when",
            CASCAIS,
            "julho",
        ),
    ],
)
def test_a_polite_request_is_answered_as_the_question_it_wraps(
    lingua_assistant: Assistant, question: str, language: str, intent: str, source: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.language == language
    assert answer.intent == intent
    assert source in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("¿Podría indicarme si la 13.ª conferencia fue en Cascais?", "Sí."),
        ("Poderia informar-me se a 13.ª conferência foi em Cascais?", "Sim."),
        ("Would you mind telling me if the 13th conference was held in Madrid?", "No."),
        ("Em podríeu dir si la 13a conferència va ser a Barcelona?", "No."),
    ],
)
def test_a_polite_yes_no_request_is_answered_yes_or_no(
    lingua_assistant: Assistant, question: str, opening: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.intent == "yesno"
    assert CASCAIS in answer.sources
    assert answer.answer.startswith(opening)


@pytest.mark.parametrize(
    "question",
    [
        "Could you please register my city for the Abidjan conference?",
        "Pourriez-vous m'envoyer la facture de notre adhésion ?",
        "¿Podría inscribirnos en el seminario de junio?",
        "Em podríeu enviar el certificat d'assistència?",
        "Poderia inscrever a nossa junta no OGP Local?",
        "Pourriez-vous m'indiquer votre avis sur la 15e conférence ?",
        "Could you tell me the weather in Cascais next week?",
    ],
)
def test_a_polite_request_the_records_cannot_answer_is_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff
    assert answer.sources == []


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Com ens podem apuntar al butlletí de l'OIDP?", "faq-newsletter-subscription"),
        ("¿Cómo puede mi ayuntamiento inscribirse en OGP Local?", "ogp-local-how-to-join"),
        ("Could you tell me how to subscribe to the newsletter?", "faq-newsletter-subscription"),
    ],
)
def test_asking_how_one_joins_is_no_action_asked(
    lingua_assistant: Assistant, question: str, source: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert source in answer.sources


def test_the_request_is_cut_where_its_question_starts(vocabulary: Vocabulary) -> None:
    words = normalise("Buenos días, ¿le importaría decirme quién organiza la conferencia?")
    start, end = request_frame(words.split(), vocabulary) or (0, 0)
    assert words.split()[end:][:2] == ["quien", "organiza"]
    assert start == 2
    told = normalise("Do they tell members when it starts?").split()
    assert request_frame(told, vocabulary) is None  # no request to the assistant
    assert asks_an_action(normalise("can you book me a room in Cascais").split(), vocabulary)
    assert not asks_an_action(normalise("can we register our town?").split(), vocabulary)
