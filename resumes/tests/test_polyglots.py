"""Polyglot uploads: files that are two formats at once. The type is decided by the
bytes; whatever the name says, a polyglot is read as one format or refused with a 4xx."""

from __future__ import annotations

import io
import zipfile

import pytest
from rest_framework.test import APIClient

from resumes.models import Resume
from resumes.tests import files
from resumes.tests.test_api import upload

pytestmark = pytest.mark.django_db


def zip_with(name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def assert_refused(response) -> dict:
    assert 400 <= response.status_code < 500, response.content
    error = response.json()["error"]
    assert error["code"] and error["message"]
    return error


@pytest.mark.parametrize("name", ["cv.docx", "cv.pdf", "cv.png"])
def test_a_pdf_with_a_zip_appended_is_read_as_a_pdf_whatever_its_name(
    auth_api: APIClient, name: str
):
    polyglot = files.pdf_bytes(1) + zip_with("word/document.xml", b"<w:document/>")
    response = upload(auth_api, polyglot, name)
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "pdf"


def test_a_jpeg_with_a_zip_appended_is_read_as_an_image(auth_api: APIClient):
    polyglot = files.jpeg_bytes() + zip_with("word/document.xml", b"<w:document/>")
    response = upload(auth_api, polyglot, "cv.docx")
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "image"


def test_a_zip_that_carries_a_pdf_header_is_refused_not_crashed_on(auth_api: APIClient):
    # "%PDF-" inside the first kilobyte of a zip (here, in an entry's name).
    polyglot = zip_with("%PDF-1.7.xml", b"<w:document/>")
    assert b"%PDF-" in polyglot[:1024]
    assert_refused(upload(auth_api, polyglot, "cv.pdf"))
    assert not Resume.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [
        b"<html><script>alert(1)</script>%PDF-1.4 not really a pdf</html>",
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"GIF89a\x01\x00\x01\x00<script>alert(1)</script>",
        b"MZ\x90\x00" + b"\x00" * 200,  # a Windows executable
    ],
)
def test_markup_images_and_programs_in_disguise_are_refused(auth_api: APIClient, payload: bytes):
    error = assert_refused(upload(auth_api, payload, "cv.pdf"))
    assert error["code"] == "invalid_file"
    assert not Resume.objects.exists()
