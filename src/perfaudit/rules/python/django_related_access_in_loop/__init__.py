"""Rule ``django-related-access-in-loop``: see rule.yml."""
