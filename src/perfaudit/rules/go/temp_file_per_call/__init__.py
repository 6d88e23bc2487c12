"""Rule ``temp-file-per-call``: see rule.yml."""
