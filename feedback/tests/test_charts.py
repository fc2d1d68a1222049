"""The SVG charts: well-formed, escaped, accessible, and geometrically right."""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET

import pytest

from feedback.charts import BRAND, SERIES_COLOURS, bar_chart, line_chart, radar_chart

NS = "{http://www.w3.org/2000/svg}"
XSS = "<script>alert(1)</script>"


def parse(svg: str) -> ET.Element:
    """Parse (so the markup must be well-formed) and check the accessible wrapper."""
    root = ET.fromstring(svg)  # noqa: S314 - markup this module just generated
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox")
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert title is not None and desc is not None
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    labelled_by = (root.get("aria-labelledby") or "").split()
    assert labelled_by == [title.get("id"), desc.get("id")]
    assert set(labelled_by) <= ids
    return root


def desc(root: ET.Element) -> str:
    element = root.find(f"{NS}desc")
    assert element is not None
    return element.text or ""


def texts(root: ET.Element, within: ET.Element | None = None) -> list[str]:
    return [t.text or "" for t in (within if within is not None else root).iter(f"{NS}text")]


def parts(root: ET.Element, name: str) -> list[ET.Element]:
    return [element for element in root.iter() if element.get("data-part") == name]


def only_part(root: ET.Element, name: str) -> ET.Element:
    [element] = parts(root, name)
    return element


def points(element: ET.Element) -> list[tuple[float, float]]:
    pairs = (pair.split(",") for pair in (element.get("points") or "").split())
    return [(float(x), float(y)) for x, y in pairs]


def num(element: ET.Element, attribute: str) -> float:
    return float(element.get(attribute) or "nan")


def distance(point: tuple[float, float], centre: float) -> float:
    return math.hypot(point[0] - centre, point[1] - centre)


def outer_ring_radius(root: ET.Element, centre: float) -> float:
    rings = only_part(root, "grid").findall(f"{NS}polygon")
    return max(distance(p, centre) for p in points(rings[-1]))


# -- radar ----------------------------------------------------------------------------------


def test_radar_has_one_vertex_per_axis_with_100_on_the_outer_ring_and_0_at_the_centre():
    root = parse(
        radar_chart(
            [("A", 100), ("B", 0), ("C", 50), ("D", 100), ("E", 25)], title="Skills", size=360
        )
    )
    centre = 180.0
    vertices = points(only_part(root, "values"))
    radius = outer_ring_radius(root, centre)

    assert len(vertices) == 5
    assert radius > 50
    assert distance(vertices[0], centre) == pytest.approx(radius, abs=0.02)
    assert distance(vertices[1], centre) == pytest.approx(0, abs=0.02)
    assert distance(vertices[2], centre) == pytest.approx(radius / 2, abs=0.02)
    assert distance(vertices[4], centre) == pytest.approx(radius / 4, abs=0.02)
    # The first axis points straight up.
    assert vertices[0][0] == pytest.approx(centre, abs=0.02)
    assert vertices[0][1] < centre
    # Five rings at 20..100 %.
    rings = only_part(root, "grid").findall(f"{NS}polygon")
    ring_radii = [max(distance(p, centre) for p in points(ring)) for ring in rings]
    assert ring_radii == pytest.approx([radius * k / 5 for k in range(1, 6)], abs=0.02)


def test_radar_clamps_values_to_0_and_100():
    root = parse(radar_chart([("Over", 130), ("Under", -5), ("Mid", 50)], title="Skills"))
    centre = 180.0
    vertices = points(only_part(root, "values"))

    assert distance(vertices[0], centre) == pytest.approx(outer_ring_radius(root, centre), abs=0.02)
    assert distance(vertices[1], centre) == pytest.approx(0, abs=0.02)
    assert desc(root) == "Over 100, Under 0, Mid 50"
    assert "130" not in texts(root) and "-5" not in texts(root)


def test_radar_prints_rounded_values_by_labels_placed_outside_the_plot():
    axes = [("Top", 72.4), ("Right", 64.5), ("Bottom", 10), ("Left", 99.6)]
    root = parse(radar_chart(axes, title="Skills"))
    centre = 180.0
    radius = outer_ring_radius(root, centre)
    groups = parts(root, "axis")

    assert [texts(root, g) for g in groups] == [
        ["Top", "72"],
        ["Right", "65"],
        ["Bottom", "10"],
        ["Left", "100"],
    ]
    label_texts = [g.find(f"{NS}text") for g in groups]
    assert all(t is not None for t in label_texts)
    anchors = [t.get("text-anchor") for t in label_texts if t is not None]
    assert anchors == ["middle", "start", "middle", "end"]
    top, right, bottom, left = (t for t in label_texts if t is not None)
    assert num(top, "y") < centre - radius
    assert num(right, "x") > centre + radius
    # A baseline below the ring still leaves the glyphs clear of it.
    assert num(bottom, "y") - 11 > centre + radius
    assert num(left, "x") < centre - radius


def test_radar_compare_draws_a_dashed_polygon_and_a_legend():
    root = parse(
        radar_chart(
            [("A", 80), ("B", 60), ("C", 40)],
            title="Skills",
            compare=[70, 60, 50],
            compare_label="Last session",
            values_label="This session",
        )
    )
    compare = only_part(root, "compare")

    assert len(points(compare)) == 3
    assert compare.get("stroke-dasharray")
    assert texts(root, only_part(root, "legend")) == ["This session", "Last session"]
    assert desc(root) == "A 80 (Last session 70), B 60 (Last session 60), C 40 (Last session 50)"
    assert num(root, "height") > num(root, "width")  # room for the legend under the plot


def test_radar_without_compare_has_no_compare_polygon_or_legend():
    root = parse(radar_chart([("A", 80), ("B", 60), ("C", 40)], title="Skills"))
    assert parts(root, "compare") == [] and parts(root, "legend") == []


def test_radar_rejects_a_compare_of_the_wrong_length():
    with pytest.raises(ValueError, match="compare"):
        radar_chart([("A", 1), ("B", 2), ("C", 3)], title="t", compare=[1, 2])


@pytest.mark.parametrize("count", [0, 1, 2, 9])
def test_radar_outside_3_to_8_axes_falls_back_to_bars(count):
    axes = [(f"Skill {i}", 50.0) for i in range(count)]
    root = parse(radar_chart(axes, title="Skills"))

    assert parts(root, "values") == []
    assert len(parts(root, "row")) == count
    if count == 0:
        assert "No data yet" in texts(root)


def test_radar_truncates_long_labels_but_keeps_them_in_title_and_desc():
    long_label = "Distributed systems design and capacity planning"
    root = parse(radar_chart([("A", 50), (long_label, 50), ("C", 50), ("D", 50)], title="t"))
    group = parts(root, "axis")[1]  # the right-hand axis, where width is scarcest
    title = group.find(f"{NS}title")

    assert texts(root, group)[0].endswith("…")
    assert len(texts(root, group)[0]) < len(long_label)
    assert title is not None and title.text == f"{long_label}: 50"
    assert desc(root) == f"A 50, {long_label} 50, C 50, D 50"


# -- line ------------------------------------------------------------------------------------


def shape(marker: ET.Element) -> tuple[object, ...]:
    """A marker's outline relative to its centre, to tell shapes apart."""
    if marker.tag == f"{NS}circle":
        return ("circle",)
    outline = points(marker)
    cx = sum(x for x, _ in outline) / len(outline)
    cy = sum(y for _, y in outline) / len(outline)
    return tuple((round(x - cx), round(y - cy)) for x, y in outline)


def series_group(root: ET.Element, index: int = 0) -> ET.Element:
    [group] = [g for g in parts(root, "series") if g.get("data-series") == str(index)]
    return group


def grid_ys(root: ET.Element) -> list[float]:
    return sorted(num(line, "y1") for line in only_part(root, "grid").iter(f"{NS}line"))


def test_line_breaks_at_none():
    labels = ["s1", "s2", "s3", "s4", "s5"]
    root = parse(line_chart([("Overall", [50, 60, None, 70, 80])], labels, title="Trend"))
    polylines = series_group(root).findall(f"{NS}polyline")
    markers = series_group(root).findall(f"{NS}circle")

    assert [len(points(p)) for p in polylines] == [2, 2]
    assert len(markers) == 4
    # The gap lies between the two segments: no line crosses x of the missing point.
    last_of_first, first_of_second = points(polylines[0])[-1][0], points(polylines[1])[0][0]
    assert last_of_first < first_of_second


def test_line_a_lone_point_between_gaps_is_a_marker_not_joined_to_its_neighbours():
    root = parse(line_chart([("Overall", [50, None, 70, 80])], ["a", "b", "c", "d"], title="t"))
    group = series_group(root)
    markers = group.findall(f"{NS}circle")
    polylines = group.findall(f"{NS}polyline")

    assert len(markers) == 3
    assert [len(points(p)) for p in polylines] == [2]
    first_x = num(markers[0], "cx")
    assert all(x > first_x for x, _ in points(polylines[0]))
    assert desc(root) == "Overall: a 50, c 70, d 80"


def test_line_maps_y_max_to_the_top_of_the_plot_and_0_to_its_bottom():
    root = parse(line_chart([("A", [0, 100, 50])], ["a", "b", "c"], title="t"))
    ys = grid_ys(root)
    top, bottom = ys[0], ys[-1]
    cys = [num(m, "cy") for m in series_group(root).findall(f"{NS}circle")]

    assert len(ys) == 5
    assert cys == pytest.approx([bottom, top, (top + bottom) / 2], abs=0.02)
    assert texts(root, only_part(root, "grid")) == ["0", "25", "50", "75", "100"]


def test_line_scales_to_another_y_max_and_clamps_above_it():
    root = parse(line_chart([("A", [5, 10, 15])], ["a", "b", "c"], title="t", y_max=10))
    ys = grid_ys(root)
    cys = [num(m, "cy") for m in series_group(root).findall(f"{NS}circle")]

    assert cys == pytest.approx([(ys[0] + ys[-1]) / 2, ys[0], ys[0]], abs=0.02)
    # The same plot area as with the default y_max: only the scale changed.
    default = parse(line_chart([("A", [50, 100, 100])], ["a", "b", "c"], title="t"))
    assert ys == grid_ys(default)
    assert texts(root, only_part(root, "grid")) == ["0", "3", "5", "8", "10"]


def test_line_thins_out_30_x_labels_keeping_first_and_last():
    labels = [f"Session {i}" for i in range(1, 31)]
    root = parse(line_chart([("A", [50.0] * 30)], labels, title="t"))
    shown = parts(root, "x-labels")[0].findall(f"{NS}text")
    xs = [num(t, "x") for t in shown]

    assert 2 <= len(shown) < 30
    assert shown[0].text == "Session 1" and shown[-1].text == "Session 30"
    # "Session 30" is ~60 px wide at 11 px: neighbours must not overlap.
    assert min(b - a for a, b in itertools.pairwise(xs)) >= 60
    assert all(0 <= x <= 640 for x in xs)


def test_line_keeps_all_x_labels_when_they_fit():
    root = parse(line_chart([("A", [1, 2, 3, 4, 5])], list("abcde"), title="t"))
    assert texts(root, only_part(root, "x-labels")) == list("abcde")


def test_line_single_point_draws_a_marker_without_a_line():
    root = parse(line_chart([("Overall", [72])], ["Session 1"], title="t"))
    group = series_group(root)

    assert group.findall(f"{NS}polyline") == []
    assert len(group.findall(f"{NS}circle")) == 1
    assert desc(root) == "Overall: Session 1 72"


def test_line_series_differ_in_colour_dash_and_marker():
    series = [(f"S{i}", [10.0 * i, 20.0 * i]) for i in range(1, 7)]
    root = parse(line_chart(series, ["a", "b"], title="t"))
    polylines = [series_group(root, i).find(f"{NS}polyline") for i in range(6)]
    strokes = [p.get("stroke") for p in polylines if p is not None]
    dashes = [p.get("stroke-dasharray") for p in polylines if p is not None]
    marker_shapes = {shape(series_group(root, i)[-1]) for i in range(6)}

    assert strokes == list(SERIES_COLOURS)
    assert len(set(dashes)) == 6
    assert len(marker_shapes) == 6
    assert texts(root, only_part(root, "legend")) == [name for name, _ in series]


@pytest.mark.parametrize(
    "series",
    [[], [("A", [])], [("A", [None, None]), ("B", [None])], [("A", [float("nan")])]],
)
def test_line_without_values_says_the_empty_text(series):
    root = parse(line_chart(series, ["a", "b"], title="t", empty_text="暂无数据"))

    assert texts(root) == ["暂无数据"]
    assert desc(root) == "暂无数据"
    assert list(root.iter(f"{NS}polyline")) == []


def test_line_default_empty_text():
    assert texts(parse(line_chart([], [], title="t"))) == ["No data yet"]


def test_line_rejects_a_non_positive_y_max():
    with pytest.raises(ValueError, match="y_max"):
        line_chart([("A", [1])], ["a"], title="t", y_max=0)


# -- bar -------------------------------------------------------------------------------------


def bar_rects(group: ET.Element) -> tuple[ET.Element, ET.Element]:
    track, bar = group.findall(f"{NS}rect")
    return track, bar


def test_bar_draws_one_row_per_skill_and_grows_in_height():
    rows = [("Python", 80, "advanced"), ("SQL", 55, "intermediate"), ("Go", 20, "beginner")]
    three = parse(bar_chart(rows, title="Skills"))
    six = parse(bar_chart(rows * 2, title="Skills"))

    assert len(parts(three, "row")) == 3 and len(parts(six, "row")) == 6
    assert num(six, "height") > num(three, "height")
    assert texts(three, parts(three, "row")[0]) == ["Python", "80 · advanced"]
    assert desc(three) == "Python 80 (advanced), SQL 55 (intermediate), Go 20 (beginner)"


def test_bar_length_is_proportional_and_clamped():
    rows = [("Full", 100, ""), ("Half", 50, ""), ("Over", 130, ""), ("Under", -5, "")]
    root = parse(bar_chart(rows, title="t"))
    widths = [(num(t, "width"), num(b, "width")) for t, b in map(bar_rects, parts(root, "row"))]

    track = widths[0][0]
    assert [bar for _, bar in widths] == pytest.approx([track, track / 2, track, 0], abs=0.02)
    assert all(b.get("fill") == BRAND for _, b in map(bar_rects, parts(root, "row")))
    assert [texts(root, g)[1] for g in parts(root, "row")] == ["100", "50", "100", "0"]


def test_bar_note_sits_after_the_track_in_one_column():
    root = parse(bar_chart([("A", 20, "basic"), ("B", 90, "expert")], title="t"))
    columns = set()
    for group in parts(root, "row"):
        track, bar = bar_rects(group)
        note = group.findall(f"{NS}text")[1]
        assert num(note, "x") == pytest.approx(num(track, "x") + num(track, "width") + 6, abs=0.02)
        assert num(note, "x") > num(bar, "x") + num(bar, "width")  # never on the bar or track
        columns.add(num(note, "x"))
    assert len(columns) == 1


def test_bar_truncates_long_labels_and_keeps_the_full_label_in_the_row_title():
    long_label = "Designing highly available distributed storage systems at scale"
    root = parse(bar_chart([(long_label, 60, "solid")], title="t"))
    group = parts(root, "row")[0]
    shown = texts(root, group)[0]
    title = group.find(f"{NS}title")

    assert shown.endswith("…") and len(shown) < len(long_label)
    assert long_label.startswith(shown[:-1].rstrip())
    assert title is not None and title.text == f"{long_label}: 60 · solid"


def test_bar_without_rows_says_the_empty_text():
    root = parse(bar_chart([], title="t"))
    assert texts(root) == ["No data yet"] and parts(root, "row") == []


# -- all charts ------------------------------------------------------------------------------


def all_charts(label: str) -> list[str]:
    return [
        radar_chart([(label, 70), ("B", 50), ("C", 30)], title=label, compare=[1, 2, 3]),
        radar_chart([(label, 70)], title=label),
        line_chart([(label, [10, None, 30])], [label, "b", "c"], title=label),
        line_chart([], [], title=label, empty_text=label),
        bar_chart([(label, 60, label)], title=label),
    ]


@pytest.mark.parametrize("svg", all_charts(XSS))
def test_text_is_escaped_and_no_script_element_exists(svg):
    root = parse(svg)

    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    assert not [e for e in root.iter() if str(e.tag).lower().endswith("script")]
    assert XSS in desc(root)
    title = root.find(f"{NS}title")
    assert title is not None and title.text == XSS


@pytest.mark.parametrize("svg", all_charts("沟通能力"))
def test_chinese_labels_survive_the_round_trip(svg):
    root = parse(svg)
    assert "沟通能力" in desc(root)
    assert any("沟通能力" in text for text in texts(root))


@pytest.mark.parametrize("svg", all_charts("Technical"))
def test_markup_stays_within_what_weasyprint_draws(svg):
    root = parse(svg)
    tags = {str(e.tag).removeprefix(NS) for e in root.iter()}

    assert tags.isdisjoint({"style", "script", "foreignObject", "image", "use"})
    assert all(e.get("class") is None and e.get("style") is None for e in root.iter())
    for text in root.iter(f"{NS}text"):
        assert "Noto Sans CJK SC" in (text.get("font-family") or "")
        assert text.get("fill", "").startswith("#")


def test_control_characters_are_dropped_so_the_markup_stays_well_formed():
    root = parse(bar_chart([("Py\x00th\x1bon", 50, "")], title="a\x07b"))
    assert texts(root)[0] == "Python"


def test_ids_are_stable_per_content_and_can_be_chosen():
    first = bar_chart([("A", 1, "")], title="t")
    assert first == bar_chart([("A", 1, "")], title="t")
    assert parse(first).get("aria-labelledby") != parse(bar_chart([("A", 2, "")], title="t")).get(
        "aria-labelledby"
    )
    chosen = parse(bar_chart([("A", 1, "")], title="t", chart_id="skills"))
    assert chosen.get("aria-labelledby") == "skills-title skills-desc"
    with pytest.raises(ValueError, match="chart_id"):
        bar_chart([("A", 1, "")], title="t", chart_id='x" onload="evil()')
