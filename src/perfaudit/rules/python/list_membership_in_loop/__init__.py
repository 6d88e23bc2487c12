"""Rule ``list-membership-in-loop``: see rule.yml."""
