"""Rule ``constructor-in-loop``: see rule.yml."""
