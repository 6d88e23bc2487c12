"""Rule ``json-marshal-for-hash``: see rule.yml."""
