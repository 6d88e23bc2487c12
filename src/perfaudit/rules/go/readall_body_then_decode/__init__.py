"""Rule ``readall-body-then-decode``: see rule.yml."""
