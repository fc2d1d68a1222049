"""Horizontal bars, one labelled row per value; also the radar chart's fallback."""

from __future__ import annotations

from collections.abc import Sequence

from .svg import (
    _LABEL_SIZE,
    _SMALL_SIZE,
    BRAND,
    DEFAULT_EMPTY_TEXT,
    MUTED,
    TEXT,
    TRACK,
    _clamp,
    _clean,
    _document,
    _empty,
    _esc,
    _num,
    _score,
    _text,
    _text_width,
    _truncate,
)


def bar_chart(
    rows: Sequence[tuple[str, float, str]],
    *,
    title: str,
    width: int = 560,
    empty_text: str = DEFAULT_EMPTY_TEXT,
    chart_id: str | None = None,
) -> str:
    """Horizontal bars for ``(label, value 0..100, note)`` rows, the note printed at the bar end.

    Long labels are truncated with an ellipsis; each row group keeps the full label in its
    <title>.
    """
    row_h, bar_h, pad = 30.0, 14.0, 8.0
    if not rows:
        return _empty(
            kind="bar", title=title, text=empty_text, width=width, height=80, chart_id=chart_id
        )
    cleaned = [(_clean(label), _clamp(value), _clean(note)) for label, value, note in rows]
    ends = [f"{_score(v)} · {note}" if note else str(_score(v)) for _, v, note in cleaned]
    label_col = min(width * 0.34, 200.0)
    note_col = min(max(_text_width(end, _SMALL_SIZE) for end in ends) + 10, width * 0.3)
    bar_x = pad + label_col + 8
    bar_w = width - pad - note_col - bar_x
    height = 2 * pad + len(rows) * row_h

    parts = []
    described = []
    for index, ((label, value, note), end) in enumerate(zip(cleaned, ends, strict=True)):
        middle = pad + index * row_h + row_h / 2
        length = bar_w * value / 100
        parts.append(
            f'<g data-part="row"><title>{_esc(label)}: {_esc(end)}</title>'
            + _text(pad, middle + 4, _truncate(label, label_col, _LABEL_SIZE), fill=TEXT)
            + f'<rect x="{_num(bar_x)}" y="{_num(middle - bar_h / 2)}" width="{_num(bar_w)}"'
            f' height="{_num(bar_h)}" rx="4" fill="{TRACK}"/>'
            f'<rect x="{_num(bar_x)}" y="{_num(middle - bar_h / 2)}" width="{_num(length)}"'
            f' height="{_num(bar_h)}" rx="4" fill="{BRAND}"/>'
            + _text(
                bar_x + bar_w + 6,  # after the track, so the note never sits on it
                middle + 4,
                _truncate(end, note_col - 6, _SMALL_SIZE),
                size=_SMALL_SIZE,
                fill=MUTED,
            )
            + "</g>"
        )
        described.append(f"{label} {_score(value)}" + (f" ({note})" if note else ""))
    return _document(
        kind="bar",
        title=title,
        desc=", ".join(described),
        width=width,
        height=height,
        body="".join(parts),
        chart_id=chart_id,
    )
