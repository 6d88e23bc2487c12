"""Rule ``http-body-not-drained``: see rule.yml."""
