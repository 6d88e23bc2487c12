"""Adapters that run external linters and normalise their output into findings."""
