"""Rule ``exec-start-without-wait``: see rule.yml."""
