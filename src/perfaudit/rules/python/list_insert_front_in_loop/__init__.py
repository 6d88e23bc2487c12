"""Rule ``list-insert-front-in-loop``: see rule.yml."""
