"""Drawing an argument map with matplotlib: readable from 3 to 60 claims, the same way every time.

The layout (:mod:`casestudy.plots.argmap_layout`) decides where everything
goes; this module paints it:

* one column per side of the map, in the map's side order, then "neither";
  the column is tinted in the side's colour and headed by its name;
* contentions on the top row; reasons, objections and rebuttals below what
  they bear on;
* the figure is exactly as large as the drawing (1 inch of drawing is 1 inch
  of figure), so claim text is 8 pt at 100 % and never shrinks: a large map
  makes a large picture, to scroll or to export as SVG (:func:`casestudy.plots.figures.figure_svg`).

Nothing relies on colour alone.  Each side has its own colour, hatch pattern
in the box's header band, and border style (from :func:`casestudy.palette.side_styles`),
and every header names the side.  Lines differ by style and head:
``supports`` solid with a filled head, ``objects`` dashed with a hollow head,
``rebuts`` dotted with a bar lying on the box it rebuts; a legend says so.
Co-premises meet at a small ``+`` junction before their single arrow.

Text in any script is drawn with a font that has it, where one is installed
(:mod:`casestudy.plots.fonts`); the text alternative says which characters
could not be drawn.

>>> from casestudy.argmap import ArgumentMap
>>> m = ArgumentMap(sides=["US/NATO", "Russia"]); _ = m.add_claim("Build it.", side="US/NATO")
>>> _ = m.add_claim("No: it threatens us.", side="Russia"); _ = m.add_relation("objects", "c2", "c1")

The picture's content is also given in words (:func:`describe_map`), attached
to the figure as its text alternative (:mod:`casestudy.plots.figures`):

>>> print(describe_map(m))
Argument map: 2 claims (1 US/NATO and 1 Russia) and 1 link. Contentions: c1. Claims: c1 (US/NATO, contention) “Build it.”; c2 (Russia, objection) “No: it threatens us.”. Links: c2 objects to c1.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypedDict

from ..argmap import ArgumentMap
from ..models import NEITHER, UNKNOWN, Side, side_names
from ..palette import OKABE_ITO, SideStyle, side_styles
from .argmap_layout import (BAR_WIDTH, FONT_PT, HEAD_LENGTH, HEAD_WIDTH, HEADER_HEIGHT, JUNCTION, LINE_HEIGHT,
                            TEXT_MARGIN, MapLayout, column_order, fit_text, layout, wrap_label)
from .figures import SVG_ATTRIBUTE, listing, set_alt_text
from .fonts import families_for, glyph_note, needs_fallback, text_width

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import LineStyleType

__all__ = ["RELATION_STYLES", "describe_map", "draw_map", "layout", "wrap_label"]


class RelationStyle(TypedDict):
    """How one relation type is drawn (the keys of each :data:`RELATION_STYLES` entry)."""

    linestyle: LineStyleType
    head: str
    label: str


RELATION_STYLES: dict[str, RelationStyle] = {
    "supports": {"linestyle": "solid", "head": "filled", "label": "supports (solid line, filled head)"},
    "objects": {"linestyle": "dashed", "head": "hollow", "label": "objects to (dashed line, hollow head)"},
    "rebuts": {"linestyle": "dotted", "head": "bar", "label": "rebuts an objection (dotted line, bar head)"},
}
"""How each relation type is drawn: told apart by line style and head, not colour."""

TITLE_PT = 11.0
HEADING_PT = 9.0
MARGIN = 0.15           # around the drawing, inches
MIN_WIDTH = 6.5         # room for the legend under a small map
LEGEND_ROW = 0.24
LINE_WIDTH = 1.3        # points
BLACK = OKABE_ITO["black"]


def _light(colour: str, amount: float = 0.82) -> tuple[float, float, float]:
    """A pale tint of a colour (mixed with white), so dark text stays readable on it."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def _side_label(side: str, known: Sequence[str]) -> str:
    if side == NEITHER:
        return "neither side"
    return side if side in known or side == UNKNOWN else f"{side} (not a side of this map)"


def draw_map(amap: ArgumentMap, title: str | None = None, highlight: str | None = None,
             sides: Sequence[Side | str] | None = None) -> Figure:
    """Draw the map and return the matplotlib ``Figure`` (shown as a notebook cell's result).

    ``highlight`` (a claim id) draws that claim's border thicker, e.g. the one
    selected in the editor.  ``sides`` overrides the map's own sides (their
    order and colours).  The figure carries its text alternative and its
    layout (``fig.argmap_layout``, used by :mod:`casestudy.plots.argmap_check`).
    """
    from matplotlib.figure import Figure  # no pyplot: nothing global to close

    declared = list(sides) if sides is not None else list(amap.sides)
    names = list(side_names(declared))
    styles = side_styles(declared)
    texts = [c.text for c in amap.claims.values()] + [amap.title or "", *names]
    needs_fallback(texts)  # fonts installed after matplotlib built its font list become usable
    lay = layout(amap, sides=names)

    left, bottom, right, top = lay.bounds
    width = max(right - left + 2 * MARGIN, MIN_WIDTH)
    extra = width - (right - left + 2 * MARGIN)
    x0 = left - MARGIN - extra / 2
    heading = title if title is not None else (amap.title or "Argument map")
    title_lines = wrap_label(heading, width - 2 * MARGIN, TITLE_PT, max_lines=2)
    title_band = 0.12 + len(title_lines) * TITLE_PT * 1.35 / 72
    legend = _legend_items(amap, lay, styles, names)
    legend_rows = _legend_rows(legend, width - 2 * MARGIN)
    legend_band = 0.15 + len(legend_rows) * LEGEND_ROW
    y0 = bottom - MARGIN - legend_band
    y1 = top + MARGIN + title_band
    fig = Figure(figsize=(width, y1 - y0), dpi=100)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))  # the axes fill the figure: 1 data inch is 1 figure inch
    ax.set_xlim(x0, x0 + width)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.axis("off")
    _text(ax, x0 + MARGIN, y1 - 0.08, "\n".join(title_lines), TITLE_PT, ha="left", va="top", linespacing=1.2)

    if not lay.boxes:
        _text(ax, x0 + width / 2, (bottom + top) / 2, "This map is empty: add a claim to start.", 10.0,
              ha="center", va="center")
    else:
        _draw_columns(ax, lay, styles, names)
        _draw_boxes(ax, lay, styles, highlight)
        _draw_edges(ax, lay)
    _draw_legend(ax, legend_rows, x0 + MARGIN, bottom - MARGIN - 0.1)
    setattr(fig, "argmap_layout", lay)
    setattr(fig, "alt_title", heading)
    setattr(fig, SVG_ATTRIBUTE, True)  # show() draws it as SVG, at its own size: sharp, and 8 pt stays 8 pt
    words = describe_map(amap, title)
    note = glyph_note([t for t in texts if t])
    return set_alt_text(fig, f"{words} {note}" if note else words)


def _draw_columns(ax: Axes, lay: MapLayout, styles: dict[str, SideStyle], names: list[str]) -> None:
    """A pale band behind each side's column, headed by the side's name."""
    from matplotlib.patches import Rectangle

    _left, bottom, _right, top = lay.bounds
    for col in lay.columns:
        style = styles.get(col.side) or styles[UNKNOWN]
        ax.add_artist(Rectangle((col.left, bottom), col.right - col.left, top - bottom,
                               facecolor=_light(style.colour, 0.93), edgecolor="none", zorder=0))
        label = fit_text(_side_label(col.side, names), col.right - col.left - 0.1, HEADING_PT, bold=True)
        _text(ax, (col.left + col.right) / 2, col.heading_y, label, HEADING_PT, True, ha="center", va="center",
              color=BLACK, zorder=1)


def _text(ax: Axes, x: float, y: float, text: str, size: float = FONT_PT, bold: bool = False, **kw: Any) -> None:
    """Write ``text`` literally (no mathtext), in fonts that have its characters."""
    families, weight = families_for(text, bold)
    ax.text(x, y, text, fontsize=size, fontweight="bold" if weight else "normal", family=families,
            parse_math=False, **kw)


def _draw_boxes(ax: Axes, lay: MapLayout, styles: dict[str, SideStyle], highlight: str | None) -> None:
    """Each claim: a rounded box in its side's tint and border, a hatched header band naming it, its text."""
    from matplotlib.patches import FancyBboxPatch, Rectangle

    for b in lay.boxes.values():
        style = styles.get(b.side) or styles[UNKNOWN]
        left, low, _right, high = b.bounds
        ax.add_artist(FancyBboxPatch((left, low), b.width, b.height, boxstyle="round,pad=0,rounding_size=0.05",
                                    facecolor=_light(style.colour), edgecolor=style.colour,
                                    linewidth=3.0 if b.id == highlight else 1.5, linestyle=style.border,
                                    zorder=2))
        ax.add_artist(Rectangle((left + 0.02, high - HEADER_HEIGHT), b.width - 0.04, HEADER_HEIGHT - 0.02,
                               facecolor=_light(style.colour, 0.5), edgecolor=style.colour, linewidth=0,
                               hatch=style.hatch, zorder=2.2))
        header = fit_text(b.header, b.width - 2 * TEXT_MARGIN, FONT_PT, bold=True)
        ax.add_artist(Rectangle((left + TEXT_MARGIN - 0.03, high - HEADER_HEIGHT + 0.03),
                                text_width(header, FONT_PT, families_for(header, True)[1]) + 0.06,
                                HEADER_HEIGHT - 0.08, facecolor="white", edgecolor="none", zorder=2.4))
        _text(ax, left + TEXT_MARGIN, high - HEADER_HEIGHT / 2 - 0.005, header, bold=True, ha="left", va="center",
              zorder=3)
        _text(ax, left + TEXT_MARGIN, high - HEADER_HEIGHT - 0.05, "\n".join(b.lines), ha="left", va="top",
              linespacing=LINE_HEIGHT * 72 / FONT_PT / 1.17, zorder=3)


def _draw_edges(ax: Axes, lay: MapLayout) -> None:
    """Lines along the layout's paths, heads drawn at their tips (on the target's border), junctions on top."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import PathPatch, Polygon
    from matplotlib.path import Path

    lines = []
    heads = []
    for e in lay.edges:
        style = RELATION_STYLES.get(e.kind, RELATION_STYLES["supports"])
        verts = list(e.vertices)
        x, y = e.tip
        toward = 1.0 if e.pointing_up else -1.0
        if e.has_head and style["head"] != "bar":  # the line stops at the head's base
            verts[-1] = (x, y - toward * HEAD_LENGTH)
            heads.append(Polygon([(x, y), (x - HEAD_WIDTH / 2, y - toward * HEAD_LENGTH),
                                  (x + HEAD_WIDTH / 2, y - toward * HEAD_LENGTH)], closed=True,
                                 facecolor=BLACK if style["head"] == "filled" else "white", edgecolor=BLACK,
                                 linewidth=1.0, joinstyle="miter"))
        elif e.has_head:  # a bar lying on the border
            heads.append(Polygon([(x - BAR_WIDTH / 2, y), (x + BAR_WIDTH / 2, y)], closed=False, facecolor="none",
                                 edgecolor=BLACK, linewidth=2.4))
        lines.append(PathPatch(Path(verts, list(e.codes)), facecolor="none", edgecolor=BLACK, linewidth=LINE_WIDTH,
                               linestyle="solid" if e.kind == "leg" else style["linestyle"], capstyle="butt"))
    ax.add_collection(PatchCollection(lines, match_original=True, zorder=2.6))
    ax.add_collection(PatchCollection(heads, match_original=True, zorder=2.7))
    if lay.junctions:
        xs = [p[0] for p in lay.junctions.values()]
        ys = [p[1] for p in lay.junctions.values()]
        size = JUNCTION * 72
        ax.plot(xs, ys, marker="o", linestyle="none", markersize=size, color=BLACK, markerfacecolor="white",
                markeredgecolor=BLACK, markeredgewidth=1.2, zorder=4)
        ax.plot(xs, ys, marker="+", linestyle="none", markersize=size * 0.6, color=BLACK, markeredgewidth=1.4,
                zorder=5)


# -- the legend -------------------------------------------------------------------------------


def _legend_items(amap: ArgumentMap, lay: MapLayout, styles: dict[str, SideStyle],
                  names: list[str]) -> list[tuple[str, Any, str]]:
    """What the legend explains, as (kind, style, label): the relation types, junctions, and each side drawn."""
    items: list[tuple[str, Any, str]] = [("relation", kind, s["label"]) for kind, s in RELATION_STYLES.items()]
    if lay.junctions:
        items.append(("junction", None, "+ co-premises that work only together"))
    for col in lay.columns:
        items.append(("side", styles.get(col.side) or styles[UNKNOWN], f"{_side_label(col.side, names)} claim"))
    return items


SWATCH = 0.42  # inches of sample before each legend label


def _legend_rows(items: list[tuple[str, Any, str]], width: float) -> list[list[tuple[str, Any, str, float]]]:
    """Legend entries flowed into rows no wider than ``width``; each entry with its width."""
    rows: list[list[tuple[str, Any, str, float]]] = [[]]
    used = 0.0
    for kind, style, label in items:
        label = fit_text(label, width - SWATCH - 0.1)
        w = SWATCH + 0.08 + text_width(label, FONT_PT) + 0.3
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0.0
        rows[-1].append((kind, style, label, w))
        used += w
    return rows


def _draw_legend(ax: Axes, rows: list[list[tuple[str, Any, str, float]]], x0: float, y0: float) -> None:
    """Draw the legend's rows from ``(x0, y0)`` downwards: a sample, then its label."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Polygon, Rectangle

    y = y0
    for row in rows:
        y -= LEGEND_ROW
        x = x0
        for kind, style, label, w in row:
            mid = y + LEGEND_ROW / 2
            if kind == "relation":
                s = RELATION_STYLES[style]
                tip = x + SWATCH
                ax.add_line(Line2D([x, tip - (0 if s["head"] == "bar" else HEAD_LENGTH)], [mid, mid], color=BLACK,
                                   linewidth=LINE_WIDTH, linestyle=s["linestyle"]))
                if s["head"] == "bar":
                    ax.add_line(Line2D([tip, tip], [mid - BAR_WIDTH / 2.5, mid + BAR_WIDTH / 2.5], color=BLACK,
                                       linewidth=2.4))
                else:
                    ax.add_artist(Polygon([(tip, mid), (tip - HEAD_LENGTH, mid - HEAD_WIDTH / 2),
                                          (tip - HEAD_LENGTH, mid + HEAD_WIDTH / 2)],
                                         facecolor=BLACK if s["head"] == "filled" else "white", edgecolor=BLACK,
                                         linewidth=1.0))
            elif kind == "junction":
                ax.add_line(Line2D([x + SWATCH / 2], [mid], marker="o", markersize=JUNCTION * 72, color=BLACK,
                                   markerfacecolor="white", markeredgecolor=BLACK, linestyle="none"))
                ax.add_line(Line2D([x + SWATCH / 2], [mid], marker="+", markersize=JUNCTION * 43, color=BLACK,
                                   linestyle="none"))
            else:
                ax.add_artist(Rectangle((x, mid - 0.08), SWATCH, 0.16, facecolor=_light(style.colour, 0.5),
                                       edgecolor=style.colour, hatch=style.hatch, linestyle=style.border,
                                       linewidth=1.5))
            _text(ax, x + SWATCH + 0.08, mid, label, ha="left", va="center")
            x += w


# -- in words ---------------------------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def describe_map(amap: ArgumentMap, title: str | None = None, width: int = 200) -> str:
    """The map in words, for readers who cannot see the drawing: counts, contentions, every claim and link.

    Claims longer than ``width`` characters are shortened with an ellipsis.
    """
    name = title if title is not None else (amap.title or "Argument map")
    if not amap.claims:
        return f"{name}: the map is empty."
    roles = amap.roles()
    order = column_order(amap)
    per_side = {side: sum(c.side == side for c in amap.claims.values()) for side in order}
    sides = listing([f"{n} {side}" for side, n in per_side.items()])
    text = (f"{name}: {_plural(len(amap.claims), 'claim')} ({sides}) and {_plural(len(amap.relations), 'link')}. "
            f"Contentions: {listing(amap.contentions()) or 'none'}. Claims: ")
    claims = []
    for c in amap.claims.values():
        words = " ".join(c.text.split())
        words = words if len(words) <= width else words[: width - 1].rstrip() + "\u2026"
        claims.append(f"{c.id} ({c.side}, {roles.get(c.id, '')}) \u201c{words}\u201d")
    text += "; ".join(claims) + "."
    if amap.relations:
        text += " Links: " + "; ".join(r.describe() for r in amap.relations.values()) + "."
    return text
