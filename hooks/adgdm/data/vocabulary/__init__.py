"""The controlled vocabularies in papers/vocabulary/: each file's spec beside its loader."""
