"""A neutral rich-text model between the hub's sanitised HTML and each platform's markup.

The hub stores item bodies as sanitised HTML. Every platform wants something
else (Telegram's small HTML subset, Slack's mrkdwn, plain text for Mastodon
and Bluesky), so the body is first read into a flat list of :class:`Run`\\ s:
text with a set of styles and an optional link. Paragraphs become blank
lines and list items bullets; anything unknown keeps its text and loses its
markup. Each formatter then renders runs its own way and cuts between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

STYLE_OF_TAG = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strike",
    "strike": "strike",
    "del": "strike",
    "code": "code",
    "pre": "pre",
    "blockquote": "quote",
    "tg-spoiler": "spoiler",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
PARAGRAPH_BLOCKS = {"p", "div", "ul", "ol", "blockquote", "pre", "table", "figure", "section"}
PARAGRAPH_BLOCKS |= {"article", "header", "footer", "hr", "dl"} | HEADINGS
LINE_BLOCKS = {"br", "li", "tr", "dt", "dd", "figcaption"}
SKIPPED = {"script", "style", "template", "head", "title"}
LINK_SCHEMES = ("http://", "https://", "mailto:")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


@dataclass(frozen=True)
class Run:
    """A piece of text with one set of styles and at most one link."""

    text: str
    styles: frozenset[str] = field(default_factory=frozenset)
    href: str | None = None


class _RunCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[Run] = []
        self.stack: list[tuple[str, str | None, str | None]] = []  # tag, style, href
        self.pending_break = 0
        self.skip_depth = 0
        self.at_line_start = True

    def _break(self, newlines: int) -> None:
        self.pending_break = max(self.pending_break, newlines)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skip_depth += 1
            return
        if tag in PARAGRAPH_BLOCKS:
            self._break(2)
        elif tag in LINE_BLOCKS:
            self._break(1)
        if tag == "li":
            self._emit("• ", keep_space=True)
        if tag in ("br", "hr"):
            return
        href = dict(attrs).get("href") if tag == "a" else None
        if href is not None and not href.strip().lower().startswith(LINK_SCHEMES):
            href = None
        style = "bold" if tag in HEADINGS else STYLE_OF_TAG.get(tag)
        self.stack.append((tag, style, href.strip() if href else None))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr") and tag not in SKIPPED:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break
        if tag in PARAGRAPH_BLOCKS:
            self._break(2)
        elif tag in LINE_BLOCKS - {"br"}:
            self._break(1)

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        self._emit(data, keep_space=any(style == "pre" for _, style, _ in self.stack))

    def _emit(self, text: str, keep_space: bool) -> None:
        if not keep_space:
            text = _SPACES.sub(" ", text)
            if self.at_line_start or self.pending_break:
                text = text.lstrip(" ")
        if not text:
            return
        if self.pending_break and self.runs:
            self._strip_trailing_spaces()
            self.runs.append(Run("\n" * self.pending_break))
        self.pending_break = 0
        styles = frozenset(style for _, style, _ in self.stack if style)
        if "pre" in styles or "code" in styles:  # nothing nests inside code on any platform
            styles = frozenset({"pre" if "pre" in styles else "code"})
        href = next((h for _, _, h in reversed(self.stack) if h), None)
        self.runs.append(Run(text, styles, href))
        self.at_line_start = text.endswith("\n")

    def _strip_trailing_spaces(self) -> None:
        while self.runs and not self.runs[-1].text.rstrip(" "):
            self.runs.pop()
        if self.runs:
            last = self.runs[-1]
            self.runs[-1] = replace(last, text=last.text.rstrip(" "))


def merge(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs that share styles and link; drop empty ones."""
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and merged[-1].styles == run.styles and merged[-1].href == run.href:
            merged[-1] = replace(merged[-1], text=merged[-1].text + run.text)
        else:
            merged.append(run)
    return merged


def runs_from_html(html: str) -> list[Run]:
    """Read sanitised HTML into runs: paragraphs, line breaks, styles and links."""
    collector = _RunCollector()
    collector.feed(html)
    collector.close()
    runs = merge(collector.runs)
    if runs:
        runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip())
    return [run for run in runs if run.text]


def runs_from_text(text: str) -> list[Run]:
    """Plain text as one run: spaces kept, at most one blank line in a row."""
    cleaned = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text.replace("\r\n", "\n")).strip()
    return [Run(cleaned)] if cleaned else []


def plain_text(runs: list[Run]) -> str:
    """The runs' text without any markup."""
    return "".join(run.text for run in runs)
