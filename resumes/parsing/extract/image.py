"""Photos and scans of resumes through Tesseract OCR (English and Simplified Chinese)."""

from __future__ import annotations

import io
import os
import re
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from resumes.parsing.dates import DATE_RE, has_date
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
_BULLET_ARTEFACT = re.compile(r"^(?:[。©«»®•·]\s*|[oe*+]\s+)")


# Tesseract's chi_sim reads "（三级）" as "〈三级 )"; resumes use no angle brackets.
_BRACKETS = str.maketrans({"〈": "（", "〉": "）"})
# A quote mark or a full stop before the first character of a field, with no closing
# quote after it: a speck of dirt, not writing.
_SPECK = re.compile(r"^[“\"。](?=[\u4e00-\u9fffA-Za-z])(?![^”\"]*[”\"])")

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


# With eng+chi_sim together, Tesseract sometimes reads Chinese words (large names, a few
# body words) as Latin gibberish at low confidence: "郭佳" -> "PME". On a Chinese page,
# such words are read again with chi_sim alone, all in one extra pass.
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_MIN_CJK_SHARE = 0.3
_REREAD_CONFIDENCE = 80
_REREAD_MAX_WORDS = 24
_REREAD_GAP = 20  # px of white between stacked words
_BIG_WORD = 1.6  # times the median word height
_REREAD_MAX_NAMES = 2


def _reread_chinese(image: Any, table: dict[str, list[Any]]) -> None:
    if not _mostly_chinese(table):
        return
    texts = [str(word) for word in table["text"]]
    heights = [int(str(table["height"][i])) for i, text in enumerate(texts) if text.strip()]
    big = _BIG_WORD * statistics.median(heights) if heights else float("inf")
    short_latin = [
        index
        for index, text in enumerate(texts)
        if text.isascii() and text.isalpha() and len(text) <= 8
    ]
    # A short Latin word in big print on a Chinese page is most often a misread name
    # ("Sit" for "罗斌"): each is read again on its own.
    names = [i for i in short_latin if int(str(table["height"][i])) >= big][:_REREAD_MAX_NAMES]
    for index in names:
        _reread_line(image, table, index, big)
    suspects = [
        index
        for index in short_latin
        if index not in names and float(str(table["conf"][index])) < _REREAD_CONFIDENCE
    ][:_REREAD_MAX_WORDS]
    if suspects:
        _reread(image, table, suspects, "--psm 6")


def _reread_line(image: Any, table: dict[str, list[Any]], index: int, big: float) -> None:
    """Read the misread words of a big word's line again, in Chinese alone: the big ones
    and the Latin specks beside them ("tay 4" for "高雪"), not the Chinese words Tesseract
    got right ("产品经理" beside "郭佳")."""
    key = _line_key(table, index)
    words = [
        i
        for i in range(len(table["text"]))
        if _line_key(table, i) == key
        and (text := str(table["text"][i]).strip())
        and (text.isascii() or int(str(table["height"][i])) >= big)
    ]
    box = (
        min(int(table["left"][i]) for i in words),
        min(int(table["top"][i]) for i in words),
        max(int(table["left"][i]) + int(table["width"][i]) for i in words),
        max(int(table["top"][i]) + int(table["height"][i]) for i in words),
    )
    text = _read_alone(image, box, "chi_sim").replace(" ", "")
    if re.fullmatch(r"[\u3400-\u9fff]{1,12}", text):
        for i in words:
            table["text"][i] = ""
        table["text"][words[0]] = text


def _line_key(table: dict[str, list[Any]], index: int) -> tuple[Any, Any, Any]:
    return (table["block_num"][index], table["par_num"][index], table["line_num"][index])


def _read_alone(image: Any, box: tuple[int, int, int, int], lang: str) -> str:
    """One line of text in this box: as a line (psm 7), else as one word (psm 8)."""
    import pytesseract

    left, top = max(0, box[0] - _MISSED_PAD), max(0, box[1] - _MISSED_PAD)
    right, bottom = min(image.width, box[2] + _MISSED_PAD), min(image.height, box[3] + _MISSED_PAD)
    crop = image.crop((left, top, right, bottom))
    for mode in ("--psm 7", "--psm 8"):
        text = pytesseract.image_to_string(crop, lang=lang, config=mode, timeout=_TIMEOUT_S)
        if text.strip():
            return " ".join(text.split())
    return ""


def _reread(image: Any, table: dict[str, list[Any]], indices: list[int], mode: str) -> None:
    """Read these words again in Chinese alone, stacked on one sheet, one a line."""
    import pytesseract
    from PIL import Image

    crops = []
    for index in indices:
        left, top = int(str(table["left"][index])), int(str(table["top"][index]))
        width, height = int(str(table["width"][index])), int(str(table["height"][index]))
        pad = max(2, height // 3)
        crops.append(
            image.crop(
                (max(0, left - pad), max(0, top - pad), left + width + pad, top + height + pad)
            )
        )
    sheet = Image.new(
        "L",
        (max(c.width for c in crops), sum(c.height + _REREAD_GAP for c in crops) + _REREAD_GAP),
        255,
    )
    y = _REREAD_GAP
    for crop in crops:
        sheet.paste(crop, (0, y))
        y += crop.height + _REREAD_GAP
    read = pytesseract.image_to_string(sheet, lang="chi_sim", config=mode, timeout=_TIMEOUT_S)
    lines = [line.replace(" ", "") for line in read.splitlines() if line.strip()]
    if len(lines) != len(indices):
        return  # cannot tell which line is which word
    for index, line in zip(indices, lines, strict=True):
        if re.fullmatch(r"[\u3400-\u9fff]{1,12}", line):
            table["text"][index] = line


# Ink darker than this (0-255 grey) is text; a band this many times the body's word
# height is a line Tesseract should have read.
_INK = 128
_MIN_MISSED_HEIGHT = 1.2
_MISSED_PAD = 12  # px around the band
_TOP_SHARE = 0.2  # of the page's height, where a name is


def _read_missed_top(image: Any, table: dict[str, list[Any]]) -> None:
    """Read a big line near the top that Tesseract left out: most often the name.

    Page segmentation sometimes drops a large line set apart from the rest, such as a
    name over a sidebar. We white out every word it read, look for a band of ink taller
    than body text in the top part of the page, and read that band alone; its words go
    first in the table.
    """
    import numpy as np
    from PIL import ImageDraw

    found = [
        index
        for index, text in enumerate(table["text"])
        if str(text).strip() and float(str(table["conf"][index])) > 0
    ]
    if not found:
        return
    body = statistics.median(int(table["height"][index]) for index in found)
    unread = image.copy()
    draw = ImageDraw.Draw(unread)
    for index in found:
        left, top = int(table["left"][index]), int(table["top"][index])
        right, bottom = left + int(table["width"][index]), top + int(table["height"][index])
        draw.rectangle((left - 3, top - 3, right + 3, bottom + 3), fill=255)
    ink = np.asarray(unread.crop((0, 0, unread.width, int(unread.height * _TOP_SHARE))))
    rows = (ink < _INK).sum(axis=1) > 0
    band = _first_tall_band(rows, _MIN_MISSED_HEIGHT * body)
    if band is None:
        return
    columns = np.flatnonzero((ink[band[0] : band[1]] < _INK).sum(axis=0))
    # The first cluster of ink: a gap wider than two body heights ends the line.
    gaps = np.flatnonzero(np.diff(columns) > 2 * body)
    end = int(columns[gaps[0]]) if len(gaps) else int(columns[-1])
    box = (int(columns[0]), band[0], end + 1, band[1])
    _read_band(image, box, table, "chi_sim" if _mostly_chinese(table) else _LANGUAGES)


def _mostly_chinese(table: dict[str, list[Any]]) -> bool:
    # Words only: an e-mail address or a URL says nothing about the page's language.
    texts = [str(word) for word in table["text"]]
    cjk = sum(len(_CJK_CHAR.findall(text)) for text in texts)
    latin = sum(len(text) for text in texts if text.isascii() and text.isalpha())
    return cjk > 0 and cjk >= _MIN_CJK_SHARE * (cjk + latin)


def _first_tall_band(rows: Any, min_height: float) -> tuple[int, int] | None:
    start = None
    for y, inked in enumerate([*rows, False]):
        if inked and start is None:
            start = y
        elif not inked and start is not None:
            if y - start >= min_height:
                return start, y
            start = None
    return None


def _read_band(
    image: Any, box: tuple[int, int, int, int], table: dict[str, list[Any]], lang: str
) -> None:
    """Read the band and put its text first in the table, as a line of its own."""
    text = _read_alone(image, box, lang)
    if not _READABLE_NAME.fullmatch(text):
        return  # an icon, a logo or a rule read as letters
    row = {
        "level": 5, "page_num": 1, "block_num": -1, "par_num": 0, "line_num": 0,
        "word_num": 1, "left": box[0], "top": box[1], "width": box[2] - box[0],
        "height": box[3] - box[1], "conf": 90, "text": text,
    }  # fmt: skip
    for column in table:
        table[column][:0] = [row.get(column, 0)]


# What a name looks like once read: letters (any script), spaces, dots and hyphens.
_READABLE_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .'\-]){0,40}")


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
        _read_missed_top(image, table)
        _reread_chinese(image, table)
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
