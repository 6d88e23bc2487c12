"""The rule engine: candidates for a file's rules, each decided by its rule and predicate, suppressions."""
