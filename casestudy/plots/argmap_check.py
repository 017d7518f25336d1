"""Checking an argument-map drawing by geometry, and realistic maps of any size to check it on.

:func:`check_figure` tests the promises of the drawing (issue 13) on a figure
made by :func:`casestudy.plots.argmap.draw_map`, without looking at pixels:

* no line passes through a box it does not connect (every path is sampled
  about every 0.02 inch, curves evaluated exactly, against every box), nor
  back through its own boxes, nor through a junction it does not meet;
* every line stays inside the canvas (the figure) and inside the columns;
* every head (arrow or bar) has its tip on its target's border, arriving
  from outside the box;
* no two boxes overlap; every box lies inside its side's column, and the
  columns follow the map's side order;
* every text is at least 8 pt, and the figure is drawn 1:1 (one inch of
  drawing is one inch of figure), so 8 pt is 8 pt at 100 %;
* with ``texts=True`` (draws the figure once): every text written in a box
  stays inside it, and every other text inside the canvas.

:func:`sample_map` builds the maps to check it on: a student's map of a
debate with any number of sides, objections across sides, rebuttals, and
co-premises.  The tests and ``benchmarks/benchmark.py`` use both.

>>> from casestudy.plots.argmap import draw_map
>>> fig = draw_map(sample_map(12, sides=("EU", "UK", "Norway")))
>>> check_figure(fig)
[]
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import Any

from ..argmap import ArgumentMap, map_sides
from ..models import NEITHER
from .argmap_layout import CURVE4, HEAD_LENGTH, LINETO, MOVETO, MapLayout

MIN_FONT_PT = 8.0
TOLERANCE = 0.01  # inches: a line may graze a border, not enter a box


def sample_path(vertices: Sequence[tuple[float, float]], codes: Sequence[int], step: float = 0.02) -> Any:
    """Points along a path about ``step`` inches apart, as an (n, 2) numpy array (cubic curves evaluated exactly)."""
    import numpy as np

    pieces = []
    i = 0
    current = vertices[0]
    while i < len(codes):
        code = codes[i]
        if code == MOVETO:
            current = vertices[i]
            pieces.append(np.array([current]))
            i += 1
        elif code == LINETO:
            a, b = np.array(current), np.array(vertices[i])
            n = max(2, math.ceil(float(np.hypot(*(b - a))) / step) + 1)
            t = np.linspace(0.0, 1.0, n)[:, None]
            pieces.append(a + (b - a) * t)
            current = vertices[i]
            i += 1
        elif code == CURVE4:
            p0, p1, p2, p3 = (np.array(p) for p in (current, vertices[i], vertices[i + 1], vertices[i + 2]))
            length = float(np.hypot(*(p1 - p0)) + np.hypot(*(p2 - p1)) + np.hypot(*(p3 - p2)))  # >= arc length
            t = np.linspace(0.0, 1.0, max(2, math.ceil(length / step) + 1))[:, None]
            pieces.append((1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3)
            current = vertices[i + 2]
            i += 3
        else:
            raise ValueError(f"unexpected path code {code}")
    return np.vstack(pieces)


def _inside(points: Any, bounds: tuple[float, float, float, float], tol: float) -> Any:
    x0, y0, x1, y1 = bounds
    return ((points[:, 0] > x0 + tol) & (points[:, 0] < x1 - tol)
            & (points[:, 1] > y0 + tol) & (points[:, 1] < y1 - tol))


def _distance_to_border(x: float, y: float, bounds: tuple[float, float, float, float]) -> float:
    x0, y0, x1, y1 = bounds
    dx = max(x0 - x, 0.0, x - x1)
    dy = max(y0 - y, 0.0, y - y1)
    if dx or dy:
        return math.hypot(dx, dy)
    return min(x - x0, x1 - x, y - y0, y1 - y)


def check_layout(lay: MapLayout, canvas: tuple[float, float, float, float] | None = None,
                 column_order: Sequence[str] | None = None) -> list[str]:
    """Every broken promise of the layout (see the module's description), one line each; [] if none."""
    import numpy as np

    problems: list[str] = []
    canvas = canvas or lay.bounds
    boxes = list(lay.boxes.values())
    radius = 0.07
    for e in lay.edges:
        name = f"{e.relation} {e.tail}->{e.head_on}"
        pts = sample_path(e.vertices, e.codes)
        along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(pts, axis=0).T))])
        middle = (along > 0.05) & (along < along[-1] - 0.05)
        for b in boxes:
            own = b.id in (e.tail, e.head_on)
            hit = _inside(pts, b.bounds, TOLERANCE) & (middle if own else True)
            if hit.any():
                problems.append(f"{name} passes through {'its own box ' if own else 'box '}{b.id}")
        for j, (jx, jy) in lay.junctions.items():
            if j not in (e.tail, e.head_on) and (np.hypot(pts[:, 0] - jx, pts[:, 1] - jy) < radius).any():
                problems.append(f"{name} passes through {j}")
        for label, (x0, y0, x1, y1) in (("the canvas", canvas), ("the columns", lay.bounds)):
            if ((pts[:, 0] < x0) | (pts[:, 0] > x1) | (pts[:, 1] < y0) | (pts[:, 1] > y1)).any():
                problems.append(f"{name} leaves {label}")
        if e.has_head:
            target = lay.boxes.get(e.head_on)
            if target is None:
                problems.append(f"{name}: its head is not on a claim")
                continue
            x, y = e.tip
            gap = _distance_to_border(x, y, target.bounds)
            if gap > TOLERANCE:
                problems.append(f"{name}: the head's tip is {gap:.3f} in from {target.id}'s border")
            back = pts[along >= along[-1] - HEAD_LENGTH]  # where the head is drawn: outside the box
            if _inside(back, target.bounds, TOLERANCE).any():
                problems.append(f"{name}: the head lies inside {target.id}")
        elif e.head_on not in lay.junctions and not e.head_on.startswith("relay "):
            problems.append(f"{name}: a line without a head must end at a junction")
    for i, a in enumerate(boxes):
        ax0, ay0, ax1, ay1 = a.bounds
        for b in boxes[i + 1:]:
            bx0, by0, bx1, by1 = b.bounds
            if ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1:
                problems.append(f"boxes {a.id} and {b.id} overlap")
    columns = {c.side: c for c in lay.columns}
    for b in boxes:
        col = columns.get(b.side)
        if col is None or not (col.left <= b.bounds[0] and b.bounds[2] <= col.right):
            problems.append(f"box {b.id} is outside its side's column")
    if column_order is not None:
        drawn = [c.side for c in lay.columns]
        expected = [s for s in column_order if s in drawn]
        if drawn[:len(expected)] != expected:
            problems.append(f"columns {drawn} are not in the map's side order {expected}")
    if any(a.right > b.left for a, b in zip(lay.columns, lay.columns[1:])):
        problems.append("columns overlap")
    return problems


def check_figure(fig: Any, column_order: Sequence[str] | None = None, texts: bool = False) -> list[str]:
    """:func:`check_layout` on a drawn map, with the figure as the canvas, plus the text sizes and the 1:1 scale."""
    from matplotlib.text import Text

    lay: MapLayout = getattr(fig, "argmap_layout")
    ax = fig.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    problems = check_layout(lay, (x0, y0, x1, y1), column_order)
    width, height = fig.get_size_inches()
    position = ax.get_position().bounds
    if (abs(width - (x1 - x0)) > 1e-3 or abs(height - (y1 - y0)) > 1e-3
            or max(abs(a - b) for a, b in zip(position, (0, 0, 1, 1))) > 1e-4):
        problems.append(f"the figure ({width:.2f} x {height:.2f} in) is not drawn 1:1 "
                        f"(drawing {x1 - x0:.2f} x {y1 - y0:.2f} in)")
    written = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    for text in written:
        if text.get_fontsize() < MIN_FONT_PT:
            problems.append(f"text {text.get_text()[:30]!r} is {text.get_fontsize():.1f} pt, under {MIN_FONT_PT:g} pt")
    if texts:
        problems += _texts_inside(fig, lay, written, (x0, y0, x1, y1))
    return problems


def _texts_inside(fig: Any, lay: MapLayout, written: list[Any], canvas: tuple[float, float, float, float]) -> list[str]:
    """Texts whose drawn extent leaves the box they are written in (or the canvas)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]
    ax = fig.axes[0]
    to_data = ax.transData.inverted()
    problems = []
    for text in written:
        (ex0, ey0), (ex1, ey1) = to_data.transform(text.get_window_extent(renderer).get_points())
        x, y = text.get_position()
        home = next((b for b in lay.boxes.values()
                     if b.bounds[0] <= x <= b.bounds[2] and b.bounds[1] <= y <= b.bounds[3]), None)
        bx0, by0, bx1, by1 = home.bounds if home is not None else canvas
        if ex0 < bx0 - 0.005 or ex1 > bx1 + 0.005 or ey0 < by0 - 0.005 or ey1 > by1 + 0.005:
            where = f"box {home.id}" if home is not None else "the canvas"
            problems.append(f"text {text.get_text()[:30]!r} runs out of {where}")
    return problems


# -- maps to check it on ----------------------------------------------------------------------

WORDS = ("the shield", "Europe", "the capital", "the government", "the radar site", "missile threats", "the treaty",
         "cooperation", "the neighbours", "security", "the deployment", "the talks", "the alliance", "interceptors",
         "a joint assessment", "deterrence", "the public", "the fishing fleet", "the border", "an arms race")
VERBS = ("protects", "threatens", "undermines", "depends on", "ignores", "strengthens", "weakens",
         "cannot replace", "is needed for", "was promised to", "would provoke", "has nothing to do with")
TAILS = ("", " in the long run", " according to the minister", " as the article reports",
         " because nobody asked the neighbours first", " unless both sides agree on the facts",
         " which the other side has denied for months", " at least until the next summit")


def _sentence(rng: random.Random) -> str:
    """One claim of 30 to 160 characters (some short, some long enough to wrap to five lines)."""
    parts = [f"{rng.choice(WORDS)} {rng.choice(VERBS)} {rng.choice(WORDS)}{rng.choice(TAILS)}"]
    if rng.random() < 0.35:
        parts.append(f"and {rng.choice(WORDS)} {rng.choice(VERBS)} {rng.choice(WORDS)}")
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def sample_map(n: int, sides: Sequence[str], seed: int = 13) -> ArgumentMap:
    """A valid map of ``n`` claims (n >= 1) like a student's map of a debate between ``sides`` (plus neither).

    Each side has a contention, "neither" a framing claim; most claims are
    reasons for a claim of their own side (chains grow a few rows deep);
    about a quarter object to a claim of *another* side, and some rebut such
    an objection; a few are co-premises that work only together; about one
    claim in eight also objects across sides.  Targets are always earlier
    claims, so the map has no cycle, and the same arguments always give the
    same map.
    """
    rng = random.Random(seed)
    m = ArgumentMap(sides=map_sides(sides),
                    title=f"Generated map, {n} claims, {len(sides)} side{'s' if len(sides) != 1 else ''} (seed {seed})")
    side_of: dict[str, str] = {}
    objections: list[str] = []

    def add(side: str) -> str:
        cid = m.add_claim(_sentence(rng), side=side).id
        side_of[cid] = side
        return cid

    def link(kind: str, premises: str | list[str], target: str) -> bool:
        try:
            m.add_relation(kind, premises, target)
            return True
        except Exception:  # a duplicate link: skip it, the map stays valid
            return False

    for side in list(sides) + [NEITHER]:
        if len(m.claims) < n:
            add(side)
    everyone = list(sides) + [NEITHER]
    weights = [4] * len(sides) + [2]
    while len(m.claims) < n:
        side = rng.choices(everyone, weights=weights)[0]
        roll = rng.random()
        own = [c for c, s in side_of.items() if s == side]
        foreign = [c for c, s in side_of.items() if s != side]
        if roll < 0.45 and own and side != NEITHER:
            link("supports", add(side), rng.choice(own[-8:]))  # recent claims: chains grow deeper
        elif roll < 0.72 and foreign:
            cid = add(side)
            if link("objects", cid, rng.choice(foreign)):
                objections.append(cid)
        elif roll < 0.87 and [o for o in objections if side_of[o] != side]:
            link("rebuts", add(side), rng.choice([o for o in objections if side_of[o] != side]))
        elif roll < 0.95 and len(m.claims) + 2 <= n and own:
            pair = [add(side), add(side)]
            link(rng.choice(("supports", "objects")) if foreign else "supports", pair,
                 rng.choice(foreign if foreign and rng.random() < 0.5 else own))
        else:
            link("supports", add(side), rng.choice(own or list(side_of)))
        if rng.random() < 0.12 and foreign:  # double duty: the newest claim also objects across sides
            link("objects", list(m.claims)[-1], rng.choice(foreign))
    m._history.clear()  # an example, not a sequence of edits to undo
    return m
