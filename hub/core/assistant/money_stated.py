"""What an award says about money, as the answer to a cost question.

Asked whether an award gives prize money ("is there prize money for the 2020 award?", "¿tiene
dotación económica?", "o prémio dá dinheiro?"), the award step that states the money (its
fundraising: looking for funds to offer a monetary award) answers with its own sentence, in
the asker's language, citing the work-plan task that plans the award too (it says the same):
a step's date is no answer to what it pays. The step answers only when the question says
one of its own words (money, dinero, argent, diners, dinheiro): asked whether one pays to
enter ("hay que pagar para presentar una candidatura?"), the money an award offers is
another thing. Asked how much or what the sum is ("how much is the prize money?", "quants
diners?", "qual é o valor do prémio?"), the step names no sum; asked after the award's year
("did the 2020 award have prize money?" in 2026), what the plan meant to do is no outcome:
both times what it states is said and the question is handed off. Asked before the award's
year, its plan is not yet written: handed off with nothing said.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import award_name
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import AwardView, text_in

SUM_WORDS = frozenset(
    {
        *("much", "amount", "sum"),
        *("cuanto", "cuanta", "cuantos", "cuantas", "importe", "monto", "cuantia"),
        *("combien", "montant", "somme"),
        *("quant", "quanta", "quants", "quantes", "import", "quantia"),
        *("quanto", "quantos", "quantas", "montante"),
    }
)
"""Words asking a sum, in the five languages (normalised): how much, the amount."""
SOME = frozenset(
    {
        *("a", "an", "any", "some", "un", "una", "algun", "alguna", "une", "d", "des"),
        *("um", "uma", "algum", "alguma", "qualque", "qualsevol"),
    }
)
"""Indefinite articles: "a sum of money", "une somme d'argent", "um montante" name money the
question asks whether there is, not the amount ("quelle somme ?", "the amount")."""


def _sum_asked(words: list[str]) -> bool:
    """A word of a sum in ``words`` that asks it: not after an indefinite article."""
    return any(w in SUM_WORDS and not (i and words[i - 1] in SOME) for i, w in enumerate(words))


def step_money(
    ctx: Context, award: AwardView, step: str | None, words: list[str], *, named: bool, asks: bool
) -> Reply | None:
    """The award ``step``'s own sentence, said of the award, when the question (its
    normalised ``words``) ``named`` the step; handed off when a sum is asked (a word of one,
    or ``asks``: a question word, not yes or no) or the award's year is past. None when no
    step is cited, it is not named, or it has no text (then its date, or a handoff, answers)."""
    if step is None or step not in award.steps or not named:
        return None
    if award.year is not None and award.year > ctx.today.year:  # asked in 2014: no 2020 plan
        return ctx.handoff()
    text, used = text_in(award.steps[step].description, ctx.language)
    if not text:
        return None
    body = ctx.phrase("what_is", name=award_name(ctx, award), text=text)
    if used != ctx.language:
        body = ctx.phrase("english_note", text=body)
    planned = [e.id for e in ctx.index.entries.values() if e.data.get("award") == award.id]
    sources = [award.id, *planned]
    past = award.year is not None and award.year < ctx.today.year
    if asks or past or _sum_asked(words):
        return ctx.handoff(body, sources=sources)
    return Reply(body, sources)


def whether_money(words: list[str], asks: bool) -> bool:
    """Whether a cost question (its normalised ``words``) asks only if there is money at all
    ("is there prize money?", "¿tiene dotación económica?", "le prix, il y aura une
    récompense en argent ?"): no question word (``asks`` false) and no word of a sum. Then
    "prize money", "dotación", "en metálico" name what is asked about, not an amount: a
    record saying the award seeks funds for a monetary prize states it."""
    return not asks and not _sum_asked(words)
