"""Machine translation drafts: the translator port, the glossary, HTML by text nodes, the cache.

An engine (LibreTranslate, DeepL, Argos Translate: the application layer wires them,
``hub.wiring.TRANSLATORS``) implements :class:`~hub.core.translation.port.Translator`;
:class:`~hub.core.translation.service.TranslationService` puts the glossary, the HTML
handling, the cache and the time-out around it. What it makes is always a draft that a
person approves, edits or refuses.
"""
