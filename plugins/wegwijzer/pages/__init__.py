"""The page layer: from the model to the pages of the site, without MkDocs.

`generated` lists and renders every page the catalogus becomes, `routes` says
where each entry lives and how a link reaches it, `leesroutes` the reading
routes through the guide. The MkDocs plugins are adapters around this layer
(docs/ontwikkelaars.md says what a move to another engine would touch).
"""
