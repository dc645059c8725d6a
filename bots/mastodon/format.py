"""Hub message -> Mastodon REST request (pure).

A status is plain text: the title, the body, the tags as hashtags and the
link, in the item's language. Mastodon counts a status in graphemes with
every URL as 23 characters whatever its length, and refuses one over 500;
a URL is what twitter-text's extractor finds (with its protocol, a known
top-level domain, trailing punctuation left out: Mastodon's
app/validators/status_length_validator.rb), so an address on an unknown
top-level domain counts in full. :func:`status_length` counts the same way,
with :mod:`bots.mastodon.urls`, a port of that extractor, and the body is
shortened at a word boundary until the status fits. Member text cannot mention anyone: an
``@`` in it gets a word joiner so Mastodon does not read a handle.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bots.api import ApiRequest, is_retraction
from bots.formatting import fit_runs, grapheme_len, machine_mark, safe_link, shorten
from bots.limits import MASTODON, MastodonLimits
from bots.mastodon.urls import urls_with_protocol
from bots.richtext import Run, runs_from_html, runs_from_text
from bots.threads import split_text
from hub.core.ports import ChannelInfo, Message, part_ids

URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w@])@(?=\w)")
_HASHTAG_JUNK = re.compile(r"\W+")
WORD_JOINER = "\u2060"


def status_length(text: str, limits: MastodonLimits = MASTODON) -> int:
    """The length Mastodon counts: graphemes, with each URL twitter-text extracts (with
    its protocol) as ``limits.url_length``; any other text, whatever it looks like, in full.
    """
    placeholder = "x" * limits.url_length
    parts, start = [], 0
    for url in urls_with_protocol(text):
        parts += [text[start : url.start], placeholder]
        start = url.end
    parts.append(text[start:])
    return grapheme_len("".join(parts))


def defuse_mentions(text: str) -> str:
    """Keep ``@name`` from becoming a mention (and a notification) of a stranger."""
    return _MENTION.sub("@" + WORD_JOINER, text)


def hashtags(tags: tuple[str, ...]) -> str:
    cleaned = (_HASHTAG_JUNK.sub("_", tag).strip("_") for tag in tags)
    return " ".join(f"#{tag}" for tag in cleaned if tag and not tag.isdigit())


def language_code(language: str | None) -> str | None:
    """An ISO 639-1 code, as Mastodon wants (``pt-BR`` -> ``pt``)."""
    if not language:
        return None
    code = language.split("-")[0].split("_")[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _with_url(run: Run, text: str) -> str:
    """A linked run as its words followed by the URL (Mastodon statuses are plain text)."""
    url = safe_link(run.href)
    if not url or not text.strip() or url in text:
        return text
    stripped = text.rstrip()
    return f"{stripped} {url}{text[len(stripped) :]}"


def render(message: Message, limits: MastodonLimits = MASTODON) -> str:
    """The status text, at most ``limits.status`` as Mastodon counts.

    Body links stay: each linked phrase is followed by its URL, which Mastodon
    counts as 23 whatever its length and which a cut never splits.
    """
    runs = runs_from_html(message.html) if message.html.strip() else runs_from_text(message.text)
    runs = [replace(run, text=defuse_mentions(run.text)) for run in runs]
    title = defuse_mentions(shorten(message.title.strip(), limits.status // 3, grapheme_len))
    tags = shorten(hashtags(message.tags), limits.status // 5, grapheme_len, ellipsis="")
    tags = tags.rsplit(" ", 1)[0] if tags != hashtags(message.tags) and " " in tags else tags
    link = safe_link(message.link)
    mark = machine_mark(message)
    said = ""
    if mark is not None:  # the original's address only when the post's link is not it
        said = f"{mark.text} {mark.link}" if mark.link and mark.link != link else mark.text

    def compose(body_text: str) -> str:
        return "\n\n".join(part for part in (title, body_text, tags, said, link or "") if part)

    def count(text: str) -> int:
        return status_length(text, limits)

    budget = limits.status - count(compose("")) - 2
    while budget > 0:
        body, _ = fit_runs(runs, budget, escape=lambda text: text, wrap=_with_url, cost=count)
        status = compose(body.strip())
        over = count(status) - limits.status
        if over <= 0:
            return status
        budget -= over  # pieces joined into one longer URL count more than apart
    return compose("")


def thread_statuses(message: Message, limits: MastodonLimits = MASTODON) -> list[str]:
    """The statuses of a thread (``thread = true``): the whole post cut at paragraph,
    sentence or word boundaries into parts within ``limits.status`` as Mastodon counts;
    a post that fits is the one status :func:`render` makes."""
    runs = runs_from_html(message.html) if message.html.strip() else runs_from_text(message.text)
    runs = [replace(run, text=defuse_mentions(run.text)) for run in runs]
    title = defuse_mentions(message.title.strip())
    tags = hashtags(message.tags)
    link = safe_link(message.link) or ""

    def count(text: str) -> int:
        return status_length(text, limits)

    room = limits.status * limits.thread_parts
    body, _ = fit_runs(runs, room, escape=lambda text: text, wrap=_with_url, cost=count)
    whole = "\n\n".join(part for part in (title, body.strip(), tags, link) if part)
    if count(whole) <= limits.status:
        return [render(message, limits)]
    return split_text(whole, limits.status, count)


def reply_request(
    message: Message, text: str, reply_to: str | None, limits: MastodonLimits = MASTODON
) -> ApiRequest:
    """A new status of a thread, a reply to the part before it (none for the head)."""
    body: dict[str, object] = {"status": text}
    language = language_code(message.language)
    if language:
        body["language"] = language
    body["visibility"] = "public"
    if reply_to is not None:
        body["in_reply_to_id"] = reply_to
    return ApiRequest("POST", "/api/v1/statuses", body)


def requests_for(
    message: Message, channel: ChannelInfo, limits: MastodonLimits = MASTODON
) -> list[ApiRequest]:
    """The REST calls that deliver ``message``: post, edit (PUT) or delete a status."""
    if is_retraction(message.kind, message.edit_of):  # every part of a thread
        return [
            ApiRequest("DELETE", f"/api/v1/statuses/{part}", {})
            for part in part_ids(message.edit_of)
        ]
    body: dict[str, object] = {"status": render(message, limits)}
    if message.edit_of is not None:  # an edit keeps the status's language
        return [ApiRequest("PUT", f"/api/v1/statuses/{message.edit_of}", body)]
    language = language_code(message.language)
    if language:
        body["language"] = language
    body["visibility"] = "public"
    return [ApiRequest("POST", "/api/v1/statuses", body)]
