"""Rule ``http-client-without-timeout``: see rule.yml."""
