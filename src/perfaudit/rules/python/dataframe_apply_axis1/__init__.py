"""Rule ``dataframe-apply-axis1``: see rule.yml."""
