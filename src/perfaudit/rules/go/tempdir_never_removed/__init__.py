"""Rule ``tempdir-never-removed``: see rule.yml."""
