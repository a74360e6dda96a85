"""WordPress export (WXR) files for the import tests, and helpers that use them."""
