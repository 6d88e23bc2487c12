"""Rule ``unbounded-module-cache``: see rule.yml."""
