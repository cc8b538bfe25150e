"""Where the graph lives: one ``Store`` interface, one file per backend.

- ``oxigraph.py``: the default, an embedded Oxigraph database in a folder (pyoxigraph).
- ``sparql.py``: any SPARQL 1.1 server reached over HTTP (Oxigraph server, Fuseki, GraphDB, Virtuoso, QLever).

``open_store(location)`` picks the backend from the location: an ``http(s)://`` URL is a server,
anything else a folder.
"""
from __future__ import annotations

from graph.store.base import QueryResult, Store

__all__ = ["QueryResult", "Store", "open_store"]


def open_store(location: str, *, read_only: bool = False, query_url: str | None = None,
               update_url: str | None = None) -> Store:
    """Open the store at ``location`` (a folder, created if missing, or a SPARQL server URL)."""
    if location.startswith(("http://", "https://")):
        from graph.store.sparql import SparqlStore

        return SparqlStore(location, query_url=query_url, update_url=update_url, read_only=read_only)
    from graph.store.oxigraph import OxigraphStore

    return OxigraphStore(location, read_only=read_only)
