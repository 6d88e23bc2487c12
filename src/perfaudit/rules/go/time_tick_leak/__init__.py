"""Rule ``time-tick-leak``: see rule.yml."""
