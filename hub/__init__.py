"""The communication hub.

``hub.core`` is the core (models, ports, configuration, ingest, moderation, bus,
schedule, assistant, knowledge, members) and imports nothing outside itself. The
rest of ``hub`` is the application layer: the CLI (``hub.cli``), the console
(``hub.web``), the process runner (``hub.runner``), the demo, the benchmarks, and
the composition root ``hub.wiring``, the only place that names ``bots`` and
``newsletters``.
"""

__version__ = "0.1.0"
