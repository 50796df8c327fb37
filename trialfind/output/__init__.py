"""How results are written: formats, views, letters, files."""
