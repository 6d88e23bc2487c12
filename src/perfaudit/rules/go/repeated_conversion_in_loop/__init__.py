"""Rule ``repeated-conversion-in-loop``: see rule.yml."""
