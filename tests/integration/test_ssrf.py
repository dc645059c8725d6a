"""The SSRF guard: member-supplied feed URLs may not reach the hub's own network.

A loopback server stands in for an internal service. ``localhost`` resolves
(through the system resolver) to a loopback address, so the refusal happens
after DNS; redirects are checked hop by hop; the allow-list lets a deployment
poll its own internal feeds. No test connects anywhere but 127.0.0.1: refused
addresses are refused before any connection is made.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
from collections.abc import Iterator

import pytest
from pydantic import ValidationError
from sqlalchemy import select

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.ingest.errors import FetchError
from hub.core.ingest.fetch import Fetched, FetchLimits, fetch, make_client
from hub.core.ingest.netguard import NetGuard, forbidden_kind
from hub.core.ingest.poller import CycleReport, Poller, PollPolicy, member_guard
from hub.core.models import Member, Source
from hub.testing.feedserver import FeedServer, Route, rss, serving

FEED = rss("Internal", [("x", "Internal news", "Only for the intranet.")])
LIMITS = FetchLimits(deadline_seconds=5.0)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with serving() as running:
        yield running


def get(url: str, guard: NetGuard | None) -> Fetched:
    async def go() -> Fetched:
        async with make_client() as client:
            return await fetch(client, url, limits=LIMITS, guard=guard)

    return asyncio.run(go())


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("::ffff:127.0.0.1", "loopback"),
        ("fd00::1", "private"),
        ("240.0.0.1", "private"),
        ("100.64.0.1", "not globally routable"),
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_which_addresses_are_refused(address: str, kind: str | None) -> None:
    assert forbidden_kind(ipaddress.ip_address(address)) == kind


def test_a_hostname_resolving_to_loopback_is_refused_after_dns(server: FeedServer) -> None:
    route = Route(body=FEED)
    server.add("/feed", route)
    with pytest.raises(FetchError) as refused:
        get(f"http://localhost:{server.port}/feed", NetGuard())
    assert refused.value.kind == "forbidden_address" and "loopback" in refused.value.reason
    with pytest.raises(FetchError):
        get(server.url("/feed"), NetGuard())  # the literal address too
    assert route.hits == 0  # refused before connecting


def test_the_allow_list_lets_an_internal_feed_through(server: FeedServer) -> None:
    server.add("/feed", Route(body=FEED))
    fetched = get(server.url("/feed"), NetGuard.from_blocks(["127.0.0.0/8"]))
    assert fetched.status == 200 and b"Internal news" in fetched.body
    assert get(server.url("/feed"), None).status == 200  # operator-configured: no guard


@pytest.mark.parametrize(
    "target",
    ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/admin", "http://[::1]/x"],
)
def test_a_redirect_from_an_allowed_to_a_refused_address_is_refused(
    server: FeedServer, target: str
) -> None:
    server.add("/moved", Route(status=302, redirect_to=target))
    guard = NetGuard.from_blocks(["127.0.0.1/32"])
    with pytest.raises(FetchError) as refused:
        get(server.url("/moved"), guard)
    assert refused.value.kind == "forbidden_address"


def test_a_redirect_to_a_name_that_resolves_inside_is_refused(server: FeedServer) -> None:
    async def resolver(host: str, port: int) -> list[str]:
        return {"feeds.example.org": ["93.184.216.34", "10.9.8.7"]}[host]

    server.add("/moved", Route(status=301, redirect_to="http://feeds.example.org/feed"))
    guard = NetGuard.from_blocks(["127.0.0.1/32"], resolver)
    with pytest.raises(FetchError) as refused:
        get(server.url("/moved"), guard)
    assert "10.9.8.7" in refused.value.reason  # one inside address among public ones is enough


def test_the_setting_takes_cidr_blocks_and_refuses_nonsense() -> None:
    settings = Settings.model_validate({"hub": {"fetch_allow_private": ["10.0.0.0/8", "::1"]}})
    assert member_guard(settings).refusal("10.2.3.4") is None
    assert member_guard(settings).refusal("192.168.0.1") == "private"
    with pytest.raises(ValidationError, match="not an IP address or CIDR block"):
        Settings.model_validate({"hub": {"fetch_allow_private": ["intranet"]}})


def _settings(urls: dict[str, str], allow: list[str]) -> Settings:
    return Settings.model_validate(
        {
            "hub": {"fetch_allow_private": allow},
            "sources": {key: {"kind": "feed", "url": url} for key, url in urls.items()},
            "channels": {"news": {"platform": "memory", "target": "#news"}},
            "routes": [{"name": "all", "to": ["news"]}],
        }
    )


def _poll(engine, settings: Settings) -> dict[str, tuple[str, str | None]]:
    async def go() -> CycleReport:
        async with make_client() as client:
            poller = Poller(
                engine,
                settings,
                client,
                policy=PollPolicy(limits=LIMITS),
                clock=lambda: dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC),
                guard=member_guard(settings),
            )
            return await poller.run_once()

    return {o.key: (o.status, o.error) for o in asyncio.run(go()).outcomes}


@pytest.mark.parametrize(
    ("allow", "member_status"), [([], "failed"), (["127.0.0.1/32"], "changed")]
)
def test_the_poller_guards_member_owned_sources_only(
    engine, server: FeedServer, allow: list[str], member_status: str
) -> None:
    urls = {
        "ours": server.add("/ours", Route(body=FEED)),
        "theirs": server.add("/theirs", Route(body=FEED)),
    }
    settings = _settings(urls, allow)
    with transaction(engine) as session:
        sync_config(session, settings)
        session.flush()
        member = Member(organisation="Ville d'Exemple", slack_user_id="U9", language="fr")
        session.add(member)
        session.flush()
        session.scalars(select(Source).where(Source.key == "theirs")).one().member_id = member.id
    outcomes = _poll(engine, settings)
    assert outcomes["ours"][0] == "changed"  # the secretariat's own source: not guarded
    assert outcomes["theirs"][0] == member_status
    if member_status == "failed":
        assert "loopback" in (outcomes["theirs"][1] or "")
