"""Generated demo content: items, events and award steps, without a database.

Used by ``hub newsletter build --demo`` and the benchmark. The objects are
ordinary (transient) model instances, so the composition code that runs on
them is the same that runs on a database's.
"""

from __future__ import annotations

import datetime as dt
import random

from hub.core.config.settings import NetworkName
from hub.core.models import Award, AwardStep, Event, Item, ItemTranslation, NewsletterEdition
from newsletters.compose import (
    EditionContent,
    EntryPicture,
    default_order,
    edition_content,
    with_pictures,
)
from newsletters.i18n import LANGUAGES, default_subject

_TOPICS = (
    "participatory budgeting",
    "citizens' assemblies",
    "youth participation",
    "digital democracy",
    "open government",
    "deliberative polling",
    "neighbourhood councils",
    "climate assemblies",
)
_CITIES = (
    ("Barcelona", "ES"),
    ("Porto Alegre", "BR"),
    ("Dakar", "SN"),
    ("Montréal", "CA"),
    ("Lisboa", "PT"),
    ("Bogotá", "CO"),
    ("Grenoble", "FR"),
    ("Maputo", "MZ"),
)
_TITLE = {
    "en": "{city} shares results of its {topic} programme",
    "es": "{city} comparte los resultados de su programa de {topic}",
    "fr": "{city} partage les résultats de son programme de {topic}",
    "ca": "{city} comparteix els resultats del seu programa de {topic}",
    "pt": "{city} partilha os resultados do seu programa de {topic}",
}
_SUMMARY = {
    "en": "<p>After {n} months of work, residents of {city} chose {k} projects. "
    "The <strong>{topic}</strong> team explains what they learned and what comes next, "
    "with figures on turnout and the budget involved.</p>",
    "es": "<p>Tras {n} meses de trabajo, los vecinos de {city} eligieron {k} proyectos. "
    "El equipo de <strong>{topic}</strong> explica lo aprendido y los próximos pasos, "
    "con cifras de participación y presupuesto.</p>",
    "fr": "<p>Après {n} mois de travail, les habitants de {city} ont choisi {k} projets. "
    "L'équipe <strong>{topic}</strong> explique ce qu'elle a appris et la suite, "
    "avec les chiffres de participation et le budget.</p>",
    "ca": "<p>Després de {n} mesos de feina, els veïns de {city} van triar {k} projectes. "
    "L'equip de <strong>{topic}</strong> explica què ha après i els propers passos, "
    "amb xifres de participació i pressupost.</p>",
    "pt": "<p>Após {n} meses de trabalho, os moradores de {city} escolheram {k} projetos. "
    "A equipa de <strong>{topic}</strong> explica o que aprendeu e os próximos passos, "
    "com números de participação e orçamento.</p>",
}


def demo_items(
    count: int, period_end: dt.date, *, seed: int = 7, languages: tuple[str, ...] = LANGUAGES
) -> list[Item]:
    """``count`` approved items in the month before ``period_end``, each translated to all
    ``languages``; a third come from members, some are publications or award news."""
    rng = random.Random(seed)
    items = []
    for index in range(count):
        city, _country = rng.choice(_CITIES)
        topic = rng.choice(_TOPICS)
        numbers = {"n": rng.randint(3, 24), "k": rng.randint(5, 60)}
        published = dt.datetime.combine(
            period_end - dt.timedelta(days=rng.randint(0, 27)), dt.time(9, 30), tzinfo=dt.UTC
        )
        language = languages[index % len(languages)]
        tags = ["publication"] if index % 11 == 0 else ["award"] if index % 17 == 0 else []
        item = Item(
            id=index + 1,
            title=_TITLE[language].format(city=city, topic=topic),
            link=f"https://oidp.net/{language}/news/{index + 1}",
            summary_html=_SUMMARY[language].format(city=city, topic=topic, **numbers),
            summary_text="",
            image_url=f"https://oidp.net/media/news-{index + 1}.jpg" if index % 4 == 0 else None,
            language=language,
            tags=tags,
            status="approved",
            member_id=index if index % 3 == 0 else None,
            published_at=published,
            approved_at=published,
        )
        item.translations = [
            ItemTranslation(
                language=other,
                title=_TITLE[other].format(city=city, topic=topic),
                summary_html=_SUMMARY[other].format(city=city, topic=topic, **numbers),
            )
            for other in languages
            if other != language
        ]
        items.append(item)
    return items


def demo_events(period_end: dt.date) -> list[Event]:
    start = period_end + dt.timedelta(days=20)
    return [
        Event(
            id="demo-conference",
            kind="conference",
            name={
                "en": "IOPD Annual Conference",
                "es": "Conferencia anual del OIDP",
                "fr": "Conférence annuelle de l'OIDP",
                "ca": "Conferència anual de l'OIDP",
                "pt": "Conferência anual do OIDP",
            },
            theme={"en": "Participation and the climate transition"},
            starts_on=start,
            ends_on=start + dt.timedelta(days=2),
            city="Grenoble",
            country="FR",
            url="https://oidp.net/en/conference",
        ),
        Event(
            id="demo-webinar",
            kind="seminar",
            name={"en": "Webinar: youth councils", "es": "Webinario: consejos de jóvenes"},
            starts_on=start + dt.timedelta(days=30),
            url="https://oidp.net/en/webinar",
        ),
    ]


def demo_award_steps(period_end: dt.date) -> list[AwardStep]:
    award = Award(
        id="demo-award",
        name={
            "en": "IOPD Distinction for Best Practice",
            "es": "Distinción OIDP Buena Práctica",
            "fr": "Distinction OIDP de bonne pratique",
            "ca": "Distinció OIDP Bona Pràctica",
            "pt": "Distinção OIDP de Boa Prática",
        },
        url="https://oidp.net/en/award",
    )
    step = AwardStep(
        id=1,
        step="call",
        starts_on=period_end - dt.timedelta(days=10),
        ends_on=period_end + dt.timedelta(days=60),
        description={
            "en": "call for candidacies open",
            "es": "convocatoria abierta",
            "fr": "appel à candidatures ouvert",
            "ca": "convocatòria oberta",
            "pt": "chamada aberta",
        },
    )
    step.award = award
    return [step]


def demo_content(
    language: str,
    *,
    items: int = 24,
    period_end: dt.date = dt.date(2026, 11, 30),
    network_name: NetworkName = "IOPD",
) -> EditionContent:
    """A complete demo edition in ``language`` with ``items`` news items."""
    period_start = period_end.replace(day=1)
    generated = demo_items(items, period_end)
    edition = NewsletterEdition(
        language=language,
        period_start=period_start,
        period_end=period_end,
        status="draft",
        subject=default_subject(network_name, period_end, language),
        intro="",
        item_order=default_order(generated),
    )
    content = edition_content(
        edition,
        generated,
        events=demo_events(period_end),
        award_steps=demo_award_steps(period_end),
        network_name=network_name,
        website="https://oidp.net",
    )
    # as Mailchimp's file manager would hold them once pushed (1104 x 620 copies)
    pictures = {
        item.id: EntryPicture(str(item.image_url), 552, 310, item.title)
        for item in generated
        if item.image_url
    }
    return with_pictures(content, pictures)
