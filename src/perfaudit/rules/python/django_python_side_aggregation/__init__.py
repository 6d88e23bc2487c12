"""Rule ``django-python-side-aggregation``: see rule.yml."""
