"""Rule ``attribute-buffer-concat-across-calls``: see rule.yml."""
