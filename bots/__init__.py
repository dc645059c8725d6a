"""Platform rooms: one package per platform (sink, formatter, stand-in).

``bots`` imports ``hub``; ``hub`` never imports ``bots``. The bus finds the
sinks here through the ``hub.sinks`` entry points in ``pyproject.toml``.
"""
