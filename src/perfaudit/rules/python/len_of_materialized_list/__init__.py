"""Rule ``len-of-materialized-list``: see rule.yml."""
