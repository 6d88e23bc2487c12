"""Rule ``waitgroup-add-done-pattern``: see rule.yml."""
