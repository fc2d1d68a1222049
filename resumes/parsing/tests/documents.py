"""Test documents built on the fly: a minimal PDF writer, python-docx, headless Chromium."""

from __future__ import annotations

import io
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--no-pdf-header-footer",
    "--hide-scrollbars",
]


@dataclass
class Run:
    text: str
    x: float
    y: float  # from the bottom of a US Letter page (792 pt high)
    size: float = 11
    bold: bool = False


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[Run]]) -> bytes:
    """A valid PDF with Helvetica text runs placed exactly where we say (or no text)."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    font_regular, font_bold = 3 + 2 * len(pages), 4 + 2 * len(pages)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for index, runs in enumerate(pages):
        ops = []
        for run in runs:
            font = "F2" if run.bold else "F1"
            ops.append(
                f"BT /{font} {run.size} Tf 1 0 0 1 {run.x} {run.y} Tm ({_escape(run.text)}) Tj ET"
            )
        if not runs:
            ops.append("0 0 1 rg 100 100 200 200 re f")  # a drawing, no text
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {page_ids[index] + 1} 0 R "
            f"/Resources << /Font << /F1 {font_regular} 0 R /F2 {font_bold} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def chromium() -> str:
    """Debian's Chromium; skips the test, or fails it in CI (REQUIRE_SERVICES=1)."""
    from conftest import require_tool

    return require_tool("chromium")


def render_html(html: str, *, pdf: bool) -> bytes:
    """Print HTML to PDF, or screenshot it to PNG, with headless Chromium."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "resume.html"
        source.write_text(html, encoding="utf-8")
        target = Path(folder) / ("out.pdf" if pdf else "out.png")
        option = f"--print-to-pdf={target}" if pdf else f"--screenshot={target}"
        extra = [] if pdf else ["--window-size=1000,1300"]
        subprocess.run(
            [chromium(), *CHROMIUM_FLAGS, *extra, option, source.as_uri()],
            capture_output=True,
            timeout=60,
            check=True,
        )
        return target.read_bytes()
