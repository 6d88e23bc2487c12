"""Rule ``append-without-capacity-in-loop``: see rule.yml."""
