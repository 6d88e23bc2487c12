"""Rule ``sprintf-trivial-conversion-in-loop``: see rule.yml."""
