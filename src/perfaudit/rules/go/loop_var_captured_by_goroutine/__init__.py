"""Rule ``loop-var-captured-by-goroutine``: see rule.yml."""
