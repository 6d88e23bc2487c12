"""Rule ``http-server-without-timeouts``: see rule.yml."""
