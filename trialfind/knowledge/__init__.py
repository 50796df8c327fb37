"""Curated tables and name resolution: targets, drugs, sponsors directory."""
