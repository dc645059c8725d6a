"""Telegram: HTML formatting, a python-telegram-bot sink and a Bot API stand-in."""

NAME = "Telegram"
"""How people call the platform (the console shows it, through ``hub.wiring.platform_name``)."""
