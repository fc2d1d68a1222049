"""Photos and scans of resumes through Tesseract OCR (English and Simplified Chinese)."""

from __future__ import annotations

import io
import os
import re
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from resumes.parsing.extract.headings import mark_headings
from resumes.parsing.extract.model import ExtractedDocument, Line

# Tesseract reads body text best at ~300 dpi, which is ~2500 px for a page's long side;
# bigger photos only cost time (OCR time grows with pixels) and smaller screenshots
# lose small print, so both are brought to about this size.
_TARGET_LONG_SIDE = 2000
_MIN_LONG_SIDE = 1000
# Both languages in one pass: running Chinese alone on English text (or the reverse)
# garbles it, and one pass of eng+chi_sim costs ~2 s for a page, within our budget.
_LANGUAGES = "eng+chi_sim"
# psm 3 (automatic page segmentation) keeps the columns of a two-column page apart.
_CONFIG = "--psm 3"
_TIMEOUT_S = 20  # a stuck OCR must not hold a worker; the task limit is longer
_CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])")
# OCR reads round bullets as these characters.
_BULLET_ARTEFACT = re.compile(r"^(?:[。©«»®•·]\s*|[oe*]\s+)")


_ENV_LOCK = threading.Lock()


@contextmanager
def _single_threaded_tesseract() -> Iterator[None]:
    """Run Tesseract with one OpenMP thread.

    Its default OpenMP threads fight each other on a busy core: a page took 4.3 s with
    them and 1.1 s without (eng+chi_sim, one core, measured). Workers get parallelism
    from processes instead. The limit is set only around the call, because other
    OpenMP users in the same process (speech models) should keep their threads; the
    lock keeps two threads from interleaving the change.
    """
    with _ENV_LOCK:
        previous = os.environ.get("OMP_THREAD_LIMIT")
        os.environ["OMP_THREAD_LIMIT"] = "1"
        try:
            yield
        finally:
            if previous is None:
                os.environ.pop("OMP_THREAD_LIMIT", None)
            else:
                os.environ["OMP_THREAD_LIMIT"] = previous


def _prepare(data: bytes) -> object:
    from PIL import Image, ImageOps

    opened = Image.open(io.BytesIO(data))
    image: Image.Image = (
        ImageOps.exif_transpose(opened) or opened
    )  # phone photos carry their rotation in EXIF
    image = image.convert("L")
    long_side = max(image.size)
    if long_side > _TARGET_LONG_SIDE or long_side < _MIN_LONG_SIDE:
        scale = _TARGET_LONG_SIDE / long_side
        new_size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(new_size, Image.Resampling.LANCZOS)
    return image


def clean_ocr_text(text: str) -> str:
    """Undo OCR habits: spaces between Chinese characters, bullets read as letters."""
    text = _CJK_SPACE.sub("", text)
    text = re.sub(r"\s*([：:，,；;、])\s*(?=[\u3000-\u9fff])", r"\1", text)
    text = _BULLET_ARTEFACT.sub("• ", text)
    return " ".join(text.split())


def extract_image(data: bytes) -> ExtractedDocument:
    import pytesseract

    image = _prepare(data)
    with _single_threaded_tesseract():
        table = pytesseract.image_to_data(
            image,
            lang=_LANGUAGES,
            config=_CONFIG,
            output_type=pytesseract.Output.DICT,
            timeout=_TIMEOUT_S,
        )
    grouped: dict[tuple[int, int, int], list[tuple[str, int]]] = {}
    for index, word in enumerate(table["text"]):
        if not str(word).strip():
            continue
        key = (table["block_num"][index], table["par_num"][index], table["line_num"][index])
        grouped.setdefault(key, []).append((str(word), int(table["height"][index])))
    lines: list[Line] = []
    for words in grouped.values():  # dicts keep Tesseract's reading order
        text = clean_ocr_text(" ".join(word for word, _ in words))
        if text:
            # Word box heights stand in for font sizes when spotting headings.
            lines.append(Line(text=text, size=float(statistics.median(h for _, h in words))))
    mark_headings(lines)
    return ExtractedDocument(lines=lines, pages=1)
