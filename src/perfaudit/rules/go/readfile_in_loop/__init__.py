"""Rule ``readfile-in-loop``: see rule.yml."""
