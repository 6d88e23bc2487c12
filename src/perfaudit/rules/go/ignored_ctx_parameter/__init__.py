"""Rule ``ignored-ctx-parameter``: see rule.yml."""
