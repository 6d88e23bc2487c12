"""Rule ``file-read-in-loop``: see rule.yml."""
