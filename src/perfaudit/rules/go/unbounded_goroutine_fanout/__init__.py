"""Rule ``unbounded-goroutine-fanout``: see rule.yml."""
