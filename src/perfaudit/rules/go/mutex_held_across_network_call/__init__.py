"""Rule ``mutex-held-across-network-call``: see rule.yml."""
