"""Contributors' and maintainers' tools: `new`, issue forms, README tables, link health, and the repository files they write."""
