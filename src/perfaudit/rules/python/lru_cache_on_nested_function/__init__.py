"""Rule ``lru-cache-on-nested-function``: see rule.yml."""
