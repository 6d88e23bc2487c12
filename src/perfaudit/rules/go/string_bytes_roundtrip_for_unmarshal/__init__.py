"""Rule ``string-bytes-roundtrip-for-unmarshal``: see rule.yml."""
