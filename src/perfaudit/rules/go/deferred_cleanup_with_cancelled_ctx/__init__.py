"""Rule ``deferred-cleanup-with-cancelled-ctx``: see rule.yml."""
