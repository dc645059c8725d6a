"""Yes/no questions asked the ordinary ways of each language, answered where a record states
them: a verb of aspect ("did it end up opening", "¿llegó a abrirse?", "a-t-il fini par
ouvrir ?", "ha arribat a obrir-se?", "chegou a abrir?") or a verb in the past ("¿abrió?",
"il a ouvert ?", "es va obrir?", "abriu?") asks yes or no; a noun question with a question
mark ("Open Gov Challenge: areas?") still asks what it names. Whether a planned office ever
opened is its record's own answer (the documents do not say it did); whether something is
part of another is stated by a sentence naming it among the other's members. Opinions and
facts no record states stay handed off. The questions are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary import Vocabulary

NOW = dt.date(2021, 5, 4)


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("¿Llegó a abrirse la oficina de Asia?", "yesno"),
        ("¿Ganó Rosario algún premio?", "yesno"),
        ("Et la plateforme de Dakar, elle a ouvert ?", "yesno"),
        ("L'oficina d'Amèrica del Nord es va obrir?", "yesno"),
        ("Ha arribat a crear-se el grup de treball?", "yesno"),
        ("O escritório de Porto Alegre abriu?", "yesno"),
        ("Chegou a abrir o escritório da Ásia?", "yesno"),
        ("¿Se abrió la oficina que estaba prevista en Asia?", "yesno"),  # a clause, no question
        ("Open Gov Challenge: areas?", None),  # nouns only: what they name is asked
        ("Le plan 2020 : les tâches ?", None),
        ("O escritório da Ásia: desde quando?", "when"),
        ("El plan de la secretaría, ¿qué abrió?", None),  # after a comma, "qué" asks what
    ],
)
def test_a_verb_of_aspect_or_in_the_past_asks_yes_or_no(
    vocabulary: Vocabulary, question: str, qtype: str | None
) -> None:
    assert read(question, vocabulary, NOW).qtype == qtype


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Did the Asia office ever open in the end?", "office-asia-planned"),
        ("Did the IOPD end up opening its North American office?", "office-north-america-planned"),
        ("¿Llegó a abrirse la oficina de América del Norte?", "office-north-america-planned"),
        ("¿Abrió finalmente la oficina del norte de Europa?", "office-northern-europe-planned"),
        ("Le bureau d'Amérique du Nord a-t-il fini par ouvrir ?", "office-north-america-planned"),
        ("Et le bureau d'Asie, il a ouvert ?", "office-asia-planned"),
        ("Ha arribat a obrir-se l'oficina d'Amèrica del Nord?", "office-north-america-planned"),
        ("L'oficina d'Àsia es va arribar a obrir?", "office-asia-planned"),
        ("Chegou a abrir o escritório da América do Norte?", "office-north-america-planned"),
        ("O escritório do norte da Europa abriu alguma vez?", "office-northern-europe-planned"),
    ],
)
def test_whether_a_planned_office_ever_opened_is_its_records_answer(
    assistant: Assistant, question: str, source: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources == [source]
    assert not answer.answer.startswith(("Yes", "Sí", "Oui", "Sim", "No.", "Non", "Não"))


@pytest.mark.parametrize(
    ("question", "opening", "source"),
    [
        ("Did the IOPD ever open its African platform?", "Yes.", "office-africa-dakar"),
        ("¿Llegó a abrirse la oficina de Dakar?", "Sí.", "office-africa-dakar"),
        (
            "O escritório de Porto Alegre chegou a abrir?",
            "Sim.",
            "office-latin-america-porto-alegre",
        ),
    ],
)
def test_an_office_that_opened_is_a_yes_with_when(
    assistant: Assistant, question: str, opening: str, source: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources == [source]
    assert answer.answer.startswith(opening)


@pytest.mark.parametrize(
    "question",
    [
        "Is the North American office open at the moment?",  # today: no dated record says
        "¿Ya está abierta la oficina de Asia?",
        "L'oficina d'Àsia ja és oberta?",
        "A Plataforma Africana continua aberta?",
        "Le bureau qu'on prévoyait en Asie a-t-il fini par ouvrir ?",  # the plan is known
        "Did the IOPD open an office in Australia?",  # no record of one
        "O OIDP abriu um escritório no Japão?",
    ],
)
def test_an_office_asked_of_today_or_unknown_is_handed_off(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "source", "fact"),
    [
        ("Is Scotland part of an OGP Local circle?", "ogp-circle-climate-action", "Scotland"),
        (
            "Does Córdoba belong to one of the OGP Local circles?",
            "ogp-circle-2030-agenda",
            "Córdoba",
        ),
        ("¿Aragón forma parte de algún círculo de OGP Local?", "ogp-circle-inclusion", "Aragón"),
        (
            "L'Écosse fait-elle partie d'un cercle OGP Local ?",
            "ogp-circle-climate-action",
            "Écosse",
        ),
        ("Còrdova forma part d'algun cercle d'OGP Local?", "ogp-circle-2030-agenda", "Córdoba"),
        ("Aragão faz parte de um círculo do OGP Local?", "ogp-circle-inclusion", "Aragão"),
        (
            "La ville de Bogotá fait-elle partie d'un cercle OGP Local ?",
            "ogp-circle-inclusion",
            "Bogotá",
        ),
        (
            "A cidade de Córdoba faz parte de algum círculo do OGP Local?",
            "ogp-circle-2030-agenda",
            "Córdoba",
        ),
        (
            "Is the city of Bogotá in one of the OGP Local circles?",
            "ogp-circle-inclusion",
            "Bogotá",
        ),
    ],
)
def test_being_part_of_something_is_stated_by_its_members(
    assistant: Assistant, question: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources == [source]
    assert fact in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Is Lisbon part of an OGP Local circle?",  # in none of them
        "La ville de Lyon fait-elle partie d'un cercle OGP Local ?",
        "L'Académie de la citoyenneté fait partie de la rencontre ibérique de Cascais ?",
        "A Academia de Cidadania faz parte do encontro ibérico de Cascais?",  # named beside
    ],
)
def test_being_part_of_something_no_sentence_states_is_handed_off(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Is joining OGP Local a good idea for a small town?",
        "¿Vale la pena que nuestro ayuntamiento entre en el OIDP?",
        "Est-ce que ça vaut le coup d'adhérer à l'OIDP pour une petite commune ?",
        "Val la pena que el nostre ajuntament s'uneixi a l'OIDP?",
        "Compensa a nossa câmara aderir ao OIDP?",
        "¿Ganó Rosario algún premio del OIDP?",  # no record says so
        "La ville de Lyon a-t-elle reçu la distinction de l'OIDP ?",
    ],
)
def test_opinions_and_facts_no_record_states_stay_handed_off(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "source", "fact"),
    [
        ("Does the IOPD still collaborate with UCLG?", "iopd-uclg-relation", "2006"),
        ("¿El OIDP todavía colabora con CGLU?", "iopd-uclg-relation", "2006"),
        ("¿Continúa el OIDP colaborando con CGLU?", "iopd-uclg-relation", "2006"),
        ("L'OIDP collabore-t-il encore avec CGLU ?", "iopd-uclg-relation", "2006"),
        ("L'OIDP encara col·labora amb CGLU?", "iopd-uclg-relation", "2006"),
        ("O OIDP continua a colaborar com a CGLU?", "iopd-uclg-relation", "2006"),
        (
            "Is the technical secretariat still based in Barcelona?",
            "iopd-technical-secretariat",
            "Barcelona",
        ),
        (
            "¿La Secretaría Técnica sigue siendo de Barcelona?",
            "iopd-technical-secretariat",
            "Barcelona",
        ),
        (
            "La Secretaria Tècnica encara té la seu a Barcelona?",
            "iopd-technical-secretariat",
            "Barcelona",
        ),
    ],
)
def test_whether_it_still_holds_is_what_its_record_says(
    assistant: Assistant, question: str, source: str, fact: str
) -> None:
    """The documents are dated: what they say is given, with no yes or no of today."""
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert source in answer.sources
    assert fact in answer.answer
    assert not answer.answer.startswith(("Yes", "Sí", "Oui", "Sim"))


@pytest.mark.parametrize(
    "question",
    [
        "Is the Global PB Hub still running?",  # a word no record of it says
        "¿La plataforma africana sigue activa?",
        "Le bureau de Porto Alegre est-il toujours ouvert ?",  # when it opened says nothing now
        "Is the IOPD still working with the World Bank?",  # a body the record never names
    ],
)
def test_whether_it_still_holds_with_a_word_no_record_says_is_handed_off(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Does an OGP Local action plan last one administration?", "administration"),
        ("¿Un plan de acción de OGP Local dura un mandato?", "mandato"),
        ("Un plan d'action OGP Local dure-t-il le temps d'un mandat ?", "mandat"),
        ("Un pla d'acció d'OGP Local dura un mandat?", "mandat"),
        ("O período de um plano de ação do OGP Local dura um mandato?", "mandato"),
    ],
)
def test_how_long_a_thing_lasts_is_stated_by_its_sentence(
    assistant: Assistant, question: str, fact: str
) -> None:
    """The verb asked ("dura", "dure") stems as the record's name ("Duração", "Durée"), and
    is still what the sentence must say."""
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources == ["ogp-local-action-plan-period"]
    assert fact in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Must every local member select an independent monitoring body?",
        "¿Deben los miembros locales elegir un organismo independiente?",
        "Doit-on choisir un organe de suivi indépendant pour OGP Local ?",
        "Els membres locals han de triar un organisme de seguiment independent?",
        "Devem os membros locais escolher um organismo independente de acompanhamento?",
    ],
)
def test_a_modal_first_asks_yes_or_no_and_the_rule_stated_answers(
    assistant: Assistant, vocabulary: Vocabulary, question: str
) -> None:
    assert read(question, vocabulary, NOW).qtype == "yesno"
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert {"ogp-local-independent-monitoring", "faq-join-ogp-local"} & set(answer.sources)


@pytest.mark.parametrize(
    "question",
    [
        "Must members attend every IOPD seminar?",  # no record says they must
        "¿Deben los miembros asistir a la conferencia anual?",
        "Os membros devem traduzir os documentos para inglês?",
    ],
)
def test_a_duty_no_record_states_is_handed_off(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
