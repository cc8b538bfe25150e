"""Where actorgraph finds its data files and its store, with environment overrides.

- ``ACTORGRAPH_ONTOLOGY``: a folder laid out like ``ontology/`` (ontology, shapes, gazetteer, cues, queries).
- ``ACTORGRAPH_STORE``: the default store, a folder or an ``http(s)://`` SPARQL server URL.
"""
from __future__ import annotations

import os
from pathlib import Path

from graph.errors import DataFileError

DEFAULT_STORE = "./actorgraph-data"
BASE_IRI = "https://actorgraph.org/"
ONTOLOGY_IRI = BASE_IRI + "ontology#"


def ontology_dir() -> Path:
    """The folder holding ``actorgraph.ttl``, ``shapes.ttl``, ``gazetteer/``, ``cues/`` and ``queries/``.

    The installed package ships it as ``graph.ontology``; in a source checkout that is the top-level
    ``ontology/`` folder itself.
    """
    override = os.environ.get("ACTORGRAPH_ONTOLOGY")
    if override:
        return Path(override)
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "ontology", package / "ontology"):  # source checkout, installed wheel
        if (candidate / "actorgraph.ttl").is_file():
            return candidate
    raise DataFileError(f"the ontology folder is missing (looked in {package.parent / 'ontology'} and "
                        f"{package / 'ontology'}); set ACTORGRAPH_ONTOLOGY")


def default_store() -> str:
    """The store used when ``--store`` is not given."""
    return os.environ.get("ACTORGRAPH_STORE") or DEFAULT_STORE
