"""Rule ``nested-loop-membership-scan``: see rule.yml."""
