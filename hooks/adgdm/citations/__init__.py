"""Citation formats besides BibTeX (CSL-JSON, IEEE plain text, RIS, CSV, Highwire meta tags) and the download files."""
