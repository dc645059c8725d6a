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
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import css_inline
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from hub.core.bodies import storable_text
from hub.core.mergetags import carries_merge_tag
from newsletters.compose import EditionContent, Entry, EntryPicture
from newsletters.i18n import counted, long_date, machine_mark, machine_words, month_name, words
from newsletters.sanitise import (
    defuse_merge_tags,
    html_to_text,
    sanitise_summary,
    shorten,
    with_utm,
)

GMAIL_CLIP_BYTES = 102_000
"""Gmail clips a message whose HTML passes about 102 KB (counted here as 102,000 bytes)."""
SIZE_BUDGET = 95 * 1024
"""Bytes of HTML we allow ourselves: under Gmail's clip with about 4 KB to spare for what
Mailchimp changes on the way (click-tracking links, its own header comments)."""

SUMMARY_STEPS: tuple[int | None, ...] = (None, 600, 300, 160, 80, 0)
"""Summary lengths tried in turn: full sanitised HTML, then plain text cut to N characters."""


@dataclass(frozen=True)
class Shape:
    """How much of an edition goes in: summary length, images, and which items.

    ``limit`` None means full sanitised summaries, N plain text cut to N
    characters; only the first ``summarised`` items keep a summary (None: all);
    only the first ``keep`` items are shown (None: all). Events and award
    steps always stay.
    """

    limit: int | None = None
    images: bool = True
    summarised: int | None = None
    keep: int | None = None

    @property
    def whole(self) -> bool:
        return self == Shape()


@dataclass(frozen=True)
class RenderedEdition:
    html: str
    text: str
    shape: Shape = Shape()
    omitted: int = 0
    notes: tuple[str, ...] = field(default=())

    @property
    def summary_limit(self) -> int | None:
        return self.shape.limit

    @property
    def images(self) -> bool:
        return self.shape.images

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
    picture: EntryPicture | None
    when: dt.date | None
    until: dt.date | None
    place: str | None
    summary: Markup
    text: str
    machine: str = ""
    """The machine-translation mark, in the edition's language (empty: none)."""


def _web_address(url: str | None) -> str | None:
    """A member's http(s) address, or None: other schemes and any merge-tag syntax
    (which Mailchimp would fill with each reader's address) are left out."""
    url = url.strip() if url else None
    if not url or not url.lower().startswith(("https://", "http://")):
        return None
    return None if carries_merge_tag(url) else url


def _picture(entry: Entry) -> EntryPicture | None:
    """The entry's checked picture with a usable address (Mailchimp's copy, or the
    console's own route, a path) and its alt text defused of merge tags."""
    picture = entry.picture
    if picture is None:
        return None
    url = picture.url.strip()
    if url.startswith("/") and not url.startswith("//") and not carries_merge_tag(url):
        address: str | None = url
    else:
        address = _web_address(url)
    if address is None:
        return None
    alt = defuse_merge_tags(picture.alt.strip() or entry.title)
    return replace(picture, url=address, alt=alt)


def _view(entry: Entry, campaign: str, limit: int | None, language: str) -> _View:
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
    link = _web_address(entry.link)
    return _View(
        title=defuse_merge_tags(entry.title),
        link=link,
        picture=_picture(entry),
        when=entry.when,
        until=entry.until,
        place=defuse_merge_tags(entry.place) if entry.place else None,
        summary=summary,
        text=text,
        machine=machine_mark(entry.machine_from, language),
    )


def _context(content: EditionContent, shape: Shape) -> tuple[dict[str, Any], int]:
    campaign = content.slug
    language = content.language
    omitted = 0
    seen = 0
    views = []
    for section in content.sections:
        entries = []
        for entry in section.entries:
            if entry.item_id is None:
                entries.append(_view(entry, campaign, shape.limit, language))
                continue
            seen += 1
            if shape.keep is not None and seen > shape.keep:
                omitted += 1
                continue
            summarised = shape.summarised is None or seen <= shape.summarised
            entries.append(_view(entry, campaign, shape.limit if summarised else 0, language))
        if entries:
            views.append({"key": section.key, "entries": entries})
    w = words(language)
    notes = []
    if not shape.whole:
        notes.append(w["shortened"])
    if omitted:
        notes.append(counted("omitted", omitted, language))
    intro_paragraphs = [p.strip() for p in content.intro.split("\n\n") if p.strip()]
    preheader = (
        shorten(intro_paragraphs[0], 140)
        if intro_paragraphs
        else counted("preheader", content.item_count, language)
    )
    context = {
        "c": content,
        "w": w,
        "sections": views,
        "intro_paragraphs": intro_paragraphs,
        "intro_mark": machine_words(language) if content.intro_machine else "",
        "preheader": preheader,
        "period": month_name(content.period_end, language),
        "note": " ".join(notes),
        "show_images": shape.images,
        **_helpers(content),
    }
    return context, omitted


def _helpers(content: EditionContent) -> dict[str, Any]:
    return {
        "utm": lambda url: with_utm(url, content.slug) if url else url,
        "day": lambda day: long_date(day, content.language),
    }


def render_html(content: EditionContent, shape: Shape = Shape()) -> tuple[str, int]:
    """The edition's HTML with CSS inlined, and how many items were left out. A lone
    surrogate kept in an item (which no UTF-8 encoder writes) is written as U+FFFD."""
    context, omitted = _context(content, shape)
    raw = storable_text(_environment(True).get_template("edition.html.j2").render(**context))
    return _inliner().inline(raw), omitted


def render_text(content: EditionContent, shape: Shape = Shape()) -> str:
    """The plain-text part: the same content, wrapped at 76 columns."""
    context, _ = _context(content, shape)
    return storable_text(_environment(False).get_template("edition.txt.j2").render(**context))


def _most(fits: Callable[[int], str | None], high: int) -> tuple[int, str] | None:
    """The largest n in 0..high for which ``fits(n)`` gives HTML (bisection), with that HTML."""
    low, best = 0, None
    while low <= high:
        middle = (low + high) // 2
        html = fits(middle)
        if html is not None:
            best, low = (middle, html), middle + 1
        else:
            high = middle - 1
    return best


def render_edition(content: EditionContent, *, budget: int = SIZE_BUDGET) -> RenderedEdition:
    """Render the edition, shortening it until its HTML fits ``budget`` bytes.

    In turn: shorter summaries, then no images, then summaries for the first
    items only (the secretariat's order puts the important ones first), then
    fewer items. The plain-text part follows the same choice; ``notes`` tells
    the secretariat what was shortened.
    """

    def fitting(shape: Shape) -> str | None:
        html, _ = render_html(content, shape)
        return html if len(html.encode("utf-8")) <= budget else None

    steps = [Shape(limit, True) for limit in SUMMARY_STEPS[:3]]
    steps += [Shape(limit, False) for limit in SUMMARY_STEPS[2:5]]
    for shape in steps:
        html = fitting(shape)
        if html is not None:
            return _finish(content, html, shape)
    count = content.item_count
    partly = _most(lambda n: fitting(Shape(SUMMARY_STEPS[3], False, summarised=n)), count)
    if partly is not None:
        return _finish(content, partly[1], Shape(SUMMARY_STEPS[3], False, summarised=partly[0]))
    fewer = _most(lambda n: fitting(Shape(0, False, summarised=0, keep=n)), count)
    if fewer is None:
        raise ValueError(f"edition {content.slug} cannot fit in {budget} bytes even empty")
    return _finish(content, fewer[1], Shape(0, False, summarised=0, keep=fewer[0]))


def _finish(content: EditionContent, html: str, shape: Shape) -> RenderedEdition:
    notes: list[str] = []
    over = f"HTML over {SIZE_BUDGET // 1024} KB with full summaries"
    count = content.item_count
    if shape.summarised == 0:
        notes.append(f"{over}: summaries left out")
    elif shape.summarised is not None and shape.summarised < count:
        notes.append(
            f"{over}: summaries of {shape.limit} characters for the first "
            f"{shape.summarised} items, none for the other {count - shape.summarised}"
        )
    elif shape.limit is not None:
        notes.append(f"{over}: summaries shortened to {shape.limit} characters")
    if not shape.images:
        notes.append("images left out to stay under Gmail's 102 KB clipping limit")
    html_omitted = 0 if shape.keep is None else max(count - shape.keep, 0)
    if html_omitted:
        notes.append(f"{html_omitted} items left out (they do not fit in one email)")
    return RenderedEdition(
        html=html,
        text=render_text(content, shape),
        shape=shape,
        omitted=html_omitted,
        notes=tuple(notes),
    )
