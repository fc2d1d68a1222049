from __future__ import annotations

import time
import tracemalloc

import pytest

from resumes.parsing.types import UnsupportedDocument
from resumes.parsing.validate import MAX_PAGES, inspect_document
from resumes.tests import files


def refusal(data: bytes) -> UnsupportedDocument:
    with pytest.raises(UnsupportedDocument) as caught:
        inspect_document(data)
    assert caught.value.message, "every refusal tells the candidate what to do"
    return caught.value


@pytest.mark.parametrize(
    ("data", "kind", "content_type"),
    [
        (files.pdf_bytes(2), "pdf", "application/pdf"),
        (
            files.docx_bytes(),
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (files.png_bytes(), "image", "image/png"),
        (files.jpeg_bytes(), "image", "image/jpeg"),
    ],
)
def test_accepts_real_documents_by_content(data: bytes, kind: str, content_type: str):
    info = inspect_document(data)
    assert (info.kind, info.content_type) == (kind, content_type)


def test_pdf_page_count():
    assert inspect_document(files.pdf_bytes(3)).pages == 3


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"MZ\x90\x00 this is a windows program renamed to resume.pdf", "unsupported_type"),
        (b"<html><body>resume</body></html>", "unsupported_type"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old word .doc", "unsupported_type"),
        (files.zip_not_docx(), "unsupported_type"),
        (b"%PDF-1.7\n%garbage that is not a pdf at all", "corrupt"),
        (files.pdf_bytes(1)[:200], "corrupt"),
        (b"PK\x03\x04" + b"\x00" * 100, "corrupt"),
        (files.png_bytes()[:60], "corrupt"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 40, "corrupt"),
        (files.pdf_bytes(1, password="s3cret"), "encrypted"),
        (files.pdf_bytes(MAX_PAGES + 1), "too_many_pages"),
    ],
    ids=[
        "empty",
        "exe",
        "html",
        "old-doc",
        "zip",
        "fake-pdf",
        "truncated-pdf",
        "broken-zip",
        "truncated-png",
        "broken-jpeg",
        "encrypted-pdf",
        "too-many-pages",
    ],
)
def test_refuses_hostile_and_broken_files(data: bytes, code: str):
    assert refusal(data).code == code


def test_owner_only_protection_is_fine():
    # "No editing" PDFs open with the empty password; refusing them would refuse most exports.
    assert inspect_document(files.pdf_bytes(1, password="owner", owner_only=True)).kind == "pdf"


def test_too_large():
    assert refusal(files.pdf_bytes(1) + b"\0" * (10 * 1024 * 1024)).code == "too_large"


def test_docx_bomb_is_refused_quickly_with_bounded_memory():
    bomb = files.docx_bomb()
    assert len(bomb) < 1024 * 1024  # small on the wire
    tracemalloc.start()
    started = time.perf_counter()
    assert refusal(bomb).code == "bomb"
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 80 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"
    assert elapsed < 10


def test_image_bomb_is_refused_before_decoding():
    bomb = files.image_bomb()
    assert len(bomb) < 1024 * 1024
    tracemalloc.start()
    assert refusal(bomb).code == "image_too_large"
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"
