"""Rule ``transport-idle-per-host-default``: see rule.yml."""
