"""plan_routes: which channels an item goes to and why (pure, no database)."""

from __future__ import annotations

from hub.core.bus.router import plan_routes
from hub.core.config.settings import Settings
from hub.core.models import Item

SETTINGS = Settings.model_validate(
    {
        "hub": {"languages": ["en", "es", "fr"]},
        "sources": {
            "site": {"kind": "feed", "url": "https://example.org/feed", "region": "europe"},
            "form": {"kind": "web", "member": "Barcelona"},
        },
        "channels": {
            "slack-news": {"platform": "memory", "target": "#news"},
            "tg-es": {"platform": "memory", "target": "@es", "language": "es"},
            "weekly": {"platform": "memory", "target": "#weekly", "mode": "digest"},
            "off": {"platform": "memory", "target": "#off", "enabled": False},
            "masto": {"platform": "mastodon", "target": "@hub"},
        },
        "routes": [
            {"name": "awards", "match": {"tags": ["award"]}, "to": ["slack-news", "weekly"]},
            {"name": "spanish", "match": {"languages": ["es"]}, "to": ["tg-es", "slack-news"]},
            {"name": "europe", "match": {"regions": ["Europe"]}, "to": ["off", "masto"]},
            {"name": "bcn", "match": {"members": ["barcelona"]}, "to": ["tg-es"], "mode": "digest"},
        ],
    }
)
PLATFORMS = {"memory"}


def decisions(item: Item, source: str | None):
    return {
        (d.route, d.channel): d for d in plan_routes(item, SETTINGS, source, platforms=PLATFORMS)
    }


def test_matching_tags_choose_the_routes_channels_in_their_mode():
    plan = decisions(Item(title="t", tags=["Award"], language="en", regions=[]), None)
    assert plan[("awards", "slack-news")].deliver
    assert plan[("awards", "weekly")].deliver and plan[("awards", "weekly")].mode == "digest"
    assert not plan[("spanish", "tg-es")].deliver
    assert "languages" in plan[("spanish", "tg-es")].reason


def test_a_channel_chosen_twice_gets_the_item_once():
    plan = decisions(Item(title="t", tags=["award"], language="es", regions=[]), None)
    assert plan[("awards", "slack-news")].deliver
    assert not plan[("spanish", "slack-news")].deliver
    assert "already routed by 'awards'" in plan[("spanish", "slack-news")].reason


def test_disabled_channels_and_missing_sinks_are_explained():
    plan = decisions(Item(title="t", tags=[], language="en", regions=[]), "site")
    assert plan[("europe", "off")].reason == "channel disabled"
    assert "no sink installed for platform 'mastodon'" in plan[("europe", "masto")].reason
    assert not any(d.deliver for d in plan.values())


def test_source_facts_fill_in_member_and_language():
    plan = decisions(Item(title="t", tags=[], language=None, regions=[]), "form")
    assert plan[("bcn", "tg-es")].deliver and plan[("bcn", "tg-es")].mode == "digest"


def test_source_match_names_the_source():
    data = SETTINGS.model_dump(exclude={"secrets", "path"})
    data["routes"] = [{"name": "site", "match": {"sources": ["site"]}, "to": ["slack-news"]}]
    settings = Settings.model_validate(data)
    item = Item(title="t", tags=[], regions=[])
    (other,) = plan_routes(item, settings, "form", platforms=PLATFORMS)
    assert not other.deliver and "source 'form'" in other.reason
    (chosen,) = plan_routes(item, settings, "site", platforms=PLATFORMS)
    assert chosen.deliver
