"""Rule ``sql-open-per-call``: see rule.yml."""
