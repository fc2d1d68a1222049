"""Small real documents built in memory for tests: valid ones and hostile ones."""

from __future__ import annotations

import io
import zipfile

from docx import Document
from PIL import Image
from pypdf import PdfWriter


def pdf_bytes(pages: int = 1, *, password: str | None = None, owner_only: bool = False) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password is not None:
        writer.encrypt(
            user_password="" if owner_only else password,
            owner_password=password,
            algorithm="AES-256",
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(paragraphs: list[str] | None = None) -> bytes:
    document = Document()
    for text in paragraphs or [
        "Ada Lovelace",
        "ada@example.com",
        "Experience",
        "Engineer at Analytical Engines",
    ]:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_bomb(inflated_bytes: int = 120 * 1024 * 1024) -> bytes:
    """A valid-looking .docx whose document.xml inflates to over 100 MB of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        chunk = b"\0" * (1024 * 1024)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(inflated_bytes // len(chunk)):
                part.write(chunk)
    return out.getvalue()


def zip_not_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "not a resume")
    return out.getvalue()


def png_bytes(width: int = 800, height: int = 1000, mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), color=1 if mode == "1" else (255, 255, 255)).save(
        out, format="PNG"
    )
    return out.getvalue()


def jpeg_bytes(width: int = 800, height: int = 1000) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color=(250, 250, 250)).save(out, format="JPEG", quality=80)
    return out.getvalue()


def image_bomb() -> bytes:
    """A PNG of 20000 x 20000 one-bit pixels: about 50 KB on disk, 400 megapixels decoded."""
    return png_bytes(20_000, 20_000, mode="1")


def text_image_bytes(lines: list[str], width: int = 2000) -> bytes:
    """A PNG with the lines drawn in black on white, as a scanned page looks to OCR."""
    from PIL import ImageDraw, ImageFont

    font: ImageFont.FreeTypeFont | ImageFont.ImageFont
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 28)
    except OSError:
        font = ImageFont.load_default()
    height = 80 + 44 * len(lines)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((60, 40 + 44 * index), line, fill="black", font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
