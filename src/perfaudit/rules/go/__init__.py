"""perfaudit's built-in Go rules: one package per rule."""
