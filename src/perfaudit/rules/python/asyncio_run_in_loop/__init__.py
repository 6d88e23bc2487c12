"""Rule ``asyncio-run-in-loop``: see rule.yml."""
