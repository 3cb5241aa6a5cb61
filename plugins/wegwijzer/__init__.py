"""Arbo Wegwijzer: turn a Werkdruk Wegwijzer catalogus (YAML) into a website.

The package has two halves that only talk in one direction:

- `wegwijzer.catalogus` loads, validates and links the YAML into a model. It knows
  nothing about MkDocs, so the CLI, exports and tests can use it alone.
- `wegwijzer.plugins` holds the MkDocs plugins that turn that model into pages.
"""
