"""Rule ``copy-before-bounded-loop``: see rule.yml."""
