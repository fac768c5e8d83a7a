"""The producers: each family of pages (and the files that go with them) as pure functions of the context."""
