"""Positioned runs of PDF text, and which lines of runs the layout wrapped.

A PDF has no paragraphs, only lines. A school name, a certificate or a bullet that is
too long for its column goes on in the next line, and read line by line it becomes two
entries ("Certified Kubernetes" / "Administrator (CKA)"). Typesetters wrap a line only
when the next word does not fit: so a line that ends although the next line's first
word would have fit after it ended on purpose, and one that the word would not fit
after was wrapped.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from resumes.parsing.extract.pdf_widths import is_cjk


@dataclass
class TextRun:
    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    space_after: bool = False  # the PDF wrote a space between this run and the next
    measured: bool = False  # x1 from the font's glyph widths, not an estimate


# Lines this far apart (baseline to baseline, in font sizes) belong to one paragraph;
# a gap between entries or paragraphs is wider.
_MAX_PITCH = 1.6
_PITCH_SLACK = 1.0  # points
# Where a continuation line may start: where the text above starts, give or take.
_ALIGN = 2.0
# Lines ending this close (in ems) to the widest line of a column end at its edge.
_EDGE_EMS = 1.5
# Contact items (e-mail, links, phone numbers) each end their line on purpose.
_CONTACT = re.compile(
    r"@|://|\bwww\.|\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}|^\S+\.[a-z]{2,}\S*|\S+\.[a-z]{2,}/?$"
)
# A line that starts with a label and a colon: "Cloud: AWS", "技能：Python".
_LABELLED = re.compile(r"[^\s:：]{1,20}(?: [^\s:：]+){0,2}\s*[:：]")
# A verb that starts a bullet point, capitalised: wrapped text seldom starts with one.
_NEW_ITEM = re.compile(
    r"(?:[A-Z][a-z]+ed|Led|Built|Ran|Cut|Won|Wrote|Grew|Drove|Set|Took|Made|Sold|Brought|"
    r"Taught|Oversaw|Lead|Manage|Develop|Build|Own|Run|Drive|Design|Create|Coordinate|"
    r"Support|Prepare|Mentor|Partner|Deliver|Maintain|Plan|Train|Write|Analy[sz]e|Handle)\b"
)
# An entry's last words: a year, a bracket closed.
_CLOSED_END = re.compile(r"(?:\b(?:19|20)\d{2}|[)）])$")
# Words that say the text goes on: "Certified in Logistics," / "and Distribution".
_OPEN_END = re.compile(r"(?:[,&/(\-–、，]|\b(?:and|of|for|in|the|to|at|with|on))$", re.I)
_CONTINUED_START = re.compile(r"[a-z(&]|(?:and|of|for|in)\b")


def line_pitches(column: list[list[TextRun]]) -> dict[int, float]:
    """The closest two lines of each font size follow each other: its line height."""
    pitches: dict[int, float] = {}
    for above, below in itertools.pairwise(column):
        size = round(above[0].size)
        pitch = above[0].y - below[0].y
        if size == round(below[0].size) and 0.9 * size <= pitch <= _MAX_PITCH * size:
            pitches[size] = min(pitch, pitches.get(size, pitch))
    return pitches


class RightEdges:
    """The right edge of the lines that start at a given x in one column, and whether
    two lines or more end near it.

    Lines that start at one x share a box (a sidebar, a list); its edge is where its
    longest lines end. Wrapped lines end within about a word of it; one line alone
    there may just be the longest item of a list. Line ends are kept by whole points of
    their start, so a page of thousands of lines costs no more than a short one.
    """

    def __init__(self, column: list[list[TextRun]]) -> None:
        self._ends: dict[int, list[tuple[float, float]]] = {}
        for line in column:
            if line:
                self._ends.setdefault(round(line[0].x0), []).append((line[-1].x1, line[-1].size))

    def at(self, *starts: float) -> tuple[float, bool]:
        keys = {
            key
            for start in starts
            for key in range(round(start - _ALIGN), round(start + _ALIGN) + 1)
        }
        ends = [end for key in keys for end in self._ends.get(key, ())]
        if not ends:
            return 0.0, False
        right = max(end for end, _ in ends)
        near = sum(1 for end, size in ends if end >= right - _EDGE_EMS * size)
        return right, near >= 2


def wrapped(
    above: list[TextRun],
    below: list[TextRun],
    edge: tuple[float, bool],
    pitches: dict[int, float],
    *,
    bullet: bool,
) -> bool:
    """Whether ``below`` goes on with ``above``, wrapped at the column's edge.

    ``edge``: the column's right edge, and whether other lines confirm it
    (``RightEdges``). ``pitches``: the column's line height by font size
    (``line_pitches``); items and paragraphs set further apart do not continue each
    other. ``bullet``: ``above`` starts with a bullet glyph, its text after it.
    """
    right, confirmed = edge
    last, first = above[-1], below[0]
    if not (last.measured and first.measured) or not first.text:
        return False
    if abs(last.size - first.size) > 0.5 or last.bold != first.bold:
        return False  # a bold title over a regular company: two fields
    pitch = last.y - first.y
    if not 0 < pitch <= pitches.get(round(last.size), 0.0) + _PITCH_SLACK:
        return False
    if abs(first.x0 - _text_start(above, bullet)) > _ALIGN:
        return False
    text_above = " ".join(run.text for run in above)
    text_below = " ".join(run.text for run in below)
    if _CONTACT.search(text_above) or _CONTACT.search(text_below):
        return False
    if _LABELLED.match(text_below):
        return False  # "Cloud: AWS, Docker": a field of its own
    if _NEW_ITEM.match(text_below) and not _OPEN_END.search(text_above):
        return False  # "Reduced turnover by 20%": the next bullet, its glyph drawn
    if _CLOSED_END.search(text_above) and text_below[:1].isupper():
        return False  # "… (Jan 2023)" then "Basic Life Support": the next entry
    if right - last.x1 >= _first_word_width(first):
        return False  # the word would have fit: the line ended on purpose
    # Is the edge real? Other lines ending there say so, or the words themselves.
    alone_at_edge = last.x1 >= right - _EDGE_EMS * last.size and not confirmed
    return not alone_at_edge or _goes_on(text_above, text_below)


def _goes_on(above: str, below: str) -> bool:
    return bool(_OPEN_END.search(above) or _CONTINUED_START.match(below))


def _text_start(line: list[TextRun], bullet: bool) -> float:
    """Where the line's text starts: past its bullet glyph, if it has one."""
    head = line[0]
    if not bullet:
        return head.x0
    if len(head.text) == 1 and len(line) > 1:
        return line[1].x0
    lead = len(head.text) - len(head.text[1:].lstrip())
    return head.x0 + (head.x1 - head.x0) * lead / len(head.text)


def _first_word_width(run: TextRun) -> float:
    """The width of the run's first word and the space before it."""
    if is_cjk(run.text[0]):
        word, space = run.text[0], 0.0  # CJK text wraps between any two characters
    else:
        word, space = run.text.split()[0], 0.25 * run.size
    return (run.x1 - run.x0) * len(word) / len(run.text) + space


def glue(above: str, below: str) -> str:
    """One line from a wrapped line and its continuation."""
    if is_cjk(above[-1]) and is_cjk(below[0]):
        return above + below
    if above.endswith("-") and above[-2:-1].isalpha():
        return above + below  # "chain-" + "ladder": the hyphen was in the text
    return f"{above} {below}"
