"""Member and feed HTML made safe and small enough to place in an email.

Summaries come from members and feeds: they are untrusted. The ingest
pipeline's allow-list (:func:`hub.core.ingest.sanitise.clean_html`) runs first
and resolves relative links against the item's link; then this module narrows the result
to what an email body can hold without breaking its layout (no images,
tables or headings: the template places images itself), and tags every
link with the edition's UTM parameters in the same nh3 pass.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import nh3

from hub.core.ingest.sanitise import clean_html as ingest_clean_html
from hub.core.mergetags import carries_merge_tag

EMAIL_TAGS = frozenset({"a", "b", "blockquote", "br", "em", "i", "li", "ol", "p", "strong", "ul"})
EMAIL_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template"})


def defuse_merge_tags(text: str) -> str:
    """``text`` with ``*|`` broken by a zero-width space, so no merge tag survives in it.

    Mailchimp expands ``*|TAG|*`` anywhere in the content: a member must not
    be able to print ``*|EMAIL|*`` or break the campaign with an unknown tag.
    """
    return text.replace("*|", "*\u200b|") if "*|" in text else text


def with_utm(url: str, campaign: str) -> str:
    """``url`` with ``utm_source=newsletter``, ``utm_medium=email`` and the edition's campaign.

    Merge tags (``*|UNSUB|*``), ``mailto:`` links and anything not http(s) are
    left alone; UTM values already in the link are replaced.
    """
    if not url or "*|" in url:
        return url
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    if parts.scheme.lower() not in ("http", "https"):
        return url
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    query = [(k, v) for k, v in query if k not in ("utm_source", "utm_medium", "utm_campaign")]
    query += [("utm_source", "newsletter"), ("utm_medium", "email"), ("utm_campaign", campaign)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def _link_tagger(campaign: str) -> Callable[[str, str, str], str | None]:
    def tag(element: str, attribute: str, value: str) -> str | None:
        if element == "a" and attribute == "href":
            return None if carries_merge_tag(value) else with_utm(value, campaign)
        return value

    return tag


@lru_cache(maxsize=8)
def _email_cleaner(campaign: str) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(EMAIL_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in EMAIL_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener",
        strip_comments=True,
        url_relative="deny",
        attribute_filter=_link_tagger(campaign),
    )


def sanitise_summary(fragment: str, campaign: str, base_url: str | None = None) -> str:
    """``fragment`` reduced to the email allow-list, its links tagged for ``campaign``."""
    if not fragment:
        return ""
    return _email_cleaner(campaign).clean(ingest_clean_html(fragment, base_url)).strip()


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment, tags dropped and entities decoded, spaces collapsed."""
    if not fragment:
        return ""
    stripped = nh3.clean(
        fragment.replace("</p>", "</p> ").replace("<br", " <br"),
        tags=set(),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
    )
    return " ".join(html.unescape(stripped).split())


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ""
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:") + "…"
