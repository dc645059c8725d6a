"""DeepL's and Argos's adapters against the port's contract, and ``[translation]`` in
hub.toml: off by default, unknown keys and engines refused with file, key and line."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest

from hub.core.config.settings import load_settings
from hub.core.errors import ConfigError
from hub.core.translation.port import TranslationRefused, TranslationUnavailable
from hub.translation.argos import Argos
from hub.translation.deepl import FREE_API, PRO_API, DeepL, api_url
from hub.wiring import TRANSLATORS, translation_service


def deepl_answering(status: int, body: object, seen: list[httpx.Request]) -> DeepL:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if status != 200:
            return httpx.Response(status, json=body)
        texts = json.loads(request.content)["text"]
        rows = [{"detected_source_language": "ES", "text": f"<{t}>"} for t in texts]
        return httpx.Response(200, json={"translations": rows})

    return DeepL("k3y:fx", transport=httpx.MockTransport(answer))


def test_deepl_sends_the_documented_request_and_reads_the_translations() -> None:
    seen: list[httpx.Request] = []
    result = asyncio.run(deepl_answering(200, None, seen).translate(["Hola", "Adiós"], "es", "pt"))
    assert result == ["<Hola>", "<Adiós>"]
    [request] = seen
    assert str(request.url) == f"{FREE_API}/v2/translate"
    assert request.headers["Authorization"] == "DeepL-Auth-Key k3y:fx"
    body = json.loads(request.content)
    assert body == {"text": ["Hola", "Adiós"], "source_lang": "ES", "target_lang": "PT-PT"}


def test_deepl_free_and_pro_keys_reach_their_own_servers() -> None:
    assert api_url("abc:fx") == FREE_API
    assert api_url("abc") == PRO_API


@pytest.mark.parametrize(
    ("status", "error", "words"),
    [
        (456, TranslationRefused, "Quota exceeded"),
        (403, TranslationRefused, "Authorization failed"),
        (400, TranslationRefused, "Value for 'target_lang' not supported."),
        (429, TranslationUnavailable, "Too many requests"),
        (529, TranslationUnavailable, "Too many requests"),
        (503, TranslationUnavailable, "Service unavailable"),
    ],
)
def test_deepl_errors_by_class(status: int, error: type[Exception], words: str) -> None:
    translator = deepl_answering(status, {"message": words}, [])
    with pytest.raises(error, match=f"DeepL {status}") as caught:
        asyncio.run(translator.translate(["Hola"], "es", "fr"))
    assert words in str(caught.value) and "k3y" not in str(caught.value)


class FakeArgosPair:
    def __init__(self, target: str) -> None:
        self.target = target

    def translate(self, text: str) -> str:
        return f"{self.target}:{text}"


def test_argos_follows_the_port_contract_one_text_each_in_order() -> None:
    pairs = {("es", "fr"): FakeArgosPair("fr")}
    argos = Argos(lambda s, t: pairs.get((s, t)))
    assert asyncio.run(argos.translate(["a", "b", "c"], "es", "fr")) == ["fr:a", "fr:b", "fr:c"]
    with pytest.raises(TranslationRefused, match="no Argos package translates es to ca"):
        asyncio.run(argos.translate(["a"], "es", "ca"))


def test_argos_without_the_package_is_a_refusal_in_words() -> None:
    try:
        import argostranslate  # noqa: F401
    except ImportError:
        with pytest.raises(TranslationRefused, match="not installed"):
            asyncio.run(Argos().translate(["a"], "es", "fr"))
    else:
        pytest.skip("argostranslate is installed here")


def write(tmp_path: Path, translation: str) -> Path:
    path = tmp_path / "hub.toml"
    path.write_text('[hub]\nlanguages = ["en", "es", "fr"]\n\n' + translation, encoding="utf-8")
    return path


def test_translation_is_off_by_default(tmp_path: Path, sqlite_engine) -> None:
    settings = load_settings(write(tmp_path, ""), engines=TRANSLATORS)
    assert settings.translation.engine is None
    assert translation_service(settings, sqlite_engine) is None


def test_an_unknown_key_is_refused_with_file_key_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[translation]\nengine = "libretranslate"\nurll = "http://x"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(path, engines=TRANSLATORS)
    [problem] = caught.value.problems
    assert (problem.file, problem.key, problem.line) == (str(path), "translation.urll", 6)
    assert "did you mean 'url'" in problem.message


def test_an_engine_not_installed_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[translation]\nengine = "babelfish"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(path, engines=TRANSLATORS)
    [problem] = caught.value.problems
    assert (problem.key, problem.line) == ("translation.engine", 5)
    assert "argos, deepl, libretranslate" in problem.message


def test_an_engine_missing_what_it_needs_says_which_key(tmp_path: Path, sqlite_engine) -> None:
    path = write(tmp_path, '[translation]\nengine = "deepl"\nkey_env = "DEEPL_KEY"\n')
    settings = load_settings(path, {}, engines=TRANSLATORS)
    with pytest.raises(ConfigError, match="DEEPL_KEY is not set") as caught:
        translation_service(settings, sqlite_engine)
    assert caught.value.problems[0].line == 6
    libre = load_settings(write(tmp_path, '[translation]\nengine = "libretranslate"\n'))
    with pytest.raises(ConfigError, match="url of its server"):
        translation_service(libre, sqlite_engine)


def test_a_configured_engine_is_built_with_the_glossary_beside_hub_toml(
    tmp_path: Path, sqlite_engine
) -> None:
    (tmp_path / "glossary.yaml").write_text("keep:\n  - Canoas\n", encoding="utf-8")
    path = write(tmp_path, '[translation]\nengine = "deepl"\nkey_env = "DEEPL_KEY"\n')
    settings = load_settings(path, {"DEEPL_KEY": "abc:fx"}, engines=TRANSLATORS)
    service = translation_service(settings, sqlite_engine)
    assert service is not None and service.name == "deepl"
    assert service.glossary.protect("in Canoas").text == "in ⟦1⟧"


def test_config_check_names_what_the_engine_lacks(tmp_path: Path) -> None:
    from hub.wiring import check_translation

    (tmp_path / "glossary.yaml").write_text("terms:\n  - nonsense\n", encoding="utf-8")
    path = write(tmp_path, '[translation]\nengine = "libretranslate"\n')
    problems = check_translation(load_settings(path, engines=TRANSLATORS))
    assert [(p.key, p.line) for p in problems] == [("translation.url", 4), ("terms[0]", 2)]
    assert check_translation(load_settings(write(tmp_path, ""))) == []
