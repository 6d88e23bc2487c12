"""Rule ``cli-main-without-signal-context``: see rule.yml."""
