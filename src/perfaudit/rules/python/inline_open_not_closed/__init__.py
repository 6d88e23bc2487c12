"""Rule ``inline-open-not-closed``: see rule.yml."""
