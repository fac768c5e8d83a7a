"""The `refresh` command: ask arXiv, Crossref, Semantic Scholar and GitHub what changed, propose it, optionally write it."""
