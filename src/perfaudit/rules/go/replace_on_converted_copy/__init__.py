"""Rule ``replace-on-converted-copy``: see rule.yml."""
