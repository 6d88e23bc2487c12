"""Rule ``small-unbuffered-reads``: see rule.yml."""
