"""The console's other pages: questions, sources, stand-ins, dashboard, health."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.db import make_engine, transaction
from hub.core.models import Channel, Delivery, Question, Source
from hub.core.ports import ReceivedPost
from hub.web.testing import (
    ConsoleClient,
    SteppingClock,
    add_user,
    console_app,
    csrf_token,
    example_settings,
)

EMAIL, PASSWORD = "editor@example.org", "correct horse battery"


@dataclass
class FakeStandIn:
    """Plays a stand-in of the port: posts whose HTML the platform module made, hostile bits
    included, so the page's sanitising is what is tested."""

    url: str
    held: list[ReceivedPost] = field(default_factory=list)

    def posts(self) -> list[ReceivedPost]:
        return self.held


SLACK_POST = ReceivedPost(
    "slack",
    "C0NEWS",
    "1795424400.000100",
    "Award <call> opens",
    "<p><strong>Award &lt;call&gt; opens</strong></p>"
    '<p><strong>Apply</strong> by <em>March</em> <a href="https://oidp.net/award">the call</a>'
    '</p><p><a href="javascript:alert(1)">bad</a></p>',
)
TELEGRAM_POST = ReceivedPost(
    "telegram",
    "-100123",
    "7",
    "Premi obert",
    '<b>Premi</b> obert\n<a href="https://oidp.net/ca">Més</a><script>x</script>',
)


@dataclass
class FakePostingStandIn:
    """Plays a stand-in of the hub.core.ports stand-in port: posts already turned into HTML."""

    url: str
    platform: str = "mastodon"

    def posts(self) -> list[ReceivedPost]:
        html = '<p>Toot <a href="https://oidp.net/m">here</a><img src=x onerror="alert(1)"></p>'
        gone = ReceivedPost("mastodon", "@oidp", "2", "Deleted toot", "<p>gone</p>", deleted=True)
        return [ReceivedPost("mastodon", "@oidp", "1", "Toot here", html), gone]


@pytest.fixture
def standins() -> dict[str, object]:
    return {
        "slack": FakeStandIn("http://127.0.0.1:1", [SLACK_POST]),
        "telegram": FakeStandIn("http://127.0.0.1:2", [TELEGRAM_POST]),
        "mastodon": FakePostingStandIn("http://127.0.0.1:3"),
    }


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def client(
    engine: Engine, standins: dict[str, object], clock: SteppingClock
) -> Iterator[ConsoleClient]:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, EMAIL, PASSWORD, role="admin")
    app = console_app(settings, engine, clock=clock, standins=standins)
    with ConsoleClient(app) as client:
        client.sign_in(EMAIL, PASSWORD)
        yield client


def test_open_questions_are_listed_and_answered(engine: Engine, client: ConsoleClient) -> None:
    assert "No question is waiting" in client.get("/questions").text
    with transaction(engine) as session:
        question = Question(
            platform="memory",
            reply_to="U123",
            text="¿Cuándo se entregan los premios de 2027?",
            language="es",
            handoff=True,
            status="open",
        )
        session.add(question)
        session.flush()
        question_id = question.id
    page = client.get("/questions").text
    assert "¿Cuándo se entregan los premios de 2027?" in page
    assert 'aria-label="1 waiting"' in page and "(in Español (es), the member" in page
    token = csrf_token(page)
    response = client.post(
        f"/questions/{question_id}/reply", data={"csrf_token": token, "reply": "En noviembre."}
    )
    assert f"Reply to question {question_id} sent." in client.follow(response).text
    with transaction(engine) as session:
        replied = session.get(Question, question_id)
        assert replied is not None and replied.status == "replied"
        assert replied.reply_text == "En noviembre." and replied.replied_by == EMAIL
        reply = session.scalars(select(Delivery).where(Delivery.kind == "reply")).one()
        assert reply.payload["text"] == "En noviembre."
    again = client.post(
        f"/questions/{question_id}/reply", data={"csrf_token": token, "reply": "Twice"}
    )
    assert "already answered" in client.follow(again).text


def test_sources_show_their_status_in_words(engine: Engine, client: ConsoleClient) -> None:
    with transaction(engine) as session:
        feed = session.scalars(select(Source).where(Source.key == "news_feed")).one()
        feed.consecutive_failures = 3
        feed.last_error = "timeout: the server did not answer within 20 s"
        feed.next_fetch_at = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
    page = client.get("/sources").text
    assert "timeout: the server did not answer within 20 s" in page
    assert "23 Nov 2026 11:00" in page  # shown in Europe/Madrid
    dashboard = client.get("/").text
    assert "timeout: the server did not answer" in dashboard


def test_standins_render_like_their_platform_and_sanitised(client: ConsoleClient) -> None:
    page = client.get("/standins").text
    assert "<strong>Award &lt;call&gt; opens</strong>" in page
    assert "<strong>Apply</strong> by <em>March</em>" in page
    assert 'href="https://oidp.net/award"' in page and ">the call</a>" in page
    assert "<b>Premi</b> obert" in page and 'href="https://oidp.net/ca"' in page
    assert '<p>Toot <a href="https://oidp.net/m" rel="noopener noreferrer">here</a>' in page
    assert "@oidp" in page and "gone" not in page
    main = page.split('<main id="main">', 1)[1]
    assert "<script" not in main and "javascript:" not in page and "onerror" not in page


def test_no_standins_is_said_plainly(engine: Engine) -> None:
    add_user(engine, EMAIL, PASSWORD, role="admin")
    with ConsoleClient(console_app(example_settings(), engine)) as client:
        client.sign_in(EMAIL, PASSWORD)
        assert "No stand-ins run here" in client.get("/standins").text


def test_an_empty_dashboard_reads_well(client: ConsoleClient) -> None:
    page = client.get("/").text
    assert "Every source is working." in page and "No items yet." in page
    assert 'class="count"' not in page


def test_health_and_readiness(engine: Engine, client: ConsoleClient, tmp_path) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["migrations"] == "current"
    empty = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    with ConsoleClient(console_app(example_settings(), empty)) as other:
        behind = other.get("/readyz")
        assert behind.status_code == 503 and behind.json()["migrations"] == "behind"
        assert other.get("/healthz").status_code == 200
    empty.dispose()


class FakeProcess:
    def __init__(self, roles: dict[str, bool]) -> None:
        self.roles = roles

    def running_roles(self) -> dict[str, bool]:
        return self.roles


def test_readiness_includes_the_roles_of_the_process(engine: Engine) -> None:
    app = console_app(example_settings(), engine)
    with ConsoleClient(app) as client:
        app.state.hub_process = FakeProcess({"web": True, "worker": True})
        ready = client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["roles"]["worker"] is True
        app.state.hub_process = FakeProcess({"web": True, "worker": False})
        assert client.get("/readyz").status_code == 503


def test_newsletter_editions_are_listed_previewed_and_approved(
    engine: Engine, client: ConsoleClient
) -> None:
    from hub.core.models import Item, NewsletterEdition

    assert "No edition yet" in client.get("/newsletter").text
    with transaction(engine) as session:
        session.add(
            Item(
                title="Orçamento participativo jovem",
                summary_html="<p>Encontro em Porto Alegre.<script>x</script></p>",
                language="es",
                status="approved",
                approved_at=dt.datetime(2026, 11, 10, tzinfo=dt.UTC),
                published_at=dt.datetime(2026, 11, 10, tzinfo=dt.UTC),
                link="https://oidp.net/pt/news/1",
            )
        )
        edition = NewsletterEdition(
            language="es",
            period_start=dt.date(2026, 11, 1),
            period_end=dt.date(2026, 11, 30),
            subject="Boletín de noviembre",
        )
        session.add(edition)
        session.flush()
        edition_id = edition.id
    page = client.get("/newsletter").text
    assert "Boletín de noviembre" in page and "Español (es)" in page and "not pushed" in page
    preview = client.get(f"/newsletter/{edition_id}/preview")
    assert preview.status_code == 200 and "<html" in preview.text.lower()
    policy = preview.headers["content-security-policy"]
    assert "sandbox" in policy and "script-src" not in policy and "default-src 'none'" in policy
    assert "<script>x" not in preview.text
    text = client.get(f"/newsletter/{edition_id}/preview.txt")
    assert text.headers["content-type"].startswith("text/plain")
    response = client.post(
        f"/newsletter/{edition_id}/approve", data={"csrf_token": csrf_token(page)}
    )
    assert "approved: it may now be pushed to Mailchimp" in client.follow(response).text
    with transaction(engine) as session:
        approved = session.get(NewsletterEdition, edition_id)
        assert approved is not None and approved.status == "approved"
        assert approved.approved_by == EMAIL


def test_the_console_server_also_serves_metrics_and_platform_endpoints(
    client: ConsoleClient,
) -> None:
    assert client.get("/metrics").status_code == 404  # not for a browser from outside
    with ConsoleClient(client.app, client_ip="127.0.0.1") as prometheus:
        metrics = prometheus.get("/metrics")
    assert metrics.status_code == 200
    assert "text/plain" in metrics.headers["content-type"]
    assert "hub_deliveries" in metrics.text
    # Mounted through hub.wiring.INGRESS (404 if not): without their secrets
    # configured, Slack answers "not configured" and Telegram refuses the unsigned update.
    slack = client.post("/slack/events", content=b'{"type": "url_verification"}')
    assert slack.status_code == 503
    telegram = client.post("/telegram/webhook", json={"update_id": 1})
    assert telegram.status_code in (401, 503)


def test_the_dashboard_charts_the_last_30_days(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    with transaction(engine) as session:
        channel = session.scalars(select(Channel).order_by(Channel.key)).first()
        assert channel is not None
        channel_id, channel_key = channel.id, channel.key
        session.add(
            Delivery(
                channel_id=channel_id,
                kind="alert",
                status="sent",
                dedup_key="chart-test",
                sent_at=clock(),
            )
        )
    page = client.get("/").text
    assert "The last 30 days" in page
    assert f"{channel_key}: sent and failed per day" in page
    assert page.count("<svg") >= 3  # the channel, questions, newsletter engagement
    assert "<script" not in page.split('<main id="main">', 1)[1]


def test_the_dashboard_shows_today_per_channel_and_what_comes_next(
    engine: Engine, client: ConsoleClient, clock: SteppingClock
) -> None:
    from hub.core.models import NewsletterEdition

    now = clock()  # the console's own clock: "today" is its day, whatever the date
    with transaction(engine) as session:
        channel = session.scalars(select(Channel).order_by(Channel.key)).first()
        assert channel is not None
        key = channel.key
        moments = (now, now, now - dt.timedelta(days=2), now + dt.timedelta(days=1))
        for n, sent_at in enumerate(moments):
            session.add(
                Delivery(
                    channel_id=channel.id,
                    kind="alert",
                    status="sent",
                    dedup_key=f"today-{n}",
                    sent_at=sent_at,
                )
            )
        session.add(
            NewsletterEdition(
                language="es",
                period_start=dt.date(2026, 11, 1),
                period_end=dt.date(2026, 11, 30),
                subject="Boletín de noviembre",
                scheduled_for=dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC),
                status="approved",
            )
        )
    page = client.get("/").text
    assert "Channels today" in page and "Sent today" in page and "Failed today" in page
    # queued, due, sending, held, sent today (two: not two days ago, not tomorrow), failed
    cells = re.sub(r' data-label="[^"]*"', "", page)  # each cell's label, for phones
    assert f"<tr><td>{key}</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td>" in cells
    assert "Boletín de noviembre" in page and "sends 01 Dec 2026 09:00" in page
    assert "Coming up" in page and "No schedules are configured." in page
