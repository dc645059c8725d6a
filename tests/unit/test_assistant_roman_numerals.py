"""A Roman numeral names an edition ("XIII", "xiiie", "IXe"); everyday words written with the
same letters ("via", "vio", "live", "lie", "vie") name none, so they never pull an edition's
records into an answer."""

from __future__ import annotations

import pytest

from hub.core.assistant.analyser import number_term


@pytest.mark.parametrize(
    ("token", "term"),
    [("xiii", "#13"), ("xiiie", "#13"), ("ixe", "#9"), ("vii", "#7"), ("xx", "#20"), ("ii", "#2")],
)
def test_a_numeral_names_its_edition(token: str, term: str) -> None:
    assert number_term(token) == term


@pytest.mark.parametrize("token", ["via", "vio", "lio", "live", "lie", "li", "vie", "lix"])
def test_words_of_the_same_letters_name_no_edition(token: str) -> None:
    assert number_term(token) is None
