"""Telegram: HTML formatting, a python-telegram-bot sink and a Bot API stand-in."""
