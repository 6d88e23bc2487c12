"""Rule ``url-clone-by-reparse``: see rule.yml."""
