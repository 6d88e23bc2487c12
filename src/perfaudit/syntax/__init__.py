"""tree-sitter syntax with ast-grep semantics: grammars, the node API, walks, patterns and the
rule-config evaluator. It knows nothing of perfaudit's rules; everything that parses imports it.
"""
