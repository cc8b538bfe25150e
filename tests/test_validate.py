"""Validation: SHACL shapes accept a seed-like build and name every broken rule of hand-made invalid data."""
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, OWL, RDF, RDFS, URIRef

from graph.cli import cli
from graph.inference import materialise_inferences
from graph.settings import ontology_dir
from graph.validate import load_shapes, validate_graph, validate_store
from graph.vocab import AG
from helpers_curation import make_store

INVALID = Path(__file__).parent / "fixtures" / "invalid"
CASES = sorted(p for p in INVALID.glob("*.ttl") if p.name != "base.ttl")
SH = "http://www.w3.org/ns/shacl#"


def with_ontology(*paths: Path) -> Graph:
    graph = Graph().parse(ontology_dir() / "actorgraph.ttl")
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


def test_seed_like_build_conforms(tmp_path):
    with make_store(tmp_path / "store") as store:
        materialise_inferences(store)
        result = validate_store(store)
    assert result.conforms, result.text()
    assert "conforms" in result.text()


def test_base_fixture_conforms():
    result = validate_graph(with_ontology(INVALID / "base.ttl"))
    assert result.conforms, result.text()


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_each_invalid_fixture_is_named(case):
    expected = case.read_text().splitlines()[0].removeprefix("# expect: ")
    result = validate_graph(with_ontology(INVALID / "base.ttl", case))
    assert not result.conforms
    lines = result.text().splitlines()
    assert any(expected in line for line in lines), result.text()
    assert lines[-1].endswith("violation") or lines[-1].endswith("violations")


def test_shapes_cover_domain_and_range_of_every_relation():
    ontology = Graph().parse(ontology_dir() / "actorgraph.ttl")
    shapes = load_shapes()
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        if prop == AG.inferredFrom:
            continue
        for target, axiom in ((URIRef(SH + "targetSubjectsOf"), RDFS.domain), (URIRef(SH + "targetObjectsOf"), RDFS.range)):
            shape = shapes.value(predicate=target, object=prop)
            assert shape is not None, f"no {axiom} shape for {prop}"
            assert shapes.value(shape, URIRef(SH + "class")) == ontology.value(prop, axiom), prop


def test_cli_validate_exit_codes(tmp_path):
    make_store(tmp_path / "store").close()
    runner = CliRunner()
    ok = runner.invoke(cli, ["validate", "--store", str(tmp_path / "store")])
    assert ok.exit_code == 0 and "conforms" in ok.output
    with make_store(tmp_path / "store") as store:
        store.put_graph(URIRef("urn:bad"), [(URIRef("https://actorgraph.org/actor/nobody"), AG.partOf,
                                             URIRef("https://actorgraph.org/actor/irgc"))])
    bad = runner.invoke(cli, ["validate", "--store", str(tmp_path / "store")])
    assert bad.exit_code == 5
    assert "nobody: the subject of partOf must be of class Organization" in bad.output
