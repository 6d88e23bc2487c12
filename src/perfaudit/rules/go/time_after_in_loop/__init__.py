"""Rule ``time-after-in-loop``: see rule.yml."""
