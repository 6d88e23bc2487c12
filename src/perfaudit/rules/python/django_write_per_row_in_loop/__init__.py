"""Rule ``django-write-per-row-in-loop``: see rule.yml."""
