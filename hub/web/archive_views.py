"""The public archive of newsletters: ``/archive/`` lists the editions sent, per language;
``/archive/{id}`` shows one as a web page.

An edition is rendered by the newsletter's own renderer (the e-mail's HTML, from the
database, so an item retracted since is left out as it is from every page), then made a
web copy by :func:`web_copy`: Mailchimp's merge tags (a reader's name, the unsubscribe
and preferences links, the audience's postal address) are removed with the links that
carry them, and the campaign's tracking parameters (``utm_*``) are taken off every link.
Only editions whose status is ``sent`` are shown.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import lxml.html
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from hub.core.errors import HubError
from hub.core.mergetags import carries_merge_tag
from hub.core.models import NewsletterEdition
from hub.web.page import Console

WEB_COPY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "style-src 'unsafe-inline'",  # e-mail HTML carries its CSS inline
        "img-src https: http: data:",
        "sandbox",  # no scripts, forms or same-origin rights, whatever the HTML says
        "frame-ancestors 'none'",
    ]
)
_CONDITION = re.compile(r"\*\|IF:[A-Z0-9_]+\|\*.*?\*\|END:IF\|\*", re.S)
_MERGE_TAG = re.compile(r"\*\|[A-Z0-9_:]+\|\*")
TRACKING = ("utm_", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "fbclid", "gclid")


def untracked(url: str) -> str:
    """``url`` without campaign tracking parameters."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(key, value) for key, value in pairs if not key.lower().startswith(TRACKING)]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def web_copy(html: str) -> str:
    """The e-mail's HTML as a public web page: no merge tags, no tracking, no member links."""
    html = _CONDITION.sub("", html)
    document = lxml.html.document_fromstring(html)
    for link in document.iter("a"):
        href = link.get("href") or ""
        if carries_merge_tag(href):
            link.drop_tree()
        elif href:
            link.set("href", untracked(href))
    for image in document.iter("img"):
        if image.get("width") == "1" and image.get("height") == "1":
            image.drop_tree()  # a tracking pixel
    text: str = lxml.html.tostring(document, encoding="unicode", doctype="<!doctype html>")
    return _MERGE_TAG.sub("", text)


def archive_list(console: Console, request: Request, session: Session) -> Response:
    from hub.web.news_pages import render_public

    languages = console.settings.hub.languages
    wanted = request.query_params.get("lang", "")
    query = select(NewsletterEdition).where(NewsletterEdition.status == "sent")
    if wanted in languages:
        query = query.where(NewsletterEdition.language == wanted)
    editions = list(
        session.scalars(
            query.order_by(NewsletterEdition.period_end.desc(), NewsletterEdition.id.desc())
        )
    )
    by_language = {
        code: [e for e in editions if e.language == code]
        for code in languages
        if any(e.language == code for e in editions)
    }
    return render_public(
        console, request, "archive.html", by_language=by_language, languages=languages
    )


def archive_edition(console: Console, request: Request, session: Session) -> Response:
    from hub.web.news_pages import render_public
    from newsletters import publish

    edition_id = int(request.path_params["edition_id"])
    edition = session.get(NewsletterEdition, edition_id) if edition_id < 2**63 else None
    if edition is None or edition.status != "sent":
        return render_public(console, request, "news_missing.html", status=404, gone=False)
    try:
        hub = console.settings.hub
        _edition, rendered = publish.build_edition(
            console.engine, edition.id, hub.network_names(), hub.public_url
        )
    except HubError:
        return render_public(console, request, "news_missing.html", status=404, gone=False)
    headers = {"content-security-policy": WEB_COPY_POLICY, "cache-control": "public, max-age=300"}
    return HTMLResponse(web_copy(rendered.html), headers=headers)
