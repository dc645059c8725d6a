"""The translation service with the real LibreTranslate client against its stand-in:
drafts, the cache, HTML, the glossary, and every failure left untranslated with why."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from hub.core.models import TranslationCacheEntry
from hub.core.translation.glossary import Glossary, Term
from hub.core.translation.service import Translated, TranslationService, Untranslated
from hub.translation.deepl import DeepL
from hub.translation.deepl_standin import DeepLStandIn
from hub.translation.libretranslate import LibreTranslate
from hub.translation.standin import LibreTranslateStandIn, serving

GLOSSARY = Glossary((Term({"en": "IOPD", "es": "OIDP", "fr": "OIDP"}), Term({}, kept="Canoas")))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def standin(clock: Clock) -> Iterator[LibreTranslateStandIn]:
    with serving(LibreTranslateStandIn(clock=clock)) as server:
        yield server


def service(standin: LibreTranslateStandIn, engine: Engine, **kw: object) -> TranslationService:
    key = kw.pop("api_key", None)
    translator = LibreTranslate(standin.url, key if isinstance(key, str) else None)
    return TranslationService(translator, engine, GLOSSARY, **kw)  # type: ignore[arg-type]


def test_a_text_comes_back_marked_with_the_engines_name(standin, engine) -> None:
    [outcome] = service(standin, engine).translate(["Convocatoria abierta"], "es", "fr")
    assert outcome == Translated("[fr] Convocatoria abierta", "libretranslate")
    assert standin.requests[0]["q"] == ["Convocatoria abierta"]
    assert standin.requests[0]["format"] == "text"


def test_a_text_is_never_paid_for_twice(standin, engine) -> None:
    first = service(standin, engine)
    texts = ["Uno", "Dos", "Uno"]
    assert [o.text for o in first.translate(texts, "es", "pt")] == [  # type: ignore[union-attr]
        "[pt] Uno",
        "[pt] Dos",
        "[pt] Uno",
    ]
    assert standin.requests[0]["q"] == ["Dos", "Uno"]
    again = service(standin, engine)
    outcomes = again.translate(["Dos", "Uno", "Tres"], "es", "pt")
    assert [o.text for o in outcomes] == ["[pt] Dos", "[pt] Uno", "[pt] Tres"]  # type: ignore[union-attr]
    assert standin.requests[1]["q"] == ["Tres"]
    assert again.stats.cached == 2 and again.stats.pieces == 3
    with Session(engine) as session:
        count = session.scalar(select(func.count()).select_from(TranslationCacheEntry))
    assert count == 3
    other_target = service(standin, engine).translate(["Uno"], "es", "fr")
    assert other_target[0] == Translated("[fr] Uno", "libretranslate")
    assert len(standin.requests) == 3


def test_html_goes_as_text_nodes_and_comes_back_with_its_markup(standin, engine) -> None:
    html = '<p>La <a href="https://oidp.net/?a=1&amp;b=2">OIDP</a> en Canoas &amp; más</p>'
    [outcome] = service(standin, engine).translate([html], "es", "fr", format="html")
    assert isinstance(outcome, Translated)
    assert outcome.text == (
        '<p>[fr] La <a href="https://oidp.net/?a=1&amp;b=2">[fr] OIDP</a>'
        " [fr] en Canoas &amp; más</p>"
    )
    sent = [t for r in standin.requests for t in r["q"]]
    assert sorted(sent) == ["La", "en ⟦1⟧ ⟦2⟧ más", "⟦1⟧"]


def test_glossary_terms_take_the_target_languages_form(standin, engine) -> None:
    [outcome] = service(standin, engine).translate(["The IOPD meets in Canoas"], "en", "fr")
    assert outcome == Translated("[fr] The OIDP meets in Canoas", "libretranslate")


def test_past_the_rate_limit_the_text_is_left_with_libretranslates_words(
    standin, engine, clock
) -> None:
    standin.req_limit = 2
    translator = service(standin, engine)
    assert isinstance(translator.translate(["a b", "c d"], "en", "es")[0], Translated)
    [refused] = translator.translate(["e f"], "en", "es")
    assert refused == Untranslated("libretranslate: LibreTranslate 429: Slowdown: 2 per 1 minute")
    clock.now += 61
    assert translator.translate(["e f"], "en", "es") == [Translated("[es] e f", "libretranslate")]


def test_a_wrong_key_is_refused_without_the_key_in_the_reason(standin, engine) -> None:
    standin.api_keys = {"right-key"}
    [outcome] = service(standin, engine, api_key="wrong-key").translate(["Hola"], "es", "en")
    assert isinstance(outcome, Untranslated)
    assert "Invalid API key" in outcome.reason and "wrong-key" not in outcome.reason
    [missing] = service(standin, engine).translate(["Hola"], "es", "en")
    assert "contact the server operator" in missing.reason  # type: ignore[union-attr]
    [ok] = service(standin, engine, api_key="right-key").translate(["Hola"], "es", "en")
    assert ok == Translated("[en] Hola", "libretranslate")


@pytest.mark.parametrize(
    ("knob", "value", "words"),
    [
        ("broken", True, "LibreTranslate 500: Cannot translate text"),
        ("batch_limit", 1, "request (2) exceeds text limit (1)"),
        ("languages", ("en", "es"), "fr is not supported"),
    ],
)
def test_server_refusals_leave_the_texts_untranslated(standin, engine, knob, value, words):
    setattr(standin, knob, value)
    outcomes = service(standin, engine).translate(["Hola", "Adiós"], "es", "fr")
    assert all(isinstance(o, Untranslated) and words in o.reason for o in outcomes)


LONG = (
    "Cities meet in Dakar. They share their budgets!\n\n"
    "A second paragraph, longer than the first one. It has two sentences."
)


def test_a_text_over_the_servers_char_limit_is_cut_at_sentences_and_joined(standin, engine) -> None:
    standin.char_limit = 50  # what the server's /frontend/settings says
    [outcome] = service(standin, engine).translate([LONG], "en", "fr")
    assert outcome == Translated(
        "[fr] Cities meet in Dakar. They share their budgets!\n\n"  # 47: fits whole
        "[fr] A second paragraph, longer than the first one. [fr] It has two sentences.",
        "libretranslate",
    )
    sent = [text for request in standin.requests for text in request["q"]]
    assert sent and all(len(text) <= 50 for text in sent)
    html = f"<p>{LONG.replace(chr(10) * 2, '</p><p>')}</p><p><b>IOPD</b> News.</p>"
    [page] = service(standin, engine).translate([html], "en", "fr", format="html")
    assert isinstance(page, Translated)
    assert page.text.startswith(  # cut between text nodes first, then within one
        "<p>[fr] Cities meet in Dakar. They share their budgets!</p><p>[fr] A second "
        "paragraph, longer than the first one. [fr] It has two sentences.</p><p><b>"
    )


def test_a_configured_limit_wins_and_the_server_refuses_what_is_over_its_own(
    standin, engine
) -> None:
    standin.char_limit = 3
    translator = LibreTranslate(standin.url, char_limit=100)  # wrongly configured
    outcomes = TranslationService(translator, engine).translate(["Hola", "Adiós"], "es", "fr")
    assert all(
        isinstance(o, Untranslated) and "request (5) exceeds text limit (3)" in o.reason
        for o in outcomes
    )


def test_a_slow_engine_is_a_time_out_not_a_wait(standin, engine) -> None:
    standin.delay = 5
    [outcome] = service(standin, engine, timeout=0.2).translate(["Hola"], "es", "fr")
    assert outcome == Untranslated("libretranslate: no answer within 0.2 s")


def test_a_server_that_is_gone_leaves_the_text_with_the_reason(engine) -> None:
    translator = LibreTranslate("http://127.0.0.1:9")
    [outcome] = TranslationService(translator, engine).translate(["Hola"], "es", "fr")
    assert isinstance(outcome, Untranslated) and "no answer from" in outcome.reason


def test_cached_texts_are_translated_while_the_engine_fails(standin, engine) -> None:
    service(standin, engine).translate(["Hola"], "es", "fr")
    standin.broken = True
    outcomes = service(standin, engine).translate(["Hola", "Adiós"], "es", "fr")
    assert outcomes[0] == Translated("[fr] Hola", "libretranslate")
    assert isinstance(outcomes[1], Untranslated)


def test_callers_inside_an_event_loop_are_served(standin, engine) -> None:
    async def inside() -> list[object]:
        return list(service(standin, engine).translate(["Hola"], "es", "ca"))

    assert asyncio.run(inside()) == [Translated("[ca] Hola", "libretranslate")]


def test_languages_and_their_targets(standin) -> None:
    languages = asyncio.run(LibreTranslate(standin.url).languages())
    assert set(languages) == {"en", "es", "fr", "ca", "pt"}
    assert "fr" in languages["es"]


def test_the_standin_answers_a_single_text_and_a_form_as_libretranslate_does(standin) -> None:
    import httpx

    single = httpx.post(
        f"{standin.url}/translate", json={"q": "Hi", "source": "auto", "target": "es"}
    )
    assert single.json() == {
        "translatedText": "[es] Hi",
        "detectedLanguage": {"confidence": 90.0, "language": "en"},
    }
    form = httpx.post(f"{standin.url}/translate", data={"q": "Hi", "source": "en"})
    assert form.status_code == 400
    assert form.json() == {"error": "Invalid request: missing target parameter"}


# --- DeepL, with the real client against its stand-in ---------------------------------


@pytest.fixture
def deepl() -> Iterator[DeepLStandIn]:
    with serving(DeepLStandIn()) as server:
        yield server


def deepl_service(standin: DeepLStandIn, engine: Engine, key: str = "standin-key:fx"):
    return TranslationService(DeepL(key, standin.url), engine, GLOSSARY)


def test_deepl_drafts_with_the_variant_and_counts_characters(deepl, engine) -> None:
    outcomes = deepl_service(deepl, engine).translate(["Olá", "Até já"], "es", "pt")
    assert outcomes == [Translated("[PT-PT] Olá", "deepl"), Translated("[PT-PT] Até já", "deepl")]
    assert deepl.character_count == len("Olá") + len("Até já")


@pytest.mark.parametrize(
    ("setup", "key", "words"),
    [
        ({"character_limit": 3}, "standin-key:fx", "DeepL 456: Quota exceeded"),
        ({"too_many": True}, "standin-key:fx", "DeepL 429: Too many requests"),
        ({}, "wrong:fx", "DeepL 403: Forbidden"),
        ({}, "pro-key", "DeepL 403: Wrong endpoint. Use https://api.deepl.com"),
    ],
)
def test_deepl_refusals_leave_the_text_untranslated(deepl, engine, setup, key, words) -> None:
    for name, value in setup.items():
        setattr(deepl, name, value)
    [outcome] = deepl_service(deepl, engine, key).translate(["Hola"], "es", "fr")
    assert isinstance(outcome, Untranslated) and words in outcome.reason
    assert key not in outcome.reason


def test_deepl_gets_no_request_over_128_kib_and_a_long_text_comes_back_whole(deepl, engine) -> None:
    deepl.character_limit = 10_000_000
    sentence = "Participação cidadã em Canoas é orçamento aberto. "  # 2-byte letters in UTF-8
    long_text = (sentence * 3000).strip()  # about 150,000 characters, 160 KB
    many = [f"Notícia {n}: {sentence * 60}" for n in range(10)]  # 10 texts, 31 KB each
    outcomes = deepl_service(deepl, engine).translate([long_text, *many], "pt", "es")
    assert all(isinstance(o, Translated) for o in outcomes)
    assert sum(deepl.bodies) > 128 * 1024  # one request could not have held it all
    assert max(deepl.bodies) <= 128 * 1024
    first = outcomes[0]
    assert isinstance(first, Translated)
    assert first.text.replace("[ES] ", "") == long_text
    assert first.text.count("[ES] ") == len(long_text) // 20_000 + 1


def test_the_deepl_standin_refuses_a_body_over_128_kib_as_deepl_does(deepl) -> None:
    import httpx

    body = {"text": ["a" * (128 * 1024)], "target_lang": "ES"}
    headers = {"Authorization": "DeepL-Auth-Key standin-key:fx"}
    answer = httpx.post(f"{deepl.url}/v2/translate", json=body, headers=headers)
    assert answer.status_code == 413


def test_deepl_says_which_language_it_lacks(deepl, engine) -> None:
    [outcome] = deepl_service(deepl, engine).translate(["Hola"], "ca", "fr")
    assert outcome == Untranslated("deepl: DeepL 400: Value for 'source_lang' not supported.")
