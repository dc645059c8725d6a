"""Test doubles that ship with the hub: in-memory sinks and bus helpers, for tests and demos."""
