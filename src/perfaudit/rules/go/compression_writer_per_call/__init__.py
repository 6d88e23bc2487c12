"""Rule ``compression-writer-per-call``: see rule.yml."""
