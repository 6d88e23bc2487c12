"""Rule ``django-query-in-loop``: see rule.yml."""
