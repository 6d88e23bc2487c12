"""Rule ``file-io-in-async``: see rule.yml."""
