"""Rule ``list-concat-in-loop``: see rule.yml."""
