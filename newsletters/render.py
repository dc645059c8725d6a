"""An edition as email: HTML that holds up in the common clients, and its plain-text part.

The HTML is a table layout (one 600 px column, full width on phones through
a media query), with its CSS inlined by css-inline (media queries and
dark-mode rules stay in a kept ``<style>``), a hidden preheader, Mailchimp's
``*|UNSUB|*`` and ``*|UPDATE_PROFILE|*`` merge tags, and UTM parameters on
every link. Member HTML is sanitised before it is placed.

Gmail clips messages over 102 KB. :func:`render_edition` keeps the HTML
under :data:`SIZE_BUDGET` by shortening summaries step by step (then
dropping images, then items from the end) and says so in the email and in
:attr:`RenderedEdition.notes`.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import css_inline
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from newsletters.compose import EditionContent, Entry, Section
from newsletters.i18n import long_date, month_name, words
from newsletters.sanitise import (
    defuse_merge_tags,
    html_to_text,
    sanitise_summary,
    shorten,
    with_utm,
)

GMAIL_CLIP_BYTES = 102 * 1024
SIZE_BUDGET = 100 * 1024
"""Bytes of HTML we allow ourselves: under Gmail's clip, with room for Mailchimp's footer."""

SUMMARY_STEPS: tuple[int | None, ...] = (None, 600, 300, 160, 80, 0)
"""Summary lengths tried in turn: full sanitised HTML, then plain text cut to N characters."""


@dataclass(frozen=True)
class RenderedEdition:
    html: str
    text: str
    summary_limit: int | None = None
    images: bool = True
    omitted: int = 0
    notes: tuple[str, ...] = field(default=())

    @property
    def size(self) -> int:
        """The HTML's size in bytes (UTF-8), the number Gmail's clipping counts."""
        return len(self.html.encode("utf-8"))


@cache
def _environment(autoescape: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("newsletters", "templates"),
        autoescape=autoescape,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters["wrap"] = _wrap
    return env


@cache
def _inliner() -> css_inline.CSSInliner:
    return css_inline.CSSInliner(load_remote_stylesheets=False, minify_css=True, keep_at_rules=True)


def _wrap(text: str, width: int = 76, indent: str = "") -> str:
    lines = textwrap.wrap(str(text), width=width - len(indent), break_long_words=False)
    return ("\n" + indent).join(lines)


@dataclass(frozen=True)
class _View:
    """An entry as the templates see it: sanitised summary and its plain text."""

    title: str
    link: str | None
    image_url: str | None
    when: dt.date | None
    until: dt.date | None
    place: str | None
    summary: Markup
    text: str


def _view(entry: Entry, campaign: str, limit: int | None) -> _View:
    text = defuse_merge_tags(entry.summary_text.strip() or html_to_text(entry.summary_html))
    if limit is None:
        if entry.summary_html.strip():
            clean = sanitise_summary(entry.summary_html, campaign, entry.link)
            summary = Markup(defuse_merge_tags(clean))
        else:
            summary = Markup("<p>%s</p>") % text if text else Markup("")
    else:
        text = shorten(text, limit)
        summary = Markup("<p>%s</p>") % text if text else Markup("")
    return _View(
        title=defuse_merge_tags(entry.title),
        link=entry.link,
        image_url=entry.image_url
        if entry.image_url and entry.image_url.startswith(("https://", "http://"))
        else None,
        when=entry.when,
        until=entry.until,
        place=defuse_merge_tags(entry.place) if entry.place else None,
        summary=summary,
        text=text,
    )


def _context(
    content: EditionContent, limit: int | None, images: bool, keep: int | None
) -> tuple[dict[str, Any], int]:
    campaign = content.slug
    language = content.language
    sections: list[Section] = list(content.sections)
    omitted = 0
    if keep is not None:  # keep the first ``keep`` items; events and awards always stay
        kept: list[Section] = []
        budget = keep
        for section in sections:
            entries = []
            for entry in section.entries:
                if entry.item_id is None or budget > 0:
                    entries.append(entry)
                    budget -= entry.item_id is not None
                else:
                    omitted += 1
            if entries:
                kept.append(Section(section.key, tuple(entries)))
        sections = kept
    views = [
        {"key": s.key, "entries": [_view(e, campaign, limit) for e in s.entries]} for s in sections
    ]
    w = words(language)
    notes = []
    if limit is not None:
        notes.append(w["shortened"])
    if omitted:
        notes.append(w["omitted"].format(count=omitted))
    intro_paragraphs = [p.strip() for p in content.intro.split("\n\n") if p.strip()]
    preheader = (
        shorten(intro_paragraphs[0], 140)
        if intro_paragraphs
        else w["preheader"].format(count=content.item_count)
    )
    context = {
        "c": content,
        "w": w,
        "sections": views,
        "intro_paragraphs": intro_paragraphs,
        "preheader": preheader,
        "period": month_name(content.period_end, language),
        "note": " ".join(notes),
        "show_images": images,
        **_helpers(content),
    }
    return context, omitted


def _helpers(content: EditionContent) -> dict[str, Any]:
    return {
        "utm": lambda url: with_utm(url, content.slug) if url else url,
        "day": lambda day: long_date(day, content.language),
    }


def render_html(
    content: EditionContent,
    *,
    summary_limit: int | None = None,
    images: bool = True,
    keep: int | None = None,
) -> tuple[str, int]:
    """The edition's HTML with CSS inlined, and how many items were left out."""
    context, omitted = _context(content, summary_limit, images, keep)
    raw = _environment(True).get_template("edition.html.j2").render(**context)
    return _inliner().inline(raw), omitted


def render_text(
    content: EditionContent, *, summary_limit: int | None = None, keep: int | None = None
) -> str:
    """The plain-text part: the same content, wrapped at 76 columns."""
    context, _ = _context(content, summary_limit, False, keep)
    return _environment(False).get_template("edition.txt.j2").render(**context)


def render_edition(content: EditionContent, *, budget: int = SIZE_BUDGET) -> RenderedEdition:
    """Render the edition, shortening it until its HTML fits ``budget`` bytes.

    Tries full summaries, then shorter plain summaries, then no images, then
    fewer items; the plain-text part follows the same choice. ``notes`` says
    what was shortened, for the secretariat.
    """
    attempts: list[tuple[int | None, bool]] = [(limit, True) for limit in SUMMARY_STEPS[:3]]
    attempts += [(limit, False) for limit in SUMMARY_STEPS[2:]]
    html, limit, images = "", None, True
    for limit, images in attempts:
        html, _ = render_html(content, summary_limit=limit, images=images)
        if len(html.encode("utf-8")) <= budget:
            return _finish(content, html, limit, images, None, 0)
    low, high = 0, content.item_count  # the most items that still fit, by bisection
    best_html, best_keep, best_omitted = "", 0, content.item_count
    while low <= high:
        keep = (low + high) // 2
        html, omitted = render_html(content, summary_limit=0, images=False, keep=keep)
        if len(html.encode("utf-8")) <= budget:
            best_html, best_keep, best_omitted = html, keep, omitted
            low = keep + 1
        else:
            high = keep - 1
    if not best_html:
        raise ValueError(f"edition {content.slug} cannot fit in {budget} bytes even empty")
    return _finish(content, best_html, 0, False, best_keep, best_omitted)


def _finish(
    content: EditionContent,
    html: str,
    limit: int | None,
    images: bool,
    keep: int | None,
    omitted: int,
) -> RenderedEdition:
    notes: list[str] = []
    if limit is not None:
        notes.append(
            f"HTML over {SIZE_BUDGET // 1024} KB with full summaries: "
            f"summaries shortened to {limit} characters"
            if limit
            else f"HTML over {SIZE_BUDGET // 1024} KB: summaries left out"
        )
    if not images:
        notes.append("images left out to stay under Gmail's 102 KB clipping limit")
    if omitted:
        notes.append(f"{omitted} items left out (they do not fit in one email)")
    text = render_text(content, summary_limit=limit, keep=keep)
    return RenderedEdition(
        html=html,
        text=text,
        summary_limit=limit,
        images=images,
        omitted=omitted,
        notes=tuple(notes),
    )
