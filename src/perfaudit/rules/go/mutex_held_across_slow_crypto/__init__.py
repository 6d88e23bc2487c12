"""Rule ``mutex-held-across-slow-crypto``: see rule.yml."""
