"""perfaudit's built-in Python rules: one package per rule."""
