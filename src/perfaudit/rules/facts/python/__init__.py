"""Facts about Python code."""
