"""Rule ``reflect-method-by-name-per-call``: see rule.yml."""
