"""Adapters for external linters: each has a pure ``command()`` and ``parse()``; ``_run`` runs them."""
