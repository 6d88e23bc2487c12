"""Rule ``collection-rebuilt-for-membership``: see rule.yml."""
