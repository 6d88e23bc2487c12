"""Rule ``regexp-compile-per-call``: see rule.yml."""
