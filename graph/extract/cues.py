"""Loading the extractor's cue files, ``ontology/cues/*.yaml``: the words and patterns are data.

- ``relations.yaml``: the pattern language, word lists and actor types per relation;
- ``rules/*.yaml``: the relation rules (patterns over typed mention slots), a file per relation family,
  each with optional word lists of its own;
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
    "relations": ("lists",),
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
    _add_rule_files(cues["relations"], folder / "rules")
    return cues


def _add_rule_files(relations: dict, rules_dir: Path) -> None:
    """Appends the rules of ``rules_dir/*.yaml`` (in file-name order) to ``relations["rules"]``, each
    rule remembering its file, and merges their word lists into ``relations["lists"]``."""
    relations["rules"] = [dict(rule, _path=relations["_path"]) for rule in relations.get("rules") or []]
    for path in sorted(rules_dir.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise DataFileError(f"{path}: not valid YAML ({error})") from None
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise DataFileError(f"{path}: a rule file is a YAML mapping with a list under 'rules'")
        _check_words(data, path)
        for name, words in (data.get("lists") or {}).items():
            if name in relations["lists"]:
                raise DataFileError(f"{path}: word list {name!r} is defined twice")
            relations["lists"][name] = words
        relations["rules"].extend(dict(rule, _path=str(path)) if isinstance(rule, dict) else rule
                                  for rule in data["rules"])
    if not relations["rules"]:
        raise DataFileError(f"{rules_dir}: no relation rules found")


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
