"""Unit tests of single functions, without a MkDocs build."""
