"""The trend chart: one line per series, told apart by colour, dash and marker shape."""

from __future__ import annotations

import math
from collections.abc import Sequence

from .svg import (
    _SMALL_SIZE,
    AXIS,
    DEFAULT_EMPTY_TEXT,
    GRID,
    MUTED,
    TEXT,
    _clamp,
    _clean,
    _document,
    _empty,
    _esc,
    _num,
    _points,
    _score,
    _text,
    _text_width,
    _truncate,
)

# Okabe-Ito, the colour-blind-safe palette, with its blue replaced by the app's brand indigo
# and its yellow left out (unreadable on white). Dash patterns and marker shapes differ per
# series as well, so the lines stay apart when the report is printed in greyscale.
SERIES_COLOURS = ("#4f46e5", "#e69f00", "#009e73", "#d55e00", "#56b4e9", "#cc79a7")
SERIES_DASHES = ("", "8 4", "2 3", "10 3 2 3", "5 2", "14 4 2 4 2 4")
MARKER_SHAPES = ("circle", "square", "triangle", "diamond", "triangle_down", "plus")

Y_TICKS = 4  # gridlines at 0, 25, 50, 75 and 100 % of y_max


def _marker(index: int, x: float, y: float, colour: str, tip: str = "") -> str:
    shape = MARKER_SHAPES[index % len(MARKER_SHAPES)]
    paint = f'fill="{colour}" stroke="#ffffff" stroke-width="1.2"'
    tooltip = f"<title>{_esc(tip)}</title>" if tip else ""
    if shape == "circle":
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4" {paint}>{tooltip}</circle>'
    if shape == "plus":
        a, r = 1.8, 5.0
        quarter = [(-a, -r), (a, -r), (a, -a)]
        outline: list[tuple[float, float]] = []
        for _ in range(4):  # the same arm turned by 90° four times
            outline.extend(quarter)
            quarter = [(-dy, dx) for dx, dy in quarter]
    else:
        corners, rotation, r = {
            "square": (4, 45.0, 5.2),
            "triangle": (3, -90.0, 5.6),
            "diamond": (4, -90.0, 5.6),
            "triangle_down": (3, 90.0, 5.6),
        }[shape]
        outline = [
            (
                r * math.cos(math.radians(rotation + 360 * k / corners)),
                r * math.sin(math.radians(rotation + 360 * k / corners)),
            )
            for k in range(corners)
        ]
    points = _points([(x + dx, y + dy) for dx, dy in outline])
    return f'<polygon points="{points}" {paint}>{tooltip}</polygon>'


def _series_style(index: int) -> tuple[str, str]:
    colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
    dash = SERIES_DASHES[index % len(SERIES_DASHES)]
    return colour, f' stroke-dasharray="{dash}"' if dash else ""


def line_chart(
    series: Sequence[tuple[str, Sequence[float | None]]],
    x_labels: Sequence[str],
    *,
    title: str,
    width: int = 640,
    height: int = 280,
    y_max: float = 100,
    empty_text: str = DEFAULT_EMPTY_TEXT,
    chart_id: str | None = None,
) -> str:
    """A trend chart: one line per ``(name, values)`` series over ``x_labels``.

    ``None`` (or a non-finite value) is a gap that breaks the line; values are clamped to
    ``0..y_max``. Without a single value the chart only says ``empty_text``.
    """
    if not (math.isfinite(y_max) and y_max > 0):
        raise ValueError(f"y_max must be a positive number, got {y_max!r}")
    cleaned = [
        (
            _clean(name),
            [None if v is None or not math.isfinite(v) else _clamp(v, y_max) for v in values],
        )
        for name, values in series
    ]
    if not any(v is not None for _, values in cleaned for v in values):
        return _empty(
            kind="line",
            title=title,
            text=empty_text,
            width=width,
            height=height,
            chart_id=chart_id,
        )
    count = max(len(x_labels), *(len(values) for _, values in cleaned))
    names = [_clean(label) for label in x_labels] + [
        str(i + 1) for i in range(len(x_labels), count)
    ]

    left, right, bottom, inset = 38.0, 20.0, 26.0, 12.0
    parts = ['<g data-part="legend">']
    x, y = left, 14.0
    for index, (name, _) in enumerate(cleaned):
        shown = _truncate(name, 160, _SMALL_SIZE)
        item_width = 30 + _text_width(shown, _SMALL_SIZE) + 14
        if x + item_width > width - right and x > left:
            x, y = left, y + 18
        colour, dash = _series_style(index)
        parts.append(
            f'<line x1="{_num(x)}" y1="{_num(y)}" x2="{_num(x + 24)}" y2="{_num(y)}"'
            f' stroke="{colour}" stroke-width="2"{dash}/>'
            + _marker(index, x + 12, y, colour)
            + _text(x + 30, y + 4, shown, size=_SMALL_SIZE, fill=TEXT)
        )
        x += item_width
    parts.append("</g>")
    top = y + 18
    height = max(height, math.ceil(top + bottom + 80))  # a long legend must not squash the plot
    plot_w, plot_h = width - left - right, height - top - bottom

    def x_at(i: int) -> float:
        if count == 1:
            return left + plot_w / 2
        return left + inset + i * (plot_w - 2 * inset) / (count - 1)

    def y_at(value: float) -> float:
        return top + plot_h * (1 - value / y_max)

    parts.append('<g data-part="grid">')
    for k in range(Y_TICKS + 1):
        tick_y = y_at(y_max * k / Y_TICKS)
        stroke = AXIS if k == 0 else GRID
        parts.append(
            f'<line x1="{_num(left)}" y1="{_num(tick_y)}" x2="{_num(left + plot_w)}"'
            f' y2="{_num(tick_y)}" stroke="{stroke}"/>'
            + _text(
                left - 6,
                tick_y + 4,
                str(_score(y_max * k / Y_TICKS)),
                size=_SMALL_SIZE,
                anchor="end",
                fill=MUTED,
            )
        )
    parts.append("</g>")

    # Thin the x labels to as many as fit side by side, keeping the first and the last.
    shown_names = [_truncate(name, 90, _SMALL_SIZE) for name in names]
    label_w = max(_text_width(name, _SMALL_SIZE) for name in shown_names) + 8
    spacing = (plot_w - 2 * inset) / (count - 1) if count > 1 else plot_w
    step = max(1, math.ceil(label_w / spacing))
    indices = list(range(0, count, step))
    if indices[-1] != count - 1:
        if (count - 1 - indices[-1]) * spacing >= label_w or len(indices) == 1:
            indices.append(count - 1)
        else:
            indices[-1] = count - 1
    parts.append('<g data-part="x-labels">')
    for i in indices:
        half = _text_width(shown_names[i], _SMALL_SIZE) / 2
        centre = min(max(x_at(i), half + 2), width - half - 2)  # keep the end labels inside
        parts.append(
            _text(
                centre,
                top + plot_h + 17,
                shown_names[i],
                size=_SMALL_SIZE,
                anchor="middle",
                fill=MUTED,
            )
        )
    parts.append("</g>")

    described = []
    for index, (name, values) in enumerate(cleaned):
        colour, dash = _series_style(index)
        parts.append(f'<g data-part="series" data-series="{index}">')
        runs: list[list[tuple[float, float]]] = [[]]
        for i, value in enumerate(values):
            if value is None:
                runs.append([])
            else:
                runs[-1].append((x_at(i), y_at(value)))
        for points in runs:
            if len(points) >= 2:  # a lone point between gaps is shown by its marker alone
                parts.append(
                    f'<polyline points="{_points(points)}" fill="none" stroke="{colour}"'
                    f' stroke-width="2" stroke-linejoin="round"{dash}/>'
                )
        present = [(i, v) for i, v in enumerate(values) if v is not None]
        parts.extend(
            _marker(index, x_at(i), y_at(v), colour, f"{name} · {names[i]}: {_score(v)}")
            for i, v in present
        )
        parts.append("</g>")
        if present:
            points_text = ", ".join(f"{names[i]} {_score(v)}" for i, v in present)
            described.append(f"{name}: {points_text}")
    return _document(
        kind="line",
        title=title,
        desc="; ".join(described),
        width=width,
        height=height,
        body="".join(parts),
        chart_id=chart_id,
    )
