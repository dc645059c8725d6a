"""Platform rooms: one package per platform (formatter, sink, front end, stand-in).

``bots`` imports ``hub.core`` only; ``hub.core`` never imports ``bots``. The
application layer wires the sinks, stand-ins, previews and webhooks here into the
core in ``hub/wiring.py``.
"""
