"""A record described, not named, in casual typing, in the five languages: all lowercase, no
accents, no punctuation, chat shortcuts ("r", "q", "im", "vcs", "mto"), and the asker's own
town told first in the same run-on sentence. The asker's clause is cut off where the
question begins once its shortcuts are written out, so neither the asker's country nor a
relative "where" further on is read as what is asked. A description that fits no record,
or asks what the records do not state, is still handed off. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.text import normalise

STATUTES = "working-group-new-statutes"
ASSOCIATIONS = "working-group-role-of-associations"
AWARD = "iopd-award-2020"
BOGOTA = "ogp-example-bogota-gender-parity"
WUF = "world-urban-forum-10-abu-dhabi-2020"
DAKAR = "office-africa-dakar"
SLACK = "ogp-local-slack"
BANGGAI = "ogp-example-banggai-pregnancy-app"


@pytest.mark.parametrize(
    ("now", "question", "record", "fact"),
    [
        (
            "2014-05-01",
            "we r a city council in peru what is the group where they write the new statutes",
            STATUTES,
            "statutes",
        ),
        (
            "2014-05-01",
            "som un ajuntament petit q es el grup on escriuen els nous estatuts",
            STATUTES,
            "estatuts",
        ),
        (
            "2014-05-01",
            "somos un municipio de peru que es el grupo donde escriben los nuevos estatutos",
            STATUTES,
            "estatutos",
        ),
        (
            "2014-05-01",
            "somos uma camara no brasil o que e o grupo onde escrevem os novos estatutos",
            STATUTES,
            "estatutos",
        ),
        (
            "2014-05-01",
            "on est une mairie au maroc c quoi le groupe ou on ecrit les nouveaux statuts",
            STATUTES,
            "statuts",
        ),
        (
            "2020-01-10",
            "our city is in kenya what is the event where the secretariat goes to abu dhabi",
            WUF,
            "February",
        ),
        (
            "2026-01-10",
            "im in bogota whats the example about women on local boards",
            BOGOTA,
            "26.6",
        ),
        (
            "2026-01-10",
            "soy de quito cual es el ejemplo sobre mujeres en juntas locales",
            BOGOTA,
            "26,6",
        ),
        (
            "2013-03-01",
            "q es el grup on es parla del paper de les associacions",
            ASSOCIATIONS,
            "associacions",
        ),
        (
            "2013-03-01",
            "o que e o grupo onde se fala do papel das associacoes",
            ASSOCIATIONS,
            "associacoes",
        ),
        (
            "2020-01-10",
            "hola somos de rosario cuando abre el premio de buenas practicas",
            AWARD,
            "febrero",
        ),
        ("2020-01-10", "o premio de boas praticas quando abre pls", AWARD, "fevereiro"),
        ("2020-01-10", "le prix des bonnes pratiques il ouvre quand svp", AWARD, "fevrier"),
        ("2020-01-10", "el premi de bones practiques quan obre la convocatoria", AWARD, "febrer"),
        ("2020-01-10", "tienen oficina en africa donde esta", DAKAR, "Dakar"),
        ("2020-01-10", "vcs tem um escritorio na africa onde fica", DAKAR, "Dakar"),
        ("2020-01-10", "ur office in africa where is it", DAKAR, "Dakar"),
        (
            "2023-12-01",
            "le slack des membres ogp local c quoi le lien",
            SLACK,
            "ogplocal.slack.com",
        ),
        (
            "2023-12-01",
            "el slack dels membres d ogp local quin es l enllac",
            SLACK,
            "ogplocal.slack.com",
        ),
        (
            "2023-12-01",
            "somos de lima que es la app para mujeres embarazadas en indonesia",
            BANGGAI,
            "Banggai",
        ),
    ],
)
def test_a_record_described_in_casual_typing_is_answered(
    assistant: Assistant, now: str, question: str, record: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert record in answer.sources
    assert normalise(fact) in normalise(answer.answer)


@pytest.mark.parametrize(
    ("now", "question"),
    [
        # the asker's mayor is a person of theirs, no introduction: what is asked is kept
        ("2021-03-03", "creeis q mi ayuntamiento deberia unirse a ogp local"),
        # a description no record fits: the records name no such meeting
        ("2020-01-10", "we r a town in chile what is the group where cities trade bikes"),
        # the asker's clause cut off leaves a slot the record does not state
        ("2014-05-01", "we r a city council in peru how much does the statutes group cost"),
        ("2020-01-10", "som un ajuntament petit q salari te el secretari tecnic"),
    ],
)
def test_a_description_the_records_do_not_answer_is_handed_off(
    assistant: Assistant, now: str, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer
