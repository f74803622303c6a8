"""One module per extraction step; each exposes one function ``(doc, coded, resources) -> coded``."""
