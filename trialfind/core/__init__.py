"""The bottom layer: the Study record, ages, text, search spec, child profile, errors, settings."""
