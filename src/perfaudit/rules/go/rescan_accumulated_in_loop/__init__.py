"""Rule ``rescan-accumulated-in-loop``: see rule.yml."""
