"""``quick_init``: a frozen dataclass built by writing its dict is the same dataclass.

The worker builds a message, a claim and a receipt for every delivery, and a frozen
dataclass's own ``__init__`` pays ``object.__setattr__`` per field; ``quick_init`` gives
them one that writes the instance's dict. Nothing else may change: the signature,
defaults, a fresh default from each factory, equality, and frozenness.
"""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from hub.bench.bus import ceiling_of
from hub.core.bus.outbox import Claim
from hub.core.ports import Message, Picture, RateLimit, Receipt, quick_init


def _reference(cls: type) -> type:
    """The same fields as ``cls`` with dataclasses' own ``__init__``."""
    return dataclasses.make_dataclass(
        f"Reference{cls.__name__}",
        [(f.name, f.type, f) for f in dataclasses.fields(cls)],
        frozen=True,
    )


@pytest.mark.parametrize("cls", [Message, Claim, Picture, RateLimit, Receipt])
def test_the_signature_is_the_dataclass_s(cls: type) -> None:
    ours = inspect.signature(cls).parameters
    theirs = inspect.signature(_reference(cls)).parameters
    assert list(ours) == list(theirs)
    for name, parameter in ours.items():
        if name == "self":
            continue
        field = next(f for f in dataclasses.fields(cls) if f.name == name)
        if field.default_factory is not dataclasses.MISSING:
            assert repr(parameter.default) == "<factory>"
        else:
            assert parameter.default == theirs[name].default


def test_defaults_factories_equality_and_frozenness() -> None:
    first = Message(1, "item", "Title")
    second = Message(delivery_id=1, kind="item", title="Title")
    assert first == second
    assert first.extra == {} and first.extra is not second.extra  # a fresh one each
    assert (first.text, first.tags, first.attempt, first.progress) == ("", (), 1, None)
    given = {"thread": True}
    assert Message(2, "item", "T", extra=given).extra is given
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.title = "changed"  # type: ignore[misc]
    claim = Claim(7, None, 3, "alert", {}, 2, 5, "w/1")
    assert (claim.previous_error, claim.posted, claim.in_doubt) == (None, (), True)
    assert dataclasses.replace(claim, attempt=1).in_doubt is False
    assert dataclasses.asdict(RateLimit("k", 1.0)) == {"key": "k", "rate": 1.0, "burst": 1.0}


def test_only_plain_frozen_dataclasses_are_taken() -> None:
    @dataclasses.dataclass
    class Thawed:
        a: int

    @dataclasses.dataclass(frozen=True)
    class Posted:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True)
    class KeywordOnly:
        a: int = dataclasses.field(kw_only=True)

    for cls in (Thawed, Posted, KeywordOnly):
        with pytest.raises(TypeError):
            quick_init(cls)


def test_the_ceiling_is_the_mean_of_before_and_after() -> None:
    before = {"workers": 4, "batch": 100, "rows_per_s": 30_000.0}
    after = {"workers": 4, "batch": 100, "rows_per_s": 20_000.0}
    assert ceiling_of(before, after) == {
        "workers": 4,
        "batch": 100,
        "rows_per_s": 25_000.0,
        "rows_per_s_before": 30_000.0,
        "rows_per_s_after": 20_000.0,
    }
