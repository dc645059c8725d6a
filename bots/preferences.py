"""``/preferences`` in the bots: the member's own signed link to their preferences page.

The member is known by their chat id (Telegram) or user id (Slack); someone
the hub does not know as a member is told politely how to become one. The
link is personal, so the bots answer it only in private conversations.
"""

from __future__ import annotations

import datetime as dt

from hub.core.config.settings import Settings
from hub.core.members.links import preferences_url
from hub.core.models import Member

TEXTS = {
    "link": {
        "en": "Here is your personal preferences page (topics, language, newsletter), "
        "valid for 90 days. Do not share it: {url}",
        "es": "Esta es tu página personal de preferencias (temas, idioma, boletín), "
        "válida durante 90 días. No la compartas: {url}",
        "fr": "Voici votre page personnelle de préférences (thèmes, langue, lettre "
        "d'information), valable 90 jours. Ne la partagez pas : {url}",
        "ca": "Aquesta és la vostra pàgina personal de preferències (temes, llengua, "
        "butlletí), vàlida durant 90 dies. No la compartiu: {url}",
        "pt": "Esta é a sua página pessoal de preferências (temas, idioma, boletim), "
        "válida por 90 dias. Não a partilhe: {url}",
    },
    "unknown": {
        "en": "I do not know you as a member of the network yet, so I have no preferences "
        "to show you. The secretariat can add you: just write to them.",
        "es": "Todavía no te conozco como miembro de la red, así que no tengo preferencias "
        "que mostrarte. La secretaría puede añadirte: escríbele.",
        "fr": "Je ne vous connais pas encore comme membre du réseau, je n'ai donc pas de "
        "préférences à vous montrer. Le secrétariat peut vous ajouter : écrivez-lui.",
        "ca": "Encara no us conec com a membre de la xarxa, així que no tinc preferències "
        "per mostrar-vos. La secretaria us pot afegir: escriviu-li.",
        "pt": "Ainda não o conheço como membro da rede, por isso não tenho preferências "
        "para lhe mostrar. O secretariado pode adicioná-lo: escreva-lhe.",
    },
    "unavailable": {
        "en": "The preferences page is not available on this hub yet; please write to the "
        "secretariat.",
        "es": "La página de preferencias aún no está disponible en este hub; escribe a la "
        "secretaría.",
        "fr": "La page de préférences n'est pas encore disponible ; écrivez au secrétariat.",
        "ca": "La pàgina de preferències encara no està disponible; escriviu a la secretaria.",
        "pt": "A página de preferências ainda não está disponível; escreva ao secretariado.",
    },
}


def _say(key: str, language: str | None, **values: str) -> str:
    texts = TEXTS[key]
    return texts.get(language or "en", texts["en"]).format(**values)


def preferences_reply(
    settings: Settings, member: Member | None, language: str | None, now: dt.datetime
) -> str:
    """What the bot answers to ``/preferences``, in the member's language."""
    if member is None:
        return _say("unknown", language)
    url = preferences_url(settings, member.id, now)
    if url is None or not url.startswith("http"):
        return _say("unavailable", member.language or language)
    return _say("link", member.language or language, url=url)
