"""Rule ``lru-cache-on-method``: see rule.yml."""
