"""Rule ``defer-in-loop``: see rule.yml."""
