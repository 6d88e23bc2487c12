"""Rule ``store-call-in-loop``: see rule.yml."""
