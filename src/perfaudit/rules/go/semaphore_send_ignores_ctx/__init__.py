"""Rule ``semaphore-send-ignores-ctx``: see rule.yml."""
