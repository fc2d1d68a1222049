"""How wide a run of text is, from the widths its PDF font declares.

pypdf's text visitor tells where a run starts but not where it ends. Guessing the end
from an average glyph width is off by a tenth or more on a long line: enough for a
bullet to reach across a narrow column gutter, or for the small capitals of a heading
("E" at 12 pt, "XPERIENCE" at 9 pt) to look like two words. Fonts embedded in a PDF
carry the advance width of every glyph, so we read them.

The font dictionary is decoded with ``pypdf.generic._font.Font`` (pypdf is pinned in
requirements.txt); anything it cannot read falls back to the estimate.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

# Average glyph width as a share of the font size, used when the font tells us nothing:
# ~0.5 for Latin sans fonts, a full em for CJK.
LATIN_WIDTH = 0.5
CJK_WIDTH = 1.0


def is_cjk(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def estimate_width(text: str, size: float) -> float:
    return sum((CJK_WIDTH if is_cjk(c) else LATIN_WIDTH) * size for c in text)


@dataclass(frozen=True)
class _GlyphWidths:
    by_char: dict[str, float]  # text character -> advance width in ems
    average: float  # for characters the font's map does not name

    def width(self, text: str, size: float) -> float:
        total = 0.0
        for char in text:
            em = self.by_char.get(char)
            if em is None:
                em = CJK_WIDTH if is_cjk(char) else self.average
            total += em
        return total * size


class FontWidths:
    """Text widths for the fonts of one document, each font decoded once."""

    def __init__(self) -> None:
        # Keyed by the font's object number, or by id() with the font kept alive so
        # the id cannot be reused by another object.
        self._fonts: dict[Any, tuple[Any, _GlyphWidths | None]] = {}

    def width(self, text: str, size: float, font: Any) -> tuple[float, bool]:
        """The width in points, and whether it was measured (False: estimated)."""
        glyphs = self._glyphs(font) if font is not None else None
        if glyphs is None:
            return estimate_width(text, size), False
        return glyphs.width(text, size), True

    def _glyphs(self, font: Any) -> _GlyphWidths | None:
        reference = getattr(font, "indirect_reference", None)
        key = (reference.idnum, reference.generation) if reference is not None else id(font)
        if key not in self._fonts:
            glyphs: _GlyphWidths | None
            try:
                glyphs = _read_font(font)
            except Exception:  # a malformed font only costs us precision
                logger.debug("could not read PDF font widths", exc_info=True)
                glyphs = None
            self._fonts[key] = (font, glyphs)
        return self._fonts[key][1]


def _read_font(font: Any) -> _GlyphWidths | None:
    from pypdf.generic._font import Font

    if font.get("/Subtype") == "/Type3":
        # Glyph procedures: Chromium sets CJK text in them, one glyph a run, and their
        # /Widths fall short of where it places the next glyph. The estimate and the
        # snapping to the next run's start serve them better.
        return None
    decoded = Font.from_font_resource(font)
    widths = decoded.character_widths
    if not set(widths) - {"default"}:
        return None  # no width table: pypdf's default is a guess like ours
    by_char: dict[str, float] = {}
    # Widths are by character code. A ToUnicode map (character_map) says which text each
    # code stands for; without one, a simple font's encoding does.
    code_to_text: dict[Any, Any] = dict(decoded.character_map)
    if not code_to_text and isinstance(decoded.encoding, dict):
        code_to_text = {chr(code): text for code, text in decoded.encoding.items()}
    # A code the width table leaves out has the font's default width (/DW, /MissingWidth).
    default = widths.get("default")
    for code, text in code_to_text.items():
        if isinstance(text, str) and len(text) == 1:
            width = widths.get(code, default)
            if width is not None:
                by_char.setdefault(text, float(width) / 1000)
    if not by_char:
        return None
    latin = [em for char, em in by_char.items() if char.isalpha() and not is_cjk(char)]
    average = sum(latin) / len(latin) if latin else LATIN_WIDTH
    return _GlyphWidths(by_char=by_char, average=average)
