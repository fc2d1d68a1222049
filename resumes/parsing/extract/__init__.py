"""Text extraction: every document kind becomes lines in reading order with heading hints."""

from __future__ import annotations

import re
import unicodedata

from resumes.parsing.extract.model import CELL_SEPARATOR, ExtractedDocument, Line
from resumes.parsing.extract.text import extract_plain_text
from resumes.parsing.types import DocumentKind

# Font artefacts in PDF text: CJK fonts (Noto CJK among them) map glyphs to Kangxi
# radicals ("⼯", U+2F2F) instead of the ideographs they look like ("工"), and Latin fonts
# to ligatures ("ﬁ"). NFKC folds exactly those back; the rest of the text stays as written.
_ARTEFACTS = re.compile(r"[\u2e80-\u2fdf\ufb00-\ufb06]")
_FIGURE_DASH = "\u2012"  # what some fonts make of an en dash


def _fold_artefacts(document: ExtractedDocument) -> ExtractedDocument:
    for line in document.lines:
        text = _ARTEFACTS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), line.text)
        line.text = text.replace(_FIGURE_DASH, "–")
    return document


def extract_document(data: bytes, kind: DocumentKind) -> ExtractedDocument:
    if kind == "pdf":
        from resumes.parsing.extract.pdf import extract_pdf

        return _fold_artefacts(extract_pdf(data))
    if kind == "docx":
        from resumes.parsing.extract.docx import extract_docx

        return extract_docx(data)
    from resumes.parsing.extract.image import extract_image

    return extract_image(data)


__all__ = ["CELL_SEPARATOR", "ExtractedDocument", "Line", "extract_document", "extract_plain_text"]
