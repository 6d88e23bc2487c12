"""Rule ``regexp-compile-in-loop``: see rule.yml."""
