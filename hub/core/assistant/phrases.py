"""How the assistant words its answers: each phrase in English, marked for ``make messages``.

``{placeholders}`` are filled in by :mod:`hub.core.assistant.answering` from the records'
fields. Keep answers short and say only what the records say. The Spanish, French, Catalan
and Portuguese wording is in ``locale/<lang>/LC_MESSAGES/messages.po`` beside this file,
one entry per phrase with its key as the context (``msgctxt``): two phrases may share
English words (``english_note`` and ``in_english`` are both ``{text}`` in English) and
still read differently elsewhere. A key ``table.name`` is one name of a table of names
(steps, seasons, kinds), read whole by :meth:`~hub.core.assistant.tables.Tables.words_for`.
A translation may leave out a placeholder the English has, or use another one the caller
also fills (``conference_name``: ``{ordinal}`` in English, ``{number}`` elsewhere).
"""

from __future__ import annotations


def _p(key: str, english: str) -> tuple[str, str]:
    """Marks ``english`` for the extractor (``make messages`` reads ``_p:1c,2``): its key is
    the catalogue entry's context."""
    return key, english


PHRASES: dict[str, str] = dict(
    [
        _p(
            "handoff",
            "I don't have the answer to that in the network's knowledge. I'm passing your "
            "question to the IOPD Technical Secretariat, who will reply to you here.",
        ),
        _p(
            "passed_on",
            "I'm passing the other part of your message to the IOPD Technical Secretariat, "
            "who will reply to you here.",
        ),
        _p("next_event", "The next event I know of: {event}."),
        _p("next_conference", "The next IOPD conference I know of: {event}."),
        _p("none_upcoming", "I know of nothing coming after {today}."),
        _p("last_known", "The last one I know of: {event}."),
        _p("events_in", "Events in {period}:"),
        _p("conferences_in", "Conferences in {period}:"),
        _p("no_events_in", "I know of no event in {period}."),
        _p("events_at", "Events in {place}:"),
        _p("no_events_at", "I know of no event in {place}."),
        _p("events_on", "Events on {topic}:"),
        _p("and_more", "…and {count} more ({total} in all)."),
        _p("conference_name", "{ordinal} IOPD Conference"),
        _p("theme", "Theme: {theme}."),
        _p("date_unknown", "The documents give no date for it."),
        _p("place_unknown", "The documents do not say where."),
        _p("theme_unknown", "The documents give no theme for it."),
        _p("no_such_record", "I have no record of that."),
        _p("award_step", "{step} of the {award}: {when}."),
        _p("step_undated", "The documents give no date for the {step} of the {award}."),
        _p("no_close_day", "The plan gives the month only, not the closing day."),
        _p("year_only_dates", "The documents give the year only, not the exact dates."),
        _p("month_only_day", "The documents give the month only, not the exact day."),
        _p("step_past", "That was the latest I know of; I have no date for the next edition."),
        _p("no_winners", "The knowledge I hold does not name award winners."),
        _p("award_edition", "{award} ({year})."),
        _p("award_steps_intro", "Its steps:"),
        _p("offices", "The IOPD's regional offices: {founded}. Planned: {planned}."),
        _p("entry_place", "{name}: in {place}."),
        _p("entry_since", "{name}: since {when}."),
        _p("entry_years", "{name}: from {start} to {end}."),
        _p("office_founded", "{name}: set up in {city} in {when}."),
        _p(
            "office_planned",
            "{name}: planned in the {years} work plans; the documents do not say it opened.",
        ),
        _p("working_groups", "The IOPD's working groups:"),
        _p(
            "thematic",
            "The 2020 thematic priorities (the first two defined by the 2020 General Assembly):",
        ),
        _p(
            "ogp_circles",
            "OGP Local Circles are its community of practice, where pairs of members work on one "
            "theme: {circles}.",
        ),
        _p(
            "ogp_commitments",
            "An OGP Local member has up to {count} commitments at any one time; one action plan "
            "lasts the length of an administration.",
        ),
        _p(
            "ogp_join",
            "To join OGP Local: visit {visit}, join the conversation on {slack} and write to "
            "{email}.",
        ),
        _p("takes_place", "{name} takes place {when}{place}."),
        _p("took_place", "{name} took place {when}{place}; it is already past."),
        _p("award_step_name", "{step} of the {award}"),
        _p("span_lasts", "{name} lasts {span}: {when}."),
        _p("span_lasted", "{name} lasted {span}: {when}."),
        _p(
            "span_no_days",
            "The documents give only {when} for {name}, not its days, so I cannot say how "
            "long it lasts.",
        ),
        _p(
            "span_no_day_left",
            "The documents give only {when} for {name}, not the day, so I cannot count the "
            "time left.",
        ),
        _p("span_until", "{name} begins in {span}: {when}."),
        _p("span_until_end", "{name} ends in {span}, on {when}."),
        _p("span_under_way", "{name} is under way now: {when}."),
        _p("span_ago", "{name} was {span} ago: {when}."),
        _p("span_since", "{name}: since {when}, that is {span}."),
        _p("place_in", " in {place}"),
        _p("on_day", "on {when}"),
        _p("in_month", "in {when}"),
        _p("time_of_day", " ({time})"),
        _p("date_unknown_of", "The documents give no date for {name}."),
        _p("theme_unknown_of", "The documents give no theme for {name}."),
        _p("theme_of", 'The theme of {name} was "{theme}".'),
        _p("place_unknown_of", "The documents do not say where {name} takes place."),
        _p("organised_by", "{name} is organised by {organiser}."),
        _p("cost_unknown_of", "The documents do not say what {name} costs."),
        _p("join_unknown_of", "The documents do not say how to join {name}."),
        _p("who_unknown_of", "The documents do not say who is behind {name}."),
        _p("email_unknown_of", "The documents give no e-mail address for {name}."),
        _p("yes", "Yes. {text}"),
        _p("no", "No. {text}"),
        _p("premise_place", "No. Not in {said}. {text}"),
        _p("premise_year", "No. Not in {said}. {text}"),
        _p("premise_party", "No. Not {said}. {text}"),
        _p("time_unknown_of", "The documents do not give the time of day of {name}."),
        _p("detail_unknown_of", "{name}: the documents do not state {detail}."),
        _p("organiser_unknown", "The documents do not say who organises {name}."),
        _p("what_is", "{name}: {text}"),
        _p("listing", "Here is what I know:"),
        _p("more_at", "More: {url}"),
        _p("english_note", "{text}"),
        _p("only_in_note", "(This record exists only in {language}.) {text}"),
        _p("theme_is", 'Its theme was "{theme}".'),
        _p("in_english", "{text}"),
        _p("reminder_set", "Done: I'll remind you on {day} of {target} ({when})."),
        _p(
            "reminder_past",
            "{target} ({when}) is already past, so there is nothing to remind you of.",
        ),
        _p("reminder_due", "Reminder: {target}, {when}."),
        _p("step_closes", "closes on {when}"),
        _p("steps.preparation", "Preparation"),
        _p("steps.call_for_candidacies", "Call for candidacies"),
        _p("steps.call_for_entries", "Call for entries"),
        _p("steps.evaluation", "Evaluation"),
        _p("steps.results", "Publication of results"),
        _p("steps.fundraising", "Fundraising"),
        _p("seasons.spring", "spring"),
        _p("seasons.summer", "summer"),
        _p("seasons.autumn", "autumn"),
        _p("seasons.winter", "winter"),
        _p(
            "help",
            "Ask me about the IOPD in English, Spanish, French, Catalan or Portuguese: the next "
            "event or conference, events in a month, a season, a city or on a topic, a conference"
            " by number, year or city, the Best Practice Award (call, evaluation, how to apply), "
            "regional offices, working groups, thematic priorities, OGP Local, how to join, the "
            'newsletter and sending news. Say "remind me" and I\'ll remind you of a date. What I '
            "can't answer goes to the secretariat.",
        ),
        _p("award_generic", "the IOPD Best Practice Award"),
        _p("current_edition", "This year's edition is number {number}: {name} ({year})."),
        _p("current_edition_unnumbered", "This year's edition is {name} ({year})."),
        _p("listing_of", "The {kinds} I know of:"),
        _p("records_held", "I have records of {count}."),
        _p("kind_names.conference", "IOPD conferences"),
        _p("kind_names.seminar", "seminars"),
        _p("kind_names.external_event", "events of other networks"),
        _p("kind_names.internal_session", "members' meetings"),
        _p("kind_names.session", "sessions"),
        _p("kind_names.working_group", "working groups"),
        _p("kind_names.thematic_priority", "thematic priorities"),
        _p("kind_names.strategic_priority", "strategic priorities"),
        _p("kind_names.office", "regional offices"),
        _p("kind_names.work_plan_task", "work-plan tasks"),
        _p("kind_names.project", "projects"),
        _p("kind_names.organisation", "organisations"),
    ]
)
"""The English phrase of each key."""
