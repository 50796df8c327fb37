"""The offline local index of ClinicalTrials.gov studies (SQLite + FTS5).

schema (file layout, what one study contributes), bulk (reading bulk files), build
(atomic builds), store (`LocalIndex`, the read-only StudySource)."""
