"""Rule ``json-roundtrip-deep-copy``: see rule.yml."""
