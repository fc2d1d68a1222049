"""DOCX text in document order, table cells included, with heading hints from styles.

Resumes often lay out dates and titles in tables, and whole two-column templates are
one big table; python-docx's ``paragraphs`` alone skips all of that.
"""

from __future__ import annotations

import io
import re
from typing import Any

from resumes.parsing.extract.headings import mark_headings
from resumes.parsing.extract.model import CELL_SEPARATOR, ExtractedDocument, Line

# A cell with more paragraphs than this is a layout block (a column), not a field.
_MAX_FIELD_PARAGRAPHS = 2
# Column labels of a table's header row ("Dates | Employer | Position"), and the label
# each one maps the column's cells to (None: keep the cell as written).
_COLUMN_LABELS: dict[str, str | None] = {
    **dict.fromkeys(
        ("employer", "company", "organization", "organisation", "company name", "firm",
         "公司", "单位", "工作单位", "公司名称", "任职单位"),
        "Company",
    ),
    **dict.fromkeys(
        ("position", "title", "job title", "role", "designation", "职位", "岗位", "职务",
         "担任职位", "职位名称"),
        "Position",
    ),
    **dict.fromkeys(("major", "field of study", "专业"), "Major"),
    **dict.fromkeys(
        ("dates", "date", "period", "time", "duration", "from", "to", "start", "end",
         "start date", "end date", "location", "city", "school", "institution", "university",
         "college", "degree", "qualification", "gpa", "grade", "description",
         "responsibilities", "details", "project", "project name", "name", "issuer",
         "certification", "skill", "skills", "level", "year", "years", "时间", "起止时间",
         "日期", "时间段", "地点", "城市", "学校", "院校", "学校名称", "学历", "学位",
         "描述", "工作内容", "职责", "项目", "项目名称", "证书", "成绩", "年份"),
        None,
    ),
}  # fmt: skip


def column_labels(texts: list[str]) -> list[str | None] | None:
    """The row's label mapping if every cell is a generic column label, else None."""
    keys = [text.strip(" :：").lower() for text in texts]
    if len(keys) < 2 or not all(key in _COLUMN_LABELS for key in keys):
        return None
    return [_COLUMN_LABELS[key] for key in keys]


# A tab (to a right-aligned tab stop: "Acme Corp<TAB>Austin, TX") or a line break
# inside a paragraph separates fields; keep it as a wide gap, as the PDF reader does.
_FIELD_GAP = "   "


def _paragraph_text(paragraph: Any) -> str:
    fields = (" ".join(part.split()) for part in re.split(r"[\t\n]", paragraph.text))
    return _FIELD_GAP.join(field for field in fields if field)


def _paragraph_line(paragraph: Any) -> Line | None:
    text = _paragraph_text(paragraph)
    if not text:
        return None
    style = ""
    try:
        style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    except (AttributeError, KeyError, ValueError):
        style = ""
    runs = [run for run in paragraph.runs if run.text.strip()]
    bold = bool(runs) and all(bool(run.bold) for run in runs)
    sizes = [run.font.size.pt for run in runs if run.font.size is not None]
    # List items carry their bullet as numbering, not text; restore it so entries can
    # tell highlights from headers.
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if ("list" in style or numbered) and not text.startswith(("•", "-", "*", "·")):
        text = "• " + text
    return Line(
        text=text,
        heading=style.startswith(("heading", "title")),
        size=max(sizes) if sizes else 0.0,
        bold=bold,
    )


def _cell_lines(cell: Any) -> list[Line]:
    lines: list[Line] = []
    for block in cell.iter_inner_content():
        if hasattr(block, "rows"):
            lines.extend(_table_lines(block))
        else:
            line = _paragraph_line(block)
            if line is not None:
                lines.append(line)
    return lines


def _table_lines(table: Any) -> list[Line]:
    lines: list[Line] = []
    labels: list[str | None] | None = None
    for row in table.rows:
        cells: list[Any] = []
        seen: set[int] = set()
        for cell in row.cells:
            # Merged cells come back once per grid column; read each once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(cell)
        per_cell = [_cell_lines(cell) for cell in cells]
        if any(len(cell) > _MAX_FIELD_PARAGRAPHS for cell in per_cell):
            # A layout table: read each column top to bottom, left column first.
            for cell in per_cell:
                lines.extend(cell)
            continue
        texts = [" ".join(line.text for line in cell) for cell in per_cell]
        header = column_labels([text for text in texts if text])
        if header is not None:
            labels = column_labels(texts) if all(texts) else None
            continue  # a header row names columns; it is not an entry
        if labels is not None and len(labels) == len(texts):
            texts = [
                f"{label}: {text}" if label and text else text
                for label, text in zip(labels, texts, strict=True)
            ]
        texts = [text for text in texts if text]
        if not texts:
            continue
        flat = [line for cell in per_cell for line in cell]
        lines.append(
            Line(
                text=CELL_SEPARATOR.join(texts),
                heading=len(texts) == 1 and any(line.heading for line in flat),
                size=max((line.size for line in flat), default=0.0),
                bold=all(line.bold for line in flat),
            )
        )
    return lines


def extract_docx(data: bytes) -> ExtractedDocument:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines: list[Line] = []
    # Contact details often sit in the page header of the first section.
    if document.sections:
        header = document.sections[0].header
        if not header.is_linked_to_previous:
            for paragraph in header.paragraphs:
                line = _paragraph_line(paragraph)
                if line is not None:
                    lines.append(line)
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            lines.extend(_table_lines(block))
        else:
            line = _paragraph_line(block)
            if line is not None:
                lines.append(line)
    mark_headings(lines)  # adds typographic hints; Heading styles stay marked
    return ExtractedDocument(lines=lines, pages=1)
