"""stockroom: supplier stock sync, pricing and a small HTTP API."""

__version__ = "0.3.0"
