"""Packaging: a plain (non-editable) install carries the ontology, gazetteer, cues, queries, view assets."""
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_ships_every_data_file_and_finds_it_when_installed(tmp_path):
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = tmp_path.glob("actorgraph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"graph/ontology/{p.relative_to(ROOT / 'ontology')}" for p in (ROOT / "ontology").rglob("*")
                if p.is_file() and p.suffix in {".ttl", ".yaml", ".rq"}}
    expected |= {f"graph/{p.relative_to(ROOT / 'graph')}" for folder in ("static", "templates")
                 for p in (ROOT / "graph" / folder).iterdir()}
    assert expected <= names, sorted(expected - names)
    assert "graph/ontology/gazetteer/countries.yaml" in names and "graph/ontology/queries/backers.rq" in names

    # Installed without the source tree beside it, the package finds its own copy of the ontology.
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    probe = subprocess.run([sys.executable, "-c", "from graph.settings import ontology_dir; print(ontology_dir())"],
                           capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(target)})
    assert probe.returncode == 0, probe.stderr
    assert Path(probe.stdout.strip()) == target / "graph" / "ontology"
