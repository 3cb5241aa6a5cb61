"""MkDocs plugins of the Arbo Wegwijzer, one folder per plugin (as mkdocs-material does)."""
