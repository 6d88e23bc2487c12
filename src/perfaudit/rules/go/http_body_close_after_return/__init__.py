"""Rule ``http-body-close-after-return``: see rule.yml."""
