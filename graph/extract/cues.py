"""Loading the extractor's cue files, ``ontology/cues/*.yaml``: the words and patterns are data.

- ``relations.yaml``: word lists and the relation rules (patterns over typed mention slots);
- ``titles.yaml``: titles and roles of persons and the relation each gives;
- ``mentions.yaml``: honorifics, organisation head words, reference nouns ("the group");
- ``polarity.yaml``: negation, denial, hedge and modality cues, clause boundaries.

A missing file or key raises ``DataFileError`` naming the file.
"""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

from graph.errors import DataFileError
from graph.settings import ontology_dir

REQUIRED = {
    "relations": ("lists", "rules"),
    "titles": ("titles", "part_qualifiers", "whole_qualifiers", "member_nouns"),
    "mentions": ("honorifics", "person_triggers", "person_nouns", "name_particles", "not_names", "org_heads",
                 "generic_modifiers", "anaphora", "pronouns", "pronoun_types"),
    "polarity": ("negation", "denial", "hedge", "modal", "boundaries"),
}


def default_cues_dir() -> Path:
    return ontology_dir() / "cues"


@functools.lru_cache(maxsize=4)
def load_cues(folder: Path | None = None) -> dict[str, dict]:
    """The cue files of ``folder`` (default ``ontology/cues``) by name: ``{"relations": {...}, ...}``."""
    folder = Path(folder) if folder else default_cues_dir()
    cues: dict[str, dict] = {}
    for name, keys in REQUIRED.items():
        path = folder / f"{name}.yaml"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise DataFileError(f"{path}: cannot read cue file ({error.strerror})") from None
        except yaml.YAMLError as error:
            raise DataFileError(f"{path}: not valid YAML ({error})") from None
        if not isinstance(data, dict):
            raise DataFileError(f"{path}: a cue file is a YAML mapping")
        missing = [k for k in keys if k not in data]
        if missing:
            raise DataFileError(f"{path}: missing key(s) {', '.join(missing)}")
        _check_words(data, path)
        data["_path"] = str(path)
        cues[name] = data
    return cues


def _check_words(data, path: Path, where: str = "") -> None:
    """Every word of a cue list is a string: YAML reads a bare no, yes, on, off, true or false as a
    boolean, which would silently drop the word."""
    if isinstance(data, dict):
        for key, value in data.items():
            _check_words(value, path, f"{where}.{key}" if where else str(key))
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, bool):
                raise DataFileError(f"{path}: {where}: the word {str(item).lower()!r} must be quoted (YAML reads it as a boolean)")
            _check_words(item, path, where)
