"""Rule ``string-concat-in-loop``: see rule.yml."""
