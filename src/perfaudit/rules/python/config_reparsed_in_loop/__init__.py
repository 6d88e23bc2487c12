"""Rule ``config-reparsed-in-loop``: see rule.yml."""
