"""Indirect questions inside polite frames, in the five languages ("Could you give me the
organiser of...?", "pourriez-vous nous indiquer le thème de...", "quisiera saber quién...",
"em podríeu dir on...", "gostaria de saber quando..."): the embedded question's slot is read
as if asked directly, a noun phrase after the request too ("the organiser of X" asks who,
"la ville de X" where, "la data de X" when); an embedded yes/no question ("...whether the
conference was in Cascais") stays yes/no, and a request to give a thing is still no
question the records answer."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.asking import slot_named
from hub.core.assistant.polite_requests import asks_an_action, request_frame
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

NOW = dt.date(2020, 3, 1)
MADRID = "conference-15-madrid"
CASCAIS = "conference-13-cascais-2013"
ABIDJAN = "conference-20-abidjan-2020"
DAKAR = "office-africa-dakar"


@pytest.mark.parametrize(
    ("question", "language", "intent", "source", "fact"),
    [
        (
            "Could you give me the organiser of the 15th IOPD conference?",
            "en",
            "who",
            MADRID,
            "Madrid",
        ),
        (
            "Would you mind telling me the venue of the 13th conference?",
            "en",
            "where",
            CASCAIS,
            "Cascais",
        ),
        (
            "Could you let me know the date of the 20th IOPD conference?",
            "en",
            "when",
            ABIDJAN,
            "July",
        ),
        (
            "Do you happen to know the theme of the 13th conference?",
            "en",
            "theme",
            CASCAIS,
            "Sustainability",
        ),
        (
            "I was wondering whether you could tell me the host city of the 13th conference.",
            "en",
            "where",
            CASCAIS,
            "Cascais",
        ),
        ("Could you give me the year the African platform opened?", "en", "when", DAKAR, "2012"),
        (
            "Pourriez-vous nous indiquer le thème de la 13e conférence ?",
            "fr",
            "theme",
            CASCAIS,
            "durabilité",
        ),
        (
            "Pourriez-vous me donner l'organisateur de la 15e conférence ?",
            "fr",
            "who",
            MADRID,
            "Madrid",
        ),
        (
            "Pourriez-vous m'indiquer la ville de la 13e conférence ?",
            "fr",
            "where",
            CASCAIS,
            "Cascais",
        ),
        ("Je voudrais connaître la date de la 20e conférence.", "fr", "when", ABIDJAN, "juillet"),
        (
            "¿Me podría decir el tema de la 13.ª conferencia?",
            "es",
            "theme",
            CASCAIS,
            "sostenibilidad",
        ),
        ("¿Me puede dar el organizador de la 15.ª conferencia?", "es", "who", MADRID, "Madrid"),
        (
            "¿Me podrían indicar la ciudad de la 13.ª conferencia?",
            "es",
            "where",
            CASCAIS,
            "Cascais",
        ),
        ("¿Me podéis decir cuándo es la 20.ª conferencia?", "es", "when", ABIDJAN, "julio"),
        ("Em podríeu donar la data de la 20a conferència?", "ca", "when", ABIDJAN, "juliol"),
        ("Em podeu indicar l'organitzador de la 15a conferència?", "ca", "who", MADRID, "Madrid"),
        ("Em podríeu dir la ciutat de la 13a conferència?", "ca", "where", CASCAIS, "Cascais"),
        (
            "Poderia dizer-me o tema da 13.ª conferência?",
            "pt",
            "theme",
            CASCAIS,
            "sustentabilidade",
        ),
        ("Podia dar-me o organizador da 15.ª conferência?", "pt", "who", MADRID, "Madrid"),
        ("Poderiam indicar-me a cidade da 13.ª conferência?", "pt", "where", CASCAIS, "Cascais"),
        ("Gostaria de saber a data da 20.ª conferência.", "pt", "when", ABIDJAN, "julho"),
    ],
)
def test_the_question_inside_a_polite_frame_is_read_as_if_asked_directly(
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
        ("Could you tell me whether the 20th conference is in Abidjan?", "Yes."),
        ("Pourriez-vous me dire si la 13e conférence a eu lieu à Cascais ?", "Oui."),
        ("¿Me podrían decir si la 13.ª conferencia fue en Madrid?", "No."),
        ("Poderiam informar-me se a 13.ª conferência foi em Cascais?", "Sim."),
    ],
)
def test_a_yes_no_question_inside_a_polite_frame_stays_yes_no(
    lingua_assistant: Assistant, question: str, opening: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.intent == "yesno"
    assert answer.answer.startswith(opening)


@pytest.mark.parametrize(
    "question",
    [
        "Em podríeu donar el certificat d'assistència?",
        "Could you give me a hand with our registration?",
        "Pourriez-vous me donner votre avis sur la 15e conférence ?",
    ],
)
def test_asking_to_be_given_a_thing_is_still_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff
    assert answer.sources == []


def test_a_request_before_a_slot_noun_is_cut_there(vocabulary: Vocabulary) -> None:
    words = normalise("¿Me podría dar la fecha de la 13.ª conferencia?").split()
    start, end = request_frame(words, vocabulary) or (0, 0)
    assert (start, words[end:][:2]) == (0, ["la", "fecha"])
    assert (
        slot_named(normalise("l'organisateur de la 15e conférence").split(), 0, vocabulary) == "who"
    )
    assert slot_named(normalise("the certificate of attendance").split(), 0, vocabulary) is None
    given = normalise("em podrieu donar el certificat").split()
    assert request_frame(given, vocabulary) is None
    assert asks_an_action(given, vocabulary)
