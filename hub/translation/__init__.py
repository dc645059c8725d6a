"""Machine translation engines behind the core's translator port
(:mod:`hub.core.translation.port`): LibreTranslate, DeepL, Argos Translate, and a
LibreTranslate stand-in for the tests and ``hub demo``. ``hub.wiring.TRANSLATORS``
builds one from ``[translation]`` in ``hub.toml``."""
