"""What a candidate reads when a file is refused or a parse fails, in their language.

The parser is Django-free and writes English; these translations, chosen by the
error's code, replace its text at the edge. An unknown code keeps the parser's text.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

MESSAGES: dict[str, Promise] = {
    "empty": _("The file is empty. Choose your resume file again."),
    "too_large": _("The file is larger than 10 MB. Export a smaller PDF or compress the image."),
    "unsupported_type": _(
        "We read PDF, Word (.docx) and JPG/PNG files, and this file is none of them (we check its "
        "content, not its name). Old .doc files: save as .docx or PDF first."
    ),
    "corrupt": _(
        "This file is damaged and cannot be read. Export or save it again and upload the new file."
    ),
    "encrypted": _(
        "This PDF is password-protected. Save or print it as a PDF without a password, then upload that copy."
    ),
    "too_many_pages": _("This PDF has more than 20 pages. Upload just your resume."),
    "bomb": _(
        "This Word file expands to far more data than a resume holds, so we will not open it. Save it as PDF and upload that."
    ),
    "image_too_large": _(
        "This image is far larger than a resume photo. Upload an image of at most about 60 megapixels."
    ),
    "no_text": _(
        "We could not find any text in this file. If it is a scan, upload it as a JPG or PNG photo so we "
        "can read it, or upload a DOCX."
    ),
    "timeout": _(
        "Reading this resume took too long. Upload a text-based PDF or a clearer photo, and try again."
    ),
    "internal": _(
        "Something went wrong while reading this resume. Try “Parse again”; if it fails again, upload it as a PDF or fill in the fields by hand."
    ),
}


def for_code(code: str, fallback: str) -> str:
    message = MESSAGES.get(code)
    return str(message) if message is not None else fallback
