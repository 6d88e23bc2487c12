"""Rule ``time-sleep-in-async``: see rule.yml."""
