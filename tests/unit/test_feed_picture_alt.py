"""A feed's own description of a picture becomes its alt text (feedparser on real-looking
RSS and Atom), and a ``media:description`` no longer passes for the entry's body."""

from __future__ import annotations

import datetime as dt

from hub.core.ingest.parse import Candidate, parse_feed
from hub.core.ingest.picture_alt import ALT_LIMIT

NOW = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)

WORDPRESS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Ajuntament de Barcelona: Decidim</title>
  <link>https://www.decidim.barcelona</link>
  <description>Participatory processes</description>
  <item>
    <title>Neighbourhood budgets: the vote opens</title>
    <link>https://www.decidim.barcelona/news/1</link>
    <guid isPermaLink="false">https://www.decidim.barcelona/?p=1</guid>
    <pubDate>Fri, 20 Nov 2026 09:00:00 +0000</pubDate>
    <description><![CDATA[<p>From Monday every resident over 14 may vote.</p>]]></description>
    <content:encoded><![CDATA[<p>From Monday every resident over 14 may vote on
      <a href="/processes/budgets">the neighbourhood budgets</a>.</p>]]></content:encoded>
    <media:content url="https://www.decidim.barcelona/uploads/vote.jpg" medium="image"
                   type="image/jpeg" width="1200" height="800">
      <media:title type="plain">vote.jpg</media:title>
      <media:description type="html">Residents &lt;b&gt;queue&lt;/b&gt; to vote at a
        civic centre in Gràcia&#x200B;</media:description>
    </media:content>
  </item>
  <item>
    <title>Youth council meets</title>
    <link>https://www.decidim.barcelona/news/2</link>
    <guid isPermaLink="false">https://www.decidim.barcelona/?p=2</guid>
    <description><![CDATA[<p>The youth council met for the first time.</p>]]></description>
    <media:thumbnail url="https://www.decidim.barcelona/uploads/youth.jpg"/>
    <media:title>Twelve young councillors around a table</media:title>
  </item>
  <item>
    <title>Only a description of the photo</title>
    <link>https://www.decidim.barcelona/news/3</link>
    <guid isPermaLink="false">https://www.decidim.barcelona/?p=3</guid>
    <description>The plenary approved the new rules.</description>
    <media:content url="https://www.decidim.barcelona/uploads/plenary.jpg" medium="image"/>
    <media:description>The plenary hall seen from the gallery</media:description>
  </item>
  <item>
    <title>Picture in the text</title>
    <link>https://www.decidim.barcelona/news/4</link>
    <guid isPermaLink="false">https://www.decidim.barcelona/?p=4</guid>
    <description><![CDATA[<p><img src="/uploads/pixel.gif" width="1" height="1" alt="">
      <img src="/uploads/map.png" alt="Map of the ten districts &amp; their budgets"
      width="640"> The map of this year's budgets.</p>]]></description>
  </item>
</channel>
</rss>
""".encode()

YOUTUBE_ATOM = b"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/"
      xmlns="http://www.w3.org/2005/Atom">
  <title>IOPD</title>
  <link rel="alternate" href="https://www.youtube.com/channel/UC1"/>
  <id>yt:channel:UC1</id>
  <entry>
    <id>yt:video:abc</id>
    <title>Webinar: youth councils</title>
    <link rel="alternate" href="https://www.youtube.com/watch?v=abc"/>
    <published>2026-11-19T10:00:00+00:00</published>
    <updated>2026-11-19T10:00:00+00:00</updated>
    <summary>Recording of the webinar.</summary>
    <media:group>
      <media:title>Webinar: youth councils</media:title>
      <media:content url="https://www.youtube.com/v/abc" type="application/x-shockwave-flash"/>
      <media:thumbnail url="https://i1.ytimg.com/vi/abc/hqdefault.jpg" width="480" height="360"/>
      <media:description>Speakers from Lisbon and Rosario on a stage, with slides
      </media:description>
    </media:group>
  </entry>
</feed>
"""


def candidates(data: bytes) -> list[Candidate]:
    return parse_feed(data, url="https://www.decidim.barcelona/feed", now=NOW).candidates


def test_media_rss_descriptions_become_alt_text_cleaned():
    vote, youth, plenary, in_text = candidates(WORDPRESS)
    assert vote.image_url == "https://www.decidim.barcelona/uploads/vote.jpg"
    # the description (HTML resolved, zero-width space gone), not the file-name title
    assert vote.image_alt == "Residents queue to vote at a civic centre in Gràcia"
    assert youth.image_alt == "Twelve young councillors around a table"  # media:title
    assert plenary.image_alt == "The plenary hall seen from the gallery"  # item level
    assert in_text.image_url == "https://www.decidim.barcelona/uploads/map.png"
    assert in_text.image_alt == "Map of the ten districts & their budgets"  # not the pixel


def test_a_media_description_does_not_pass_for_the_entrys_body():
    vote, _youth, plenary, _in_text = candidates(WORDPRESS)
    assert "every resident over 14" in vote.summary_text
    assert "queue" not in vote.summary_text
    assert plenary.summary_text == "The plenary approved the new rules."


def test_a_youtube_group_describes_its_thumbnail_and_a_title_like_the_entrys_is_no_alt():
    [video] = candidates(YOUTUBE_ATOM)
    assert video.image_url == "https://i1.ytimg.com/vi/abc/hqdefault.jpg"
    assert video.image_alt == "Speakers from Lisbon and Rosario on a stage, with slides"
    assert video.summary_text == "Recording of the webinar."
    no_description = YOUTUBE_ATOM.replace(
        b"<media:description>Speakers from Lisbon and Rosario on a stage, with slides\n"
        b"      </media:description>",
        b"",
    )
    [bare] = candidates(no_description)
    assert bare.image_alt == ""  # media:title only repeats the entry's title: the title serves


def test_alt_text_from_a_hostile_feed_is_plain_and_capped():
    hostile = WORDPRESS.replace(
        b"Residents &lt;b&gt;queue&lt;/b&gt; to vote at a\n        civic centre in Gr\xc3\xa0cia",
        b"&lt;script&gt;alert(1)&lt;/script&gt;Long &#x202E;text" + b" words" * 600,
    )
    vote = candidates(hostile)[0]
    assert "<" not in vote.image_alt and "script" not in vote.image_alt.lower()
    assert "\u202e" not in vote.image_alt  # a right-to-left override, gone
    assert vote.image_alt.startswith("Long text words words")
    assert len(vote.image_alt) <= ALT_LIMIT


def test_an_enclosure_takes_the_alt_of_the_same_picture_in_the_text():
    rss = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>T</title><link>https://oidp.net</link>
<item><title>Award ceremony</title><link>https://oidp.net/award</link>
<description>&lt;p&gt;&lt;img src="https://oidp.net/a.jpg" alt="The jury hands over the award"&gt;
The award went to Cascais.&lt;/p&gt;</description>
<enclosure url="https://oidp.net/a.jpg" type="image/jpeg" length="1000"/>
</item></channel></rss>"""
    [award] = candidates(rss)
    assert award.image_url == "https://oidp.net/a.jpg"
    assert award.image_alt == "The jury hands over the award"


def test_a_feed_with_entities_gets_no_alt_from_them():
    rss = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY who "a secret">]>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
<link>https://oidp.net</link>
<item><title>X</title><link>https://oidp.net/x</link><description>Body</description>
<media:content url="https://oidp.net/x.jpg" medium="image">
<media:description>Photo of &who;</media:description></media:content>
</item></channel></rss>"""
    found = parse_feed(rss, url="https://oidp.net/feed", now=NOW)
    for candidate in found.candidates:
        assert "a secret" not in candidate.image_alt
