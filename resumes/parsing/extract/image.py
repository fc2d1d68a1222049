"""Photos and scans of resumes through Tesseract OCR (English and Simplified Chinese)."""

from __future__ import annotations

import io
import os
import re
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from resumes.parsing.dates import DATE_RE, has_date
from resumes.parsing.extract.headings import mark_headings
from resumes.parsing.extract.model import ExtractedDocument, Line
from resumes.parsing.extract.ocr_rereads import (
    LANGUAGES,
    SECOND_LOOK_BUDGET_S,
    TIMEOUT_S,
    read_missed_top,
    reread_chinese,
)

# Tesseract reads body text best at ~300 dpi, which is ~2500 px for a page's long side;
# bigger photos only cost time (OCR time grows with pixels) and smaller screenshots
# lose small print, so both are brought to about this size.
_TARGET_LONG_SIDE = 2000
_MIN_LONG_SIDE = 1000
# psm 3 (automatic page segmentation) keeps the columns of a two-column page apart.
_CONFIG = "--psm 3"
_CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])")
# OCR reads round bullets as these characters.
_BULLET_ARTEFACT = re.compile(r"^(?:[。©«»®•·]\s*|[oe*+]\s+)")


# Tesseract's chi_sim reads "（三级）" as "〈三级 )"; resumes use no angle brackets.
_BRACKETS = str.maketrans({"〈": "（", "〉": "）"})
# A quote mark or a full stop before the first character of a field, with no closing
# quote after it: a speck of dirt, not writing.
_SPECK = re.compile(r"(?:^|(?<=\s))[“\"。](?=[\u4e00-\u9fffA-Za-z])(?![^”\"]*[”\"])")
# "2018 年 6 月": Tesseract spaces the digits off the date characters.
_DATE_SPACE = re.compile(r"(?<=\d)\s+(?=[年月日])|(?<=[年月])\s+(?=\d)")
_SPACE_BEFORE_CLOSE = re.compile(r"\s+(?=[)）])")

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
    """Undo OCR habits: spaces between Chinese characters, bullets read as letters,
    full-width brackets read as angle brackets, specks read as quotes or full stops."""
    text = text.translate(_BRACKETS)
    text = _SPECK.sub("", text)
    text = _DATE_SPACE.sub("", _SPACE_BEFORE_CLOSE.sub("", text))
    text = _CJK_SPACE.sub("", text)
    text = re.sub(r"\s*([：:，,；;、])\s*(?=[\u3000-\u9fff])", r"\1", text)
    text = _BULLET_ARTEFACT.sub("• ", text)
    return " ".join(text.split())


@dataclass
class _Word:
    text: str
    height: int
    left: int
    right: int
    top: int


@dataclass
class _Row:
    text: str
    block: int
    size: float
    left: int
    right: int
    top: int
    bottom: int


# A gap wider than this many word heights separates fields on one line (a title and
# its right-aligned dates); the PDF reader keeps such gaps as three spaces too.
_WIDE_GAP = 1.5
_FIELD_GAP = "   "


def _fields(words: list[_Word], height: float) -> list[str]:
    fields: list[list[str]] = []
    previous: _Word | None = None
    for word in words:
        wide = previous is not None and word.left - previous.right > _WIDE_GAP * height
        if not fields or wide:
            fields.append([])
        fields[-1].append(word.text)
        previous = word
    return [" ".join(field) for field in fields]


# A block of short lines, half of them dates, is a column of dates (and places) set
# beside the entries, not a column of text: Tesseract reads it as a block of its own.
_SIDE_LINE_CHARS = 40
_SIDE_DATED_SHARE = 0.5
_RANGE_PUNCTUATION = re.compile(r"[\s\-–—~～.,/|()（）]|\bto\b|至|到", re.I)


def _side_blocks(rows: list[_Row]) -> set[int]:
    blocks: dict[int, list[_Row]] = {}
    for row in rows:
        blocks.setdefault(row.block, []).append(row)
    if len(blocks) < 2:
        return set()
    return {
        block
        for block, members in blocks.items()
        if all(len(row.text) < _SIDE_LINE_CHARS for row in members)
        and sum(_only_dates(row.text) for row in members) >= _SIDE_DATED_SHARE * len(members)
    }


def _only_dates(text: str) -> bool:
    """ "Jan 2019 – Present", "2019.03 - 至今": a date field and nothing else."""
    return has_date(text) and len(_RANGE_PUNCTUATION.sub("", DATE_RE.sub("", text))) <= 2


def _overlap(a: _Row, b: _Row) -> float:
    shared = min(a.bottom, b.bottom) - max(a.top, b.top)
    return shared / max(1, min(a.bottom - a.top, b.bottom - b.top))


def _distance(a: _Row, b: _Row) -> int:
    return max(b.left - a.right, a.left - b.right)


def _merge_side_blocks(rows: list[_Row]) -> list[_Row]:
    """Put each line of a date column back on the row it sits beside.

    "Senior Engineer ... Jan 2020 – Present" comes back from Tesseract as two blocks, the
    dates after all the entries; lines of the date column that sit beside no row (its
    headings) go before the first row below them.
    """
    side = _side_blocks(rows)
    if not side:
        return rows
    main = [row for row in rows if row.block not in side]
    for row in (row for row in rows if row.block in side):
        beside = [other for other in main if _overlap(row, other) > 0.5]
        # The nearest row on the same line: dates right of a title, or left of it.
        target = min(beside, key=lambda other: _distance(row, other), default=None)
        if target is not None and target.right <= row.left:
            target.text = f"{target.text}{_FIELD_GAP}{row.text}"
            target.right = row.right
            continue
        if target is not None and row.right <= target.left:
            target.text = f"{row.text}{_FIELD_GAP}{target.text}"
            target.left = row.left
            continue
        below = next((i for i, other in enumerate(main) if other.top > row.top), len(main))
        main.insert(below, row)
    return main


def extract_image(data: bytes) -> ExtractedDocument:
    import pytesseract

    image = _prepare(data)
    with _single_threaded_tesseract():
        table = pytesseract.image_to_data(
            image,
            lang=LANGUAGES,
            config=_CONFIG,
            output_type=pytesseract.Output.DICT,
            timeout=TIMEOUT_S,
        )
        deadline = time.monotonic() + SECOND_LOOK_BUDGET_S
        read_missed_top(image, table, deadline)
        reread_chinese(image, table, deadline)
    grouped: dict[tuple[int, int, int], list[_Word]] = {}
    lefts, widths, tops = table.get("left"), table.get("width"), table.get("top")
    for index, word in enumerate(table["text"]):
        if not str(word).strip():
            continue
        key = (table["block_num"][index], table["par_num"][index], table["line_num"][index])
        left = int(lefts[index]) if lefts else 0
        grouped.setdefault(key, []).append(
            _Word(
                text=str(word),
                height=int(table["height"][index]),
                left=left,
                right=left + int(widths[index]) if widths else 0,
                top=int(tops[index]) if tops else 0,
            )
        )
    rows: list[_Row] = []
    for key, words in grouped.items():  # dicts keep Tesseract's reading order
        height = float(statistics.median(word.height for word in words))
        text = _FIELD_GAP.join(
            cleaned for field in _fields(words, height) if (cleaned := clean_ocr_text(field))
        )
        if text:
            rows.append(
                _Row(
                    text=text,
                    block=key[0],
                    size=height,
                    left=min(word.left for word in words),
                    right=max(word.right for word in words),
                    top=min(word.top for word in words),
                    bottom=max(word.top + word.height for word in words),
                )
            )
    # Word box heights stand in for font sizes when spotting headings.
    lines = [Line(text=row.text, size=row.size) for row in _merge_side_blocks(rows)]
    mark_headings(lines)
    return ExtractedDocument(lines=lines, pages=1)
