"""Rule ``map-never-pruned``: see rule.yml."""
