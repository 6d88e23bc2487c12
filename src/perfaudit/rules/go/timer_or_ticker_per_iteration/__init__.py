"""Rule ``timer-or-ticker-per-iteration``: see rule.yml."""
