"""Rule ``constant-map-literal-per-call``: see rule.yml."""
