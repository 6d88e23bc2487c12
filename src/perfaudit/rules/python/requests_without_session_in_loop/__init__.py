"""Rule ``requests-without-session-in-loop``: see rule.yml."""
