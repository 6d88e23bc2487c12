"""Rule ``nested-loop-equality-join``: see rule.yml."""
