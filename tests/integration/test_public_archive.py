"""The public archive of newsletters: the editions sent, per language, each as a web page
with no merge tags, no member's links and no tracking; drafts and retracted items absent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.models import Item, NewsletterEdition, utcnow
from hub.core.moderation.decisions import retract
from hub.web.archive_views import untracked, web_copy
from hub.web.testing import ConsoleClient, SteppingClock, console_app, example_settings
from newsletters.publish import build_edition


@pytest.fixture
def client(engine: Engine) -> Iterator[ConsoleClient]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    with ConsoleClient(console_app(settings, engine, clock=SteppingClock(utcnow()))) as client:
        yield client


def editions(engine: Engine) -> dict[str, int]:
    now = utcnow()
    today = now.date()
    ids: dict[str, int] = {}
    with transaction(engine) as session:
        for key, title, language in (
            ("lyon", "Climate assemblies in Lyon", "en"),
            ("porto", "Budget in Porto", "en"),
            ("rosario", "Presupuesto en Rosario", "es"),
        ):
            item = Item(
                title=title,
                language=language,
                status="approved",
                approved_at=now,
                published_at=now,
                link=f"https://example.org/{key}?ref=site",
                summary_text=f"About {title}.",
            )
            session.add(item)
            session.flush()
            ids[key] = item.id
        start = today - dt.timedelta(days=30)
        for key, language, status, order in (
            ("sent_en", "en", "sent", [ids["lyon"], ids["porto"]]),
            ("sent_es", "es", "sent", [ids["rosario"]]),
            ("draft_en", "en", "draft", [ids["porto"]]),
        ):
            edition = NewsletterEdition(
                language=language,
                period_start=start,
                period_end=today,
                subject=f"Edition {key}",
                status=status,
                item_order=order,
                sent_at=now if status == "sent" else None,
            )
            session.add(edition)
            session.flush()
            ids[key] = edition.id
    return ids


def test_the_archive_lists_sent_editions_per_language(
    client: ConsoleClient, engine: Engine
) -> None:
    ids = editions(engine)
    page = client.get("/archive/", headers={"accept-language": "es"})
    assert page.status_code == 200 and '<html lang="es">' in page.text
    assert f'href="/archive/{ids["sent_en"]}"' in page.text
    assert f'href="/archive/{ids["sent_es"]}"' in page.text
    assert "Edition draft_en" not in page.text
    assert page.text.index('<section lang="en">') < page.text.index('<section lang="es">')
    spanish = client.get("/archive/?lang=es").text
    assert "Edition sent_es" in spanish and "Edition sent_en" not in spanish
    assert client.get(f"/archive/{ids['draft_en']}").status_code == 404
    assert client.get("/archive/9999").status_code == 404
    assert client.get(f"/archive/{10**30}").status_code == 404


def test_an_edition_reads_as_a_web_page_without_tags_links_or_tracking(
    client: ConsoleClient, engine: Engine
) -> None:
    ids = editions(engine)
    _edition, email = build_edition(engine, ids["sent_en"], "IOPD")
    assert "*|UNSUB|*" in email.html and "utm_source=newsletter" in email.html  # what goes
    response = client.get(f"/archive/{ids['sent_en']}")
    assert response.status_code == 200
    html = response.text
    assert "Climate assemblies in Lyon" in html and "Budget in Porto" in html
    assert "*|" not in html and "%7C" not in html.upper().replace("%7C%7C", "")
    assert "utm_" not in html and "https://example.org/lyon?ref=site" in html
    policy = response.headers["content-security-policy"]
    assert "sandbox" in policy and "script-src" not in policy
    with transaction(engine) as session:
        item = session.get(Item, ids["lyon"])
        assert item is not None
        retract(session, item, by="editor@example.org", reason="wrong city", now=utcnow())
    after = client.get(f"/archive/{ids['sent_en']}").text
    assert "Climate assemblies in Lyon" not in after and "Budget in Porto" in after


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://example.org/a?utm_source=newsletter&utm_medium=email&id=3",
            "https://example.org/a?id=3",
        ),
        ("https://example.org/a?mc_cid=1&mc_eid=2", "https://example.org/a"),
        ("https://example.org/a", "https://example.org/a"),
        ("https://example.org/a?UTM_Campaign=x&b=2", "https://example.org/a?b=2"),
    ],
)
def test_tracking_parameters_are_taken_off_links(url: str, expected: str) -> None:
    assert untracked(url) == expected


def test_the_web_copy_drops_merge_tags_and_the_links_that_carry_them() -> None:
    email = (
        "<html><body><p>Hello *|FNAME|*</p>"
        '<p>*|IF:PREFS_URL|*<a href="*|PREFS_URL|*">Preferences</a>*|ELSE:|*'
        '<a href="*|UPDATE_PROFILE|*">Preferences</a>*|END:IF|* · '
        '<a href="*|UNSUB|*">Unsubscribe</a></p>'
        '<p><a href="https://example.org/x?utm_source=newsletter">Story</a></p>'
        '<p><a href="https://example.org/%2A%7CEMAIL%7C%2A">Encoded</a></p>'
        '<img src="https://t.example/p.gif" width="1" height="1">'
        "<p>*|LIST:ADDRESSLINE|*</p></body></html>"
    )
    copy = web_copy(email)
    assert "*|" not in copy and "Unsubscribe" not in copy and "Preferences" not in copy
    assert "Encoded" not in copy and "p.gif" not in copy
    assert 'href="https://example.org/x"' in copy and "Story" in copy and "Hello" in copy
