"""The translation service: glossary, HTML by text nodes, the cache and the time-out
around one engine.

:meth:`TranslationService.translate` never raises for an engine's failure: each text
comes back :class:`Translated` (with the engine's name) or :class:`Untranslated` (with
the reason in words), so nothing waiting on a translation is ever blocked by one.
Texts are cut into pieces (HTML into text nodes); each piece with its glossary terms
as placeholders is looked up in ``translation_cache`` by (SHA-256, source, target,
engine), and only the misses are sent, in batches, within ``timeout`` seconds a batch.
A piece longer than the engine takes (:class:`LimitedTranslator`, asked once) is cut at
paragraph, line, sentence or word boundaries (:func:`split_long`); each part is looked up
and sent as a piece of its own, and the translations are joined with the white space
that was between the parts. A text is translated when all its pieces are, else it is
left as it was.

Database work is synchronous, as everywhere in the core; the engine's call is async
and runs on its own event loop (in a helper thread when the caller already runs one).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, cast

from sqlalchemy import Engine, Table, select
from sqlalchemy.orm import Session

from hub.core.bus.queue import dialect_of, insert_ignoring_duplicates
from hub.core.clock import clock_of
from hub.core.models import TranslationCacheEntry
from hub.core.translation.glossary import Glossary, Protected
from hub.core.translation.html import ENTITY, Piece, split_html, split_long, split_text
from hub.core.translation.port import (
    LimitedTranslator,
    TextLimits,
    TranslationError,
    TranslationUnavailable,
    Translator,
)

TextFormat = Literal["text", "html"]
T = TypeVar("T")


@dataclass(frozen=True)
class Translated:
    """A machine translation: a draft for a person to approve."""

    text: str
    engine: str


@dataclass(frozen=True)
class Untranslated:
    """A text left as it was, and why."""

    reason: str


Outcome = Translated | Untranslated


@dataclass
class TranslationStats:
    """What a service has done since it was made (``hub bench translate``)."""

    texts: int = 0
    translated: int = 0
    pieces: int = 0
    cached: int = 0
    requests: int = 0
    characters_sent: int = 0
    split: int = 0
    """Pieces longer than the engine takes, cut into parts before sending."""
    failures: list[str] = field(default_factory=list)

    @property
    def hit_rate(self) -> float:
        """The share of pieces answered from the cache."""
        return self.cached / self.pieces if self.pieces else 0.0


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TranslationService:
    """One engine behind the glossary, the cache and a time-out."""

    def __init__(
        self,
        translator: Translator,
        engine: Engine,
        glossary: Glossary | None = None,
        *,
        timeout: float = 20.0,
        batch_size: int = 25,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.translator = translator
        self.db = engine
        self.glossary = glossary or Glossary()
        self.timeout = timeout
        self.batch_size = batch_size
        self.clock = clock or clock_of(engine)
        self.stats = TranslationStats()
        self._limits: TextLimits | None = None

    @property
    def name(self) -> str:
        """The engine's name, as drafts are marked."""
        return self.translator.name

    def translate(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        format: TextFormat = "text",
        session: Session | None = None,
    ) -> list[Outcome]:
        """Each of ``texts`` in ``target``, or left untranslated with the reason.

        With ``session``, the cache is read and written in the caller's transaction
        (a caller holding SQLite's write lock would otherwise wait on itself).
        """
        self.stats.texts += len(texts)
        if source == target:
            return [Translated(text, self.name) for text in texts]
        split = split_html if format == "html" else split_text
        verbatim = ENTITY if format == "html" else None
        documents = [split(text) for text in texts]
        protected: dict[str, Protected] = {}
        for pieces in documents:
            for piece in pieces:
                if piece.translate and piece.text not in protected:
                    protected[piece.text] = self.glossary.protect(piece.text, verbatim)
        self.stats.pieces += sum(p.translate for pieces in documents for p in pieces)
        wanted = {p.text for p in protected.values()}
        answers, failure = self._answers(wanted, source, target, session)
        outcomes: list[Outcome] = []
        for text, pieces in zip(texts, documents, strict=True):
            outcome = self._assemble(text, pieces, protected, answers, target, failure)
            if isinstance(outcome, Translated):
                self.stats.translated += 1
            outcomes.append(outcome)
        return outcomes

    def _assemble(
        self,
        text: str,
        pieces: list[Piece],
        protected: dict[str, Protected],
        answers: dict[str, str],
        target: str,
        failure: str | None,
    ) -> Outcome:
        out: list[str] = []
        for piece in pieces:
            if not piece.translate:
                out.append(piece.text)
                continue
            hidden = protected[piece.text]
            answer = answers.get(hidden.text)
            if answer is None:
                return Untranslated(failure or "the engine gave no translation")
            try:
                out.append(hidden.restore(answer, target))
            except TranslationError as exc:
                return Untranslated(str(exc))
        if not any(p.translate for p in pieces):
            return Translated(text, self.name)
        return Translated("".join(out), self.name)

    def chars_per_text(self) -> int | None:
        """The most characters the engine takes in one text (None: no limit known); asked
        of the engine once, again later if it could not tell."""
        if self._limits is None:
            if not isinstance(self.translator, LimitedTranslator):
                self._limits = TextLimits()
            else:
                try:
                    self._limits = run_coroutine(self._ask_limits(self.translator))
                except TranslationError:
                    return None
        return self._limits.chars_per_text

    async def _ask_limits(self, translator: LimitedTranslator) -> TextLimits:
        try:
            async with asyncio.timeout(self.timeout):
                return await translator.limits()
        except TimeoutError:
            raise TranslationUnavailable(f"no answer within {self.timeout:g} s") from None

    def _answers(
        self, wanted: set[str], source: str, target: str, session: Session | None
    ) -> tuple[dict[str, str], str | None]:
        """The engine's answers by text, a text over the engine's limit from its parts'."""
        if not wanted:
            return {}, None
        limit = self.chars_per_text()
        cut: dict[str, list[tuple[str, str, str]]] = {}
        units: set[str] = set()
        for text in wanted:
            if limit is None or len(text) <= limit:
                units.add(text)
                continue
            self.stats.split += 1
            cut[text] = [_around(part) for part in split_long(text, limit)]
            units.update(core for _, core, _ in cut[text] if core)
        answers, failure = self._unit_answers(units, source, target, session)
        for text, parts in cut.items():
            if all(not core or core in answers for _, core, _ in parts):
                joined = (a + (answers[core] if core else "") + z for a, core, z in parts)
                answers[text] = "".join(joined)
        return answers, failure

    def _unit_answers(
        self, wanted: set[str], source: str, target: str, session: Session | None
    ) -> tuple[dict[str, str], str | None]:
        """The engine's answers by sent text: from the cache, then from the engine."""
        if not wanted:
            return {}, None
        hashes = {text_hash(text): text for text in wanted}
        key = (TranslationCacheEntry.source == source, TranslationCacheEntry.target == target)
        query = select(TranslationCacheEntry.text_hash, TranslationCacheEntry.translation).where(
            TranslationCacheEntry.engine == self.name,
            *key,
            TranslationCacheEntry.text_hash.in_(list(hashes)),
        )
        if session is not None:
            rows = session.execute(query).all()
        else:
            with Session(self.db) as own:
                rows = own.execute(query).all()
        answers = {hashes[h]: translation for h, translation in rows}
        self.stats.cached += sum(1 for text in wanted if text in answers)
        misses = sorted(text for text in wanted if text not in answers)
        failure: str | None = None
        fresh: dict[str, str] = {}
        for start in range(0, len(misses), self.batch_size):
            batch = misses[start : start + self.batch_size]
            try:
                results = run_coroutine(self._call(batch, source, target))
            except TranslationError as exc:
                failure = f"{self.name}: {exc}"
                self.stats.failures.append(failure)
                break
            fresh.update(zip(batch, results, strict=True))
        self._remember(fresh, source, target, session)
        answers.update(fresh)
        return answers, failure

    async def _call(self, batch: list[str], source: str, target: str) -> list[str]:
        self.stats.requests += 1
        self.stats.characters_sent += sum(len(text) for text in batch)
        try:
            async with asyncio.timeout(self.timeout):
                results = await self.translator.translate(batch, source, target)
        except TimeoutError:
            raise TranslationUnavailable(f"no answer within {self.timeout:g} s") from None
        if len(results) != len(batch):
            message = f"{len(results)} translations came back for {len(batch)} texts"
            raise TranslationUnavailable(message)
        return results

    def _remember(
        self, fresh: dict[str, str], source: str, target: str, session: Session | None
    ) -> None:
        if not fresh:
            return
        now = self.clock()
        rows: list[dict[str, Any]] = [
            {
                "text_hash": text_hash(text),
                "source": source,
                "target": target,
                "engine": self.name,
                "translation": translation,
                "characters": len(text),
                "created_at": now,
            }
            for text, translation in fresh.items()
        ]
        unique = ["text_hash", "source", "target", "engine"]
        table = cast("Table", TranslationCacheEntry.__table__)
        if session is not None:
            statement = insert_ignoring_duplicates(table, dialect_of(session), unique)
            session.execute(statement, rows)
            return
        with Session(self.db) as own, own.begin():
            statement = insert_ignoring_duplicates(table, dialect_of(own), unique)
            own.execute(statement, rows)


def _around(part: str) -> tuple[str, str, str]:
    """``part`` as (leading white space, the words, trailing white space)."""
    core = part.strip()
    if not core:
        return part, "", ""
    start = part.index(core)
    return part[:start], core, part[start + len(core) :]


def run_coroutine(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` to its end from synchronous code, even under a running loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
