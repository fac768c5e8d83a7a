"""Citation formats, as pure functions of a paper and its venue: BibTeX, CSL-JSON, IEEE plain text, RIS, CSV, Highwire meta tags."""
