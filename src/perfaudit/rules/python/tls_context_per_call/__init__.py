"""Rule ``tls-context-per-call``: see rule.yml."""
