"""Rule ``map-without-size-hint-in-loop``: see rule.yml."""
