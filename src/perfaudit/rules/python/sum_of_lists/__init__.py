"""Rule ``sum-of-lists``: see rule.yml."""
