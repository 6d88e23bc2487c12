"""Rule ``marshal-then-write``: see rule.yml."""
