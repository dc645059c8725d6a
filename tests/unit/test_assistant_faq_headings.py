"""A FAQ entry is named by its question ("Do members pay a fee?"); a sentence that names the
entry ("…: the documents do not give the time", "Yes. …: the network also welcomes…") takes
its ``heading`` instead, in the asker's language, so no answer embeds a question. The
heading is for answers only: it adds no words to the entry's retrieval. Questions written
for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from hub.core.assistant import Assistant

NOW = dt.date(2024, 5, 5)
FAQ = Path(__file__).resolve().parents[2] / "config" / "knowledge" / "faq.yaml"


def _faq() -> list[dict[str, object]]:
    entries: list[dict[str, object]] = yaml.safe_load(FAQ.read_text(encoding="utf-8"))["entries"]
    return entries


def _questions_named() -> list[str]:
    return [str(name) for entry in _faq() for name in dict(entry["name"]).values()]  # type: ignore[call-overload]


def test_every_faq_entry_has_a_heading_in_each_language_of_its_name() -> None:
    for entry in _faq():
        name = dict(entry["name"])  # type: ignore[call-overload]
        heading = dict(dict(entry["data"])["heading"])  # type: ignore[call-overload]
        assert set(heading) == set(name), entry["id"]
        assert all(text and not str(text).rstrip().endswith("?") for text in heading.values())


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("¿A qué hora se envía el boletín del OIDP?", "Boletín del OIDP"),
        ("À quelle heure est envoyée la newsletter de l'OIDP ?", "Newsletter de l'OIDP"),
        ("A quina hora s'envia el butlletí de l'OIDP?", "Butlletí de l'OIDP"),
        ("A que horas é enviada a newsletter do OIDP?", "Newsletter do OIDP"),
        ("How do I join the regional offices of the IOPD?", "Regional offices of the IOPD"),
        ("Comment rejoindre les bureaux régionaux de l'OIDP ?", "Bureaux régionaux de l'OIDP"),
    ],
)
def test_a_detail_no_faq_states_names_the_entry_by_its_heading(
    lingua_assistant: Assistant, question: str, heading: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff
    assert heading in answer.answer
    assert not any(asked in answer.answer for asked in _questions_named())


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Can social movements become IOPD members?", "en"),
        ("Can informal platforms become members of the IOPD?", "en"),
        ("¿Pueden los movimientos sociales ser miembros del OIDP?", "es"),
        ("Les mouvements sociaux peuvent-ils devenir membres de l'OIDP ?", "fr"),
        ("Els moviments socials poden ser membres de l'OIDP?", "ca"),
        ("Movimentos sociais podem ser membros do OIDP?", "pt"),
    ],
)
def test_a_yes_from_a_faq_embeds_no_question(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.language == language
    assert "faq-how-to-join-the-iopd" in answer.sources
    assert not any(asked in answer.answer for asked in _questions_named())


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Do members pay a fee?", "faq-membership-fee"),
        ("¿Cómo me suscribo al boletín del OIDP?", "faq-newsletter-subscription"),
        ("Comment mon gouvernement local peut-il rejoindre OGP Local ?", "faq-join-ogp-local"),
        ("L'OIDP té oficines regionals?", "faq-regional-offices"),
    ],
)
def test_a_faq_asked_as_written_is_still_answered_from_it(
    lingua_assistant: Assistant, question: str, source: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert source in answer.sources
