"""A member's message as the assistant reads it: its question, slot, time and words.

The whole message is read (no cut). A long message is summarised to its
question sentences (those with a question mark or a question word); a
sentence that gives the assistant orders ("ignore previous instructions")
is set aside. Then, from small closed word sets (:file:`vocabulary.yaml`):

- the slot asked (when, where, who, what, how to join, how much, how many,
  list, yes/no);
- the time window relative to the asker's now (today, this/next/last week,
  month, year, a season, a named month, a year) and whether the question
  asks for the next or the last of something;
- whether it is out of scope (passwords, travel money, personal data,
  opinions).

What is left are the words retrieval looks up in the records.

The reading's parts live apart: :mod:`message_parts` (the focus and context of a message),
:mod:`asking` (whether a clause asks or names anything), :mod:`asker_words` (the asker's own
words), :mod:`slot_asked` (the slot, yes/no, claims) and :mod:`time_asked` (periods, days).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from hub.core.assistant.acts_asked import asks_to_act
from hub.core.assistant.asked_beyond import asked_beyond
from hub.core.assistant.asker_place import asker_place
from hub.core.assistant.asker_words import (
    _INVERSION,
    HERE,
    IMPERSONAL,
    _asker_verbs_aside,
    _asker_words,
    _askers_place,
    _introduced_asker,
    _introduced_place,
    _inverted_aside,
    _network_congress_named,
    _place_nouns_aside,
    _relation_aside,
    _shared_topic,
)
from hub.core.assistant.asking import (
    _CAPITALISED,
    _asks_closing,
    _ending_words,
    _opens_with_and,
    asks_day,
    emphasis_dropped,
    names_anything,
    proper_name_words,
    set_courtesies_aside,
    typos_corrected,
    written_out,
)
from hub.core.assistant.attending import attending_aside
from hub.core.assistant.claim_tags import claim_tag, rhetorical
from hub.core.assistant.context_years import context_year
from hub.core.assistant.dates import (
    BEGUN,
    Period,
    month_period,
    named_month,
    season_period,
    weekday_period,
    year_period,
)
from hub.core.assistant.funding_asked import funding_asked
from hub.core.assistant.heard_on import heard_dropped
from hub.core.assistant.hours_claimed import HourClaimed, hour_claimed
from hub.core.assistant.joining_told import joining_told
from hub.core.assistant.member_kinds import kinds_asked
from hub.core.assistant.message_parts import question_parts
from hub.core.assistant.number_words import ago_period, numbers_aside
from hub.core.assistant.opening_asked import opening_how
from hub.core.assistant.period_named import vague_span
from hub.core.assistant.place_names import country_matcher
from hub.core.assistant.polite_requests import asks_the_assistant
from hub.core.assistant.scope_asked import asks_beyond_scope
from hub.core.assistant.slot_asked import (
    _ASKED,
    CONCEPTS,
    JUDGED_IN,
    REQUEST_PRONOUNS,
    _asked_to_list,
    _claimed,
    _judgement_asked,
    _last_clause,
    _opens_with_items,
    _polar,
    _qtype,
    _stated,
    _trailing_which,
    terse_slot_asks,
)
from hub.core.assistant.span_asked import LASTING, span_asked
from hub.core.assistant.spelling import Speller, names_in
from hub.core.assistant.tense import tense
from hub.core.assistant.text import Found, normalise, split_codes
from hub.core.assistant.time_asked import (
    _YEAR_WORD,
    _before,
    _days,
    _month_is_meant,
    _part_of,
    _season_is_meant,
    _season_shift,
    _span,
    _year_after,
    _year_asked,
    relative,
)
from hub.core.assistant.time_claimed import claims_a_time
from hub.core.assistant.verbs import asks_other, aspect_aside, duty_asked, past_verb
from hub.core.assistant.vocabulary import Vocabulary

LIKENESS_WORDS = 3
"""At most this many words before "like ours" name the asker's kind ("town hall")."""
MEMBERS_ASK = frozenset({"join", "subscribe", "cost"})
"""Slots whose askers (a university, a city) are who would join or pay, not what is asked."""
SLOT_OF = {"subscribe": "join"}
"""A concept asked as the slot of another (subscribing asks how to join, a newsletter)."""
PERIOD_SLOTS = frozenset({"list", "when", "what", "yesno", None})
"""Slots a period answers by the records in it ("what's on this year", "when is the
assembly this year": answering reads the period's records and their dates); asked another
slot ("where is this year's conference"), a year said relative to now names the record's
year, as if its number were written."""


@dataclass
class Reading:
    text: str
    words: list[str]
    """Normalised words of the question sentences."""
    qtype: str | None = None
    period: Period | None = None
    relative: str | None = None  # next | last
    year: int | None = None
    out_of_scope: bool = False
    out_of_scope_in: frozenset[str] = frozenset()
    """The languages whose out-of-scope words the question says (French "vol" is a flight,
    Catalan "vol" wants): the question is out of scope only if asked in one of them."""
    out_of_scope_words: tuple[str, ...] = ()
    """The words of the out-of-scope phrases the question says ("lista de membros")."""
    asks_the_assistant: bool = False
    """The assistant itself is asked to act or to judge ("what do you think of X?"): out of
    scope even when X is named by a record."""
    only_orders: bool = False
    remind: bool = False
    hour: bool = False
    """The time of day is asked ("at what time"), not only the date."""
    hour_claimed: HourClaimed | None = None
    """The time of day a yes/no question claims ("starts at 4 pm?"), checked against the
    record's own time (:mod:`~hub.core.assistant.hours_claimed`)."""
    day: bool = False
    """The day itself is asked ("what day"), not only the month or year."""
    polar: bool = False
    """A yes/no question: a yes/no phrase opens it, or a verb does and no question word is
    in it ("was the 13th conference in Cascais?", "¿la conferencia fue en Abiyán?")."""
    still: bool = False
    """Whether something still holds today is asked (no dated record states that)."""
    closing: bool = False
    """When something closes is asked (a deadline), not when it opens."""
    seat: bool = False
    """Where a body is based is asked or claimed ("the IOPD's headquarters", "la sede")."""
    relation: str | None = None
    """Asked who, the record field its verb names ("who led": ``led_by``, "qui a reçu":
    ``received_by``)."""
    content: list[str] = field(default_factory=list)
    """Words left for retrieval (time words and markers set aside)."""
    kinds: tuple[str, ...] = ()
    """Asked whether or how a kind of organisation joins or pays ("can an NGO join?"): the
    kinds asked about (:mod:`member_kinds`), not the asker's own."""
    context: list[str] = field(default_factory=list)
    """Words of the clauses around the question ("we're a small NGO in Lyon"): they help
    rank the records, but a record is not judged by whether it holds them."""
    span: str | None = None
    """How long something is asked (:mod:`~hub.core.assistant.span_asked`): how long it lasts,
    how long until it, or how long since it; the slot asked is then ``duration``."""
    message: list[str] = field(default_factory=list)
    """Normalised words of the whole message, the sentences set aside too ("Task 22 of the
    plan refers to a platform. What is it called?" names the part it asks about)."""


def read(
    text: str,
    vocabulary: Vocabulary,
    today: dt.date,
    antecedent: bool = False,
    speller: Speller | None = None,
    *,
    around_text: str = "",
    slot: str | None = None,
) -> Reading:
    """``text`` read as of ``today``; with ``antecedent``, a question pointing back keeps the
    sentence it points to (:func:`~hub.core.assistant.message_parts.question_parts`); with
    ``speller``, the question's misspelt words are corrected first. A second question of a
    message is read with ``around_text`` (the first) as its context, and asks ``slot`` when
    it says no slot of its own ("E o Encontro Ibérico?")."""
    focus, around = question_parts(text, vocabulary, antecedent)
    focus, around = joining_told(focus, around, vocabulary)  # "we want to join X. Steps?"
    focus = attending_aside(normalise(focus).split(), focus)[1]  # "the congress the OIDP
    kept = " ".join(part for part in (focus, around) if part)  # attends": the congress
    around = " ".join(part for part in (around, around_text) if part)
    capitals = frozenset(normalise(m.group()) for m in _CAPITALISED.finditer(text))
    asked = split_codes(normalise(focus).split())
    if speller is not None:
        asked = speller.corrected(asked, names_in(text))
    words = typos_corrected(written_out(asked, vocabulary, capitals), vocabulary)
    words = heard_dropped(emphasis_dropped(words, vocabulary))  # "lo vi en la web": a story
    words = lookalikes_dropped(words, vocabulary, capitals)
    context = written_out(split_codes(normalise(around).split()), vocabulary, capitals)
    context = lookalikes_dropped(heard_dropped(context), vocabulary, capitals)
    reading = Reading(text=kept, words=words, only_orders=not words and bool(text.strip()))
    reading.message = normalise(text).split()
    if not words:  # only orders: their words still tell the language they are written in
        reading.context = list(reading.message)
        return reading
    set_aside: set[int] = set()
    set_courtesies_aside(context, vocabulary, set_aside)
    reading.context = [w for i, w in enumerate(context) if i not in set_aside]
    asked_year = next(
        (
            int(w)
            for i, w in enumerate(words)
            if _YEAR_WORD.fullmatch(w) and _year_asked(words, i, vocabulary)
        ),
        None,
    )
    _network_congress_named(words)
    years = context_year(words, reading.context)
    words.extend(years)  # a year said around the question still names what is asked about
    used: set[int] = set()
    set_courtesies_aside(words, vocabulary, used)  # greetings and thanks set aside
    courtesies = frozenset(used)
    _asker_verbs_aside(words, vocabulary, used)
    came_to = aspect_aside(words, vocabulary, used)  # "llegó a abrirse": whether it opened
    _place_nouns_aside(words, focus, used)  # "la ville de Bogotá": Bogotá
    reading.remind = bool(vocabulary.remind.find(words, used, fuzzy=False))
    reading.hour = bool(vocabulary.hour.find(list(words), fuzzy=False))
    reading.day = asks_day(words, vocabulary)  # "what day", "quins dies", "prazo exato"
    reading.still = bool(vocabulary.still.find(words, used, fuzzy=False))  # "still", "sigue":
    # how the question asks (whether it still holds), not what it is about
    reading.closing = _asks_closing(words, vocabulary)
    reading.seat = bool(vocabulary.seat.find(list(words), fuzzy=False))
    out_of_scope = vocabulary.out_of_scope.find(words, fuzzy=False)
    if out_of_scope:  # the asker's story asks nothing
        reading.out_of_scope = True
        reading.out_of_scope_in = frozenset(found.value for found in out_of_scope)
        reading.out_of_scope_words = tuple(w for f in out_of_scope for w in words[f.start : f.end])
    beyond = asked_beyond(words)  # "the e-mails of all the members": no record holds
    if beyond:
        reading.out_of_scope = True
        reading.out_of_scope_in = frozenset(JUDGED_IN)
        reading.out_of_scope_words = (*reading.out_of_scope_words, *beyond)
    if _judgement_asked(words, vocabulary):  # "the best city for PB?": no record ranks
        reading.out_of_scope = True
        reading.out_of_scope_in = frozenset(JUDGED_IN)
    if (
        asks_the_assistant(words, vocabulary)
        or asks_to_act(words, vocabulary)
        or asks_beyond_scope(words, vocabulary)
    ):  # "could you register me?", "¿nos lo podéis reenviar?", "what do you think of
        # sortition?", "did it go well?": the secretariat acts and judges, no record does
        reading.out_of_scope = True
        reading.out_of_scope_in = frozenset(JUDGED_IN)
        reading.asks_the_assistant = True
    before_time = set(used)
    reading.period = (
        _span(words, vocabulary, used, today)
        or ago_period(words, vocabulary.numbers, used, today)
        or vague_span(words, vocabulary, used, today)
    )  # "in two weeks", "il y a deux ans", "dans quelques jours": a window back or ahead
    numbers_aside(words, vocabulary.numbers, used)  # "tres años", "on the 2nd": no edition
    named: Found[tuple[str, int]] | None = None
    for named in vocabulary.periods.find(words, used, fuzzy=False):
        unit, offset = named.value
        reading.period = relative(unit, offset, today)
    for word in words:
        if re.fullmatch(r"(19|20)\d\d", word):
            reading.year = int(word)
    month = next(iter(vocabulary.months.find(words, used, fuzzy=False)), None)
    if month is None:  # "seetmbre del 2014": a month's typo, trusted only before a year
        month = next(
            (
                m
                for m in vocabulary.months.find_fuzzy(words, set(used))
                if _year_after(words, m.end) is not None
            ),
            None,
        )
        if month is not None:
            used.update(range(month.start, month.end))
    season = next(iter(vocabulary.seasons.find(words, used, fuzzy=False)), None)
    if season is not None and not _season_is_meant(words, season.start, season.end):
        used.difference_update(range(season.start, season.end))  # "does it fall under"
        season = None
    weekday = next(iter(vocabulary.weekdays.find(words, used, fuzzy=False)), None)
    if month is not None and _month_is_meant(words, month.start):
        # the year said with the month ("enero de 2020"), not another one in the question
        said_as = frozenset(words[month.start : month.end])
        shift = _season_shift(words, month, vocabulary, used) or BEGUN * (
            tense(focus, words, said_as) < 0
        )
        reading.period = named_month(month.value, today, _year_after(words, month.end), shift)
        reading.period = _part_of(reading.period, month.start, words, vocabulary, used)
        reading.period = _days(reading.period, month.start, month.end, words, vocabulary, used)
        reading.period = _before(reading.period, month.start, words, vocabulary, used, today)
    elif season is not None:
        said_as = frozenset(words[season.start : season.end])
        shift = _season_shift(words, season, vocabulary, used) or BEGUN * (
            tense(focus, words, said_as) < 0
        )
        reading.period = season_period(season.value, today, reading.year, shift=shift)
        reading.period = _before(reading.period, season.start, words, vocabulary, used, today)
    elif weekday is not None and reading.period is None:  # "el lunes", "next Monday"
        shift = _season_shift(words, weekday, vocabulary, used)
        reading.period = weekday_period(weekday.value, today, shift)
    elif named is not None and reading.period is not None and reading.period.kind != "range":
        reading.period = _part_of(reading.period, named.start, words, vocabulary, used)
    elif reading.period is None:
        said = next(iter(vocabulary.month_words.find(words, set(used), fuzzy=False)), None)
        current = (
            year_period(today.year)
            if said is not None and said.value == "year"
            else month_period(today.year, today.month)
        )
        part = _part_of(current, said.start, words, vocabulary, used) if said else None
        if said is not None and part is not None and part.kind == "range":
            used.update(range(said.start, said.end))  # "a finales de mes": this month's end
            reading.period = part
        elif asked_year is not None:
            at = words.index(str(asked_year))  # "late 2020", "a finales de 2020"
            reading.period = _part_of(year_period(asked_year), at, words, vocabulary, used)
    timed = frozenset(used - before_time) if reading.period is not None else frozenset()
    if any(f.start <= 1 for f in vocabulary.why.find(list(words), fuzzy=False)):
        reading.period = None  # "why is it important today": when it holds, not a window
    marker = next(iter(vocabulary.next_last.find(words, used, fuzzy=False)), None)
    if (
        marker is not None
        and words[marker.end : marker.end + 1]
        and (words[marker.end] in vocabulary.stages)
    ):
        marker = None  # "the last step of the cycle": a record's own part, no latest event
    if marker is not None and reading.period is None:
        reading.relative = marker.value
    for ordinal in vocabulary.ordinals.find(words, used, fuzzy=False):
        words[ordinal.start] = str(ordinal.value)  # "thirteenth" is "13th": an edition
        used.discard(ordinal.start)
    for i, word in enumerate(words):  # "my (local) city (council)": who asks, not what is asked
        before = words[i - 1] if i else ""
        if word in vocabulary.askers and (
            before in vocabulary.possessives or (i - 1 in used and before in vocabulary.askers)
        ):
            used.add(i)
    introduced = _introduced_asker(words, vocabulary) - used
    used.update(introduced)  # "som un ajuntament del Vallès, ...": who asks, and from where
    told = set(used)  # "our NGO", "we're an association": the asker's own kind
    reading.context.extend(words[i] for i in sorted(introduced))
    for alike in vocabulary.likeness.find(list(words), fuzzy=False):
        used.update(range(alike.start, alike.end))  # "a town hall like ours": who asks
        i = alike.start - 1
        while i >= 0 and alike.start - i <= LIKENESS_WORDS and words[i] not in vocabulary.stopwords:
            used.add(i)
            i -= 1
    reading.span = span_asked(words, used)  # "how many days", "cuánto falta": no count
    places = {
        i
        for found in country_matcher().find(list(words), fuzzy=False)
        for i in range(found.start, found.end)
    }  # "Costa de Marfil": a country's words are a place, never a slot ("costa": cost)
    reading.qtype = _qtype(
        words,
        vocabulary,
        used,
        names=proper_name_words(focus),
        places=frozenset(places),
        last_clause=_last_clause(focus, words),
    )
    if reading.span is not None or reading.qtype == "duration":  # "what is the duration"
        reading.qtype, reading.span = "duration", reading.span or LASTING
    if reading.qtype == "duration":  # "how long does it last": a verb, not the last one
        reading.relative = None
    if reading.qtype == "cost" and funding_asked(words):  # "how is it financed if members
        reading.qtype = None  # pay no quotas?": its funding, which a record tells in words
    reading.polar = reading.qtype == "yesno" or _polar(
        words,
        vocabulary,
        reading.qtype,
        opens_with_and=_opens_with_and(focus),
        aside=courtesies,
        inverted=any(normalise(m.group(1)) not in IMPERSONAL for m in _INVERSION.finditer(focus)),
    )
    which = _trailing_which(words)
    if not reading.polar and which and _polar(words[:which], vocabulary, None, aside=courtesies):
        reading.polar = True  # "¿Bogotá está en algún círculo? ¿cuál?": whether, then which
    if reading.polar and reading.qtype == "list" and _asked_to_list(words, vocabulary):
        reading.polar = False  # "can you list the tasks?", "pode listar os escritórios?"
    if reading.polar and reading.qtype == "list" and duty_asked(words, courtesies):
        reading.qtype = "yesno"  # "must members attend the seminars?": a duty, no list;
        for item in vocabulary.types.find(list(words), fuzzy=False):  # attending is asked
            if item.value == "list":
                used.difference_update(range(item.start, item.end))
    if (
        reading.qtype == "where"
        and (reading.polar or vocabulary.polar.find(list(words), fuzzy=False))
        and not vocabulary.question_words.find(list(words), fuzzy=False)
    ):  # "is the secretariat based in Porto Alegre?": whether, the place is the claim
        reading.qtype, reading.polar = "yesno", True
    if _stated(focus, words, vocabulary, courtesies) and _claimed(
        words, vocabulary, reading.qtype, courtesies
    ):  # "il a ouvert finalement ?", "¿Madrid creó...?": a statement asked, yes or no
        reading.qtype, reading.polar = "yesno", True
    if (
        reading.qtype is None
        and (came_to or (_ASKED.search(focus) and (reading.still or past_verb(focus, words))))
        and not asks_other(focus, words, vocabulary)
        and not any(w in REQUEST_PRONOUNS for i, w in enumerate(words) if i not in courtesies)
    ):  # "¿llegó a abrirse...?", "l'oficina es va obrir?", "il a ouvert ?": whether it did;
        # "¿sigue abierta?", "encara col·labora?": whether it still does
        reading.qtype, reading.polar = "yesno", True
    if reading.qtype in {None, "yesno"} and _opens_with_items(words, vocabulary, courtesies):
        reading.qtype, reading.polar = "list", False  # "Àmbits de l'Open Gov Challenge?"
    tag = _closing_tag(words[: len(words) - len(years)], focus, vocabulary)
    if tag and reading.qtype is None:  # "..., non ?", "..., oi?": a claim, yes or no
        reading.qtype, reading.polar = "yesno", True
        used.update(tag)  # the tag names nothing asked about
        used.update(rhetorical(words, tag))  # "elle est pas à Lisbonne plutôt ?"
    if (
        reading.qtype == "share"
        and (reading.polar or tag or _stated(focus, words, vocabulary, courtesies))
        and (past_verb(focus, words) or words[0] in PERFECT_OPENING)
        and not set(words) & ASKER_PERSONS
    ):  # "le groupe a-t-il publié sa position ?": whether it did, not how the asker shares
        reading.qtype, reading.polar = "yesno", True
    if reading.qtype is None and claims_a_time(focus, words, timed, vocabulary, courtesies):
        reading.qtype, reading.polar = "yesno", True  # "¿es el mes que viene?", "c'est ...?"
    if reading.polar and reading.qtype is None:
        reading.qtype = "yesno"
    if slot is not None and reading.qtype in {None, "yesno"}:  # "et le 2 ?": the slot of
        reading.qtype, reading.polar = slot, False  # the question before
    if reading.qtype in {None, "yesno"} and (terse := terse_slot_asks(words, vocabulary, used)):
        reading.qtype, reading.polar = terse.pop(), False  # "2019 conference city?": the city
    if reading.qtype == "where" and any(
        v.value == "received_by" for v in vocabulary.who_verbs.find(list(words), fuzzy=False)
    ):
        reading.qtype = "who"  # "which city won the distinction": the winner is asked
    if reading.qtype == "who":
        verbs = vocabulary.who_verbs.find(list(words), set(used), fuzzy=False)
        reading.relation = next((v.value for v in verbs if v.value != "who"), None)
        _relation_aside(words, vocabulary.who_verbs, vocabulary, used, reading.context)
    _relation_aside(words, vocabulary.with_verbs, vocabulary, used, reading.context)
    _inverted_aside(focus, words, vocabulary, used, reading.context)
    if reading.qtype == "when" and reading.closing:  # "when does the conference end"
        used.update(_ending_words(words, vocabulary, used))
    if reading.qtype in MEMBERS_ASK:  # "can a university join?": the one who would join
        joining = [
            j.start for j in vocabulary.types.find(list(words), fuzzy=False) if j.value == "join"
        ]
        if reading.qtype == "join" and joining:  # is asked, as the records name its kind
            reading.kinds = kinds_asked(words, told, joining[0])
        used.update(_asker_words(words, vocabulary))
        from_place = asker_place(words, vocabulary)  # "a city in Ghana": who would join
        reading.context.extend(words[i] for i in sorted(from_place - used))
        used.update(from_place)
    if reading.qtype == "share":  # "news about our PB process, how do I share it": theirs
        used.update(_shared_topic(words, vocabulary) - used)
    if reading.qtype == "cost":  # "the annual fee": how often it is paid is the slot's
        used.update(i for i, w in enumerate(words) if w in vocabulary.frequencies)
    used.update(_frequencies_of_events(words, vocabulary))
    parts = vocabulary.slot_parts.get(SLOT_OF.get(reading.qtype or "", reading.qtype or ""))
    if parts is not None:  # "the steps to join", "on écrit à qui", "quanto?": the slot's
        parts.find(words, used, fuzzy=False)
    if reading.qtype in {"join", "subscribe", "share"}:  # how to do it now: "we have run
        used.update(range(len(words) - len(years), len(words)))  # it since 2021" dates no edition
    claimed = hour_claimed(words) if reading.qtype in {None, "yesno"} else None
    if claimed is not None and (
        reading.qtype == "yesno" or _stated(focus, words, vocabulary, courtesies)
    ):  # "la sessió comença a les quatre de la tarda?": whether it does, at that hour,
        reading.qtype, reading.polar = "yesno", True  # which no record writes in words
        reading.hour_claimed = claimed
        used.update(claimed.at)
    used.update(opening_how(words))  # "comment ...?": asks the manner, names nothing
    reading.content = [w for i, w in enumerate(words) if i not in used]
    reading.content += _askers_place(words, normalise(text).split(), vocabulary)
    if HERE & set(reading.content):  # "(I'm a councillor in Porto Alegre:) created here?"
        place = _introduced_place(reading.context, vocabulary)
        if place:
            reading.content = [w for w in reading.content if w not in HERE] + place
    if (
        named is not None
        and named.value[0] == "year"
        and reading.qtype not in PERIOD_SLOTS
        and reading.period is not None
    ):  # "where is this year's conference": that year's, as if its number were written
        reading.content.append(str(reading.period.start.year))
        reading.period = None
    elif (
        named is not None
        and named.value[0] == "year"
        and reading.qtype == "when"
        and reading.period is not None
        and names_anything(" ".join(reading.content), vocabulary)
    ):  # "when was this year's work plan approved": that year's plan, in that year
        reading.content.append(str(reading.period.start.year))
    if reading.qtype in CONCEPTS:
        reading.content.append(f"@{reading.qtype}")
    reading.qtype = SLOT_OF.get(reading.qtype or "", reading.qtype)
    if (
        reading.period is not None
        and reading.qtype in {"list", None}
        and not names_anything(focus, vocabulary)
    ):  # "(long story) my question is: what's on next month?": the period is all it asks
        reading.context = []
    return reading


ASKER_PERSONS = frozenset(
    {"i", "we", "my", "our", "you", "your", "je", "j", "nous", "notre", "mon", "ma", "vous"}
    | {"yo", "nosotros", "nuestro", "nuestra", "mi", "jo", "nosaltres", "nostre", "nostra"}
    | {"eu", "nos", "nosso", "nossa", "meu", "minha", "puc", "podem", "podemos", "puedo"}
)
"""Words of the asker or the one asked ("can we publish our news?", "¿puedo compartir...?"):
sharing asked of them is how to share; of anyone else, whether they did."""

PERFECT_OPENING = frozenset({"has", "have", "had", "did"})
"""English auxiliaries opening a question of what was done ("has the group published...?")."""

RELATIVE_WORDS = frozenset({"com", "que", "qu", "qui", "ou", "on", "a"})
"""Question words of one language that another writes inside a statement ("com a CGLU",
"le groupe qui", "ou", "on"): inside a claim closed by a tag, they ask nothing."""


def _closing_tag(words: list[str], focus: str, vocabulary: Vocabulary) -> range:
    """Where the tag closing the question (:func:`claim_tag`) is among its ``words``, when a
    claim comes before it, no question word ("l'OIDP travaille avec CGLU depuis 2010, non
    ?", not "c'est où, non ?"); an empty range otherwise."""
    tagged = claim_tag(focus)
    tail = normalise(focus).split()[len(normalise(focus).split()) - tagged :]
    claim = words[: len(words) - tagged]
    if not tagged or words[len(words) - tagged :] != tail or not claim:
        return range(0)
    asking = vocabulary.question_words.find(claim, fuzzy=False)
    if any(" ".join(claim[f.start : f.end]) not in RELATIVE_WORDS for f in asking):
        return range(0)
    return range(len(claim), len(words))


EVENT_KINDS = ("conference", "internal_session", "seminar", "external_event")
"""Kinds of events a frequency word may qualify ("the annual conference")."""
EVENT_REACH = 2
"""At most this many words from a frequency word to the event's kind after it ("annual IOPD
conference")."""


def _frequencies_of_events(words: list[str], vocabulary: Vocabulary) -> set[int]:
    """A frequency word beside an event's kind ("the next annual conference", "la
    conferencia anual", "la conférence annuelle"): how often the event is held, which
    every edition is; a record saying "annual" is no more the one asked."""
    if not any(w in vocabulary.frequencies for w in words):  # most questions: no kind read
        return set()
    nouns = {
        normalise(w)
        for kind in EVENT_KINDS
        for names in vocabulary.kinds.get(kind, {}).values()
        for w in names
    }
    return {
        i
        for i, w in enumerate(words)
        if w in vocabulary.frequencies and set(words[max(i - 1, 0) : i + 1 + EVENT_REACH]) & nouns
    }


def lookalikes_dropped(
    words: list[str], vocabulary: Vocabulary, capitals: frozenset[str]
) -> list[str]:
    """``words`` without the everyday words spelt as a Roman numeral ("lo vi en la web":
    I saw, not the sixth), unless written in capitals ("VI") or beside the name of a kind
    or an edition ("la prioridad vi", "vi edición"), where they are the numeral."""
    if not vocabulary.numeral_lookalikes & set(words):
        return words
    numbered = vocabulary.editions | {
        normalise(word)
        for names in vocabulary.kinds.values()
        for said in names.values()
        for word in said
        if " " not in word
    }
    return [
        word
        for i, word in enumerate(words)
        if word not in vocabulary.numeral_lookalikes
        or word in capitals
        or {words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)} & numbered
    ]
