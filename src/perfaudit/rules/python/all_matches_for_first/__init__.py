"""Rule ``all-matches-for-first``: see rule.yml."""
