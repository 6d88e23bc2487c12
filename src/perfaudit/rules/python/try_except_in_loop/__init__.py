"""Rule ``try-except-in-loop``: see rule.yml."""
