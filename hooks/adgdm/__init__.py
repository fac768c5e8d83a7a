"""ADGDM catalogue: load, check, index and render the papers of the survey's companion site.

This package never imports MkDocs; hooks/mkdocs_adapter.py connects it to a MkDocs build.
"""

__version__ = "0.1.0"
