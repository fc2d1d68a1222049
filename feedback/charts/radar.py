"""The radar chart of the report's skill or aspect scores."""

from __future__ import annotations

import math
from collections.abc import Sequence

from .bars import bar_chart
from .svg import (
    _LABEL_SIZE,
    _SMALL_SIZE,
    AXIS,
    BRAND,
    BRAND_DARK,
    DEFAULT_EMPTY_TEXT,
    GRID,
    MUTED,
    _clamp,
    _clean,
    _document,
    _esc,
    _num,
    _points,
    _score,
    _text,
    _text_width,
    _truncate,
)

RADAR_MIN_AXES = 3  # a polygon needs three vertices; fewer axes are drawn as bars
RADAR_MAX_AXES = 8  # more spokes crowd the labels at report size; bars read better then
RADAR_RINGS = (20, 40, 60, 80, 100)

_VALUE_SIZE = 12.0
# |cos| or |sin| of an axis past which its label sits beside (or above/below) the spoke's end
# instead of centred on it.
_SIDE = 0.3


def radar_chart(
    axes: Sequence[tuple[str, float]],
    *,
    title: str,
    compare: Sequence[float] | None = None,
    compare_label: str = "",
    values_label: str = "Current",
    size: int = 360,
    empty_text: str = DEFAULT_EMPTY_TEXT,
    chart_id: str | None = None,
) -> str:
    """A radar chart of 3..8 ``(label, value)`` axes, values clamped to 0..100.

    ``compare`` (one value per axis, e.g. the previous session) is drawn as a dashed polygon
    with a legend naming it ``compare_label`` and the values ``values_label``. With fewer than
    three or more than eight axes the values are drawn by :func:`bar_chart` instead.
    """
    if not RADAR_MIN_AXES <= len(axes) <= RADAR_MAX_AXES:
        rows = [(label, value, "") for label, value in axes]
        return bar_chart(
            rows, title=title, width=max(size, 360), empty_text=empty_text, chart_id=chart_id
        )
    if compare is not None and len(compare) != len(axes):
        raise ValueError(f"compare has {len(compare)} values for {len(axes)} axes")
    labels = [_clean(label) for label, _ in axes]
    values = [_clamp(value) for _, value in axes]
    previous = [_clamp(value) for value in compare] if compare is not None else None
    previous_name = _clean(compare_label) or "Previous"

    centre, pad, gap, line_h = size / 2, 6.0, 8.0, 15.0
    block_h = 2 * line_h  # the label line and the value line under it
    room = centre - pad
    count = len(axes)
    angles = [-math.pi / 2 + 2 * math.pi * i / count for i in range(count)]
    directions = [(math.cos(a), math.sin(a)) for a in angles]

    # The largest radius at which every label block still fits inside the square, within
    # sensible bounds; labels that do not fit at the smallest radius are truncated below.
    radius = size * 0.36
    for (c, s), label in zip(directions, labels, strict=True):
        width = _text_width(label, _LABEL_SIZE)
        extent_x = width if abs(c) > _SIDE else width / 2
        extent_y = block_h if abs(s) > _SIDE else block_h / 2
        for component, extent in ((c, extent_x), (s, extent_y)):
            if abs(component) > 1e-9:
                radius = min(radius, (room - extent) / abs(component) - gap)
    radius = max(radius, size * 0.25)

    def vertex(i: int, value: float) -> tuple[float, float]:
        c, s = directions[i]
        return centre + radius * value / 100 * c, centre + radius * value / 100 * s

    parts = ['<g data-part="grid">']
    for ring in RADAR_RINGS:
        stroke = AXIS if ring == 100 else GRID
        ring_points = _points([vertex(i, ring) for i in range(count)])
        parts.append(f'<polygon points="{ring_points}" fill="none" stroke="{stroke}"/>')
    for i in range(count):
        x, y = vertex(i, 100)
        parts.append(
            f'<line x1="{_num(centre)}" y1="{_num(centre)}" x2="{_num(x)}" y2="{_num(y)}"'
            f' stroke="{GRID}"/>'
        )
    parts.append("</g>")
    if previous is not None:
        compare_points = _points([vertex(i, v) for i, v in enumerate(previous)])
        parts.append(
            f'<polygon data-part="compare" points="{compare_points}" fill="none"'
            f' stroke="{MUTED}" stroke-width="1.5" stroke-dasharray="5 4"/>'
        )
    value_points = [vertex(i, v) for i, v in enumerate(values)]
    parts.append(
        f'<polygon data-part="values" points="{_points(value_points)}" fill="{BRAND}"'
        f' fill-opacity="0.18" stroke="{BRAND}" stroke-width="2" stroke-linejoin="round"/>'
    )
    parts.extend(
        f'<circle cx="{_num(x)}" cy="{_num(y)}" r="3" fill="{BRAND}"/>' for x, y in value_points
    )

    for (c, s), label, value in zip(directions, labels, values, strict=True):
        distance = radius + gap
        x, y = centre + distance * c, centre + distance * s
        anchor = "start" if c > _SIDE else "end" if c < -_SIDE else "middle"
        available = room - distance * abs(c)
        shown = _truncate(label, available if anchor != "middle" else 2 * available, _LABEL_SIZE)
        top = y - block_h if s < -_SIDE else y if s > _SIDE else y - block_h / 2
        parts.append(
            f'<g data-part="axis"><title>{_esc(label)}: {_score(value)}</title>'
            + _text(x, top + 11, shown, anchor=anchor, fill=MUTED)
            + _text(
                x,
                top + 11 + line_h,
                str(_score(value)),
                size=_VALUE_SIZE,
                anchor=anchor,
                fill=BRAND_DARK,
                bold=True,
            )
            + "</g>"
        )

    height = float(size)
    if previous is not None:
        names = (_clean(values_label), previous_name)
        total = sum(22 + _text_width(name, _SMALL_SIZE) for name in names) + 20
        x, y = max(pad, (size - total) / 2), size + 12.0
        parts.append(
            f'<g data-part="legend"><rect x="{_num(x)}" y="{_num(y - 5)}" width="16" height="10"'
            f' fill="{BRAND}" fill-opacity="0.18" stroke="{BRAND}" stroke-width="1.5"/>'
            + _text(x + 22, y + 4, names[0], size=_SMALL_SIZE, fill=MUTED)
        )
        x += 22 + _text_width(names[0], _SMALL_SIZE) + 20
        parts.append(
            f'<line x1="{_num(x)}" y1="{_num(y)}" x2="{_num(x + 16)}" y2="{_num(y)}"'
            f' stroke="{MUTED}" stroke-width="1.5" stroke-dasharray="5 4"/>'
            + _text(x + 22, y + 4, names[1], size=_SMALL_SIZE, fill=MUTED)
            + "</g>"
        )
        height += 26

    described = [f"{label} {_score(value)}" for label, value in zip(labels, values, strict=True)]
    if previous is not None:
        described = [
            f"{text} ({previous_name} {_score(old)})"
            for text, old in zip(described, previous, strict=True)
        ]
    return _document(
        kind="radar",
        title=title,
        desc=", ".join(described),
        width=size,
        height=height,
        body="".join(parts),
        chart_id=chart_id,
    )
