"""Rule ``builtin-reduce-over-ndarray``: see rule.yml."""
