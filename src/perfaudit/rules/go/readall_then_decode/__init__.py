"""Rule ``readall-then-decode``: see rule.yml."""
