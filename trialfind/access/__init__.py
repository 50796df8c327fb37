"""Compassionate use: candidates, expanded-access records, company criteria, request packet."""
