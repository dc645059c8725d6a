"""Whether a plan's item was already carried out, asked of a record that only plans it.

"Has the secretariat already renewed the agreement with UCLG?", "ja s'ha fet?", "¿ya
está hecho?": a work plan's task, a strategic priority or a project states what was
planned, never that it was done, so a yes (or a no) from it is invented. Asked yes or no
with a word of "already" (a closed set in the five languages), such a record hands the
question off. A dated record (an event, an office's opening) still answers: its date says
whether it happened.
"""

from __future__ import annotations

from hub.core.assistant.retrieval import Doc

ALREADY: dict[str, frozenset[str]] = {
    "en": frozenset({"already", "yet"}),
    "es": frozenset({"ya"}),
    "fr": frozenset({"deja"}),
    "ca": frozenset({"ja"}),
    "pt": frozenset({"ja"}),
}
"""The words of "already", normalised (no accents: "déjà", "já")."""

NEGATIONS = frozenset({"no", "not", "nao", "pas", "plus"})
"""After "already" they make it "no longer" ("ya no", "ja no"): still asked, not done."""

NOT_ALREADY_AFTER = NEGATIONS | {"que"}
"""After the word, no "already": "no longer", or "since" ("ya que", "já que", "ja que")."""

NOT_ALREADY_BEFORE = frozenset({"desde"})
"""Before the word, no "already": "in advance" ("desde já", "desde ya", "des de ja")."""

PLANNED_KINDS = frozenset({"work_plan_task", "strategic_priority", "project"})
"""Kinds of record that state a plan, not its outcome."""


def done_asked_of_a_plan(
    words: list[str], language: str, cited: list[str], docs: list[Doc]
) -> bool:
    """``words`` (the question's, normalised) ask whether the records ``cited`` (their
    ids, among ``docs``), all planned items, were already done."""
    already = ALREADY.get(language, frozenset())
    asked = any(
        w in already
        and (i + 1 == len(words) or words[i + 1] not in NOT_ALREADY_AFTER)
        and not (i and words[i - 1] in NOT_ALREADY_BEFORE)
        and not (i > 1 and words[i - 2] == "des" and words[i - 1] == "de")
        for i, w in enumerate(words)
    )
    if not asked or not cited:
        return False
    kinds = {d.record_id: d.kind for d in docs if d.record_id in cited}
    return all(kinds.get(c) in PLANNED_KINDS for c in cited)
