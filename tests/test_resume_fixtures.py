"""The resume evaluation set is well-formed (independent of the parser).

Every ground-truth JSON in tests/fixtures/resumes/ has exactly the DESIGN.md
parse-result shape; every document opens with its library and has the intended number
of pages; the set has the promised spread of languages and formats.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "resumes"
MANIFEST = json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))
DATE = re.compile(r"^(\d{4}-(0[1-9]|1[0-2])|\d{4}|present)$")

TOP = {
    "language",
    "basic_info",
    "education",
    "work_experience",
    "skills",
    "projects",
    "certifications",
    "languages",
}
SHAPES: dict[str, dict[str, str]] = {
    "education": {
        "school": "str",
        "degree": "str?",
        "major": "str?",
        "start": "date?",
        "end": "date?",
        "gpa": "str?",
    },
    "work_experience": {
        "company": "str",
        "title": "str?",
        "location": "str?",
        "start": "date?",
        "end": "date?",
        "highlights": "list[str]",
    },
    "skills": {"name": "str", "category": "str?", "confidence": "float"},
    "projects": {"name": "str", "description": "str?", "technologies": "list[str]"},
    "certifications": {"name": "str", "issuer": "str?", "date": "date?"},
    "languages": {"name": "str", "proficiency": "str?"},
}


def check(value: Any, kind: str, where: str) -> None:
    optional = kind.endswith("?")
    kind = kind.rstrip("?")
    if value is None:
        assert optional, f"{where}: null not allowed"
        return
    if kind == "str":
        assert isinstance(value, str) and value.strip() == value and value, f"{where}: {value!r}"
    elif kind == "date":
        assert isinstance(value, str) and DATE.match(value), f"{where}: bad date {value!r}"
    elif kind == "float":
        assert isinstance(value, float) and 0.0 <= value <= 1.0, f"{where}: {value!r}"
    elif kind == "list[str]":
        assert isinstance(value, list), f"{where}: not a list"
        for i, v in enumerate(value):
            check(v, "str", f"{where}[{i}]")
    else:  # pragma: no cover
        raise AssertionError(kind)


@pytest.fixture(params=[row["stem"] for row in MANIFEST])
def row(request: pytest.FixtureRequest) -> dict[str, Any]:
    return next(r for r in MANIFEST if r["stem"] == request.param)


def test_ground_truth_shape(row: dict[str, Any]) -> None:
    truth = json.loads((FIXTURES / f"{row['stem']}.json").read_text(encoding="utf-8"))
    assert set(truth) in (TOP, TOP | {"parse_confidence"})
    assert truth["language"] == row["language"] in ("en", "zh")
    bi = truth["basic_info"]
    assert set(bi) == {"name", "email", "phone", "location", "links"}
    check(bi["name"], "str", "name")
    for key in ("email", "phone", "location"):
        check(bi[key], "str?", key)
    if bi["email"]:
        assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", bi["email"])
    check(bi["links"], "list[str]", "links")
    for section, shape in SHAPES.items():
        assert isinstance(truth[section], list), section
        for i, item in enumerate(truth[section]):
            assert set(item) == set(shape), f"{section}[{i}] keys {sorted(item)}"
            for key, kind in shape.items():
                check(item[key], kind, f"{section}[{i}].{key}")
    for section in ("education", "work_experience"):
        for item in truth[section]:
            if item["start"] and item["end"] and "present" not in (item["start"], item["end"]):
                assert item["start"] <= item["end"], item


def test_document_opens(row: dict[str, Any]) -> None:
    path = FIXTURES / row["file"]
    assert path.exists()
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        assert len(reader.pages) == row["pages"]
        assert len(reader.pages[0].extract_text() or "") > 200
    elif path.suffix == ".docx":
        from docx import Document

        doc = Document(str(path))
        text = "\n".join(p.text for p in doc.paragraphs)
        text += "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
        assert len(text) > 200
        # Tables hold the dates (docx-table) or the whole page (docx-2col).
        assert bool(doc.tables) == (row["format"] in ("docx-table", "docx-2col"))
    else:
        from PIL import Image

        with Image.open(path) as im:
            im.load()
            assert im.format == {"png": "PNG", "jpg": "JPEG"}[row["format"]]
            assert im.size == (1240, 1754)


def test_every_fixture_has_truth_and_spread() -> None:
    docs = sorted(
        p.stem for p in FIXTURES.iterdir() if p.suffix in {".pdf", ".docx", ".png", ".jpg"}
    )
    assert docs == sorted(r["stem"] for r in MANIFEST)
    assert len(MANIFEST) >= 44
    langs = Counter(r["language"] for r in MANIFEST)
    assert 3 * langs["zh"] >= len(MANIFEST)  # at least a third Chinese
    families = Counter(r["family"] for r in MANIFEST)
    for fam in ("pdf-onecol", "pdf-twocol", "pdf-multipage", "docx", "image"):
        assert families[fam] >= 6, fam
        assert {r["language"] for r in MANIFEST if r["family"] == fam} == {"en", "zh"}, fam
    size = sum(p.stat().st_size for p in FIXTURES.rglob("*") if p.is_file())
    assert size < 15 * 1024 * 1024
