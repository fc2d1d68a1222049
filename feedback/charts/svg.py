"""What every chart shares: the app's colours and fonts, text measuring, escaping and the
``<svg>`` document with its accessible <title> and <desc>."""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Sequence
from html import escape

# The app's colours (static/css/app.css): brand, brand-dark, text, muted, border.
BRAND = "#4f46e5"
BRAND_DARK = "#3730a3"
TEXT = "#1d1d2c"
MUTED = "#5d6275"
GRID = "#e3e4ee"
AXIS = "#c9cce0"
TRACK = "#eef0ff"
EMPTY_FILL = "#fafaff"
# The app's font stack. Every <text> carries it itself rather than inheriting it, so each
# renderer (WeasyPrint, Chromium) sees it on the element it draws; Noto Sans CJK SC makes
# Chinese skill names render in the PDF.
FONT_FAMILY = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', "
    "'PingFang SC', 'Microsoft YaHei', sans-serif"
)

DEFAULT_EMPTY_TEXT = "No data yet"

_LABEL_SIZE = 11.0
_SMALL_SIZE = 11.0
_FONT_ATTR = escape(FONT_FAMILY, quote=True)
# Characters XML 1.0 forbids; a stray control character in a user's skill name would
# otherwise make the whole document malformed.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CHART_ID = re.compile(r"[A-Za-z_][\w.-]*\Z")


def _clean(text: object) -> str:
    return _INVALID_XML.sub("", str(text))


def _esc(text: object) -> str:
    return escape(_clean(text), quote=True)


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _score(value: float) -> int:
    """Half-up rounding for labels (Python's round() would print 72.5 as 72)."""
    return math.floor(value + 0.5)


def _clamp(value: float, upper: float = 100.0) -> float:
    if math.isnan(value):
        return 0.0
    return max(0.0, min(upper, float(value)))


def _text_width(text: str, font_size: float) -> float:
    """An estimate of the rendered width: wide (CJK) characters are one em, others ~0.58."""
    return sum(
        font_size * (1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.58) for ch in text
    )


def _truncate(text: str, max_width: float, font_size: float) -> str:
    if _text_width(text, font_size) <= max_width:
        return text
    budget = max_width - _text_width("…", font_size)
    kept: list[str] = []
    for ch in text:
        budget -= _text_width(ch, font_size)
        if budget < 0:
            break
        kept.append(ch)
    return "".join(kept).rstrip() + "…"


def _text(
    x: float,
    y: float,
    content: str,
    *,
    size: float = _LABEL_SIZE,
    anchor: str = "start",
    fill: str = TEXT,
    bold: bool = False,
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-family="{_FONT_ATTR}" font-size="{_num(size)}"'
        f' fill="{fill}" text-anchor="{anchor}"{weight}>{_esc(content)}</text>'
    )


def _points(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in points)


def _document(
    *,
    kind: str,
    title: str,
    desc: str,
    width: float,
    height: float,
    body: str,
    chart_id: str | None,
) -> str:
    if chart_id is None:
        # Derived from the content so that the same chart renders byte-identical (cacheable);
        # two identical charts on one page share ids that point at identical text.
        digest = hashlib.blake2s(f"{kind}\0{title}\0{desc}".encode(), digest_size=5).hexdigest()
        chart_id = f"chart-{digest}"
    elif not _CHART_ID.match(chart_id):
        raise ValueError(f"chart_id must be a plain identifier, got {chart_id!r}")
    w, h = _num(width), _num(height)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"'
        f' role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{_esc(title)}</title>'
        f'<desc id="{chart_id}-desc">{_esc(desc)}</desc>{body}</svg>'
    )


def _empty(
    *, kind: str, title: str, text: str, width: float, height: float, chart_id: str | None
) -> str:
    body = (
        f'<rect x="1" y="1" width="{_num(width - 2)}" height="{_num(height - 2)}" rx="12"'
        f' fill="{EMPTY_FILL}" stroke="{GRID}" stroke-dasharray="4 4"/>'
        + _text(width / 2, height / 2 + 5, text, size=14, anchor="middle", fill=MUTED)
    )
    return _document(
        kind=kind, title=title, desc=text, width=width, height=height, body=body, chart_id=chart_id
    )
