"""Rule ``sync-http-in-async``: see rule.yml."""
