"""Built-in rules: the catalogue (a folder per rule), the engine that runs it, the facts it asks."""
