"""Newsletter editions: the list, a preview of each as members will get it, approval.

The composition and rendering live in ``newsletters/`` (which talks to
Mailchimp); the console reaches them only through :func:`newsletter_api`,
imported when a page needs it, so the core never imports the platform
package at start. Pushing an approved edition to Mailchimp stays with
``hub newsletter push`` and the scheduler for now.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from sqlalchemy import select
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from hub.errors import HubError
from hub.models import NewsletterEdition
from hub.web.page import Page, Refused

MISSING = "{what} needs the newsletters package, which is not installed."
PREVIEW_POLICY = "; ".join(
    [
        "default-src 'none'",
        "style-src 'unsafe-inline'",  # e-mail HTML carries its CSS inline
        "img-src https: http: data:",
        "sandbox",  # no scripts, forms or same-origin rights, whatever the HTML says
        "frame-ancestors 'none'",
    ]
)


def newsletter_api(name: str) -> ModuleType | None:
    """``newsletters.<name>``, or None in a build without the newsletters package."""
    try:
        return importlib.import_module(f"newsletters.{name}")
    except ImportError:
        return None


def editions_page(page: Page) -> Response:
    """Every edition, newest period first, with its state in Mailchimp."""
    editions = list(
        page.db.scalars(
            select(NewsletterEdition)
            .order_by(NewsletterEdition.period_start.desc(), NewsletterEdition.language)
            .limit(100)
        )
    )
    return page.render(
        "newsletter.html", editions=editions, available=newsletter_api("publish") is not None
    )


def _edition(page: Page) -> NewsletterEdition:
    edition = page.db.get(NewsletterEdition, int(page.request.path_params["edition_id"]))
    if edition is None:
        raise Refused("There is no such edition.", "/newsletter")
    return edition


def _rendered(page: Page, edition: NewsletterEdition) -> Any:
    publish = newsletter_api("publish")
    if publish is None:
        raise Refused(
            "Previews need the newsletters package, which is not installed.", "/newsletter"
        )
    try:
        _, rendered = publish.build_edition(
            page.console.engine, edition.id, page.settings.hub.name, page.settings.hub.public_url
        )
    except HubError as exc:
        raise Refused(f"Edition {edition.id} cannot be previewed: {exc}", "/newsletter") from None
    return rendered


def preview_html(page: Page) -> Response:
    """The edition's e-mail HTML, sandboxed: inline styles allowed, nothing else active."""
    rendered = _rendered(page, _edition(page))
    return HTMLResponse(rendered.html, headers={"content-security-policy": PREVIEW_POLICY})


def preview_text(page: Page) -> Response:
    """The plain-text part, as text-only mail clients show it."""
    rendered = _rendered(page, _edition(page))
    return PlainTextResponse(rendered.text)


def approve_edition(page: Page) -> Response:
    """A person approves the edition; only an approved edition may go to Mailchimp."""
    edition = _edition(page)
    compose = newsletter_api("compose")
    if compose is None:
        raise Refused(
            "Approving needs the newsletters package, which is not installed.", "/newsletter"
        )
    try:
        compose.approve(edition, page.user.email)
    except (HubError, ValueError) as exc:
        raise Refused(str(exc), "/newsletter") from None
    page.audit("approve_edition", f"edition:{edition.id}", edition.language)
    return page.redirect(
        "/newsletter",
        f"Edition {edition.id} ({edition.language}) approved. "
        f"Send it with: hub newsletter push {edition.id}",
    )
