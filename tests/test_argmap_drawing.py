"""Specification of the argument-map drawing (issue 13): readable from 1 to 60 claims and 1 to 8 sides.

The geometric checker (casestudy.plots.argmap_check) samples every line against every box, the canvas
and the heads' targets; these tests run it on the reference map, generated maps of 40 and 60 claims
with objections across three sides, small maps and an eight-sided map, and check the checker itself.
"""

from __future__ import annotations

import re
import xml.dom.minidom

import pytest

pytest.importorskip("matplotlib")
import matplotlib

matplotlib.use("Agg")

from casestudy.argmap import ArgumentMap, reference_map, tiny_example
from casestudy.models import NEITHER
from casestudy.palette import side_styles
from casestudy.plots.argmap import draw_map
from casestudy.plots.argmap_check import check_figure, check_layout, sample_map
from casestudy.plots.argmap_layout import BOX_WIDTH, MAX_PER_ROW, TEXT_MARGIN, Edge, layout, wrap_label
from casestudy.plots.figures import Captioned, alt_text, figure_svg, show
from casestudy.plots.fonts import font_chain, missing_glyphs, text_width

THREE = ("EU", "UK", "Norway")
EIGHT = tuple(f"Side {i}" for i in range(1, 9))


def one_claim() -> ArgumentMap:
    m = ArgumentMap(sides=["A"], title="One claim")
    m.add_claim("Just one claim.", side="A")
    return m


def two_claims() -> ArgumentMap:
    m = ArgumentMap(sides=["A", "B"])
    m.add_claim("Build it.", side="A")
    m.add_claim("No: it threatens us.", side="B")
    m.add_relation("objects", "c2", "c1")
    return m


def three_claims() -> ArgumentMap:
    m = two_claims()
    m.add_claim("It threatens nobody.", side=NEITHER)
    m.add_relation("rebuts", "c3", "c2")
    return m


def with_cycle() -> ArgumentMap:
    m = reference_map()
    m.relations = dict(m.relations)
    from casestudy.argmap import Relation

    m.relations["r99"] = Relation("r99", "objects", ("us3",), "ru2")  # ru2 objects to us3 already: a 2-cycle
    return m


def lone_claims() -> ArgumentMap:
    m = reference_map()
    m.add_claim("A claim nobody links to.", side=NEITHER)
    m.add_claim("Another lone claim.", side="Russia")
    return m


MAPS = {
    "reference": reference_map,
    "40 claims, 3 sides": lambda: sample_map(40, THREE),
    "60 claims, 3 sides": lambda: sample_map(60, THREE),
    "1 claim": one_claim,
    "2 claims": two_claims,
    "3 claims": three_claims,
    "8 sides": lambda: sample_map(30, EIGHT),
    "bike shed (neither side only)": tiny_example,
    "a cycle": with_cycle,
    "lone claims": lone_claims,
}


@pytest.mark.parametrize("name", list(MAPS))
def test_drawing_keeps_every_promise(name):
    """No line through a box or off the canvas, heads on their boxes, text >= 8 pt and inside its box, 1:1."""
    amap = MAPS[name]()
    fig = draw_map(amap)
    assert check_figure(fig, amap.side_names(), texts=True) == []


def test_generated_maps_object_across_three_sides():
    """The 40- and 60-claim test maps really have objections between every pair of the three sides."""
    for n in (40, 60):
        m = sample_map(n, THREE)
        assert len(m.claims) == n and m.problems() == []
        pairs = {(m.claims[r.premises[0]].side, m.claims[r.target].side) for r in m.relations.values()
                 if r.type == "objects" and not r.is_linked}
        crossing = {frozenset(p) for p in pairs if p[0] != p[1] and NEITHER not in p}
        assert len(crossing) == 3, pairs


def test_columns_follow_the_maps_side_order_then_neither():
    """One column per side with claims, in the map's order (not alphabetical), "neither" last."""
    m = ArgumentMap(sides=["Zeta", "Alpha", "Mid"])
    for side in (NEITHER, "Mid", "Zeta", "Alpha"):
        m.add_claim(f"A claim of {side}.", side=side)
    lay = layout(m)
    assert [c.side for c in lay.columns] == ["Zeta", "Alpha", "Mid", NEITHER]
    assert all(a.right < b.left for a, b in zip(lay.columns, lay.columns[1:]))
    for b in lay.boxes.values():
        column = next(c for c in lay.columns if c.side == b.side)
        assert column.left <= b.x - b.width / 2 and b.x + b.width / 2 <= column.right


def test_sides_without_claims_get_no_column():
    """A side nobody has argued for yet takes no room."""
    m = ArgumentMap(sides=["A", "B", "C"])
    m.add_claim("Only A speaks.", side="A")
    assert [c.side for c in layout(m).columns] == ["A"]


def test_boxes_take_colour_hatch_and_border_from_the_palette():
    """Each side's boxes: its palette colour as border, its border style, its hatch in the header band."""
    from matplotlib.patches import FancyBboxPatch, Rectangle
    from matplotlib.colors import to_hex

    m = sample_map(30, EIGHT)
    styles = side_styles(m.sides)
    fig = draw_map(m)
    ax = fig.axes[0]
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    bands = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch()]
    assert len(boxes) == len(m.claims)
    for cid, claim in m.claims.items():
        box = fig.argmap_layout.boxes[cid]
        style = styles[claim.side]
        patch = next(p for p in boxes if abs(p.get_x() - (box.x - box.width / 2)) < 1e-6
                     and abs(p.get_y() - (box.y - box.height / 2)) < 1e-6)
        assert to_hex(patch.get_edgecolor()).upper() == style.colour.upper()
        assert patch.get_linestyle() == style.border
        if style.hatch:
            assert any(p.get_hatch() == style.hatch and box.x - box.width / 2 <= p.get_x() <= box.x for p in bands)
    # eight sides and "neither": nine distinct hatch-and-border pairs, so colour is never the only cue
    assert len({(s.hatch, str(s.border)) for s in styles.values()}) >= 9


def test_eight_sides_each_get_a_column_and_a_legend_entry():
    """An eight-sided map has nine columns (eight sides and neither) and names each in the legend."""
    m = sample_map(30, EIGHT)
    fig = draw_map(m)
    assert [c.side for c in fig.argmap_layout.columns] == [*EIGHT, NEITHER]
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {f"{s} claim" for s in EIGHT} <= texts and "neither side claim" in texts


def test_heads_end_on_the_border_pointing_into_the_box():
    """Every arrow's tip is on its target's border and the line arrives vertically from outside."""
    lay = layout(reference_map())
    for e in lay.edges:
        if not e.has_head:
            continue
        box = lay.boxes[e.head_on]
        x0, y0, x1, y1 = box.bounds
        tip_x, tip_y = e.tip
        assert x0 < tip_x < x1
        on_bottom = abs(tip_y - y0) < 1e-6
        assert on_bottom or abs(tip_y - y1) < 1e-6
        before = e.vertices[-2]
        assert before[0] == tip_x and (before[1] < y0 if on_bottom else before[1] > y1)


def test_rebuttal_bar_lies_on_the_rebutted_box():
    """A rebuttal ends in a bar drawn along the border of the objection it rebuts."""
    fig = draw_map(reference_map())
    lay = fig.argmap_layout
    rebuttals = [e for e in lay.edges if e.kind == "rebuts"]
    assert rebuttals
    heads = fig.axes[0].collections[1].get_paths()
    for e in rebuttals:
        x, y = e.tip
        bars = [p for p in heads if len(p.vertices) == 2 and abs(p.vertices[0][1] - y) < 1e-9
                and p.vertices[0][0] < x < p.vertices[1][0]]
        assert len(bars) == 1


def test_a_crowded_row_grows_down():
    """A side with many reasons for one claim gets at most three claims in a row; the rest move down."""
    m = ArgumentMap(sides=["A"])
    m.add_claim("The claim.", side="A")
    for i in range(9):
        m.add_claim(f"Reason {i}.", side="A")
        m.add_relation("supports", f"c{i + 2}", "c1")
    lay = layout(m)
    rows = [b.row for b in lay.boxes.values()]
    assert max(rows.count(r) for r in set(rows)) <= MAX_PER_ROW
    assert check_layout(lay) == []


def test_the_checker_finds_broken_drawings():
    """The checker reports a line through a box, a head off its border and a line off the canvas."""
    from dataclasses import replace

    lay = layout(two_claims())
    upper, lower = lay.boxes["c1"], lay.boxes["c2"]
    through = Edge("bad", "supports", "c2", "c1", ((lower.x, lower.y), (upper.x, upper.y)), (1, 2))
    far = Edge("far", "supports", "c2", "c1", ((lower.x, lower.y + 5), (upper.x + 50, upper.y)), (1, 2))
    problems = check_layout(replace(lay, edges=[through, far]))
    assert any("bad" in p and "through its own box c2" in p for p in problems)
    assert any("far" in p and "leaves the canvas" in p for p in problems)
    assert any("far" in p and "head's tip" in p for p in problems)
    overlapping = dict(lay.boxes, c2=replace(lower, x=upper.x, y=upper.y))
    assert any("overlap" in p for p in check_layout(replace(lay, boxes=overlapping)))


def test_the_checker_finds_small_text():
    """Text under 8 pt is reported."""
    fig = draw_map(two_claims())
    fig.axes[0].texts[-1].set_fontsize(6)
    assert any("under 8 pt" in p for p in check_figure(fig))


def test_the_figure_is_drawn_at_its_natural_size():
    """A 40-claim map is not shrunk: its figure is as wide as its columns, and its text is 8 pt."""
    fig = draw_map(sample_map(40, THREE))
    left, _, right, _ = fig.argmap_layout.bounds
    assert fig.get_size_inches()[0] >= right - left
    assert min(t.get_fontsize() for t in fig.axes[0].texts) >= 8


def test_long_words_and_wide_scripts_are_wrapped_to_the_box():
    """Lines never exceed the box's text width, whether English, a huge word, or CJK without spaces."""
    room = BOX_WIDTH - 2 * TEXT_MARGIN
    for text in ["The real aim is to protect the United States from Russian and Chinese missiles",
                 "x" * 300, "北约的导弹防御系统部署在欧洲，对俄罗斯的国家安全构成威胁。" * 3]:
        lines = wrap_label(text)
        assert len(lines) <= 7
        assert all(text_width(line, 8.0) <= room for line in lines), lines


@pytest.mark.skipif(not any("CJK" in f or "Droid" in f for f in font_chain()), reason="no CJK font installed")
def test_cjk_text_is_drawn_with_a_cjk_font():
    """Chinese, Japanese and Korean claims are drawn with an installed CJK font: no missing glyphs, no note."""
    m = ArgumentMap(sides=["中国", "日本"], title="地图")
    m.add_claim("北约的导弹防御系统部署在欧洲，对俄罗斯的国家安全构成威胁。", side="中国")
    m.add_claim("ミサイル防衛はイランの脅威に対抗するためのものである。", side="日本")
    m.add_relation("objects", "c2", "c1")
    fig = draw_map(m)
    assert missing_glyphs("".join(c.text for c in m.claims.values())) == []
    assert "cannot show" not in alt_text(fig)
    assert check_figure(fig, m.side_names(), texts=True) == []


def test_alt_text_says_which_characters_cannot_be_drawn():
    """A character no installed font has is named in the text alternative."""
    m = ArgumentMap(sides=["A"])
    m.add_claim("A private-use character: \ue000.", side="A")
    fig = draw_map(m)
    assert "cannot show 1 character" in alt_text(fig) and "u+e000" in alt_text(fig)
    assert "cannot show" not in alt_text(draw_map(reference_map()))


def test_svg_export_is_sharp_labelled_and_stable():
    """figure_svg gives vector SVG at the figure's size, its text alternative as <title> and <desc>, same bytes twice."""
    fig = draw_map(reference_map())
    svg = figure_svg(fig)
    assert svg == figure_svg(draw_map(reference_map()))
    root = xml.dom.minidom.parseString(svg).documentElement
    assert root.getAttribute("role") == "img"
    width = float(root.getAttribute("width").removesuffix("pt"))
    assert abs(width - fig.get_size_inches()[0] * 72) < 0.1
    assert root.getElementsByTagName("title")[0].firstChild.data == reference_map().title
    assert root.getElementsByTagName("desc")[0].firstChild.data == alt_text(fig)
    assert b"<image" not in svg  # no embedded bitmap: shapes and glyph outlines only


def test_show_draws_maps_as_svg_at_their_own_size():
    """In a notebook a map is an SVG image at its own size, in a box that scrolls sideways, with its words."""
    page = show(draw_map(sample_map(40, THREE)))._repr_html_()
    assert isinstance(show(draw_map(two_claims())), Captioned)
    assert 'src="data:image/svg+xml;base64,' in page and "overflow-x:auto" in page and "max-width:none" in page
    assert re.search(r'alt="Generated map, 40 claims', page)


def test_without_grandalf_a_clear_message(monkeypatch):
    """If grandalf is missing, drawing says in one line what to install (no raw ImportError)."""
    import sys

    from casestudy.errors import MissingResourceError

    monkeypatch.setitem(sys.modules, "grandalf.graphs", None)
    with pytest.raises(MissingResourceError, match="needs the grandalf package"):
        layout(two_claims())


def test_cli_writes_svg(tmp_path):
    """argmap --reference --to svg --out FILE writes the SVG drawing."""
    from casestudy.cli import main

    out = tmp_path / "reference.svg"
    assert main(["argmap", "--reference", "--to", "svg", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"<?xml") and b"<svg" in out.read_bytes()
