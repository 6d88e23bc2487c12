"""Rule ``subprocess-in-async``: see rule.yml."""
