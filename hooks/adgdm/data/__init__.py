"""Reading and checking the data: safe YAML, the spec language and schemas, frozen records, loading and cross-file checks, the index."""
