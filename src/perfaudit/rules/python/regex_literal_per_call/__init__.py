"""Rule ``regex-literal-per-call``: see rule.yml."""
