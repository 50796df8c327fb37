"""Matching a child to studies: age, sex, condition, target, status, distance, ranking."""
