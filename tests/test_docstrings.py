"""The docstring examples of the library run and hold (they are part of the documentation)."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import graph

MODULES = sorted(name for _, name, _ in pkgutil.walk_packages(graph.__path__, "graph.")
                 if not name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
