"""Rule ``executor-created-in-loop``: see rule.yml."""
