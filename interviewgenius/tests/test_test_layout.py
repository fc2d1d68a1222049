"""The suite runs every app's tests: an app missing from pytest's testpaths is skipped
silently by `make test` and CI, which happened once (resumes) and must not again."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_folder_with_tests_is_in_testpaths():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    testpaths = set(config["tool"]["pytest"]["ini_options"]["testpaths"])
    with_tests = {
        path.parent.parent.name
        for path in ROOT.glob("*/tests/__init__.py")
        if not path.parent.parent.name.startswith(".")
    }
    with_tests |= {"tests"} if (ROOT / "tests").is_dir() else set()
    assert with_tests <= testpaths, sorted(with_tests - testpaths)
