"""A detail asked that the chosen record does not state is handed off, not answered anyway.

Invented answers of one class: the question names the record (an event, an award) and asks
a detail of it beyond the slot ("what did it decide", "how do I register", "which building",
"the prize money"), the record states its dates and place but not that detail, and its
dates and place were answered as if they were it. The questions are written for these
tests, in each language; the records they name are the knowledge files' own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.assistant import Answer


def _ask(assistant: Assistant, question: str, now: str, language: str) -> Answer:
    return assistant.answer(question, now=dt.date.fromisoformat(now), lang=language)


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("What did the UCLG congress in Rabat decide?", "2014-01-01", "en"),
        ("What did the Berlin Informed Cities Forum achieve?", "2014-01-01", "en"),
        (
            "¿Cuáles fueron las conclusiones del III Foro de Autoridades Locales de Periferia?",
            "2014-01-01",
            "es",
        ),
        ("Qu'a décidé le Forum urbain mondial d'Abou Dhabi ?", "2020-06-01", "fr"),
        ("Quin va ser el resultat del festival Democracine?", "2014-01-01", "ca"),
        ("O que se concluiu no congresso da CGLU em Rabat?", "2014-01-01", "pt"),
    ],
)
def test_an_outcome_the_record_does_not_state_is_handed_off(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    answer = _ask(assistant, question, now, language)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "now", "language", "source"),
    [
        (
            "What did the extraordinary members' meeting in Porto Alegre decide?",
            "2013-06-01",
            "en",
            "members-meeting-porto-alegre-2011-11",
        ),
        (
            "¿Qué acordaron los miembros en la sesión de Porto Alegre de 2012?",
            "2013-06-01",
            "es",
            "members-session-porto-alegre-2012",
        ),
        (
            "Quelles décisions a prises l'Assemblée générale de l'OIDP en 2020 ?",
            "2020-06-01",
            "fr",
            "general-assembly-2020",
        ),
        (
            "Què van decidir els membres a la reunió extraordinària de Porto Alegre?",
            "2013-06-01",
            "ca",
            "members-meeting-porto-alegre-2011-11",
        ),
        (
            "O que decidiram os membros em Porto Alegre em novembro de 2011?",
            "2013-06-01",
            "pt",
            "members-meeting-porto-alegre-2011-11",
        ),
    ],
)
def test_an_outcome_the_record_states_is_answered(
    assistant: Assistant, question: str, now: str, language: str, source: str
) -> None:
    answer = _ask(assistant, question, now, language)
    assert not answer.handoff, answer.answer
    assert source in answer.sources


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("How do I register for the Informed Cities Forum in Berlin?", "2013-01-01", "en"),
        ("¿Cómo me inscribo en el congreso de CGLU en Rabat?", "2013-01-01", "es"),
        ("Comment s'inscrire au Forum urbain mondial d'Abou Dhabi ?", "2020-01-10", "fr"),
        ("Com m'apunto al festival Democracine?", "2013-01-01", "ca"),
        ("Como me inscrevo no congresso da CGLU em Rabat?", "2013-01-01", "pt"),
    ],
)
def test_how_to_take_part_in_an_event_is_not_answered_with_its_dates(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    answer = _ask(assistant, question, now, language)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("When can we sign up for the Cascais conference?", "2013-01-01", "en"),
        ("Quand peut-on s'inscrire à la conférence de Cascais ?", "2013-01-01", "fr"),
    ],
)
def test_when_to_take_part_is_still_answered_with_the_dates(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    answer = _ask(assistant, question, now, language)
    assert not answer.handoff, answer.answer
    assert answer.sources == ["conference-13-cascais-2013"]


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("Quin és l'import en metàl·lic del premi 2020?", "2020-01-10", "ca"),
        ("What is the cash prize of the 2020 award?", "2020-01-10", "en"),
        ("Dans quel bâtiment s'est tenue la conférence de Cascais ?", "2013-06-01", "fr"),
        ("Em que edifício foi a conferência de Cascais?", "2013-06-01", "pt"),
        ("¿En qué edificio fue la conferencia de Cascais?", "2013-06-01", "es"),
    ],
)
def test_a_sum_or_a_building_no_record_states_is_handed_off(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    answer = _ask(assistant, question, now, language)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("Who moderated the session on local observatories in Cascais?", "2013-09-01", "en"),
        ("¿Quién representó al OIDP en el congreso de Rabat?", "2013-09-01", "es"),
        (
            "Qui étaient les intervenants de la session sur les observatoires locaux à Cascais ?",
            "2013-09-01",
            "fr",
        ),
        (
            "Quins ponents hi havia a la sessió sobre observatoris locals de Cascais?",
            "2013-09-01",
            "ca",
        ),
        ("Quem representou o OIDP no congresso de Rabat?", "2013-09-01", "pt"),
    ],
)
def test_a_part_someone_played_is_not_answered_with_the_organiser(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    answer = _ask(assistant, question, now, language)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "now", "language", "source"),
    [
        ("Who organises the 13th conference?", "2013-09-01", "en", "conference-13-cascais-2013"),
        (
            "¿Quién organiza la sesión sobre observatorios locales en Cascais?",
            "2013-09-01",
            "es",
            "local-observatories-session-cascais-2013",
        ),
        ("Quem organiza a 15.ª conferência?", "2013-09-01", "pt", "conference-15-madrid"),
        (
            "Qui fait partie du cercle action climatique d'OGP Local ?",
            "2024-06-01",
            "fr",
            "ogp-circle-climate-action",
        ),
    ],
)
def test_who_organises_or_who_is_in_is_still_answered(
    assistant: Assistant, question: str, now: str, language: str, source: str
) -> None:
    answer = _ask(assistant, question, now, language)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == source


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("What's the website of the UCLG congress in Rabat?", "2013-09-01", "en"),
        ("¿Cuál es la página web del congreso de CGLU en Rabat?", "2013-09-01", "es"),
        ("Quel est le site web de la conférence de Cascais ?", "2013-09-01", "fr"),
        ("Quina és la pàgina web del congrés de CGLU a Rabat?", "2013-09-01", "ca"),
        ("Qual é o site do congresso da CGLU em Rabat?", "2013-09-01", "pt"),
    ],
)
def test_a_website_no_record_gives_is_handed_off(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    answer = _ask(assistant, question, now, language)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "now", "language", "source"),
    [
        (
            "What's the link to the OGP trending policy areas dashboard?",
            "2024-06-01",
            "en",
            "ogp-trending-policy-areas",
        ),
        ("Quel est le site web du Global PB Hub ?", "2024-06-01", "fr", "project-global-pb-hub"),
        ("Quin és l'enllaç del Global PB Hub?", "2024-06-01", "ca", "project-global-pb-hub"),
        ("Qual é o link do Global PB Hub?", "2024-06-01", "pt", "project-global-pb-hub"),
        (
            "Which Slack workspace do OGP Local members use, what's the link?",
            "2024-06-01",
            "en",
            "ogp-local-slack",
        ),
    ],
)
def test_a_website_a_record_gives_is_answered(
    assistant: Assistant, question: str, now: str, language: str, source: str
) -> None:
    answer = _ask(assistant, question, now, language)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == source


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Is there any UCLG congress in 2030?", "en"),
        ("¿Hay algún congreso de CGLU en 2030?", "es"),
        ("Y a-t-il un congrès de CGLU en 2030 ?", "fr"),
        ("Hi ha algun congrés de CGLU el 2030?", "ca"),
        ("Há algum congresso da CGLU em 2030?", "pt"),
    ],
)
def test_a_year_of_another_kind_of_record_denies_nothing(
    assistant: Assistant, question: str, language: str
) -> None:
    """A workshop's record saying 2013 is no "no" to a congress in another year."""
    answer = _ask(assistant, question, "2020-10-06", language)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Was the 13th conference held in 2014?", "en"),
        ("¿La 13.ª conferencia fue en 2012?", "es"),
        ("La 13e conférence a-t-elle eu lieu en 2014 ?", "fr"),
        ("La 13a conferència es va fer el 2014?", "ca"),
        ("A 13.ª conferência foi em 2012?", "pt"),
    ],
)
def test_a_year_of_the_record_asked_still_says_no(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = _ask(assistant, question, "2014-06-01", language)
    assert not answer.handoff, answer.answer
    assert answer.sources == ["conference-13-cascais-2013"]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Who should I vote for in the next local elections?", "en"),
        ("¿A quién voto en las próximas elecciones municipales?", "es"),
        ("Pour qui voter aux prochaines élections municipales ?", "fr"),
        ("A qui he de votar a les properes eleccions municipals?", "ca"),
        ("Em quem votar nas próximas eleições municipais?", "pt"),
    ],
)
def test_the_next_of_something_no_event_is_is_not_the_next_event(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = _ask(assistant, question, "2020-01-10", language)
    assert answer.handoff, answer.answer
    assert answer.sources == []


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When is the next IOPD conference?", "en"),
        ("¿Cuándo es la próxima conferencia del OIDP?", "es"),
        ("Quand a lieu la prochaine conférence de l'OIDP ?", "fr"),
        ("Quan és la propera conferència de l'OIDP?", "ca"),
        ("Quando é a próxima conferência do OIDP?", "pt"),
    ],
)
def test_the_next_conference_is_still_the_next_conference(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = _ask(assistant, question, "2020-01-10", language)
    assert not answer.handoff, answer.answer
    assert answer.sources == ["conference-20-abidjan-2020"]


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("What is the IOPD best practice award?", "2026-12-05", "en"),
        ("¿En qué consiste la Distinción del OIDP?", "2026-12-05", "es"),
        ("C'est quoi le Prix des bonnes pratiques de l'OIDP ?", "2026-12-05", "fr"),
        ("Què és la Distinció de Bones Pràctiques de l'OIDP?", "2026-12-05", "ca"),
        ("O que é a Distinção OIDP?", "2016-01-01", "pt"),
    ],
)
def test_what_an_award_of_several_editions_is_comes_from_its_standing_record(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    """No edition named, the last one over: the FAQ relating every edition says what the
    award is, not the 2020 work plan's paragraph on that year's edition (while an edition
    runs, it is the award asked: test_assistant_clipped_and_reward)."""
    answer = _ask(assistant, question, now, language)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == "faq-best-practice-award"


@pytest.mark.parametrize(
    ("question", "language", "source"),
    [
        ("What is the 2020 best practice award?", "en", "iopd-award-2020"),
        ("Què és la 7a Distinció de Bones Pràctiques?", "ca", "iopd-distinction-7-2013"),
        ("When does the award call open?", "en", "iopd-award-2020"),
    ],
)
def test_an_edition_named_or_a_step_asked_is_still_the_edition(
    assistant: Assistant, question: str, language: str, source: str
) -> None:
    answer = _ask(assistant, question, "2020-02-01", language)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == source


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("What did Bilbao present at the 13th conference?", "2014-06-01", "en"),
        ("¿Qué premio se llevó Valladolid en la 9.ª Distinción?", "2016-06-06", "es"),
        ("Qu'a présenté Nantes à la 13e conférence ?", "2014-06-01", "fr"),
        ("O que apresentou Coimbra na 13.ª conferência?", "2014-06-01", "pt"),
        ("Braga recebeu algum prémio na 9.ª Distinção?", "2016-06-06", "pt"),
    ],
)
def test_what_else_is_asked_of_a_numbered_edition_is_not_what_it_is(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    """Named by its kind and number, an edition answers what it is; a city it does not
    hold and a deed it does not state are asked beside it, so its description is no answer."""
    answer = _ask(assistant, question, now, language)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "language", "source"),
    [
        ("What is the 13th conference?", "en", "conference-13-cascais-2013"),
        ("C'est quoi la 13e conférence ?", "fr", "conference-13-cascais-2013"),
        ("Què és la 13a conferència?", "ca", "conference-13-cascais-2013"),
    ],
)
def test_what_a_numbered_edition_is_is_still_answered(
    assistant: Assistant, question: str, language: str, source: str
) -> None:
    answer = _ask(assistant, question, "2014-06-01", language)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == source
