"""Rule ``sort-invariant-in-loop``: see rule.yml."""
