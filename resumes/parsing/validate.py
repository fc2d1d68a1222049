"""Decide what an uploaded file really is, and refuse what we must not open.

The type comes from the bytes (magic numbers and structure), never from the file name
or the browser's content type. Every refusal is an ``UnsupportedDocument`` whose
message tells the candidate what to do instead.
"""

from __future__ import annotations

import io
import warnings
import zipfile

from resumes.parsing.types import DocumentInfo, DocumentKind, UnsupportedDocument

MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # a resume is a few pages; 10 MB leaves room for photos
MAX_PAGES = 20  # longer than any resume; bounds the parse time of a PDF
# A phone photo is 12-50 megapixels; far more than that is a decompression bomb
# (a tiny PNG that inflates to gigabytes of pixels).
MAX_IMAGE_PIXELS = 60_000_000
# DOCX is a zip: bound what it may inflate to, in total and per entry.
MAX_DOCX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_DOCX_ENTRIES = 2_000
MAX_DOCX_RATIO = 200  # XML compresses ~10-20x; bombs reach 1000x and more

CONTENT_TYPES: dict[DocumentKind, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "image": "image/png",
}
_PDF_HEADER_WINDOW = 1024  # the PDF header may sit anywhere in the first 1024 bytes


def _sniff(data: bytes) -> tuple[DocumentKind, str] | None:
    if b"%PDF-" in data[:_PDF_HEADER_WINDOW]:
        return "pdf", CONTENT_TYPES["pdf"]
    if data.startswith(b"PK\x03\x04"):
        return "docx", CONTENT_TYPES["docx"]
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image", "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image", "image/jpeg"
    return None


def inspect_document(
    data: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES, max_pages: int = MAX_PAGES
) -> DocumentInfo:
    """Check the bytes and say what they are; raise ``UnsupportedDocument`` otherwise."""
    if not data:
        raise UnsupportedDocument("empty", "The file is empty. Choose your resume file again.")
    if len(data) > max_bytes:
        raise UnsupportedDocument(
            "too_large",
            f"The file is {len(data) / 1_048_576:.1f} MB; the limit is {max_bytes // 1_048_576} MB. "
            "Export a smaller PDF (without embedded photos) or compress the image.",
        )
    sniffed = _sniff(data)
    if sniffed is None:
        raise UnsupportedDocument(
            "unsupported_type",
            "We read PDF, Word (.docx) and JPG/PNG files, and this file is none of them (we check "
            "its content, not its name). Old .doc files: save as .docx or PDF first.",
        )
    kind, content_type = sniffed
    if kind == "pdf":
        pages = _inspect_pdf(data, max_pages)
    elif kind == "docx":
        _inspect_docx(data)
        pages = 1  # Word files have no fixed pages; the text size is bounded above
    else:
        _inspect_image(data)
        pages = 1
    return DocumentInfo(kind=kind, content_type=content_type, pages=pages)


def _inspect_pdf(data: bytes, max_pages: int) -> int:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                # Owner-only protection ("no editing") opens with the empty password and
                # is fine; a password to open the file is not.
                raise UnsupportedDocument(
                    "encrypted",
                    "This PDF is password-protected. Save or print it as a PDF without a "
                    "password, then upload that copy.",
                )
            pages = len(reader.pages)
    except UnsupportedDocument:
        raise
    except (FileNotDecryptedError, NotImplementedError):
        raise UnsupportedDocument(
            "encrypted",
            "This PDF uses encryption we cannot open. Save or print it as a PDF without a "
            "password, then upload that copy.",
        ) from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        raise UnsupportedDocument(
            "corrupt",
            "This PDF is damaged and cannot be read. Export it again from your editor and upload the new file.",
        ) from None
    if pages == 0:
        raise UnsupportedDocument(
            "corrupt", "This PDF has no pages. Export it again and upload the new file."
        )
    if pages > max_pages:
        raise UnsupportedDocument(
            "too_many_pages",
            f"This PDF has {pages} pages; we read resumes of up to {max_pages} pages. "
            "Upload just your resume.",
        )
    return pages


def _inspect_docx(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnsupportedDocument(
            "corrupt", "This Word file is damaged. Save it again as .docx (or PDF) and upload it."
        ) from None
    names = {entry.filename for entry in entries}
    if "word/document.xml" not in names:
        raise UnsupportedDocument(
            "unsupported_type",
            "This is a zip archive but not a Word document. Upload your resume as .docx, PDF, JPG or PNG.",
        )
    if len(entries) > MAX_DOCX_ENTRIES:
        raise UnsupportedDocument(
            "bomb",
            "This Word file has an unusual structure we will not open. Save it as PDF and upload that.",
        )
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if total > MAX_DOCX_UNCOMPRESSED or (
            entry.file_size > 1_000_000 and ratio > MAX_DOCX_RATIO
        ):
            raise UnsupportedDocument(
                "bomb",
                "This Word file expands to far more data than a resume holds, so we will not open it. "
                "Save it as PDF and upload that.",
            )
    try:
        # The central directory can lie about sizes; test the main part by really
        # inflating it, with a hard cap on what we accept.
        with archive.open("word/document.xml") as part:
            if len(part.read(MAX_DOCX_UNCOMPRESSED + 1)) > MAX_DOCX_UNCOMPRESSED:
                raise UnsupportedDocument(
                    "bomb",
                    "This Word file expands to far more data than a resume holds. Save it as PDF and upload that.",
                )
    except UnsupportedDocument:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        raise UnsupportedDocument(
            "corrupt", "This Word file is damaged. Save it again as .docx (or PDF) and upload it."
        ) from None


def _inspect_image(data: bytes) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Pillow warns (and past twice its limit, raises) on huge images; we check
            # the pixel count ourselves before any pixel is decoded.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise UnsupportedDocument(
                        "image_too_large",
                        f"This image is {width}×{height} pixels, more than we read. "
                        "Upload a photo or scan of at most about 60 megapixels.",
                    )
                image.verify()  # checks the structure without decoding every pixel
    except UnsupportedDocument:
        raise
    except Image.DecompressionBombError:
        raise UnsupportedDocument(
            "image_too_large",
            "This image is far larger than a resume photo. Upload a smaller image.",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise UnsupportedDocument(
            "corrupt",
            "This image is damaged and cannot be read. Take the photo again or export a new PNG/JPG.",
        ) from None
