"""Rule ``json-marshal-newline-per-message``: see rule.yml."""
