"""The communication hub's core: settings, database, ingestion, bus, assistant.

The core imports no platform library; platform modules live in ``bots/`` and
``newsletters/`` and register themselves through entry points.
"""

__version__ = "0.1.0"
