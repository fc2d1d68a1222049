"""The common shape every extractor produces: lines in reading order with heading hints."""

from __future__ import annotations

from dataclasses import dataclass, field

# Table cells of one row are joined with this, so field extraction can split them again.
CELL_SEPARATOR = " | "


@dataclass
class Line:
    text: str
    page: int = 1
    # Set by the extractor when the layout says "heading" (bigger or bold font, Heading
    # style). Section detection still checks the words; this only breaks ties.
    heading: bool = False
    size: float = 0.0  # font size in points when known, else 0
    bold: bool = False
    # The first line of a page's second column: text there before any heading (the
    # name above a main column, beside a sidebar) does not continue the section the
    # other column ended with.
    column_start: bool = False


@dataclass
class ExtractedDocument:
    lines: list[Line] = field(default_factory=list)
    pages: int = 1

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)
