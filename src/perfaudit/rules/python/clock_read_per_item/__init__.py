"""Rule ``clock-read-per-item``: see rule.yml."""
