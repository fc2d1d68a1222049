"""Second looks at what Tesseract read badly: Chinese words read as Latin, and a big
line it left out (most often the name at the top of the page)."""

from __future__ import annotations

import re
import statistics
import time
from typing import Any

# Both languages in one pass: running Chinese alone on English text (or the reverse)
# garbles it, and one pass of eng+chi_sim costs ~2 s for a page, within our budget.
LANGUAGES = "eng+chi_sim"
TIMEOUT_S = 20  # a stuck OCR must not hold a worker; the task limit is longer
# All second looks at one page share this many seconds; past it the first reading
# stands. With the first pass's own limit the page stays well inside the parse task's
# soft time limit (60 s).
SECOND_LOOK_BUDGET_S = 15
_MIN_CALL_S = 1.0
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_MIN_CJK_SHARE = 0.3
_REREAD_CONFIDENCE = 80
_REREAD_MAX_WORDS = 24
_REREAD_GAP = 20  # px of white between stacked words
_BIG_WORD = 1.6  # times the median word height
_REREAD_MAX_NAMES = 2
# A Chinese reading we trust in place of a misread word.
_CHINESE_WORD = re.compile(r"[\u3400-\u9fff]{1,12}")
# Ink darker than this (0-255 grey) is text; a band this many times the body's word
# height is a line Tesseract should have read.
_INK = 128
_MIN_MISSED_HEIGHT = 1.2
_MISSED_PAD = 12  # px around a region read alone
_TOP_SHARE = 0.2  # of the page's height, where a name is
# What a name looks like once read: letters (any script), spaces, dots and hyphens.
_READABLE_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .'\-]){0,40}")


def reread_chinese(image: Any, table: dict[str, list[Any]], deadline: float) -> None:
    """On a Chinese page, read short Latin words again in Chinese alone, in place.

    With eng+chi_sim together, Tesseract sometimes reads Chinese words (large names, a
    few body words) as Latin gibberish: "郭佳" -> "PME"."""
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
        _reread_line(image, table, index, big, deadline)
    suspects = [
        index
        for index in short_latin
        if index not in names and float(str(table["conf"][index])) < _REREAD_CONFIDENCE
    ][:_REREAD_MAX_WORDS]
    if suspects:
        _reread(image, table, suspects, "--psm 6", deadline)


def _reread_line(
    image: Any, table: dict[str, list[Any]], index: int, big: float, deadline: float
) -> None:
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
    text = _read_alone(image, box, "chi_sim", deadline).replace(" ", "")
    if _CHINESE_WORD.fullmatch(text):
        for i in words:
            table["text"][i] = ""
        table["text"][words[0]] = text


def _read_string(image: Any, lang: str, mode: str, deadline: float) -> str:
    """Tesseract's text for an image, or "" once the page's budget is spent."""
    import pytesseract

    left = deadline - time.monotonic()
    if left < _MIN_CALL_S:
        return ""
    try:
        text: str = pytesseract.image_to_string(
            image, lang=lang, config=mode, timeout=min(TIMEOUT_S, left)
        )
    except RuntimeError:  # pytesseract's timeout: keep the first reading
        return ""
    return text


def _line_key(table: dict[str, list[Any]], index: int) -> tuple[Any, Any, Any]:
    return (table["block_num"][index], table["par_num"][index], table["line_num"][index])


def _read_alone(image: Any, box: tuple[int, int, int, int], lang: str, deadline: float) -> str:
    """One line of text in this box: as a line (psm 7), else as one word (psm 8)."""
    left, top = max(0, box[0] - _MISSED_PAD), max(0, box[1] - _MISSED_PAD)
    right, bottom = min(image.width, box[2] + _MISSED_PAD), min(image.height, box[3] + _MISSED_PAD)
    crop = image.crop((left, top, right, bottom))
    for mode in ("--psm 7", "--psm 8"):
        text = _read_string(crop, lang, mode, deadline)
        if text.strip():
            return " ".join(text.split())
    return ""


def _reread(
    image: Any, table: dict[str, list[Any]], indices: list[int], mode: str, deadline: float
) -> None:
    """Read these words again in Chinese alone, stacked on one sheet, one a line."""
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
    read = _read_string(sheet, "chi_sim", mode, deadline)
    lines = [line.replace(" ", "") for line in read.splitlines() if line.strip()]
    if len(lines) != len(indices):
        return  # cannot tell which line is which word
    for index, line in zip(indices, lines, strict=True):
        if _CHINESE_WORD.fullmatch(line):
            table["text"][index] = line


def read_missed_top(image: Any, table: dict[str, list[Any]], deadline: float) -> None:
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
    _read_band(image, box, table, "chi_sim" if _mostly_chinese(table) else LANGUAGES, deadline)


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
    image: Any,
    box: tuple[int, int, int, int],
    table: dict[str, list[Any]],
    lang: str,
    deadline: float,
) -> None:
    """Read the band and put its text first in the table, as a line of its own."""
    text = _read_alone(image, box, lang, deadline)
    if not _READABLE_NAME.fullmatch(text):
        return  # an icon, a logo or a rule read as letters
    row = {
        "level": 5, "page_num": 1, "block_num": -1, "par_num": 0, "line_num": 0,
        "word_num": 1, "left": box[0], "top": box[1], "width": box[2] - box[0],
        "height": box[3] - box[1], "conf": 90, "text": text,
    }  # fmt: skip
    for column in table:
        table[column][:0] = [row.get(column, 0)]
