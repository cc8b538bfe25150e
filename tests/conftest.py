"""Shared test fixtures: paths of the project's own data."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture
def seed_article(seeds_dir) -> Path:
    return seeds_dir / "iraq-militias-disarm.txt"
