"""Verification: compare benchmark runs of two revisions and rank findings by profile heat."""
