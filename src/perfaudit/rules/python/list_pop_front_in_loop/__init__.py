"""Rule ``list-pop-front-in-loop``: see rule.yml."""
