"""Facts about Go code."""
