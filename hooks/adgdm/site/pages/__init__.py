"""Page renderers: pure functions from the catalogue and its index to Markdown text."""
