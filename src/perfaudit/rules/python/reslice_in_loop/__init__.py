"""Rule ``reslice-in-loop``: see rule.yml."""
