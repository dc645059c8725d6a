"""Small server-side SVG charts for the console's dashboard: no JavaScript, no CDN.

Pure functions from the series of :mod:`hub.core.stats` to SVG strings that a
page includes as they are (``{{ svg | safe }}`` in Jinja2). Every label and
tooltip is XML-escaped here, so a source or channel named
``<script>`` stays text. Each bar carries a ``<title>`` (the browser shows
it on hover) and each chart a ``<title>`` and ``aria-label`` for screen
readers. Colours are ``fill`` attributes with a class (``bar-first``,
``bar-second``) that a stylesheet may override.

- :func:`daily_bars`: one bar per day, ``first`` with ``second`` stacked on
  it (sent + failed, asked + handed off, items);
- :func:`edition_bars`: opens and clicks side by side per newsletter edition;
- :func:`dashboard_charts`: every chart of the dashboard, titled, from a session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape, quoteattr

from sqlalchemy.orm import Session

from hub.core.stats import (
    DayCount,
    EditionEngagement,
    deliveries_per_day,
    items_per_day,
    newsletter_engagement,
    questions_per_day,
)
from hub.web.i18n import format_day

FIRST_COLOUR = "#2f7d5b"
SECOND_COLOUR = "#c0392b"
AXIS_COLOUR = "#888"
FONT = 'font-family="system-ui, sans-serif" font-size="10"'


def _same(message: str) -> str:
    return message


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    label = quoteattr(title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="hub-chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label={label}>'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _nice_max(value: int) -> int:
    """A round axis maximum at or above ``value`` (1, 2, 5, 10, 20, 50...)."""
    if value <= 1:
        return 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def daily_bars(
    title: str,
    series: Sequence[DayCount],
    *,
    first_label: str,
    second_label: str | None = None,
    width: int = 320,
    height: int = 90,
) -> str:
    """A bar per day, ``second`` stacked on ``first``; the axis shows the maximum and the dates."""
    left, bottom, top = 26, 14, 6
    plot_w, plot_h = width - left - 2, height - bottom - top
    peak = _nice_max(max((d.first + d.second for d in series), default=0))
    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        f'stroke="{AXIS_COLOUR}" stroke-width="1"/>',
        f'<text x="{left - 3}" y="{top + 8}" text-anchor="end" {FONT} fill="{AXIS_COLOUR}">'
        f"{peak}</text>",
        f'<text x="{left - 3}" y="{top + plot_h}" text-anchor="end" {FONT} '
        f'fill="{AXIS_COLOUR}">0</text>',
    ]
    slot = plot_w / max(1, len(series))
    bar = max(1.0, slot * 0.75)
    for index, day in enumerate(series):
        x = left + index * slot + (slot - bar) / 2
        h1 = plot_h * day.first / peak
        h2 = plot_h * day.second / peak
        tip = f"{day.day.isoformat()}: {day.first} {first_label}"
        if second_label is not None:
            tip += f", {day.second} {second_label}"
        parts = [f"<title>{escape(tip)}</title>"]
        base = top + plot_h
        parts.append(
            f'<rect class="bar-first" x="{x:.1f}" y="{base - h1:.1f}" width="{bar:.1f}" '
            f'height="{h1:.1f}" fill="{FIRST_COLOUR}"/>'
        )
        if day.second:
            parts.append(
                f'<rect class="bar-second" x="{x:.1f}" y="{base - h1 - h2:.1f}" '
                f'width="{bar:.1f}" height="{h2:.1f}" fill="{SECOND_COLOUR}"/>'
            )
        # A transparent full-height target so every day has a tooltip, even at zero.
        parts.append(
            f'<rect x="{x:.1f}" y="{top}" width="{bar:.1f}" height="{plot_h}" fill="transparent"/>'
        )
        body.append(f"<g>{''.join(parts)}</g>")
    if series:
        for anchor, edge, first_or_last in (
            ("start", left, series[0].day),
            ("end", left + plot_w, series[-1].day),
        ):
            body.append(
                f'<text x="{edge:.0f}" y="{height - 2}" text-anchor="{anchor}" {FONT} '
                f'fill="{AXIS_COLOUR}">{escape(format_day(first_or_last, "dd MMM"))}</text>'
            )
    return _svg(width, height, title, body)


def edition_bars(
    title: str,
    editions: Sequence[EditionEngagement],
    *,
    width: int = 320,
    height: int = 110,
    empty: str = "no edition report yet",
) -> str:
    """Unique opens and clicks side by side for each edition, labelled below."""
    left, bottom, top = 26, 26, 6
    plot_w, plot_h = width - left - 2, height - bottom - top
    peak = _nice_max(max((max(e.opens, e.clicks) for e in editions), default=0))
    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        f'stroke="{AXIS_COLOUR}" stroke-width="1"/>',
        f'<text x="{left - 3}" y="{top + 8}" text-anchor="end" {FONT} fill="{AXIS_COLOUR}">'
        f"{peak}</text>",
    ]
    if not editions:
        body.append(
            f'<text x="{left + 4}" y="{top + plot_h / 2:.0f}" {FONT} fill="{AXIS_COLOUR}">'
            f"{escape(empty)}</text>"
        )
    slot = plot_w / max(1, len(editions))
    bar = max(1.0, slot * 0.35)
    for index, edition in enumerate(editions):
        x = left + index * slot + slot * 0.12
        base = top + plot_h
        h_open = plot_h * edition.opens / peak
        h_click = plot_h * edition.clicks / peak
        tip = f"{edition.label}: {edition.opens} opens, {edition.clicks} clicks of {edition.sent}"
        body.append(
            f"<g><title>{escape(tip)}</title>"
            f'<rect class="bar-first" x="{x:.1f}" y="{base - h_open:.1f}" width="{bar:.1f}" '
            f'height="{h_open:.1f}" fill="{FIRST_COLOUR}"/>'
            f'<rect class="bar-second" x="{x + bar:.1f}" y="{base - h_click:.1f}" '
            f'width="{bar:.1f}" height="{h_click:.1f}" fill="{SECOND_COLOUR}"/>'
            f'<text x="{x + bar:.1f}" y="{height - 12}" text-anchor="middle" {FONT} '
            f'fill="{AXIS_COLOUR}">{escape(edition.label)}</text></g>'
        )
    return _svg(width, height, title, body)


def dashboard_charts(
    session: Session, now: dt.datetime, gettext: Callable[[str], str] = _same
) -> list[tuple[str, str]]:
    """Every dashboard chart as (title, svg): deliveries and items per channel/source,
    questions, newsletter engagement; words through ``gettext`` (the console's language)."""
    charts = []
    sent, failed = gettext("sent"), gettext("failed")
    for channel, series in deliveries_per_day(session, now).items():
        title = gettext("%(channel)s: sent and failed per day") % {"channel": channel}
        charts.append((title, daily_bars(title, series, first_label=sent, second_label=failed)))
    for source, series in items_per_day(session, now).items():
        title = gettext("%(source)s: items per day") % {"source": source}
        charts.append((title, daily_bars(title, series, first_label=gettext("items"))))
    title = gettext("Questions per day: answered, and handed off to the secretariat")
    asked = questions_per_day(session, now)
    split = [DayCount(d.day, d.first - d.second, d.second) for d in asked]
    chart = daily_bars(
        title, split, first_label=gettext("answered"), second_label=gettext("handed off")
    )
    charts.append((title, chart))
    title = gettext("Newsletter: unique opens and clicks per edition")
    empty = gettext("no edition report yet")
    charts.append((title, edition_bars(title, newsletter_engagement(session), empty=empty)))
    return charts
