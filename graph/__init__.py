"""actorgraph: a geopolitical actor knowledge graph built from news articles.

The package is laid out by stage; each module owns one step of the flow::

    articles  → read .txt/.md/.html/.jsonl files and folders into Article records
    gazetteer → the curated actor list (ontology/gazetteer/*.yaml) and alias matching
    extract   → sentences → actor mentions → relation rules → polarity → Claim
    rdf       → Claim → RDF quads (one named graph per article, PROV-O provenance)
    store     → the Store interface: embedded Oxigraph on disk, or a remote SPARQL 1.1 server
    query     → SPARQL text, .rq files and canned queries with bound parameters
    analysis  → networkx projection of the store and its measures
    render    → the offline pyvis HTML network view
    report    → centrality report in Markdown, CSV, JSON and HTML
    validate  → SHACL validation (pySHACL)
    export    → Turtle, TriG, N-Quads, JSON-LD, CSV, GraphML, GEXF
    pipeline  → ingest and build: the stages above in order
    cli       → the ``actorgraph`` command (thin: parses options, calls the above)
"""

__version__ = "0.1.0"
