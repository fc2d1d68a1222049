"""Server-side SVG charts for the feedback report, its print/PDF version and the progress dashboard.

Django-free: every function returns one complete ``<svg>`` element as ``str``. All embedded text
is escaped here, so callers may mark the result safe. The markup keeps to what WeasyPrint's own
SVG renderer draws (presentation attributes; no CSS classes, <style>, scripts, fonts, images or
foreignObject), and every chart carries a <title> and a <desc> that states the numbers in words,
so screen readers and PDF text extraction see the data and not only the drawing.

``svg.py`` holds what the charts share (colours, fonts, escaping, the document with its ids);
``radar.py``, ``line.py`` and ``bars.py`` one chart each.
"""

from __future__ import annotations

from .bars import bar_chart
from .line import SERIES_COLOURS, line_chart
from .radar import radar_chart
from .svg import BRAND, DEFAULT_EMPTY_TEXT

__all__ = [
    "BRAND",
    "DEFAULT_EMPTY_TEXT",
    "SERIES_COLOURS",
    "bar_chart",
    "line_chart",
    "radar_chart",
]
