"""Rule ``sscanf-per-line-in-loop``: see rule.yml."""
