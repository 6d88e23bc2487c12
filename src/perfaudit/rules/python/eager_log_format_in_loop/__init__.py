"""Rule ``eager-log-format-in-loop``: see rule.yml."""
