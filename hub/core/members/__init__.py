"""Members: signed preference links, preferences, export and erasure."""
