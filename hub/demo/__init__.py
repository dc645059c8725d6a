"""Demo data and the ``hub demo`` run: the whole hub on stand-ins, with no accounts."""
