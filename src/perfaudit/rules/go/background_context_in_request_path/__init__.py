"""Rule ``background-context-in-request-path``: see rule.yml."""
