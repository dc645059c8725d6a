"""Moderation: approve, decline, edit, corrections and retractions, members' submissions."""
