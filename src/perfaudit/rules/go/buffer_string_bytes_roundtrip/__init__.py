"""Rule ``buffer-string-bytes-roundtrip``: see rule.yml."""
