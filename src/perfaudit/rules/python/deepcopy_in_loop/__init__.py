"""Rule ``deepcopy-in-loop``: see rule.yml."""
