"""Rule ``query-rows-discarded``: see rule.yml."""
