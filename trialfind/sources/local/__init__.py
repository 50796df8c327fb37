"""The offline local index of ClinicalTrials.gov studies (SQLite + FTS5)."""
