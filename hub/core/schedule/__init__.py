"""Scheduling: periodic jobs fired once per period, and the channels' roundups."""
