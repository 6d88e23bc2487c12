"""Rule ``batch-method-locks-per-item``: see rule.yml."""
