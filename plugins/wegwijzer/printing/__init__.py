"""What the guide prints: the documents (werksessie kit, checklists, HR route, toetsingsdossier)
as HTML from the model, and those as PDFs (WeasyPrint, kept in the cache).

Plain functions without MkDocs, as the page layer is: the print plugin
(`plugins/print/`) calls them after a build, `wegwijzer dossier` calls them
without one, and another engine would call them the same way
(docs/ontwikkelaars.md).
"""
