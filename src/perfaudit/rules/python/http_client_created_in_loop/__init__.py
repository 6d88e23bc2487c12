"""Rule ``http-client-created-in-loop``: see rule.yml."""
