"""Saved searches and what changed since their last answers: store, diff (pure), run."""
