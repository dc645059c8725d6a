"""The console's Jinja2 environment: autoescaped templates and the few filters they use.

Autoescape is on for every template. The only filter that returns markup is
:func:`sanitised`, and it passes its output through the hub's allow-list
sanitiser (:func:`hub.core.ingest.sanitise.clean_html`) first:
no template ever marks raw text safe.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from hub.core.ingest.sanitise import clean_html
from hub.core.ingest.tags import topic_name
from hub.core.logs import redact
from hub.web import i18n
from hub.wiring import platform_name

LANGUAGE_NAMES = {
    "en": "English",
    "es": "Español",
    "ca": "Català",
    "fr": "Français",
    "pt": "Português",
    "it": "Italiano",
    "de": "Deutsch",
}


def sanitised(fragment: str | None) -> Markup:
    """HTML from outside, reduced to the hub's allow-list, ready to place in a page."""
    return Markup(clean_html(fragment or ""))


def web_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL a page may link to, else None.

    Item links and images come from feeds and members: ``javascript:`` and the
    like are shown as text, never as a link.
    """
    url = (url or "").strip()
    ok = url.lower().startswith(("https://", "http://")) and url.isprintable()
    return url if ok and " " not in url else None


def make_environment(timezone: str) -> Environment:
    """The template environment, with dates shown in the deployment's time zone."""
    zone = ZoneInfo(timezone)

    def when(value: dt.datetime | None, empty: str | None = None) -> str:
        if value is None:
            return i18n.gettext("never") if empty is None else empty
        return i18n.format_when(value, zone)

    def language_name(code: str | None) -> str:
        if not code:
            return i18n.gettext("unknown")
        return f"{LANGUAGE_NAMES.get(code, code)} ({code})"

    env = Environment(
        loader=PackageLoader("hub.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.gettext, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext
    )
    env.globals["current_language"] = i18n.current_language
    env.globals["interface_languages"] = i18n.INTERFACE_LANGUAGES
    env.filters.update(
        when=when,
        day=i18n.format_day,
        topic=lambda tag: topic_name(str(tag), i18n.current_language()),
        month=i18n.format_month,
        language=language_name,
        sanitised=sanitised,
        web_url=web_url,
        # errors recorded before the ledger redacted them may still hold a token
        redacted=lambda text: redact(str(text or "")),
    )
    env.globals["timezone"] = timezone
    env.globals["platform_name"] = platform_name
    return env
