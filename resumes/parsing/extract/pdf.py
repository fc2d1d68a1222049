"""PDF text with layout: positioned runs from pypdf, rebuilt into lines in reading order.

``extract_text()`` alone interleaves the columns of a two-column resume line by line
(a job title next to a skill list), so we take every run with its position, font and
size through the visitor and rebuild lines ourselves.
"""

from __future__ import annotations

import io
import math
import re
import statistics
import unicodedata
import warnings
from typing import Any

from resumes.parsing.dates import has_date
from resumes.parsing.extract.cjk_glyphs import fix_glyph_mappings
from resumes.parsing.extract.headings import mark_headings
from resumes.parsing.extract.model import ExtractedDocument, Line
from resumes.parsing.extract.pdf_runs import RightEdges, TextRun, glue, line_pitches, wrapped
from resumes.parsing.extract.pdf_widths import FontWidths, is_cjk

# Fonts named like this are bold; PDF generators put the weight in the font's name.
_BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demi", ",b")
# A column gutter must be this clear band of the page (points) to count.
_MIN_GUTTER = 6.0
# A real second column carries a fair share of the page's text and many lines; a few
# right-aligned dates do not make a column.
_MIN_COLUMN_LINES = 4
_MIN_COLUMN_SHARE = 0.15
_DATE_COLUMN_SHARE = 0.5
# A run that starts within this many ems of the previous run's estimated end follows
# it directly (the estimate is only approximate); further on, the gap is real.
_SNAP_EMS = 1.0
# Ems between two runs that separate fields (title … dates, one skill tag … the next).
# A word space is ~0.25 em and justified text stretches it to ~0.6; with estimated
# widths we need a wide margin for the estimate's error.
_WIDE_GAP = 1.5
_MEASURED_WIDE_GAP = 0.8
_MAX_DATE_FIELD = 25  # characters of a date written in a column of its own
_MIN_INDENT = 8.0  # points; list items sit ~18-36 pt in, paragraph jitter is < 2 pt
_BULLET_START = (
    "•",
    "·",
    "-",
    "–",
    "*",
    "▪",
    "●",
    "◦",
    "○",
    "■",
    "➢",
    "✓",
    "❖",
    "➔",
    "\uf0b7",
    "\uf0a7",
)


# Kangxi radicals, CJK compatibility ideographs and Latin ligatures some fonts map
# glyphs to ("⼤学" for "大学", "Certiﬁed"): NFKC turns them into the ordinary letters.
_COMPAT = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\ufb00-\ufb06]")


def _plain(text: str) -> str:
    return _COMPAT.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def _collect_runs(page: Any, widths: FontWidths) -> list[TextRun]:
    runs: list[TextRun] = []
    last: list[TextRun] = []  # the previous text run, to learn where it ended
    reported = [math.nan]  # the x pypdf reported for the previous call

    def visit(text: str, cm: list[float], tm: list[float], font: Any, font_size: float) -> None:
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        flat = _plain(text.replace("\n", " "))
        stripped = flat.strip()
        # pypdf reports the pen position after each run in an empty call; on the same
        # baseline it tells us exactly where the previous run ended. A call with text
        # reports where *that* run starts: right after the previous run when it is near
        # our width estimate, but a right-aligned date or place starts far beyond it.
        same_line = bool(last) and abs(last[0].y - y) < 0.5
        repeated = same_line and bool(stripped) and abs(x - reported[0]) < 0.01
        reported[0] = x
        if repeated:
            # Glyphs of one text operation may all be reported at its start; each one
            # follows the previous.
            x = last[0].x1
        elif same_line and x > last[0].x0 and not last[0].measured:
            near = x <= last[0].x1 + _SNAP_EMS * max(last[0].size, 1.0)
            if not stripped or near:
                last[0].x1 = x
        if not stripped:
            if flat and last:
                last[0].space_after = True  # a lone space between two runs
            return
        scale = math.hypot(tm[1], tm[3]) * math.hypot(cm[1], cm[3])
        size = float(font_size) * (scale or 1.0)
        name = ""
        if font is not None:
            try:
                name = str(font.get("/BaseFont", "")).lower()
            except AttributeError:
                name = ""
        width, measured = widths.width(stripped, size, font)
        # Chinese glyphs are a full em wide in every font: the estimate is the width.
        measured = measured or all(is_cjk(char) for char in stripped)
        run = TextRun(
            text=stripped,
            x0=x,
            x1=x + width,
            measured=measured,
            y=y,
            size=size,
            bold=any(marker in name for marker in _BOLD_MARKERS),
            space_after=flat[-1:].isspace(),
        )
        if last and flat[:1].isspace():
            last[0].space_after = True
        runs.append(run)
        last[:] = [run]

    page.extract_text(visitor_text=visit)
    return runs


def _group_lines(runs: list[TextRun]) -> list[list[TextRun]]:
    """Runs on one baseline (within half a font size) form a line, left to right."""
    ordered = sorted(runs, key=lambda r: (-r.y, r.x0))
    lines: list[list[TextRun]] = []
    for run in ordered:
        if lines:
            current = lines[-1]
            tolerance = 0.45 * max(run.size, current[0].size, 1.0)
            if abs(current[0].y - run.y) <= tolerance:
                current.append(run)
                continue
        lines.append([run])
    for line in lines:
        line.sort(key=lambda r: r.x0)
    return lines


def _join(runs: list[TextRun]) -> str:
    parts: list[str] = []
    previous: TextRun | None = None
    for run in runs:
        if previous is not None:
            gap = run.x0 - previous.x1
            size = max(run.size, 1.0)
            # A wide gap separates fields (title … dates); keep it visible as 3 spaces
            # so field extraction can split there.
            if _small_capitals(previous, run):
                pass  # "E" + "XPERIENCE": one word
            elif gap > _wide_gap(previous, run) * size:
                parts.append("   ")
            elif previous.space_after or (
                gap > 0.15 * size and not (is_cjk(parts[-1][-1]) and is_cjk(run.text[0]))
            ):
                parts.append(" ")
        parts.append(run.text)
        previous = run
    return "".join(parts).strip()


def _wide_gap(previous: TextRun, run: TextRun) -> float:
    return _MEASURED_WIDE_GAP if previous.measured and run.measured else _WIDE_GAP


def _small_capitals(previous: TextRun, run: TextRun) -> bool:
    """A capital then smaller capitals right after it: a word set in small caps.

    Browsers and word processors fake small caps ("Experience" styled small-caps) with
    a full-size capital and the rest of the word in capitals at ~70-80 % size, each in
    a run of its own. pypdf puts a space between such runs; the word has none.
    """
    words = previous.text.split()
    last = words[-1] if words else ""
    # "E", or "-B" in "Rousseau-Baker": a capital that starts a word.
    if not last[-1:].isupper() or (len(last) > 1 and last[-2].isalpha()):
        return False
    if not run.text[:1].isupper() or not 0.5 * previous.size < run.size < 0.92 * previous.size:
        return False
    # Every small-caps word starts with a full-size capital, so a smaller run right
    # after a lone capital continues its word. The gap allows for a space glyph pypdf
    # reported at the start of the capital's run, which puts its x a space too early.
    return abs(run.x0 - previous.x1) < 0.6 * previous.size


def _find_gutter(runs: list[TextRun], width: float) -> float | None:
    """The x of a vertical gutter with text on both sides, or None for one column."""
    if len(runs) < 2 * _MIN_COLUMN_LINES or width <= 0:
        return None
    step = 2.0
    candidates = [width * 0.25 + i * step for i in range(int(width * 0.5 / step))]
    crossing = [sum(1 for r in runs if r.x0 < g < r.x1) for g in candidates]
    best = min(crossing)
    # Headers (name, contact line) may span the whole page; more crossings mean prose.
    if best > max(2, len(runs) // 10):
        return None
    # The longest clear band at the minimum is the gutter.
    band_start, band_len, best_start, best_len = 0, 0, 0, 0
    for index, count in enumerate(crossing):
        if count == best:
            if band_len == 0:
                band_start = index
            band_len += 1
            if band_len > best_len:
                best_start, best_len = band_start, band_len
        else:
            band_len = 0
    if best_len * step < _MIN_GUTTER:
        return None
    gutter = candidates[best_start] + best_len * step / 2
    left = [r for r in runs if r.x1 <= gutter]
    right = [r for r in runs if r.x0 >= gutter]
    left_lines = {round(r.y) for r in left}
    right_lines = {round(r.y) for r in right}
    total = sum(len(r.text) for r in runs) or 1
    right_share = sum(len(r.text) for r in right) / total
    left_share = sum(len(r.text) for r in left) / total
    if min(len(left_lines), len(right_lines)) < _MIN_COLUMN_LINES:
        return None
    if min(right_share, left_share) < _MIN_COLUMN_SHARE:
        return None
    # Right-aligned dates (and places) beside each job title look like a column but are
    # not one: a real column holds more than dates.
    right_texts: dict[int, str] = {}
    for run in right:
        right_texts[round(run.y)] = right_texts.get(round(run.y), "") + " " + run.text
    dated = sum(1 for text in right_texts.values() if has_date(text) and len(text) < 40)
    if dated >= _DATE_COLUMN_SHARE * len(right_texts):
        return None
    return gutter


def _page_lines(runs: list[TextRun], width: float) -> list[list[list[TextRun]]]:
    """Lines of each column (one column unless a gutter is found), in reading order."""
    gutter = _find_gutter(runs, width)
    if gutter is None:
        return [_group_lines(runs)]
    left = [r for r in runs if r.x0 + r.x1 < 2 * gutter and r.x1 <= gutter + 1]
    right = [r for r in runs if r.x0 >= gutter - 1]
    spanning = [r for r in runs if r not in left and r not in right]
    column_top = max((r.y for r in left + right), default=0.0)
    # Full-width text above the columns (name, contact) comes first; anything else that
    # crosses the gutter is read with the left column at its height.
    header = [r for r in spanning if r.y > column_top]
    left += [r for r in spanning if r.y <= column_top]
    return [_group_lines(header), _group_lines(left), _group_lines(right)]


def _first_wide_gap(line: list[TextRun]) -> int | None:
    """The index of the first run set apart from the one before it by a wide gap."""
    for index in range(1, len(line)):
        previous, run = line[index - 1], line[index]
        if run.x0 - previous.x1 > _wide_gap(previous, run) * max(run.size, 1.0):
            return index
    return None


def _content_start(line: list[TextRun]) -> float:
    """Where a line's text starts, past a leading date field set apart by a wide gap."""
    index = _first_wide_gap(line)
    if index is not None:
        lead = " ".join(r.text for r in line[:index])
        if len(lead) <= _MAX_DATE_FIELD and has_date(lead):
            return line[index].x0
    return line[0].x0


def _indented(column: list[list[TextRun]]) -> set[int]:
    """Lines indented from the column's edge at a shared indent: list items.

    Browsers and word processors draw list bullets as graphics, so the text has no "•";
    the indent is what is left of it. A shared x position (two or more lines) keeps
    centred lines, each at its own x, out.
    """
    if not column:
        return set()
    left = min(line[0].x0 for line in column)
    # With dates in a column of their own ("2019 – Present   Supervisor"), lines below
    # aligned with the text beside the dates (the company) are not list items.
    beside_dates = {
        round(start) for line in column if (start := _content_start(line)) != line[0].x0
    }
    starts = [round(line[0].x0) for line in column]
    counts: dict[int, int] = {}
    for start in starts:
        counts[start] = counts.get(start, 0) + 1
    return {
        index
        for index, start in enumerate(starts)
        if start - left > _MIN_INDENT
        and not {start - 1, start, start + 1} & beside_dates
        and counts[start] + counts.get(start - 1, 0) + counts.get(start + 1, 0) >= 2
    }


def _continues(
    above: list[TextRun],
    below: list[TextRun],
    text_above: str,
    text: str,
    edges: RightEdges,
    pitches: dict[int, float],
) -> bool:
    """``below`` is the rest of ``above``, wrapped: not a field of its own or a new item."""
    if "   " in text or text.startswith(_BULLET_START):
        return False  # a field of its own; a bullet starts an item
    if "   " in text_above:
        # "Designer · Meridian Health, New   Feb 2021": the text wraps before the field
        # set apart on its right ("York, NY" below), not at the column's edge.
        field = _first_wide_gap(above)
        if field is None:
            return False
        # The field's start is an edge we know.
        edge = (above[field].x0 - _MEASURED_WIDE_GAP * above[0].size, True)
        above = above[:field]
    else:
        edge = edges.at(above[0].x0, below[0].x0)
    bullet = above[0].text.startswith(_BULLET_START)
    return wrapped(above, below, edge, pitches, bullet=bullet)


def extract_pdf(data: bytes) -> ExtractedDocument:
    from pypdf import PdfReader

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")  # owner-only protection; validation refused the rest
        lines: list[Line] = []
        widths = FontWidths()
        for number, page in enumerate(reader.pages, start=1):
            width = float(page.mediabox.width)
            runs = _collect_runs(page, widths)
            columns = _page_lines(runs, width)
            for number_in_page, column in enumerate(columns):
                items = _indented(column)
                pitches = line_pitches(column)
                edges = RightEdges(column)
                # [header, left, right] when the page has two columns.
                starts_column = number_in_page == 2
                above: list[TextRun] = []
                for index, group in enumerate(column):
                    text = _join(group)
                    if not text:
                        continue
                    if above and _continues(above, group, lines[-1].text, text, edges, pitches):
                        head, gap, field = lines[-1].text.partition("   ")
                        lines[-1].text = glue(head, text) + gap + field
                        above = group
                        continue
                    above = group
                    if index in items and not text.startswith(_BULLET_START):
                        text = "• " + text
                    lines.append(
                        Line(
                            text=text,
                            page=number,
                            size=statistics.median(r.size for r in group),
                            bold=all(r.bold for r in group),
                            column_start=starts_column,
                        )
                    )
                    starts_column = False
        pages = len(reader.pages)
    fix_glyph_mappings(lines)
    mark_headings(lines)
    return ExtractedDocument(lines=lines, pages=pages)
