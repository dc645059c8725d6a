"""The retrieval assistant against its development set and the older sets (issue 22).

``dev_questions.jsonl`` was written before the retrieval assistant, from the
seed documents, and split by template into a ``tune`` half (rules and
thresholds were chosen on it) and a ``report`` half that was never looked at
to fix anything. The older sets pinned the old intent tables: ``eval`` and
``heldout`` were used as more tuning data (each failure grouped by class and
the class fixed), ``heldout2`` was only scored. The floors below sit a little
under the figures measured when the assistant was built: a change that
lowers them is a regression. The issue's goals (90% overall, 85% per
language, at most 1 invented answer in 100) are not all reached yet; the
figures are in the report of the branch. Third round: the tune floors are 0.96 / 0.92 per
language / at most 0.5% invented, the report floors 0.94 / 0.90 / 1.6% (measured 0.948,
ca 0.926, pt 0.914, 8 invented in 555). Fourth round (yes/no only where a record states it,
an e-mail only from the body named, records that only resemble the question handed off,
OGP Local and work plans in five languages): tune 0.975, 0 invented; report 0.957 (es 0.937,
ca 0.938, pt 0.936, yes/no 5 of 7), 5 invented in 555 (0.9%); the floors sit just under.

The older sets are scored without their ``intent`` (the retrieval assistant
names the slot asked, not the old tables' intents).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.core.assistant.evaluation import Answering, AnswersOnce, Report, evaluate, read_cases

HERE = Path(__file__).parent.parent / "assistant"
KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
LANGUAGES = ("en", "es", "fr", "ca", "pt")

pytestmark = pytest.mark.slow
"""Every set scored (thousands of questions): a larger workload. Each case is asked at its own
``now``, so the time-travel runs, which leave the slow tests out, would only repeat it."""


@pytest.fixture(scope="module")
def assistant(set_answers: AnswersOnce) -> Answering:
    """The hub's assistant (lingua deciding the language), each question answered once per
    test process however many tests ask it (``set_answers``)."""
    return set_answers


def _explain(report: Report) -> str:
    lines = [str(report.as_json())]
    for case, wrong, answer in report.wrong[:40]:
        lines.append(f"- {case['question']!r} ({case['now']}): {wrong}\n    {answer[:200]!r}")
    return "\n".join(lines)


def test_the_development_set_is_as_the_issue_asks() -> None:
    cases = read_cases(HERE / "dev_questions.jsonl")
    assert len(cases) >= 400
    for language in LANGUAGES:
        assert sum(c["language"] == language for c in cases) >= 60, language
    assert sum(c["handoff"] for c in cases) >= 80
    assert {c["split"] for c in cases} == {"tune", "report"}
    assert {c["now"][:4] for c in cases} >= {"2013", "2014", "2020", "2026"}
    noise = {c.get("noise") for c in cases}
    assert {"typo", "no_accents", "upper_case", "emoji", "long", "injection"} <= noise


@pytest.mark.parametrize(
    ("split", "floor", "per_language", "invented"),
    [("tune", 0.97, 0.92, 0.002), ("report", 0.98, 0.93, 0.01)],
)
def test_accuracy_on_the_development_set_does_not_fall(
    assistant: Answering, split: str, floor: float, per_language: float, invented: float
) -> None:
    report = evaluate(assistant, read_cases(HERE / "dev_questions.jsonl"), split=split)
    assert report.accuracy() >= floor, _explain(report)
    for language in LANGUAGES:
        assert report.accuracy(language) >= per_language, _explain(report)
    assert len(report.invented) <= invented * sum(report.total.values()), _explain(report)


@pytest.mark.parametrize(
    ("name", "floor"),
    [("eval_questions", 0.93), ("heldout_questions", 0.95), ("heldout2_questions", 0.99)],
)
def test_no_regression_on_the_older_sets(assistant: Answering, name: str, floor: float) -> None:
    report = evaluate(assistant, read_cases(HERE / f"{name}.jsonl"))
    assert report.accuracy() >= floor, _explain(report)
    assert len(report.invented) <= 0.05 * sum(report.total.values()), _explain(report)


FRESH = (
    "tune_extra_questions",
    "tune_extra2_questions",
    "tune_extra3_questions",
    "tune_extra4_questions",
    "tune_extra5_questions",
    "tune_extra6_questions",
    "tune_extra7_questions",
)
"""Fresh tuning sets (207 questions) written in the third round before the fixes they led
to, on the weak classes (cost, join, yes/no, handoffs of places, dates and people, Catalan
and Portuguese), and 28 more in the fourth (yes/no stated or not, e-mail and cost of a body
named, closing days, OGP Local and work plans asked in their languages). They are tuning
data, so their scores are training scores."""


def test_no_regression_on_the_fresh_tuning_sets(assistant: Answering) -> None:
    cases = [c for name in FRESH for c in read_cases(HERE / f"{name}.jsonl")]
    report = evaluate(assistant, cases)
    assert report.accuracy() >= 0.98, _explain(report)  # measured 0.983, 2 invented in 235
    assert len(report.invented) <= 0.02 * sum(report.total.values()), _explain(report)


def test_no_regression_on_the_third_blind_set_now_tuning_data(assistant: Answering) -> None:
    """``heldout3`` (250 questions written blind as members type them) scored 0.708 with 18
    invented answers; it then became the tuning data of the fifth round (a question's focus,
    preambles and antecedents, chat shortcuts, fillers, who the asker is, joining said in more
    ways, opinions asked politely, the day asked of a record dated by its year, accented
    endings for the stemmers, an award's current edition, hearsay openers, a place named ruling
    out rivals, where the next undated edition is held): 0.868, 11 invented. Its scores are
    training scores from then on (0.924 and 6 invented after the seventh round)."""
    report = evaluate(assistant, read_cases(HERE / "heldout3_questions.jsonl"))
    assert report.accuracy() >= 0.90, _explain(report)
    assert len(report.invented) <= 2, _explain(report)  # 1 after the yes/no round


def test_the_scorer_catches_a_wrong_answer(assistant: Answering) -> None:
    case = {
        "question": "When is the next conference?",
        "now": "2020-01-15",
        "language": "en",
        "sources": ["conference-13-cascais-2013"],
        "facts": ["Cascais"],
        "handoff": False,
    }
    report = evaluate(assistant, [case])
    assert report.accuracy() == 0.0
    assert report.invented == ["When is the next conference?"]


def test_a_handoff_answered_counts_as_invented(assistant: Answering) -> None:
    case = {
        "question": "When is the next conference?",
        "now": "2020-01-15",
        "language": "en",
        "handoff": True,
    }
    report = evaluate(assistant, [case])
    assert report.invented == ["When is the next conference?"]


def test_no_regression_on_the_fourth_blind_set(assistant: Answering) -> None:
    """``heldout4`` (250 questions written blind as members type them, context sentences
    around many) was scored only, never tuned on: 0.564 with 36 invented answers before the
    fifth round's fixes, 0.620 with 34 after (issue 22's goals are 0.90 and at most 1 in
    100: far from met on questions nobody has seen). The sixth round tuned on it, by class
    (a term counted once across a record's translations, parts holding their whole's name,
    a period that only dates a named topic, years narrowing lists, lettered and numbered
    labels, another body named, counts in events' texts, e-mail of the body named): 0.752,
    15 invented. Its scores are training scores from then on; a fifth blind set judges. The
    seventh round (a year is no date, the asker's clause that goes on to ask, the verb of
    starting as the slot, out-of-scope words in their own language, letters only some
    languages write, words derived from the records' words): 0.808, 10 invented."""
    report = evaluate(assistant, read_cases(HERE / "heldout4_questions.jsonl"))
    assert report.accuracy() >= 0.88, _explain(report)  # 0.888 after the recall and yes/no passes
    assert len(report.invented) <= 6, _explain(report)


def test_no_regression_on_the_fifth_blind_set_now_tuning_data(assistant: Answering) -> None:
    """``heldout5`` (250 questions written blind) scored 0.772 with 18 invented answers when
    heldout4 had been tuned to 0.836: the rules did not transfer. The eighth round tuned on
    it by systemic cause only (function words the lists lacked weighed as the rarest unknown
    word; a second question in another language set the answer's language; one-letter typos
    of everyday words; a part put before the whole it is counted in; a kind's shorter name
    inside a longer one; Catalan entries that were one-line digests; out-of-scope and list
    phrases missing in some languages; function words with two letters swapped): 0.832, 12
    invented. Its scores are training scores from
    then on; a sixth blind set judges. The ninth round (causes recurring in heldout5 and
    heldout6 only: entries that say the same cited together, a list citing the entry named
    by its kind): 0.844, 9 invented."""
    report = evaluate(assistant, read_cases(HERE / "heldout5_questions.jsonl"))
    assert report.accuracy() >= 0.91, _explain(report)  # 0.916 after the recall and yes/no passes
    assert len(report.invented) <= 5, _explain(report)


def test_no_regression_on_the_sixth_blind_set(assistant: Answering) -> None:
    """``heldout6`` (250 questions written blind, by a writer who saw neither the code nor
    the other sets) scored 0.684 with 24 invented answers on the code of the round's start
    and 0.756 with 19 after three rounds tuned on heldout3, heldout4 and heldout5: what the
    tuning transferred. The ninth round tuned on it and heldout5, by causes recurring in
    both (entries that say the same cited together, a list citing the entry its kind names,
    join verbs in other persons, "next"/"last" naming what no event holds): 0.788, 13
    invented; training scores from then on, a seventh blind set judges. The goal (0.90, at
    most 1 invented in 100) is far above it. Issue 22's next pass (request frames and the
    asker's "like ours" out of the question, a quoted name joining it, swapped letters,
    places spelt as heard): 0.808, 13 invented. The third recall pass (countries named by
    another name or an adjective, a country's name no slot word): 0.864, 6 invented."""
    report = evaluate(assistant, read_cases(HERE / "heldout6_questions.jsonl"))
    assert report.accuracy() >= 0.89, _explain(report)  # 0.900 after the recall and yes/no passes
    # 7: one of them a true answer citing a record the set does not expect
    assert len(report.invented) <= 7, _explain(report)


def test_no_regression_on_the_seventh_blind_set(assistant: Answering) -> None:
    """``heldout7`` (250 questions written blind, by a writer who saw neither the code nor
    any other set) scored 0.720 with 21 invented answers on the code of the round's start
    and 0.800 with 17 after the round (six tuning passes on heldout3 to heldout6; 0.796
    with 16 before the last, which gained one answer and one invented): the round's
    honest figure. The floor keeps it from falling; the goal (0.90, at most 1
    invented in 100) is far above it. The precision pass (an acronym the record must write,
    who of a task, a year already said, the award in "this year", undated entries in "this
    month") took it to 0.820 with 11 invented, tuned on it: training scores from then on."""
    report = evaluate(assistant, read_cases(HERE / "heldout7_questions.jsonl"))
    assert report.accuracy() >= 0.925, _explain(report)  # 0.932 after the recall and yes/no passes
    assert len(report.invented) <= 10, _explain(report)


def test_no_regression_on_the_eighth_and_ninth_blind_sets(assistant: Answering) -> None:
    """``heldout8`` and ``heldout9`` (250 questions each, 50 per language) were written at
    the start of the tenth round by two writers who read only the seeds, the knowledge
    files, the case format and the first lines of heldout4, and were never tuned on: the
    round's honest figure. On the round's starting code: heldout8 0.776 with 14 invented,
    heldout9 0.692 with 23 (heldout9's writer asked indirectly, by city, country or the
    asker's own situation). After the round (tuned on heldout3 to heldout7 only; the last
    pass was pointed at the languages and question types these two sets scored lowest, never
    at their questions): heldout8 0.824 with 7, heldout9 0.732 with 18. The floors keep them
    from falling; the goal (0.90, at most 1 invented in 100) is far above them. The next
    round tunes on them: training scores from then on. Its yes/no and invented-answer pass
    (a record's kind, whole, dates or years stating the yes or no; a period said of a dated
    record; the answer's records checked against the slot and the period asked, siblings
    named, an organiser in the asker's language) and its fourth recall pass (slot words by
    class in five languages, a who-verb naming the field it asks, counts and links in
    records' fields, the asker's story and place set aside, a record held where the
    question says) together: heldout8 0.904 with 5, heldout9 0.844 with 9 (training
    scores). English and French phrasing by class (discourse words, an award's entries and
    what it rewards, clipped French words): heldout8 0.912 with 5, heldout9 0.856 with 9."""
    eighth = evaluate(assistant, read_cases(HERE / "heldout8_questions.jsonl"))
    assert eighth.accuracy() >= 0.90, _explain(eighth)
    assert len(eighth.invented) <= 5, _explain(eighth)
    ninth = evaluate(assistant, read_cases(HERE / "heldout9_questions.jsonl"))
    assert ninth.accuracy() >= 0.85, _explain(ninth)
    assert len(ninth.invented) <= 9, _explain(ninth)


def test_no_regression_on_the_tenth_and_eleventh_blind_sets(assistant: Answering) -> None:
    """``heldout10`` and ``heldout11`` (250 questions each, 50 per language) were written at
    the start of the eleventh round, before any of its code changed, by two writers who
    read only the seeds, the knowledge files, the case format and the first lines of two
    older sets; nobody tuned on them and they were scored once, at the round's end: its
    honest figure. heldout10 asks in members' chat words; heldout11 asks of the
    less-visited records, indirectly, with many yes/no questions and handoffs. On the
    round's starting code: heldout10 0.764 with 10 invented, heldout11 0.680 with 20. At its
    end (tuned on heldout3 to heldout9): heldout10 0.784 with 11, heldout11 0.736 with 16.
    The floors keep them from falling; the goal (0.90, at most 1 invented in 100) is far
    above them. The twelfth round tuned on them (then 0.820 with 7, 0.816 with 4): training
    scores from then on; the thirteenth took them to 0.872 with 1 and 0.860 with 2."""
    tenth = evaluate(assistant, read_cases(HERE / "heldout10_questions.jsonl"))
    assert tenth.accuracy() >= 0.87, _explain(tenth)
    assert len(tenth.invented) <= 1, _explain(tenth)
    eleventh = evaluate(assistant, read_cases(HERE / "heldout11_questions.jsonl"))
    assert eleventh.accuracy() >= 0.86, _explain(eleventh)
    assert len(eleventh.invented) <= 2, _explain(eleventh)


def test_no_regression_on_the_twelfth_and_thirteenth_blind_sets(assistant: Answering) -> None:
    """``heldout12`` and ``heldout13`` (250 questions each, 50 per language) were written at
    the start of the twelfth round, before any of its code changed, by two writers who read
    only the seeds, the knowledge files, the case format and the first lines of two older
    sets; nobody tuned on them and they were scored once, at the round's end. heldout12
    asks as members in a situation (a trip, a report, an application), with relative time
    at many dates; heldout13 asks tersely and indirectly, with the less-visited records. On
    the round's starting code: heldout12 0.780 with 23 invented, heldout13 0.748 with 22.
    At its end: heldout12 0.792 with 20, heldout13 0.772 with 18 (then 0.780 with 16 once
    French typography's space before "?" voted French: tuned on it from then on). The
    floors keep them from falling; the goal (0.90, at most 1 invented in 100) is far above
    them. The thirteenth round tuned on them: 0.880 with 12 and 0.892 with 7."""
    twelfth = evaluate(assistant, read_cases(HERE / "heldout12_questions.jsonl"))
    assert twelfth.accuracy() >= 0.88, _explain(twelfth)
    assert len(twelfth.invented) <= 12, _explain(twelfth)
    thirteenth = evaluate(assistant, read_cases(HERE / "heldout13_questions.jsonl"))
    assert thirteenth.accuracy() >= 0.89, _explain(thirteenth)
    assert len(thirteenth.invented) <= 7, _explain(thirteenth)


def test_no_regression_on_the_fourteenth_and_fifteenth_blind_sets(assistant: Answering) -> None:
    """``heldout14`` and ``heldout15`` (250 questions each, 50 per language) were written at
    the start of the thirteenth round, before any of its code changed, by two writers who
    read only the seeds, the knowledge files, the case format and the first lines of two
    older sets; nobody tuned on them and they were scored once, at the round's end.
    heldout14 asks as members type in chat (greetings, who they are, typos, no accents,
    emoji, two languages, injected orders); heldout15 asks of the network's substance
    (lists, yes/no half true and half false, records named by partner, city, country or
    year, near misses to hand off). On the round's starting code: heldout14 0.800 with 15
    invented, heldout15 0.748 with 12. At its end: heldout14 0.812 with 17, heldout15 0.796
    with 16 (more answered, more of them wrong: about half of the new invented answers give
    the right fact from a record other than the one the case names). One class found among
    heldout14's new invented answers was fixed after that scoring (a month said relative to
    now is the time asked of a dated record): 0.820 with 15, a training score. The floors
    keep them from falling; the goal (0.90, at most 1 invented in 100) is far above them.
    The fourteenth round tuned on them: 0.928 with 6 and 0.936 with 3."""
    fourteenth = evaluate(assistant, read_cases(HERE / "heldout14_questions.jsonl"))
    assert fourteenth.accuracy() >= 0.92, _explain(fourteenth)
    assert len(fourteenth.invented) <= 6, _explain(fourteenth)
    fifteenth = evaluate(assistant, read_cases(HERE / "heldout15_questions.jsonl"))
    assert fifteenth.accuracy() >= 0.93, _explain(fifteenth)
    assert len(fifteenth.invented) <= 3, _explain(fifteenth)


def test_no_regression_on_the_sixteenth_and_seventeenth_blind_sets(assistant: Answering) -> None:
    """``heldout16`` and ``heldout17`` (250 questions each, 50 per language) were written at
    the start of the fourteenth round, before any of its code changed, by two writers who
    read only the seeds, the knowledge files, the case format and the first lines of one
    older set; nobody tuned on them and they were scored once, at the round's end.
    heldout16 asks of time as members meet it (next, last, this month, seasons, "still
    open?", deadlines, at `now` dates over fifteen years); heldout17 asks of 153 different
    records by a detail rather than their name, a quarter of them as long chat messages,
    mixed languages and injected orders. On the round's starting code: heldout16 0.796 with
    6 invented, heldout17 0.712 with 16. At its end (tuned on heldout3 to heldout15):
    heldout16 0.820 with 5, heldout17 0.724 with 15, while heldout14 and heldout15, tuned
    on, rose by 11 and 14 points: the round's rules fit the questions they were written
    from far more than they generalise. The floors keep them from falling; the goal (0.90,
    at most 1 invented in 100) is far above them. Tuned on in the fifteenth round: heldout16
    0.892 with 5, heldout17 0.736 with 15."""
    sixteenth = evaluate(assistant, read_cases(HERE / "heldout16_questions.jsonl"))
    assert sixteenth.accuracy() >= 0.90, _explain(sixteenth)
    assert len(sixteenth.invented) <= 3, _explain(sixteenth)
    seventeenth = evaluate(assistant, read_cases(HERE / "heldout17_questions.jsonl"))
    assert seventeenth.accuracy() >= 0.82, _explain(seventeenth)
    assert len(seventeenth.invented) <= 10, _explain(seventeenth)


def test_no_regression_on_the_eighteenth_and_nineteenth_blind_sets(assistant: Answering) -> None:
    """``heldout18`` and ``heldout19`` (250 questions each, 50 per language, 30% handoffs)
    were written at the start of the fifteenth round, before any of its code changed, by two
    writers who read only the seeds, the knowledge files, the case format and the first lines
    of one older set, and checked every fact against its record with a script; nobody tuned
    on them and they were scored once, at the round's end. heldout18 asks what things are,
    how to join, what they cost and yes/no, in members' own filler words and synonyms, over
    123 records; heldout19 is an inbox's month (every type, a third long messages, time
    relative to `now`) over 125 records. On the round's starting code: heldout18 0.712 with
    42 invented, heldout19 0.756 with 11. At its end: heldout18 0.724 with 41, heldout19
    0.764 with 12, while the sets tuned on rose by 40 answers (4931 to 4971 of 5332). Of
    heldout18's invented, 12 cite the right record and lack a word the writer asked for
    (most often "OGP" beside the Open Gov Challenge); the rest are a wrong record (14), an
    answered handoff (12) or the wrong language (3). The same round's last change, on the
    language of short messages, was made after that score (heldout18 then 0.736, 38 invented):
    from then on both are tuning sets. The floors keep them from falling. Tuned on in the
    sixteenth round: heldout18 0.820 with 21, heldout19 0.836 with 8 (the floors raised to
    just under; heldout16 0.912 with 2 and heldout17 0.772 with 13 likewise)."""
    eighteenth = evaluate(assistant, read_cases(HERE / "heldout18_questions.jsonl"))
    assert eighteenth.accuracy() >= 0.85, _explain(eighteenth)
    assert len(eighteenth.invented) <= 17, _explain(eighteenth)
    nineteenth = evaluate(assistant, read_cases(HERE / "heldout19_questions.jsonl"))
    assert nineteenth.accuracy() >= 0.87, _explain(nineteenth)
    assert len(nineteenth.invented) <= 8, _explain(nineteenth)


def test_no_regression_on_the_twentieth_and_twenty_first_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout20`` and ``heldout21`` (250 questions each, 50 per language, 30% handoffs)
    were written at the start of the sixteenth round, before any of its code changed, by two
    writers who read only the seeds, the knowledge files, the case format and the first lines
    of one older set, and checked every fact against its record with a script; nobody tuned
    on them and they were scored once, at the round's end. heldout20 is a phone chat: short,
    terse questions with typos and abbreviations, 35 yes/no asked the way each language asks,
    40 of less-known records (tasks, OGP Local examples, documents, offices). heldout21 is
    long Slack messages and forwarded emails (half of 40-120 words), 45 list questions. Before
    scoring, four of heldout21's facts that were English names of an Open Gov Challenge area
    in a non-English case ("Fiscal Openness" in Spanish) were set to the record's name in the
    case's language: a right answer in that language could not hold them. On the round's
    starting code: heldout20 0.856 with 14 invented, heldout21 0.784 with 26. At its end:
    heldout20 0.876 with 13, heldout21 0.796 with 26, while the sets tuned on rose by 74
    answers (4275 to 4349 of 4757) and their invented answers fell from 127 to 99: the
    round's accuracy gain carried over (1.6 points on both), its fall in invented answers did
    not. From now on both are tuning sets; the floors keep them from falling. Tuned on in the
    seventeenth round: heldout20 0.912 with 7, heldout21 0.840 with 18 (the floors raised to
    just under; heldout17 0.812 with 10, heldout18 0.860 with 17 and heldout19 0.868 with 7
    likewise)."""
    twentieth = evaluate(assistant, read_cases(HERE / "heldout20_questions.jsonl"))
    assert twentieth.accuracy() >= 0.90, _explain(twentieth)
    assert len(twentieth.invented) <= 8, _explain(twentieth)
    twenty_first = evaluate(assistant, read_cases(HERE / "heldout21_questions.jsonl"))
    assert twenty_first.accuracy() >= 0.85, _explain(twenty_first)
    assert len(twenty_first.invented) <= 16, _explain(twenty_first)


def test_no_regression_on_the_twenty_second_and_twenty_third_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout22`` and ``heldout23`` (250 questions each, 50 per language, 30% handoffs)
    were written at the start of the seventeenth round, before any of its code changed, by
    two writers who read only the seeds, the knowledge files, the case format and the first
    lines of one older set, and checked every fact against its record with a script; nobody
    tuned on them and they were scored once, at the round's end. heldout22 is a Telegram
    group on phones (short, lower case, typos, code-switching, a third with a relative time
    phrase resolved against `now`); heldout23 is city staff, NGO officers and researchers
    writing through the web form or email (a line of who they are, background, asides) about
    less obvious records: working groups, priorities, tasks, OGP Local, documents, offices.
    On the round's starting code: heldout22 0.888 with 9 invented, heldout23 0.840 with 20.
    At its end: heldout22 0.896 with 8, heldout23 0.848 with 20. From now on both are tuning
    sets; the floors keep them from falling. The eighteenth round (a question pointing back
    read with the sentence before it, a clear single match, two slots asked at once, details
    a record does not state, plan parts by their content, joining by kind, documents named
    by their plan, Catalan seats and award runners) took them to 0.908 with 6 and 0.904 with
    11, and the floors of heldout17 to heldout21 up with them."""
    twenty_second = evaluate(assistant, read_cases(HERE / "heldout22_questions.jsonl"))
    assert twenty_second.accuracy() >= 0.89, _explain(twenty_second)
    assert len(twenty_second.invented) <= 7, _explain(twenty_second)
    twenty_third = evaluate(assistant, read_cases(HERE / "heldout23_questions.jsonl"))
    assert twenty_third.accuracy() >= 0.89, _explain(twenty_third)
    assert len(twenty_third.invented) <= 12, _explain(twenty_third)


def test_no_regression_on_the_twenty_fourth_and_twenty_fifth_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout24`` and ``heldout25`` (250 questions each, 50 per language, 30% handoffs)
    were written at the start of the eighteenth round, before any of its code changed, by
    two writers who read only the seeds, the knowledge files, the case format and the first
    lines of one older set, and checked every fact against its record with a script; nobody
    tuned on them and they were scored at the round's start and end. heldout24 is members
    in Slack threads (an @mention, context, a quoted line, a pasted link, a sign-off, then
    one question; synonyms and the network's abbreviations rather than the records' words;
    requests for actions the bot cannot take); heldout25 is non-native writers and
    newcomers asking systematically about every kind of record (missing accents, a stray
    English word, yes/no the records settle or not). On the round's starting code:
    heldout24 0.804 with 15 invented, heldout25 0.848 with 22. At its end: 0.804 with 15,
    0.856 with 20 (the round's gains on the tuning sets barely transferred). From now on
    both are tuning sets; the floors keep them from falling."""
    twenty_fourth = evaluate(assistant, read_cases(HERE / "heldout24_questions.jsonl"))
    assert twenty_fourth.accuracy() >= 0.83, _explain(twenty_fourth)
    assert len(twenty_fourth.invented) <= 12, _explain(twenty_fourth)
    twenty_fifth = evaluate(assistant, read_cases(HERE / "heldout25_questions.jsonl"))
    assert twenty_fifth.accuracy() >= 0.87, _explain(twenty_fifth)
    assert len(twenty_fifth.invented) <= 13, _explain(twenty_fifth)


def test_no_regression_on_the_twenty_sixth_and_twenty_seventh_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout26`` and ``heldout27`` (250 questions each, 50 per language, 30% handoffs)
    were written at the start of the nineteenth round, before any of its code changed, the
    same way as heldout24 and heldout25 (the seeds, the knowledge files, the case format,
    every fact checked against its record by a script); nobody tuned on them. heldout26 is
    members on Telegram from a phone (terse, lower case, typos, no accents, emoji,
    abbreviations, voice-to-text run-ons, relative dates at many "now"); heldout27 is formal
    messages forwarded by city officials and civil-society staff (a greeting, who they are,
    context, then the question; usted/vous; requests the bot cannot fulfil; costs). On the
    round's starting code: 0.924 with 5 invented, 0.844 with 12. At its end: 0.924 with 5,
    0.852 with 10. From then on both are tuning sets; the floors keep them from falling.
    Tuned on in the twentieth round: 0.968 with 2, 0.940 with 2 (the floors raised to
    match)."""
    twenty_sixth = evaluate(assistant, read_cases(HERE / "heldout26_questions.jsonl"))
    assert twenty_sixth.accuracy() >= 0.95, _explain(twenty_sixth)
    assert len(twenty_sixth.invented) <= 4, _explain(twenty_sixth)
    twenty_seventh = evaluate(assistant, read_cases(HERE / "heldout27_questions.jsonl"))
    assert twenty_seventh.accuracy() >= 0.92, _explain(twenty_seventh)
    assert len(twenty_seventh.invented) <= 4, _explain(twenty_seventh)


def test_no_regression_on_the_twenty_eighth_and_twenty_ninth_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout28`` and ``heldout29`` (250 questions each, 50 per language, 30% handoffs)
    were written at the start of the twentieth round, before any of its code changed, the
    same way as the sets before them (the seeds, the knowledge files, the case format, every
    fact checked against its record by a script); nobody tuned on them. heldout28 is busy
    Slack threads (context before the question, @mentions, bullets, *bold*, <links|labels>,
    :emoji:, two questions of which one is answerable, code-switching); heldout29 is
    newcomers' short questions that describe rather than name ("the prize for cities"),
    with typos, either/or, negatives and times relative to now, mostly about the
    lesser-known records. On the round's starting code: 0.816 with 17 invented, 0.904
    with 6. At its end: 0.836 with 18, 0.912 with 5. From then on both were tuning sets;
    the next round took them to 0.908 with 9 and 0.944 with 4, and the floors keep them
    there."""
    twenty_eighth = evaluate(assistant, read_cases(HERE / "heldout28_questions.jsonl"))
    assert twenty_eighth.accuracy() >= 0.92, _explain(twenty_eighth)
    assert len(twenty_eighth.invented) <= 8, _explain(twenty_eighth)
    twenty_ninth = evaluate(assistant, read_cases(HERE / "heldout29_questions.jsonl"))
    assert twenty_ninth.accuracy() >= 0.94, _explain(twenty_ninth)
    assert len(twenty_ninth.invented) <= 5, _explain(twenty_ninth)


def test_no_regression_on_the_thirtieth_and_thirty_first_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout30`` and ``heldout31`` (250 questions each, 50 per language, 30% handoffs)
    were written at the start of the twenty-first round, before any of its code changed,
    the same way as the sets before them; nobody tuned on them. heldout30 is casual
    Telegram questions that turn on a time relative to now (seasons, named months, weeks,
    the last or next edition, past tense, "the next X" after the last known one); heldout31
    is lists and yes/no questions across every kind of record, some settled by a record and
    some not. On the round's starting code: 0.844 with 13 invented, 0.860 with 11. At its
    end: 0.924 with 5, 0.860 with 11. From then on both were tuning sets; the next round
    took heldout31 to 0.968 with 2 (lists of a kind, existence, counts), and the floors
    keep them there."""
    thirtieth = evaluate(assistant, read_cases(HERE / "heldout30_questions.jsonl"))
    assert thirtieth.accuracy() >= 0.92, _explain(thirtieth)
    assert len(thirtieth.invented) <= 5, _explain(thirtieth)
    thirty_first = evaluate(assistant, read_cases(HERE / "heldout31_questions.jsonl"))
    assert thirty_first.accuracy() >= 0.96, _explain(thirty_first)
    assert len(thirty_first.invented) <= 2, _explain(thirty_first)


def test_no_regression_on_the_thirty_second_and_thirty_third_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout32`` and ``heldout33`` (250 questions each, 50 per language) were written at
    the start of the twenty-second round, before any of its code changed, the same way as
    the sets before them; nobody tuned on them. heldout32 is invention bait: real records
    asked for details they may or may not state (attendance, fees, juries, winners, the
    next edition after the last known one, cancellations), 44% handoffs; heldout33 is
    members who describe records instead of naming them, in casual typing (lower case, no
    accents, slang, code-switching, voice-to-text), 30% handoffs. On the round's starting
    code: 0.952 with 9 invented, 0.840 with 15. At its end: 0.956 with 8, 0.848 with 13.
    From then on both were tuning sets; the next round took them to 0.972 with 4 and 0.896
    with 12 (details no record states, everyday words for the network's bodies), and the
    floors keep them there."""
    thirty_second = evaluate(assistant, read_cases(HERE / "heldout32_questions.jsonl"))
    assert thirty_second.accuracy() >= 0.97, _explain(thirty_second)
    assert len(thirty_second.invented) <= 4, _explain(thirty_second)
    thirty_third = evaluate(assistant, read_cases(HERE / "heldout33_questions.jsonl"))
    assert thirty_third.accuracy() >= 0.89, _explain(thirty_third)
    assert len(thirty_third.invented) <= 12, _explain(thirty_third)


def test_no_regression_on_the_thirty_fourth_and_thirty_fifth_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout34`` and ``heldout35`` (250 questions each, 50 per language, 30% and 32%
    handoffs) were written at the start of the twenty-third round, before any of its code
    changed, the same way as the sets before them; nobody tuned on them. heldout34 is a
    representative month of traffic: every kind of record and question type, formal and
    casual, named and described, relative time; heldout35 is Slack and Telegram threads:
    long posts with greetings, stories, quotes, mentions, links and signatures around the
    question. On the round's starting code: 0.952 with 8 invented, 0.948 with 9. At the end
    of its first wave: the same. They then waited outside the scanned sets while two of
    their questions quoted document records that had only English; once every document's
    title and description had its five languages (the hub's translations answered with,
    never searched), they came back as tuning sets at 0.964 with 6 invented and 0.976 with
    6, where the floors keep them."""
    thirty_fourth = evaluate(assistant, read_cases(HERE / "heldout34_questions.jsonl"))
    assert thirty_fourth.accuracy() >= 0.96, _explain(thirty_fourth)
    assert len(thirty_fourth.invented) <= 6, _explain(thirty_fourth)
    thirty_fifth = evaluate(assistant, read_cases(HERE / "heldout35_questions.jsonl"))
    assert thirty_fifth.accuracy() >= 0.97, _explain(thirty_fifth)
    assert len(thirty_fifth.invented) <= 6, _explain(thirty_fifth)


def test_no_regression_on_the_thirty_sixth_and_thirty_seventh_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout36`` and ``heldout37`` (250 questions each, 50 per language) were written in
    the twenty-third round after its first wave and before its second, the same way as the
    sets before them; nobody tuned on them. heldout36 is false premises and near misses (a
    wrong year, city, edition or organiser, a body the network lacks; 50% handoffs);
    heldout37 is members who describe a record instead of naming it, in casual typing (32%
    handoffs). At the second wave's start: 0.752 with 21 invented, 0.860 with 6. At its
    end: 0.752 with 21, 0.864 with 6. From then on both were tuning sets; the next round
    (false premises answered with the record's own facts, described records, the precision
    asked) brought them to 0.948 with 4 and 0.940 with 1, where the floors keep them."""
    thirty_sixth = evaluate(assistant, read_cases(HERE / "heldout36_questions.jsonl"))
    assert thirty_sixth.accuracy() >= 0.94, _explain(thirty_sixth)
    assert len(thirty_sixth.invented) <= 4, _explain(thirty_sixth)
    thirty_seventh = evaluate(assistant, read_cases(HERE / "heldout37_questions.jsonl"))
    assert thirty_seventh.accuracy() >= 0.94, _explain(thirty_seventh)
    assert len(thirty_seventh.invented) <= 1, _explain(thirty_seventh)


def test_no_regression_on_the_thirty_eighth_and_thirty_ninth_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout38`` and ``heldout39`` (250 questions each, 50 per language, 34% handoffs)
    were written at the start of the twenty-fourth round, before any of its code changed,
    the same way as the sets before them; nobody tuned on them while they were blind.
    heldout38 is a representative month of traffic, written afresh (every kind of record
    and question type, named and described, 15% wrong premises, relative time); heldout39
    is the secretariat's inbox and the bot's chat (the question among greetings, context,
    forwarded mail and sign-offs, a word of English, two questions in one). On the round's
    starting code: 0.920 with 6 invented, 0.864 with 16. At the end of its first wave: 0.924
    with 6, 0.864 with 16. Then tuning sets: the second wave, taken from their failures
    (greetings and sign-offs, requests beyond the records), brought them to 0.928 with 5
    and 0.888 with 12; the next round's two waves to 0.944 with 4 and 0.908 with 10; the
    round after to 0.948 with 4 and 0.916 with 8."""
    thirty_eighth = evaluate(assistant, read_cases(HERE / "heldout38_questions.jsonl"))
    assert thirty_eighth.accuracy() >= 0.948, _explain(thirty_eighth)
    assert len(thirty_eighth.invented) <= 4, _explain(thirty_eighth)
    thirty_ninth = evaluate(assistant, read_cases(HERE / "heldout39_questions.jsonl"))
    assert thirty_ninth.accuracy() >= 0.916, _explain(thirty_ninth)
    assert len(thirty_ninth.invented) <= 8, _explain(thirty_ninth)


def test_no_regression_on_the_forty_second_to_forty_fifth_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout42`` to ``heldout45`` (250 questions each, 50 per language, 32-40% handoffs)
    were written at the start of the twenty-fifth round, before any of its code changed,
    the same way as the sets before them; nobody tuned on them while they were blind.
    heldout42 is a representative month (every kind of record and type, named and
    described, wrong premises, greetings); heldout43 the member cities' staff asking for
    specifics, 40% handoffs close to a record (a detail it does not state); heldout44 the
    chat (short, casual, typos, two questions in one); heldout45 the regions (offices,
    events, examples and joining from Latin America, Africa, Europe, North America, Asia).
    On the round's starting code: 0.936 with 8 invented, 0.952 with 9, 0.956 with 5, 0.876
    with 10. At the end of its first wave: 0.936 with 8, 0.956 with 8, 0.956 with 5, 0.880
    with 9. Then tuning sets: the second wave, taken from their failures (the asker's own
    place, wrong premises of place and year, whether a planned event took place, details
    asked beside a name, the language of short messages), brought them to 0.952 with 6,
    0.972 with 4, 0.960 with 5 and 0.932 with 9; the next round to 0.960 with 4, 0.984
    with 2, 0.960 with 5 and 0.940 with 9."""
    floors = {"heldout42": (0.96, 4), "heldout43": (0.984, 2), "heldout44": (0.96, 5)}
    floors["heldout45"] = (0.94, 9)
    for name, (accuracy, invented) in floors.items():
        report = evaluate(assistant, read_cases(HERE / f"{name}_questions.jsonl"))
        assert report.accuracy() >= accuracy, (name, _explain(report))
        assert len(report.invented) <= invented, (name, _explain(report))


def test_no_regression_on_the_forty_sixth_to_forty_ninth_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout46`` to ``heldout49`` (250 questions each, 50 per language, 33-34% handoffs)
    were written at the start of the twenty-sixth round, before any of its code changed,
    the same way as the sets before them; nobody tuned on them while they were blind.
    heldout46 is a representative month (every kind of record and type, named and
    described, wrong premises, greetings); heldout47 the messages as Slack and Telegram
    bring them (two or three questions in one, long rambling messages, emoji, forwarded
    text, prompt injection, mixed languages); heldout48 time (next, last, this, named
    months, seasons, deadlines, asked from 2012 to 2027); heldout49 the secretariat's inbox
    from cities and organisations on every continent (joining, fees, the award, offices,
    out-of-scope requests). On the round's starting code: 0.932 with 6 invented, 0.892
    with 12, 0.948 with 5, 0.904 with 10. At the end of its first wave: 0.928 with 7, 0.896
    with 11, 0.948 with 5, 0.904 with 10. From then on they are tuning sets: the second
    wave, taken from their failures (details no record states such as deadlines, requests
    beyond the records beside a question, who holds a role, the asker's country choosing
    the regional office, money framed in the asker's words, events the network attends),
    brought them to 0.932 with 6, 0.932 with 6, 0.960 with 5 and 0.960 with 4."""
    floors = {"heldout46": (0.932, 6), "heldout47": (0.932, 6), "heldout48": (0.96, 5)}
    floors["heldout49"] = (0.96, 4)
    for name, (accuracy, invented) in floors.items():
        report = evaluate(assistant, read_cases(HERE / f"{name}_questions.jsonl"))
        assert report.accuracy() >= accuracy, (name, _explain(report))
        assert len(report.invented) <= invented, (name, _explain(report))


def test_no_regression_on_the_fiftieth_to_fifty_third_blind_sets(assistant: Answering) -> None:
    """``heldout50`` to ``heldout53`` (250 questions each, 50 per language) were written at
    the start of the twenty-seventh round, before any of its code changed, the same way as
    the sets before them. heldout50 is near misses and wrong premises (46% handoffs: the
    right city in the wrong year, a topic no seminar held, an edition not yet on record);
    heldout51 messages typed on a phone in a hurry (typos, no accents, abbreviations, a few
    English words inside another language); heldout52 partners and staff of member
    organisations asking longer, precise questions; heldout53 lists, counts, yes/no and
    comparisons. On the round's starting code: 0.964 with 7 invented, 0.928 with 12, 0.908
    with 7, 0.872 with 9 (all 1,000: 0.918 with 35). From then on they are tuning sets, and
    the round's end is measured on sets written blind after them. The round's classes
    taken from their failures (which of two dated things comes first, joining asked in
    everyday words, a person asked whom no record names, another year's edition of a
    recurring event, what the records hold in a place or a year) brought them to 0.980 with
    3, 0.948 with 9, 0.920 with 5 and 0.952 with 7."""
    floors = {"heldout50": (0.98, 3), "heldout51": (0.948, 9), "heldout52": (0.92, 5)}
    floors["heldout53"] = (0.952, 7)
    for name, (accuracy, invented) in floors.items():
        report = evaluate(assistant, read_cases(HERE / f"{name}_questions.jsonl"))
        assert report.accuracy() >= accuracy, (name, _explain(report))
        assert len(report.invented) <= invented, (name, _explain(report))


def test_no_regression_on_the_fifty_fourth_to_fifty_seventh_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout54`` to ``heldout57`` (250 questions each, 50 per language, 33-37% handoffs)
    were written during the twenty-seventh round, before any of its code landed, and kept
    where no helper could read them; their failures were never printed while the round
    worked. heldout54 is a representative month; heldout55 chat messages as Slack and
    Telegram bring them; heldout56 time and the calendar (next, last, this, deadlines,
    before or after); heldout57 the secretariat's inbox from every continent. On the
    round's starting code: 0.964 with 5 invented, 0.964 with 2, 0.884 with 6, 0.960 with 5
    (all 1,000: 0.943 with 18); at its end 0.968 with 4, 0.964 with 2, 0.904 with 6, 0.960
    with 5 (0.949 with 17). From then on they are tuning sets."""
    floors = {"heldout54": (0.968, 4), "heldout55": (0.964, 2), "heldout56": (0.904, 6)}
    floors["heldout57"] = (0.96, 5)
    for name, (accuracy, invented) in floors.items():
        report = evaluate(assistant, read_cases(HERE / f"{name}_questions.jsonl"))
        assert report.accuracy() >= accuracy, (name, _explain(report))
        assert len(report.invented) <= invented, (name, _explain(report))


def test_no_regression_on_the_fifty_eighth_to_sixty_first_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout58`` to ``heldout61`` (250 questions each, 50 per language, 32-52% handoffs)
    were written at the start of the twenty-eighth round, before any of its code landed, and
    kept where no helper could read them; their failures were never printed while the round
    worked. heldout58 asks of the records beyond the calendar (work plans, offices, OGP
    Local, documents); heldout59 one precise slot of a record, half of them slots no record
    gives; heldout60 awards and calls at many dates; heldout61 newcomers and outsiders, with
    hostile and out-of-scope requests. heldout59 and heldout60 are fifty scenarios each asked
    once per language. On the round's starting code: 0.904 with 14 invented, 0.960 with 7,
    0.872 with 10, 0.940 with 7 (all 1,000: 0.919 with 38); at its end 0.912 with 12, 0.960
    with 7, 0.872 with 10, 0.944 with 6 (0.922 with 35). From then on they are tuning
    sets; the floors are what the classes merged after that reading give (0.912/12,
    0.980/5, 0.928/10, 0.956/3)."""
    floors = {"heldout58": (0.912, 12), "heldout59": (0.98, 5), "heldout60": (0.928, 10)}
    floors["heldout61"] = (0.956, 3)
    for name, (accuracy, invented) in floors.items():
        report = evaluate(assistant, read_cases(HERE / f"{name}_questions.jsonl"))
        assert report.accuracy() >= accuracy, (name, _explain(report))
        assert len(report.invented) <= invented, (name, _explain(report))


def test_no_regression_on_the_sixty_second_to_sixty_fifth_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout62`` to ``heldout65`` (250 questions each, 50 per language, 250 separate
    scenarios each, 32-42% handoffs) were written at the start of the twenty-ninth round,
    before any of its code landed, and kept where no helper could read them; their failures
    were never printed until the round's first classes had merged. heldout62 asks the
    calendar at many dates with relative time words; heldout63 is real chat (long messages,
    typos, mixed languages, prompt injections); heldout64 checks facts, half of them with a
    false premise; heldout65 is organisations asking what they can do, 42% handoffs. On the
    round's starting code: 0.916 with 7 invented, 0.872 with 11, 0.884 with 7, 0.884 with 14
    (all 1,000: 0.889 with 39); after the first classes, 0.888 with 39. From then on they
    are tuning sets; the floors are what the classes merged after reading them give."""
    floors = {"heldout62": (0.932, 3), "heldout63": (0.896, 5), "heldout64": (0.896, 4)}
    floors["heldout65"] = (0.9, 9)
    for name, (accuracy, invented) in floors.items():
        report = evaluate(assistant, read_cases(HERE / f"{name}_questions.jsonl"))
        assert report.accuracy() >= accuracy, (name, _explain(report))
        assert len(report.invented) <= invented, (name, _explain(report))


def test_no_regression_on_the_sixty_sixth_to_sixty_ninth_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout66`` to ``heldout69`` (250 questions each, 50 per language, 250 separate
    scenarios each, 32-38% handoffs) were written at the start of the thirtieth round, before
    any of its code landed. heldout66 is chat (typos, emoji, mixed languages, long messages);
    heldout67 staff of member bodies asking precise questions; heldout68 the calendar and
    history at many dates, half its yes/no checks with a false premise; heldout69 newcomers,
    with prompt injections. On the round's starting code: 0.888 with 17 invented, 0.864 with
    20, 0.896 with 10, 0.896 with 11 (all 1,000: 0.886 with 58). heldout66 and heldout67
    were the round's tuning half: its classes came from their failures. heldout68 and
    heldout69 stayed unread until the classes had merged, and then measured 0.892 with 11
    and 0.896 with 12 (0.894 with 23, against 0.896 with 21 at the start): the classes did
    not carry to them. From then on all four are tuning sets; the floors are what the code
    gives after one fix read from heldout68-69 (a plan's part chosen by a number word, or
    for a question asking the calendar of a period)."""
    floors = {"heldout66": (0.9, 16), "heldout67": (0.892, 16), "heldout68": (0.896, 10)}
    floors["heldout69"] = (0.9, 11)
    for name, (accuracy, invented) in floors.items():
        report = evaluate(assistant, read_cases(HERE / f"{name}_questions.jsonl"))
        assert report.accuracy() >= accuracy, (name, _explain(report))
        assert len(report.invented) <= invented, (name, _explain(report))


def test_no_regression_on_the_seventieth_to_seventy_third_blind_sets(
    assistant: Answering,
) -> None:
    """``heldout70`` to ``heldout73`` (250 questions each, 50 per language, 250 separate
    scenarios each, 32-42% handoffs) were written at the start of the thirty-first round,
    before any of its code landed. heldout70 is forwarded e-mails and Slack threads with the
    question buried; heldout71 researchers checking history, half the yes/no questions with a
    false premise; heldout72 officials from Latin America, Africa and Lusophone countries;
    heldout73 very short messages and near misses of scope. On the round's starting code:
    0.824 with 11 invented, 0.864 with 12, 0.804 with 24, 0.86 with 26 (all 1,000: 0.838
    with 73). heldout70 and heldout73 were the round's tuning half; heldout71 and heldout72
    stayed unread until the classes had merged, and then measured 0.868 with 12 and 0.804
    with 24 (0.836 with 36, against 0.834 with 36 at the start): the classes did not carry.
    From then on all four are tuning sets; the floors are what the merged code gives."""
    floors = {"heldout70": (0.848, 7), "heldout71": (0.868, 12), "heldout72": (0.804, 24)}
    floors["heldout73"] = (0.88, 22)
    for name, (accuracy, invented) in floors.items():
        report = evaluate(assistant, read_cases(HERE / f"{name}_questions.jsonl"))
        assert report.accuracy() >= accuracy, (name, _explain(report))
        assert len(report.invented) <= invented, (name, _explain(report))
