"""Rule ``split-for-first-fields-in-loop``: see rule.yml."""
