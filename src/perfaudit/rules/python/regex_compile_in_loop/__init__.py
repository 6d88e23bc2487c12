"""Rule ``regex-compile-in-loop``: see rule.yml."""
