"""SPARQL queries: canned queries from ``ontology/queries/*.rq``, parameters bound (never pasted), result formats.

A query is SPARQL text, a ``.rq`` file, or the name of a canned query. The ontology's prefixes
(``graph.rdf.sparql_prefixes()``) are put before every query, so ``ag:``, ``actor:``, ``rdfs:`` …
need no PREFIX lines.

Each canned query starts with a header comment: a description, then one ``@param`` line per
parameter the user gives (``-p actor="Kataeb Hezbollah"``) and one ``@option`` line per value
actorgraph binds from the command-line options::

    # Backers of an actor, with how many claims and articles say so.
    # @param actor: name, alias or id of the backed actor (case-insensitive)
    # @option since, until, windowed: the --since/--until window (claims of undated articles are left out of a window)
    # @option include_rejected: true with --include-rejected

Parameters are handed to the store as bound values (``Store.query``'s ``bindings``: an escaped
``VALUES`` block at the head of the WHERE group), so a value like ``X" } ; DROP ALL ; #`` is just
a string that matches nothing. Filters that use a parameter therefore sit in the top-level group
of a canned query (not inside a UNION branch or a subquery). Canned queries also project their
parameters (Oxigraph's own substitutions bind only projected variables); ``run_query`` drops
those columns (and the ``rejected`` column unless rejected claims were asked for).

The time window and ``include_rejected`` apply to canned queries, and to your own queries when
they use the same variables (``?since``, ``?until``, ``?windowed``, ``?include_rejected``);
giving a window to a query that uses none of them is an error rather than a silent no-op.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph.errors import QueryError
from graph.rdf import PREFIXES, sparql_prefixes
from graph.settings import ontology_dir
from graph.store.base import QueryResult, Store

OPTION_VARIABLES = ("since", "until", "windowed", "include_rejected")
EARLIEST, LATEST = "0001-01-01", "9999-12-31"
TABLE_CELL_WIDTH = 100
_HEADER_LINE = re.compile(r"^\s*#\s?(.*)$")
_TAG = re.compile(r"^@(param|option)\s+([\w, ]+?)\s*:\s*(.*)$")


@dataclass(frozen=True)
class CannedQuery:
    """A query shipped in ``ontology/queries/``: its name (the file stem), description and parameters."""

    name: str
    description: str
    parameters: dict[str, str]
    text: str
    options: tuple[str, ...] = field(default=())


def canned_queries(folder: Path | None = None) -> dict[str, CannedQuery]:
    """Every canned query of the queries folder, by name."""
    folder = folder or ontology_dir() / "queries"
    return {path.stem: parse_canned(path) for path in sorted(folder.glob("*.rq"))}


def parse_canned(path: Path) -> CannedQuery:
    """Read a ``.rq`` file and its header comment.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "who.rq"
    >>> _ = p.write_text("# Who is who.\\n# @param actor: the actor\\nSELECT ?actor WHERE {}\\n")
    >>> q = parse_canned(p)
    >>> (q.name, q.description, q.parameters)
    ('who', 'Who is who.', {'actor': 'the actor'})
    """
    text = path.read_text(encoding="utf-8")
    description: list[str] = []
    parameters: dict[str, str] = {}
    options: list[str] = []
    for line in text.splitlines():
        comment = _HEADER_LINE.match(line)
        if not comment:
            break
        body = comment.group(1).strip()
        tag = _TAG.match(body)
        if tag and tag.group(1) == "param":
            parameters[tag.group(2).strip()] = tag.group(3)
        elif tag:
            options.extend(name.strip() for name in tag.group(2).split(",") if name.strip())
        elif body and not parameters and not options:
            description.append(body)
    unknown = [o for o in options if o not in OPTION_VARIABLES]
    if unknown:
        raise QueryError(f"{path}: unknown @option {', '.join(unknown)} (expected {', '.join(OPTION_VARIABLES)})")
    return CannedQuery(path.stem, " ".join(description), parameters, text, tuple(options))


def resolve_query(query_text: str) -> tuple[str, CannedQuery | None]:
    """The SPARQL text of QUERY (canned name, ``.rq`` file or text) and the canned query it names, if any."""
    canned = canned_queries()
    if query_text in canned:
        return canned[query_text].text, canned[query_text]
    if query_text.endswith(".rq") and "\n" not in query_text:
        path = Path(query_text)
        if not path.is_file():
            raise QueryError(f"{path}: no such query file (canned queries: {', '.join(canned)})")
        return path.read_text(encoding="utf-8"), None
    if re.fullmatch(r"[\w-]+", query_text.strip()):
        raise QueryError(f"unknown canned query {query_text!r} (run `actorgraph queries`: {', '.join(canned)})")
    return query_text, None


def run_query(
    store: Store,
    query_text: str,
    bindings: Mapping[str, str] | None = None,
    *,
    allow_update: bool = False,
    timeout: float | None = None,
    since: str | None = None,
    until: str | None = None,
    include_rejected: bool = False,
) -> QueryResult | None:
    """Run QUERY over the store; returns None after an update (only allowed with ``allow_update``)."""
    text, canned = resolve_query(query_text)
    full_text = sparql_prefixes() + text
    values = _bindings(text, canned, dict(bindings or {}), since, until, include_rejected)
    try:
        result = store.query(full_text, bindings=values, timeout=timeout)
    except QueryError as error:
        if "syntax error" in str(error) and is_update(full_text):
            if not allow_update:
                raise QueryError("this is an update; pass --update to run it (queries are read-only otherwise)") from None
            store.update(full_text)
            return None
        raise QueryError(_with_position(str(error), len(sparql_prefixes().splitlines()))) from None
    hidden = set(values) | ({"rejected"} if not include_rejected else set())
    return _without_columns(result, hidden) if canned or values else result


def _bindings(text: str, canned: CannedQuery | None, given: dict[str, str], since: str | None, until: str | None,
              include_rejected: bool) -> dict[str, Literal]:
    """The bound values: the user's parameters as plain strings, the options as typed literals."""
    if canned:
        unknown = [name for name in given if name not in canned.parameters]
        if unknown:
            expected = ", ".join(canned.parameters) or "none"
            raise QueryError(f"canned query {canned.name!r} has no parameter {', '.join(unknown)} (parameters: {expected})")
        missing = [name for name in canned.parameters if name not in given]
        if missing:
            raise QueryError(f"canned query {canned.name!r} needs -p {missing[0]}=VALUE ({canned.parameters[missing[0]]})")
        options = set(canned.options)
    else:
        options = {name for name in OPTION_VARIABLES if re.search(rf"[?$]{name}\b", text)}
        if (since or until) and not {"since", "until", "windowed"} <= options:
            raise QueryError("--since/--until apply to canned queries, or to queries that use ?since, ?until and ?windowed")
        if include_rejected and "include_rejected" not in options:
            raise QueryError("--include-rejected applies to canned queries, or to queries that use ?include_rejected")
    values: dict[str, Literal] = {name: Literal(value) for name, value in given.items()}
    option_values = {
        "since": Literal(since or EARLIEST, datatype=XSD.date),
        "until": Literal(until or LATEST, datatype=XSD.date),
        "windowed": Literal(bool(since or until)),
        "include_rejected": Literal(bool(include_rejected)),
    }
    values.update({name: option_values[name] for name in options})
    return values


def is_update(sparql: str) -> bool:
    """True when the text parses as a SPARQL Update (rdflib's parser; only asked after a query failed)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(sparql)
    except Exception:  # any parse failure means "not an update"
        return False
    return True


def _with_position(message: str, prefix_lines: int) -> str:
    """Shift Oxigraph's ``error at LINE:COL`` past our predeclared PREFIX lines, so it points into the user's text."""
    found = re.search(r"error at (\d+):(\d+)", message)
    if not found:
        return message
    line = max(1, int(found.group(1)) - prefix_lines)
    return message.replace(found.group(0), f"line {line}, column {found.group(2)}")


def _without_columns(result: QueryResult, hidden: set[str]) -> QueryResult:
    if result.kind != "select":
        return result
    keep = [i for i, name in enumerate(result.vars) if name not in hidden]
    return QueryResult("select", vars=[result.vars[i] for i in keep], rows=[tuple(row[i] for i in keep) for row in result.rows])


# ------------------------------------------------------------------------------------------ formats

def format_result(result: QueryResult | None, fmt: str = "table") -> str:
    """The result as an aligned table, CSV, SPARQL 1.1 JSON results, or Turtle (CONSTRUCT/DESCRIBE)."""
    if result is None:
        return "update done\n"
    if fmt == "turtle":
        if result.kind != "graph":
            raise QueryError("--format turtle needs a CONSTRUCT or DESCRIBE query")
        return _turtle(result.graph)
    if fmt == "json":
        return results_json(result, indent=2) + "\n"
    if result.kind == "graph":
        return _turtle(result.graph)  # a graph has no table; Turtle is its readable form
    if fmt == "csv":
        return results_csv(result, line_end="\n")
    if fmt == "table":
        return _table(result)
    raise QueryError(f"unknown result format {fmt!r} (expected table, csv, json or turtle)")


def _turtle(graph: Graph) -> str:
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True)
    return graph.serialize(format="turtle")


def results_json(result: QueryResult, indent: int | None = None) -> str:
    """SPARQL 1.1 Query Results JSON (also what ``actorgraph serve`` answers)."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=indent)
    if result.kind == "graph":
        raise QueryError("--format json needs a SELECT or ASK query (use --format turtle for CONSTRUCT)")
    bindings = [{name: _json_term(term) for name, term in zip(result.vars, row) if term is not None}
                for row in result.rows]
    return json.dumps({"head": {"vars": result.vars}, "results": {"bindings": bindings}}, indent=indent,
                      ensure_ascii=False)


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def results_csv(result: QueryResult, line_end: str = "\r\n") -> str:
    """SPARQL 1.1 CSV results: plain values (``actorgraph serve`` uses the standard CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=line_end)
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
    return buffer.getvalue()


def _table(result: QueryResult) -> str:
    if result.kind == "ask":
        return ("yes" if result.boolean else "no") + "\n"
    rows = [[short(term) for term in row] for row in result.rows]
    widths = [max([len(name)] + [len(row[i]) for row in rows]) for i, name in enumerate(result.vars)]
    lines = ["  ".join(name.ljust(width) for name, width in zip(result.vars, widths)).rstrip(),
             "  ".join("-" * width for width in widths)]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def short(term) -> str:
    """A term as a table cell: IRIs with our prefixes, literals as their text, long text cut.

    >>> short(URIRef("https://actorgraph.org/actor/iran"))
    'actor:iran'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, iri in PREFIXES.items():
            if str(term).startswith(iri) and len(str(term)) > len(iri):
                return f"{prefix}:{str(term)[len(iri):]}"
        return f"<{term}>"
    text = " ".join(str(term).split())
    return text if len(text) <= TABLE_CELL_WIDTH else text[: TABLE_CELL_WIDTH - 1] + "…"
