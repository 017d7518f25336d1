"""Placing an argument map's rows and columns, and routing its lines so that none can cross a box.

:mod:`casestudy.plots.argmap_layout` decides the rows, the order in each row and
the columns (with grandalf); this module turns that into inches:

* a column is as wide as its widest row; in it each row's claims and slots sit
  as near the things they link to as their order and spacing allow
  (:func:`_fit_row`: least squares, solved exactly by pooling adjacent violators);
* each row is a horizontal *band* as tall as its tallest box; between two
  bands lies a *gap* that holds no box at all (taller where more lines bend);
* inside a band a line only runs vertically: from its *port* on a box's top
  or bottom border to the band's edge, or straight through the band at the
  slot reserved for it;
* inside a gap it is one cubic S-curve whose control points stay in the gap,
  so the curve does too (a Bezier curve lies inside the hull of its control
  points); each line crosses over at its own height (:func:`crossing_heights`);
* the last piece is a straight vertical stretch at least as long as an arrow
  head, ending on the target's border: that is where the head's tip sits.

``y`` grows downwards here, as rows are counted; :func:`route` turns each
path the right way up (``y`` up, as in matplotlib).
"""

from __future__ import annotations

from dataclasses import dataclass

MOVETO, LINETO, CURVE4 = 1, 2, 4
"""Path codes, the same numbers as ``matplotlib.path.Path``'s."""

XSPACE = 0.25           # between two boxes of a row
SLOT = 0.10             # the width a passing line or a junction reserves in a row
SLOT_SPACE = 0.08       # between two passing lines
COLUMN_GAP = 0.3        # between two side columns
COLUMN_PAD = 0.15       # inside a column, left and right of its boxes
HEADING_HEIGHT = 0.32   # above the first row: the column's side name
GAP = 0.42              # between two rows, at least: where the lines bend
GAP_PER_LINE = 0.03     # ... plus this for every line bending in that gap (busy gaps get more room)
MAX_GAP = 1.1
JUNCTION = 0.14         # the diameter of a co-premises junction
HEAD_LENGTH = 0.11      # an arrow head, from its base to its tip
HEAD_WIDTH = 0.085
BAR_WIDTH = 0.2         # a rebuttal's bar head, lying on the target's border
PORT_MARGIN = 0.25      # lines leave and enter a box at least this far from its corners
PORT_STEP = 0.26        # preferred distance between two lines on one border
BOX_WEIGHT = 2.0        # boxes hold their place more firmly than passing lines (_fit_row)


@dataclass(frozen=True)
class Edge:
    """One drawn line, from ``tail`` to ``head_on`` (claim ids, or a junction's name).

    ``kind`` is the relation's type, or ``"leg"`` for a co-premise's line into
    its junction.  A line without a head ends at a junction or at a relay,
    where the rest of its relation's line goes on.  ``vertices`` and ``codes`` form a path in
    matplotlib's sense; it ends at the head's tip, on ``head_on``'s border.
    """

    relation: str
    kind: str
    tail: str
    head_on: str
    vertices: tuple[tuple[float, float], ...]
    codes: tuple[int, ...]
    has_head: bool = True

    @property
    def tip(self) -> tuple[float, float]:
        return self.vertices[-1]

    @property
    def pointing_up(self) -> bool:
        """Whether the line arrives from below (it enters its target through the bottom border)."""
        return self.vertices[-1][1] > self.vertices[-2][1]


@dataclass
class Node:
    """A vertex of the layered graph: a claim, a co-premises junction, a relay or a passing line's slot."""

    name: str
    width: float
    height: float
    column: int
    kind: str  # "claim", "junction", "relay" or "slot"
    order: tuple[int, ...] = ()
    lines: tuple[str, ...] = ()
    row: int = 0
    x: float = 0.0
    y_top: float = 0.0  # y grows downwards until the very end


@dataclass
class Link:
    """One line to draw: from its premise end to its target end, through the slots of the rows it passes."""

    relation: str
    kind: str
    head: bool
    chain: list[Node]


# -- placing columns and rows -------------------------------------------------------------


def _spacing(a: Node, b: Node) -> float:
    """The least distance between the centres of two neighbours in a row."""
    room = XSPACE if "claim" in (a.kind, b.kind) else SLOT_SPACE
    return (a.width + b.width) / 2 + room


def _row_width(row: list[Node]) -> float:
    return sum(n.width for n in row) + sum(_spacing(a, b) - (a.width + b.width) / 2 for a, b in zip(row, row[1:]))


def place_columns(rows: dict[int, list[Node]], n_columns: int, chains: list[Link],
                   least: float) -> list[tuple[float, float]]:
    """The columns' left and right edges (each at least ``least`` wide inside), and every node's ``x`` in its column."""
    per_column: dict[int, dict[int, list[Node]]] = {c: {} for c in range(n_columns)}
    for r, row in rows.items():
        for n in row:
            per_column[n.column].setdefault(r, []).append(n)
    bounds = []
    left = 0.0
    for c in range(n_columns):
        inner = max([_row_width(row) for row in per_column[c].values()] + [least])
        bounds.append((left, left + inner + 2 * COLUMN_PAD))
        left += inner + 2 * COLUMN_PAD + COLUMN_GAP
    for c in range(n_columns):  # start: each row centred in its column
        lo, hi = bounds[c][0] + COLUMN_PAD, bounds[c][1] - COLUMN_PAD
        for row in per_column[c].values():
            _fit_row(row, [(lo + hi) / 2] * len(row), lo, hi)
    up: dict[int, list[Node]] = {}
    down: dict[int, list[Node]] = {}
    for link in chains:
        for a, b in zip(link.chain, link.chain[1:]):
            upper, lower = (a, b) if a.row < b.row else (b, a)
            down.setdefault(id(upper), []).append(lower)
            up.setdefault(id(lower), []).append(upper)
    order = sorted(rows)
    sweeps = [(order, up), (order[::-1], down)] * 3 + [(order, None)]
    for sequence, neighbours in sweeps:
        for r in sequence:
            for c in range(n_columns):
                members = per_column[c].get(r)
                if not members:
                    continue
                wanted = []
                for n in members:
                    near = (neighbours.get(id(n), []) if neighbours is not None
                            else up.get(id(n), []) + down.get(id(n), []))
                    wanted.append(sum(m.x for m in near) / len(near) if near else n.x)
                _fit_row(members, wanted, bounds[c][0] + COLUMN_PAD, bounds[c][1] - COLUMN_PAD)
    return bounds


def _fit_row(row: list[Node], wanted: list[float], lo: float, hi: float) -> None:
    """Set the ``x`` of a row's nodes as near ``wanted`` as their order and spacing allow, inside ``[lo, hi]``.

    Least squares under "each node at least its spacing right of the previous
    one": with ``y_i = x_i - offset_i`` that is an isotonic regression, solved
    exactly by pooling adjacent violators; then the row is clamped to the column.
    """
    offsets = [0.0]
    for a, b in zip(row, row[1:]):
        offsets.append(offsets[-1] + _spacing(a, b))
    blocks: list[tuple[float, float, int]] = []  # (mean, weight, how many nodes)
    for n, want, off in zip(row, wanted, offsets):
        blocks.append((want - off, BOX_WEIGHT if n.kind == "claim" else 1.0, 1))
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, w2, c2 = blocks.pop()
            m1, w1, c1 = blocks.pop()
            blocks.append(((m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, c1 + c2))
    low = lo + row[0].width / 2
    high = hi - row[-1].width / 2 - offsets[-1]
    i = 0
    for mean, _weight, count in blocks:
        y = min(max(mean, low), max(low, high))
        for _ in range(count):
            row[i].x = y + offsets[i]
            i += 1


def gap_heights(chains: list[Link], n_rows: int) -> list[float]:
    """The height of the gap below each row: more room where more lines bend."""
    bends = [0] * n_rows
    for link in chains:
        for a, b in zip(link.chain, link.chain[1:]):
            if abs(a.x - b.x) > 0.05:
                bends[min(a.row, b.row)] += 1
    return [min(MAX_GAP, GAP + GAP_PER_LINE * k) for k in bends]


def place_rows(rows: dict[int, list[Node]], gaps: list[float], n_rows: int) -> dict[int, tuple[float, float]]:
    """Each row's band (top, bottom), ``y`` growing downwards; boxes hang from the band's top."""
    band = {}
    y = HEADING_HEIGHT
    for r in range(n_rows):
        row = rows.get(r, [])
        height = max([n.height for n in row] + [JUNCTION])
        band[r] = (y, y + height)
        for n in row:
            n.y_top = y if n.kind == "claim" else y + (height - n.height) / 2
        y += height + gaps[r]
    return band


# -- routing ------------------------------------------------------------------------------


def port_positions(chains: list[Link]) -> dict[tuple[int, int], float]:
    """Where each line meets each box it starts or ends at: spread along the border, in the order of where it goes."""
    requests: dict[tuple[int, str], list[tuple[float, int, int]]] = {}
    for i, link in enumerate(chains):
        for end, nxt in ((link.chain[0], link.chain[1]), (link.chain[-1], link.chain[-2])):
            border = "top" if nxt.row < end.row else "bottom"
            requests.setdefault((id(end), border), []).append((nxt.x, i, id(end)))
    port: dict[tuple[int, int], float] = {}
    ends = {id(n): n for link in chains for n in (link.chain[0], link.chain[-1])}
    for (node_id, _border), items in requests.items():
        n = ends[node_id]
        items.sort()
        if n.kind != "claim":  # a junction or a relay: every line meets it at its centre
            for _x, i, nid in items:
                port[(i, nid)] = n.x
            continue
        margin = min(PORT_MARGIN, n.width / 2)
        if len(items) == 1:
            port[(items[0][1], node_id)] = min(max(items[0][0], n.x - n.width / 2 + margin), n.x + n.width / 2 - margin)
            continue
        step = min(PORT_STEP, (n.width - 2 * margin) / (len(items) - 1))
        centre = sum(x for x, _, _ in items) / len(items)
        span = step * (len(items) - 1)
        start = min(max(centre - span / 2, n.x - n.width / 2 + margin), n.x + n.width / 2 - margin - span)
        for k, (_x, i, nid) in enumerate(items):
            port[(i, nid)] = start + k * step
    return port


def crossing_heights(chains: list[Link], band: dict[int, tuple[float, float]],
            ports: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """The height at which each line crosses over in each gap, so lines in one gap do not run on top of each other.

    The lines bending in a gap get heights spread over its middle; the longer
    a line's sideways run, the nearer the upper row it crosses.  Where several
    lines fan into one box (as premises do), that nests them without crossings.
    Keys are (line number, segment number).
    """
    per_gap: dict[int, list[tuple[float, int, int]]] = {}
    for i, link in enumerate(chains):
        last = len(link.chain) - 2
        for k, (a, b) in enumerate(zip(link.chain, link.chain[1:])):
            ax = ports[(i, id(a))] if k == 0 else a.x
            bx = ports[(i, id(b))] if k == last else b.x
            per_gap.setdefault(min(a.row, b.row), []).append((-abs(ax - bx), i, k))
    tracks = {}
    for r, items in per_gap.items():
        top = band[r][1]
        bottom = band[r + 1][0] if r + 1 in band else top + GAP
        items.sort()
        for j, (_span, i, k) in enumerate(items):
            share = (j + 1) / (len(items) + 1)
            tracks[(i, k)] = top + (bottom - top) * (0.2 + 0.6 * share)
    return tracks


def route(index: int, link: Link, band: dict[int, tuple[float, float]], ports: dict[tuple[int, int], float],
           tracks: dict[tuple[int, int], float]) -> Edge:
    """The path of line number ``index`` (see the module's description), turned the right way up (``y`` up)."""
    chain = link.chain
    verts: list[tuple[float, float]] = []
    codes: list[int] = []
    head = link.head
    if chain[0].row == chain[-1].row:  # two contentions: under both boxes, through the gap below their row
        a, b = chain
        ax, bx = ports[(index, id(a))], ports[(index, id(b))]
        y0 = band[a.row][1]
        depth = tracks[(index, 0)] + (tracks[(index, 0)] - y0) / 3  # the curve's lowest point is at the track
        border = b.y_top + b.height
        y3 = max(y0, border + HEAD_LENGTH)
        verts = [(ax, a.y_top + a.height), (ax, y0), (ax, depth), (bx, depth), (bx, y3), (bx, border)]
        codes = [MOVETO, LINETO, CURVE4, CURVE4, CURVE4, LINETO]
    for k, (a, b) in enumerate(zip(chain, chain[1:]) if not verts else ()):
        going_up = b.row < a.row
        ax = ports[(index, id(a))] if k == 0 else a.x
        bx = ports[(index, id(b))] if k == len(chain) - 2 else b.x
        a_top, a_bottom = band[a.row]
        b_top, b_bottom = band[b.row]
        if k == 0:  # leave the first box through its border facing b
            verts.append((ax, a.y_top if going_up else a.y_top + a.height))
            codes.append(MOVETO)
        y0 = a_top if going_up else a_bottom
        y3 = b_bottom if going_up else b_top
        last = k == len(chain) - 2
        if last and head:  # keep a straight stretch for the head, out in the gap if the box fills its band
            b_border = b.y_top + b.height if going_up else b.y_top
            room = abs(b_border - y3)
            if room < HEAD_LENGTH:
                y3 = y3 + (HEAD_LENGTH - room) * (1 if going_up else -1)
        if verts[-1] != (ax, y0):
            verts.append((ax, y0))
            codes.append(LINETO)
        mid = tracks[(index, k)]
        verts += [(ax, mid), (bx, mid), (bx, y3)]
        codes += [CURVE4] * 3
        if last:  # into the target's border: the head's tip
            end = (bx, b.y_top + b.height if going_up else b.y_top)
            if end != verts[-1]:
                verts.append(end)
                codes.append(LINETO)
        else:  # straight through the slot reserved in b's row
            verts.append((bx, b_top if going_up else b_bottom))
            codes.append(LINETO)
    flipped = tuple((round(x, 4), round(-y, 4)) for x, y in verts)
    return Edge(link.relation, link.kind, chain[0].name, chain[-1].name, flipped, tuple(codes), head)


