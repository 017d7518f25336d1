"""Drawing an argument map with matplotlib, the same way every time.

The layout is computed from the map alone (:func:`layout`), so the same map
always gives the same picture, whichever order you look at it in:

* one column per side (US/NATO on the left, neither in the middle, Russia on
  the right), so you see at a glance who argues what;
* contentions on the top row; a claim sits one row below the deepest claim it
  bears on, so reasons, objections and rebuttals stack downwards;
* within a row, claims follow the position of what they point at, then the
  order they were added.

Nothing relies on colour alone.  Each box names its side in a hatched header
band (blue and solid border for US/NATO, vermillion and dashed for Russia, grey
and dotted for neither: Okabe-Ito colours, safe for colour-blind readers).
Arrows differ by line style and head: ``supports`` solid with a filled head,
``objects`` dashed with a hollow head, ``rebuts`` dotted with a bar head;
a legend says so.  Co-premises meet at a small ``+`` junction before their
single arrow.

>>> from casestudy.argmap import ArgumentMap
>>> m = ArgumentMap(sides=["US/NATO", "Russia"]); _ = m.add_claim("Build it.", side="US/NATO")
>>> _ = m.add_claim("No: it threatens us.", side="Russia"); _ = m.add_relation("objects", "c2", "c1")
>>> boxes = layout(m)
>>> boxes["c1"].row, boxes["c2"].row, boxes["c1"].x < boxes["c2"].x
(0, 1, True)

The picture's content is also given in words (:func:`describe_map`), attached
to the figure as its text alternative (:mod:`casestudy.plots.figures`):

>>> print(describe_map(m))
Argument map: 2 claims (1 US/NATO and 1 Russia) and 1 link. Contentions: c1. Claims: c1 (US/NATO, contention) “Build it.”; c2 (Russia, objection) “No: it threatens us.”. Links: c2 objects to c1.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

from ..argmap import ArgumentMap
from .figures import listing, set_alt_text
from ..models import NEITHER
from ..palette import OKABE_ITO, side_styles
from ..text.loading import load_sides

# Transitional (issue 10): the map does not carry its sides yet, so the bundled article's are used.
_STYLES = side_styles(load_sides())
SIDE_COLOURS = {k: v.colour for k, v in _STYLES.items()}
SIDE_HATCHES = {k: v.hatch for k, v in _STYLES.items()}

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure
    from matplotlib.typing import LineStyleType

COLUMN_ORDER = ("US/NATO", "neither", "Russia")
"""Left to right: the two sides at the edges, claims of neither side between them."""

SIDE_BORDERS: dict[str, LineStyleType] = {"US/NATO": "solid", "Russia": "dashed", "neither": "dotted"}
"""Box border style per side, a second signal besides colour and hatch."""

class RelationStyle(TypedDict):
    """How one relation type is drawn (the keys of each :data:`RELATION_STYLES` entry)."""

    linestyle: LineStyleType
    arrowstyle: str
    head_fill: str
    marker: str
    label: str


RELATION_STYLES: dict[str, RelationStyle] = {
    "supports": {"linestyle": "solid", "arrowstyle": "-|>,head_length=0.6,head_width=0.35", "head_fill": "black", "marker": ">", "label": "supports (solid line, filled head)"},
    "objects": {"linestyle": "dashed", "arrowstyle": "-|>,head_length=0.6,head_width=0.35", "head_fill": "white", "marker": ">", "label": "objects to (dashed line, hollow head)"},
    "rebuts": {"linestyle": "dotted", "arrowstyle": "-[,widthB=0.9,lengthB=0.3", "head_fill": "black", "marker": "|", "label": "rebuts an objection (dotted line, bar head)"},
}
"""How each relation type is drawn: told apart by line style and arrow head, not colour."""

WRAP = 28          # characters per label line
BOX_WIDTH = 2.4    # inches
LINE_HEIGHT = 0.17  # inches per text line at 8 pt
COLUMN_GAP = 0.5
ROW_GAP = 0.55
BOX_GAP = 0.25
MAX_LINES = 7      # longer claims are cut with an ellipsis: a map box is for a short claim


@dataclass(frozen=True)
class Box:
    """Where one claim is drawn: centre ``x``, ``y`` (inches), size, row, and its wrapped label."""

    id: str
    x: float
    y: float
    width: float
    height: float
    row: int
    side: str
    header: str
    lines: tuple[str, ...]


def wrap_label(text: str, width: int = WRAP, max_lines: int = MAX_LINES) -> list[str]:
    """Wrap a claim into short lines, cutting very long claims with an ellipsis.

    >>> wrap_label("The real aim is to protect the United States from Russian and Chinese missiles", 30)
    ['The real aim is to protect the', 'United States from Russian and', 'Chinese missiles']
    """
    lines = textwrap.wrap(" ".join(text.split()), width=width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "\u2026"
    return lines


def rows_of(amap: ArgumentMap) -> dict[str, int]:
    """The row of each claim: 0 for contentions, else one below the deepest claim it bears on.

    Cycles cannot push claims down forever: depths stop growing after as many
    rounds as there are claims.
    """
    roles = amap.roles()
    row = {cid: 0 for cid in amap.claims}
    valid = [r for r in amap.relations.values()
             if r.target in amap.claims and all(p in amap.claims for p in r.premises)]
    for _ in range(len(amap.claims)):
        changed = False
        for r in valid:
            for p in r.premises:
                if roles.get(p) == "contention":
                    continue
                if row[p] < row[r.target] + 1 <= len(amap.claims):
                    row[p] = row[r.target] + 1
                    changed = True
        if not changed:
            break
    return row


def layout(amap: ArgumentMap) -> dict[str, Box]:
    """Place every claim: a pure function of the map (same map, same boxes)."""
    rows = rows_of(amap)
    roles = amap.roles()
    order = {cid: i for i, cid in enumerate(amap.claims)}
    sides = [s for s in COLUMN_ORDER if any(c.side == s for c in amap.claims.values())]
    sides += sorted({c.side for c in amap.claims.values()} - set(sides))  # invalid sides still get drawn
    n_rows = max(rows.values(), default=-1) + 1

    labels = {cid: wrap_label(c.text) for cid, c in amap.claims.items()}
    heights = {cid: (len(lines) + 1) * LINE_HEIGHT + 0.18 for cid, lines in labels.items()}
    row_height = [max([heights[c] for c in amap.claims if rows[c] == r] or [0.5]) for r in range(n_rows)]
    row_top = []
    y = 0.0
    for r in range(n_rows):
        row_top.append(y)
        y -= row_height[r] + ROW_GAP

    targets_of: dict[str, list[str]] = {cid: [] for cid in amap.claims}
    for rel in amap.relations.values():
        for p in rel.premises:
            if p in targets_of and rel.target in amap.claims:
                targets_of[p].append(rel.target)

    x_of: dict[str, float] = {}
    boxes: dict[str, Box] = {}
    left = 0.0
    for side in sides:
        members = [cid for cid in amap.claims if amap.claims[cid].side == side]
        per_row = [[cid for cid in members if rows[cid] == r] for r in range(n_rows)]
        slots = max((len(p) for p in per_row), default=1)
        width = slots * BOX_WIDTH + (slots - 1) * BOX_GAP
        for r in range(n_rows):
            def key(cid: str) -> tuple[float, int]:
                placed = [x_of[t] for t in targets_of[cid] if t in x_of]
                return (sum(placed) / len(placed) if placed else left + width / 2, order[cid])
            row_members = sorted(per_row[r], key=key)
            used = len(row_members) * BOX_WIDTH + max(len(row_members) - 1, 0) * BOX_GAP
            start = left + (width - used) / 2
            for i, cid in enumerate(row_members):
                x = start + i * (BOX_WIDTH + BOX_GAP) + BOX_WIDTH / 2
                x_of[cid] = x
                h = heights[cid]
                boxes[cid] = Box(id=cid, x=round(x, 4), y=round(row_top[r] - h / 2, 4), width=BOX_WIDTH,
                                 height=round(h, 4), row=r, side=side,
                                 header=f"{side} \u00b7 {cid} \u00b7 {roles.get(cid, '')}",
                                 lines=tuple(labels[cid]))
        left += width + COLUMN_GAP
    return {cid: boxes[cid] for cid in amap.claims}


def _hits(a: tuple[float, float], b: tuple[float, float], rad: float, others: list[Box]) -> int:
    """How many sample points of the arc from ``a`` to ``b`` (matplotlib's ``arc3``) fall inside other boxes."""
    (x1, y1), (x2, y2) = a, b
    cx, cy = (x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1)
    hits = 0
    for i in range(1, 20):
        t = i / 20
        x = (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2
        y = (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2
        hits += any(abs(x - o.x) < o.width / 2 + 0.05 and abs(y - o.y) < o.height / 2 + 0.05 for o in others)
    return hits


def route(a: Box, b: Box, boxes: dict[str, Box]) -> float:
    """The bend (``arc3`` radius) for an arrow from box ``a`` to box ``b`` that crosses the fewest other boxes.

    Straight if nothing is in the way; otherwise the gentlest bend that goes
    around, trying right before left so the choice is always the same.
    """
    others = [o for o in boxes.values() if o.id not in (a.id, b.id)]
    candidates = (0.0, 0.25, -0.25, 0.45, -0.45, 0.7, -0.7)
    scores = [_hits((a.x, a.y), (b.x, b.y), rad, others) for rad in candidates]
    return candidates[scores.index(min(scores))]


def _light(colour: str, amount: float = 0.82) -> tuple[float, float, float]:
    """A pale tint of a colour, so dark text stays readable on it."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def draw_map(amap: ArgumentMap, title: str | None = None, highlight: str | None = None) -> Figure:
    """Draw the map and return the matplotlib ``Figure`` (shown as a notebook cell's result).

    ``highlight`` (a claim id) draws that claim's border thicker, e.g. the one
    selected in the widget.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch, Rectangle

    boxes = layout(amap)
    if boxes:
        xs = [b.x - b.width / 2 for b in boxes.values()] + [b.x + b.width / 2 for b in boxes.values()]
        ys = [b.y - b.height / 2 for b in boxes.values()] + [b.y + b.height / 2 for b in boxes.values()]
        x0, x1, y0, y1 = min(xs) - 0.2, max(xs) + 0.2, min(ys) - 0.2, max(ys) + 0.55
    else:
        x0, x1, y0, y1 = 0.0, 6.0, -1.5, 0.5
    if x1 - x0 < 8.0:  # room for the legend, with a small map centred
        pad = (8.0 - (x1 - x0)) / 2
        x0, x1 = x0 - pad, x1 + pad
    legend_height = 0.9
    scale = min(1.0, 20.0 / (x1 - x0))  # very wide maps are shrunk to 20 inches
    fig, ax = plt.subplots(figsize=((x1 - x0) * scale, (y1 - y0 + legend_height) * scale + 0.4))
    plt.close(fig)  # pyplot forgets it; it still shows as a cell's result
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0 - legend_height, y1)
    ax.set_aspect("equal")
    ax.axis("off")
    fontsize = 8 * scale
    ax.set_title(title if title is not None else (amap.title or "Argument map"), fontsize=11 * scale,
                 loc="left", parse_math=False)

    if not boxes:
        ax.text(3.0, -0.5, "This map is empty: add a claim to start.", ha="center", va="center",
                fontsize=10 * scale, parse_math=False)
        return set_alt_text(fig, describe_map(amap, title))

    # Column headings: the side's name above its column.
    for side in dict.fromkeys(b.side for b in boxes.values()):
        col = [b for b in boxes.values() if b.side == side]
        cx = (min(b.x for b in col) + max(b.x for b in col)) / 2
        ax.text(cx, y1 - 0.2, side.upper() if side in (*amap.side_names(), NEITHER) else f"{side} (unknown side)", ha="center",
                va="center", fontsize=9.5 * scale, fontweight="bold",
                color=SIDE_COLOURS.get(side, OKABE_ITO["black"]), parse_math=False)

    patches = {}
    for b in boxes.values():
        colour = SIDE_COLOURS.get(b.side, OKABE_ITO["grey"])
        left, bottom = b.x - b.width / 2, b.y - b.height / 2
        box = FancyBboxPatch((left, bottom), b.width, b.height, boxstyle="round,pad=0,rounding_size=0.06",
                             facecolor=_light(colour), edgecolor=colour,
                             linewidth=(3.0 if b.id == highlight else 1.5) * scale,
                             linestyle=SIDE_BORDERS.get(b.side, "dotted"), zorder=2)
        ax.add_patch(box)
        patches[b.id] = box
        band = Rectangle((left, bottom + b.height - LINE_HEIGHT - 0.06), b.width, LINE_HEIGHT + 0.06,
                         facecolor=_light(colour, 0.55), edgecolor=colour, linewidth=0,
                         hatch=SIDE_HATCHES.get(b.side, ".."), zorder=2.5)
        ax.add_patch(band)
        ax.text(left + 0.07, bottom + b.height - 0.03 - LINE_HEIGHT / 2, b.header, ha="left", va="center",
                fontsize=fontsize * 0.9, fontweight="bold", zorder=3, parse_math=False,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.8, "alpha": 0.85})
        ax.text(left + 0.08, bottom + b.height - LINE_HEIGHT - 0.1, "\n".join(b.lines), ha="left", va="top",
                fontsize=fontsize, linespacing=1.25, zorder=3, parse_math=False)

    for rel in amap.relations.values():
        style = RELATION_STYLES.get(rel.type, RELATION_STYLES["supports"])
        if rel.target not in boxes or any(p not in boxes for p in rel.premises):
            continue
        target = boxes[rel.target]
        common: dict[str, Any] = {"linestyle": style["linestyle"], "linewidth": 1.4 * scale, "color": OKABE_ITO["black"],
                  "zorder": 1}
        arrow_kw: dict[str, Any] = {"arrowstyle": style["arrowstyle"],
                    "mutation_scale": 14 * scale, "facecolor": style["head_fill"], "edgecolor": OKABE_ITO["black"],
                    "linestyle": style["linestyle"], "linewidth": 1.4 * scale, "zorder": 1,
                    "shrinkA": 2, "shrinkB": 3}
        if not rel.is_linked:
            p = boxes[rel.premises[0]]
            ax.add_patch(FancyArrowPatch((p.x, p.y), (target.x, target.y), patchA=patches[p.id],
                                         patchB=patches[target.id],
                                         connectionstyle=f"arc3,rad={route(p, target, boxes)}", **arrow_kw))
            continue
        premises = [boxes[p] for p in rel.premises]
        jx = sum(b.x for b in premises) / len(premises)
        jy = max(b.y + b.height / 2 for b in premises) + ROW_GAP / 2
        if jy >= target.y - target.height / 2:  # a target below its premises: meet beside them instead
            jy = max(b.y for b in premises)
        for b in premises:
            ax.add_patch(FancyArrowPatch((b.x, b.y), (jx, jy), patchA=patches[b.id], arrowstyle="-",
                                         shrinkA=2, shrinkB=0, **common))
        ax.add_patch(FancyArrowPatch((jx, jy), (target.x, target.y), patchB=patches[target.id], **arrow_kw))
        ax.plot([jx], [jy], marker="o", linestyle="none", color=OKABE_ITO["black"], markersize=9 * scale,
                markerfacecolor="white",
                markeredgecolor=OKABE_ITO["black"], zorder=4)
        ax.text(jx, jy, "+", ha="center", va="center", fontsize=8 * scale, fontweight="bold", zorder=5)

    handles: list[Artist] = [Line2D([0], [0], color=OKABE_ITO["black"], linestyle=s["linestyle"], marker=s["marker"],
                      markerfacecolor=s["head_fill"], markeredgecolor=OKABE_ITO["black"], markersize=7,
                      label=s["label"]) for s in RELATION_STYLES.values()]
    if any(r.is_linked for r in amap.relations.values()):
        handles.append(Line2D([0], [0], color=OKABE_ITO["black"], marker="o", markerfacecolor="white",
                              linestyle="none", markersize=8, label="+ co-premises that work only together"))
    for side in dict.fromkeys(b.side for b in boxes.values()):
        colour = SIDE_COLOURS.get(side, OKABE_ITO["grey"])
        handles.append(Patch(facecolor=_light(colour, 0.55), edgecolor=colour, hatch=SIDE_HATCHES.get(side, ".."),
                             linestyle=SIDE_BORDERS.get(side, "dotted"), label=f"{side} claim"))
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 0), ncols=2 if len(handles) > 4 else 1,
              fontsize=7.5 * scale, frameon=False, handlelength=3)
    return set_alt_text(fig, describe_map(amap, title))


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
    per_side = {side: sum(c.side == side for c in amap.claims.values())
                for side in dict.fromkeys(c.side for c in amap.claims.values())}
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
