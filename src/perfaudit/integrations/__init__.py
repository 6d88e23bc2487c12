"""Adapters that run perfaudit inside other tools (the GitHub Action's helper)."""
