"""Rule ``json-roundtrip-copy``: see rule.yml."""
