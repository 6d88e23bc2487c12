"""Rule ``mutex-held-across-io``: see rule.yml."""
