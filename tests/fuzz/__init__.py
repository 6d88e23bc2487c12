"""Fuzzing: mutated sources through the whole rule catalogue, each scan in a child process."""
