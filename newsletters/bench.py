"""``hub bench newsletter``: rendering editions and syncing an audience, measured here.

- Editions: a 200-item edition in each of five languages (generated demo
  items, each translated to all five): the time to render and inline one
  edition (including the shortening steps that keep it under Gmail's clip),
  the time of one plain render+inline pass, and the HTML size.
- Audience: 20,000 members synced to the Mailchimp stand-in through batch
  operations: requests the stand-in received, operations it ran, wall time.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from hub.core.models import Member
from newsletters.audience import sync_members
from newsletters.demo import demo_content
from newsletters.i18n import LANGUAGES
from newsletters.mailchimp import MailchimpAccount, make_client
from newsletters.render import GMAIL_CLIP_BYTES, render_edition, render_html
from newsletters.standin import MailchimpStandIn


def bench_editions(items: int = 200, repeats: int = 3) -> list[dict[str, Any]]:
    rows = []
    for language in LANGUAGES:
        content = demo_content(language, items=items)
        render_edition(content)  # warm the template and babel caches
        edition_times, pass_times = [], []
        rendered = None
        for _ in range(repeats):
            started = time.perf_counter()
            rendered = render_edition(content)
            edition_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            full_html, _ = render_html(content)
            pass_times.append(time.perf_counter() - started)
        assert rendered is not None
        rows.append(
            {
                "language": language,
                "items": content.item_count,
                "edition_ms": round(statistics.median(edition_times) * 1000, 1),
                "one_pass_ms": round(statistics.median(pass_times) * 1000, 1),
                "html_bytes": rendered.size,
                "text_bytes": len(rendered.text.encode()),
                "full_html_bytes": len(full_html.encode()),
                "under_gmail_clip": rendered.size < GMAIL_CLIP_BYTES,
                "summary_limit": rendered.summary_limit,
                "items_with_summary": rendered.shape.summarised
                if rendered.shape.summarised is not None
                else content.item_count,
                "images": rendered.images,
                "omitted": rendered.omitted,
            }
        )
    return rows


def demo_members(count: int) -> list[Member]:
    languages = LANGUAGES
    regions = ("europe", "latin-america", "africa", "asia-pacific", "north-america")
    return [
        Member(
            id=index,
            organisation=f"Organisation {index}",
            contact_name=f"Contact {index}",
            email=f"member{index}@example.org",
            language=languages[index % len(languages)],
            region=regions[index % len(regions)],
            member_type=("city", "ngo", "university")[index % 3],
            topics=["participatory budgeting"] if index % 2 else ["youth"],
        )
        for index in range(1, count + 1)
    ]


def bench_audience(members: int = 20_000, per_batch: int = 500) -> dict[str, Any]:
    people = demo_members(members)
    with MailchimpStandIn() as standin:
        client = make_client(MailchimpAccount(standin.api_key, standin.base_url, standin.list_id))
        started = time.perf_counter()
        report = sync_members(client, standin.list_id, people, per_batch=per_batch, poll_every=0.05)
        wall = time.perf_counter() - started
        return {
            "members": report.members,
            "per_batch": per_batch,
            "batches": len(report.batches),
            "operations": report.operations,
            "errored": report.errored,
            "requests": len(standin.received),
            "wall_s": round(wall, 2),
            "members_per_s": round(report.members / wall) if wall else None,
            "members_in_audience": len(standin.state.members),
        }


def run_newsletter_bench(items: int = 200, members: int = 20_000) -> dict[str, Any]:
    return {"editions": bench_editions(items), "audience": bench_audience(members)}


def render_newsletter_bench(result: dict[str, Any]) -> str:
    lines = ["Editions (render + inline, median of 3):"]
    for row in result["editions"]:
        lines.append(
            f"  {row['language']}: {row['items']} items, {row['edition_ms']} ms per edition "
            f"(one pass {row['one_pass_ms']} ms), HTML {row['html_bytes'] / 1024:.1f} KB "
            f"(full {row['full_html_bytes'] / 1024:.1f} KB), summaries of "
            f"{row['summary_limit']} chars for {row['items_with_summary']} items, "
            f"images {row['images']}, omitted {row['omitted']}"
        )
    audience = result["audience"]
    lines.append(
        f"Audience: {audience['members']} members in {audience['batches']} batches "
        f"({audience['operations']} operations), {audience['requests']} requests to the "
        f"stand-in, {audience['wall_s']} s ({audience['members_per_s']} members/s)"
    )
    return "\n".join(lines)
