"""The core: models, ports, configuration, ingest, moderation, bus, schedule, assistant,
knowledge and members. It imports nothing outside ``hub.core``; the rest of ``hub`` wires
it to ``bots`` and ``newsletters`` (see ``hub.wiring``)."""
