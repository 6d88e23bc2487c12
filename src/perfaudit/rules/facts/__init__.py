"""What rules' predicates ask of the code, one home per fact, by language."""
