"""Rule ``pandas-iterrows``: see rule.yml."""
