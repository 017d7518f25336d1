"""Where an argument map's claims go, and the lines between them: a layered drawing with one column per side.

A *layered* (Sugiyama) drawing puts what is argued for on top and the
reasons, objections and rebuttals below it, row by row.  The three hard steps
come from grandalf, a maintained pure-Python graph-drawing library:

1. **rows** (grandalf's ranking): contentions on row 0; a claim sits one row
   below the deepest claim it bears on.  A cycle (A supports B supports A) is
   broken by turning one of its links around, so it still draws;
2. **long links** (grandalf's *dummy* vertices): a link that spans several
   rows gets a reserved slot in every row it passes, so it never runs
   through a box;
3. **order within a row** (grandalf's barycentre sweeps), which reduces
   crossings.  After each sweep this module sorts every row by *side*, so each
   side keeps its own column, in the map's side order, with "neither" last.

Then this module places the columns side by side, places each row's claims
inside their column near the claims they are linked to (:func:`_fit_row`),
and routes every line in a way that cannot cross a box, by construction:

* each row is a horizontal *band* as tall as its tallest box; between two
  bands lies a *gap* that holds no box at all;
* inside a band a line only runs vertically: from its *port* on a box's top
  or bottom border to the band's edge, or straight through the band at the
  slot that step 2 reserved;
* inside a gap it is one cubic S-curve whose control points stay in the gap,
  so the curve does too (a Bezier curve lies inside the hull of its control
  points);
* the last piece is a straight vertical stretch at least as long as an arrow
  head, ending on the target's border: that is where the head's tip sits.

Everything is in inches, ``y`` pointing up as in matplotlib.  The same map
always gives the same layout.  matplotlib is not needed here; the drawing is
:mod:`casestudy.plots.argmap`.

>>> from casestudy.argmap import ArgumentMap
>>> m = ArgumentMap(sides=["US/NATO", "Russia"]); _ = m.add_claim("Build it.", side="US/NATO")
>>> _ = m.add_claim("No: it threatens us.", side="Russia"); _ = m.add_relation("objects", "c2", "c1")
>>> lay = layout(m, sides=["US/NATO", "Russia"])
>>> lay.boxes["c1"].row, lay.boxes["c2"].row, lay.boxes["c1"].x < lay.boxes["c2"].x
(0, 1, True)
>>> [c.side for c in lay.columns]
['US/NATO', 'Russia']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..argmap import ArgumentMap
from ..models import NEITHER, UNKNOWN
from .fonts import text_width

MOVETO, LINETO, CURVE4 = 1, 2, 4
"""Path codes, the same numbers as ``matplotlib.path.Path``'s."""

FONT_PT = 8.0           # claim text and box headers: never smaller (issue 13: at least 8 pt at 100 %)
LINE_HEIGHT = 0.16      # inches per line of 8 pt text (line spacing 1.44)
HEADER_HEIGHT = 0.22    # the hatched band at the top of a box, naming side, id and role
BOX_WIDTH = 2.3         # inches
TEXT_MARGIN = 0.08      # left and right, inside a box
MAX_LINES = 7           # longer claims are cut with an ellipsis: a map box is for a short claim
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
MAX_PER_ROW = 3         # claims of one side in one row, before claims nothing bears on move down


@dataclass(frozen=True)
class Box:
    """One claim's box: centre ``x``, ``y`` and size (inches), its row and column, and its text."""

    id: str
    x: float
    y: float
    width: float
    height: float
    row: int
    side: str
    header: str
    lines: tuple[str, ...]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """``(left, bottom, right, top)``."""
        return (self.x - self.width / 2, self.y - self.height / 2, self.x + self.width / 2, self.y + self.height / 2)


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


@dataclass(frozen=True)
class Column:
    """A side's column: its left and right edges, and where its heading goes."""

    side: str
    left: float
    right: float
    heading_y: float


@dataclass
class MapLayout:
    """Everything the drawing needs: boxes, lines, junctions, columns, and the content's bounds."""

    boxes: dict[str, Box]
    edges: list[Edge]
    junctions: dict[str, tuple[float, float]] = field(default_factory=dict)
    columns: list[Column] = field(default_factory=list)
    bounds: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    """``(left, bottom, right, top)`` of the columns, which hold every box, junction and line."""
    rows: int = 0

    @property
    def size(self) -> tuple[float, float]:
        left, bottom, right, top = self.bounds
        return right - left, top - bottom


# -- text -----------------------------------------------------------------------------


def _atoms(text: str) -> list[str]:
    """Words and spaces; every CJK-width character is an atom of its own (those scripts break anywhere)."""
    import unicodedata

    atoms: list[str] = []
    word = ""
    for ch in " ".join(text.split()):
        if ch == " " or unicodedata.east_asian_width(ch) in ("W", "F"):
            if word:
                atoms.append(word)
            atoms.append(ch)
            word = ""
        else:
            word += ch
    if word:
        atoms.append(word)
    return atoms


def wrap_label(text: str, width: float = BOX_WIDTH - 2 * TEXT_MARGIN, size: float = FONT_PT,
               max_lines: int = MAX_LINES, bold: bool = False) -> list[str]:
    """Wrap a claim into lines no wider than ``width`` inches at ``size`` points; cut very long claims with '…'.

    Widths are measured in the fonts that draw the text, so Chinese, Japanese
    or Korean text (no spaces, wide characters) fits its box as well as English.

    >>> wrap_label("The real aim is to protect the United States from Russian and Chinese missiles", 2.0)
    ['The real aim is to protect the', 'United States from Russian and', 'Chinese missiles']
    >>> len(wrap_label("x" * 500))
    7
    """
    room = width * 0.97  # hinting and kerning make real text a little wider than the sum of advances
    lines: list[str] = []
    line = ""
    for atom in _atoms(text):
        if atom == " " and not line:
            continue
        trial = line + atom
        if text_width(trial, size, bold) <= room:
            line = trial
            continue
        if line.strip():
            lines.append(line.rstrip())
            line = ""
            if atom == " ":
                continue
        while text_width(atom, size, bold) > room:  # a word longer than the line: break it
            cut = max(1, len(atom) - 1)
            while cut > 1 and text_width(atom[:cut], size, bold) > room:
                cut -= 1
            lines.append(atom[:cut])
            atom = atom[cut:]
        line = atom
    if line.strip() or not lines:
        lines.append(line.rstrip())
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and text_width(last + "\u2026", size, bold) > room:
            last = last[:-1]
        lines[-1] = last.rstrip() + "\u2026"
    return lines


def fit_text(text: str, width: float, size: float = FONT_PT, bold: bool = False) -> str:
    """``text`` on one line, cut with an ellipsis if wider than ``width`` inches.

    >>> fit_text("A side with a very long name indeed", 1.0)
    'A side with a v…'
    """
    if text_width(text, size, bold) <= width * 0.97:
        return text
    while text and text_width(text + "\u2026", size, bold) > width * 0.97:
        text = text[:-1]
    return text.rstrip() + "\u2026"


# -- the graph --------------------------------------------------------------------------


def column_order(amap: ArgumentMap, sides: Sequence[str] | None = None) -> list[str]:
    """The columns, left to right: the map's sides in order, then "neither", then any other side a claim names.

    Only sides that have claims get a column.
    """
    declared = list(sides) if sides is not None else list(amap.side_names())
    used = {c.side for c in amap.claims.values()}
    order = [s for s in declared if s in used]
    order += [s for s in (NEITHER, UNKNOWN) if s in used and s not in order]
    return order + sorted(used - set(order))


@dataclass
class _Node:
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
class _Link:
    """One line to draw: from its premise end to its target end, through the slots of the rows it passes."""

    relation: str
    kind: str
    head: bool
    chain: list[_Node]


_Spec = tuple[str, str, str, str, bool]
"""A link before layout: (relation id, kind, premise end, target end, has a head)."""


def layout(amap: ArgumentMap, sides: Sequence[str] | None = None, rounds: int = 3,
           per_row: int = MAX_PER_ROW) -> MapLayout:
    """Place every claim and route every line: a pure function of the map (same map, same layout).

    ``sides`` gives the columns' order (default: the map's sides); claims of
    "neither" side come last.  A side with more than ``per_row`` claims in a
    row moves claims that nothing bears on one row down (as Graphviz's
    ``unflatten`` does), so a big map grows down rather than sideways.
    Relations that name missing claims are skipped.
    """
    columns = column_order(amap, sides)
    if not amap.claims:
        return MapLayout({}, [], columns=[], bounds=(0.0, -1.0, 6.0, 0.0))
    roles = amap.roles()
    nodes, links, flat = _graph(amap, {side: i for i, side in enumerate(columns)}, roles)
    ranks, _ = _layered(nodes, links, rounds=0)
    links = _stagger(nodes, links, ranks, per_row)
    ranks, chains = _layered(nodes, links, rounds)
    chains += [_Link(rid, kind, True, [nodes[lower], nodes[upper]]) for rid, kind, lower, upper, _ in flat]
    rows: dict[int, list[_Node]] = {}
    for n in sorted(nodes.values(), key=lambda n: (n.column, n.order)):
        rows.setdefault(n.row, []).append(n)
    n_rows = max(rows) + 1
    cols = _place_columns(rows, len(columns), chains)
    gaps = _gaps(chains, n_rows)
    band = _place_rows(rows, gaps, n_rows)
    ports = _ports(chains)
    tracks = _tracks(chains, band, ports)
    edges = [_route(i, link, band, ports, tracks) for i, link in enumerate(chains)]
    boxes = {}
    for cid, claim in amap.claims.items():
        n = nodes[cid]
        boxes[cid] = Box(cid, round(n.x, 4), round(-(n.y_top + n.height / 2), 4), n.width, n.height, n.row,
                         claim.side, f"{claim.side} \u00b7 {cid} \u00b7 {roles.get(cid, '')}", n.lines)
    junctions = {n.name: (round(n.x, 4), round(-(n.y_top + n.height / 2), 4))
                 for n in nodes.values() if n.kind == "junction"}
    column_boxes = [Column(side, cols[i][0], cols[i][1], -(HEADING_HEIGHT / 2)) for i, side in enumerate(columns)]
    bottom = band[n_rows - 1][1] + 0.2
    return MapLayout(boxes, edges, junctions, column_boxes, (cols[0][0], -bottom, cols[-1][1], 0.0), n_rows)


def _graph(amap: ArgumentMap, column_of: dict[str, int],
           roles: dict[str, str]) -> tuple[dict[str, _Node], list[_Spec], list[_Spec]]:
    """The nodes (claims and junctions) and the links between them; "flat" links are left out of the layering.

    A linked relation's co-premises meet at a junction: a leg from each, one
    arrow from the junction.  A contention that objects to another contention
    (two main positions clash) stays on the top row: that link is "flat".  A
    second link between the same two boxes goes through a relay node.
    """
    claim_index = {cid: i for i, cid in enumerate(amap.claims)}
    nodes: dict[str, _Node] = {}
    for cid, claim in amap.claims.items():
        lines = tuple(wrap_label(claim.text))
        height = HEADER_HEIGHT + len(lines) * LINE_HEIGHT + 0.12
        nodes[cid] = _Node(cid, BOX_WIDTH, round(height, 4), column_of[claim.side], "claim", (claim_index[cid],),
                           lines=lines)
    links: list[_Spec] = []
    flat: list[_Spec] = []
    seen: set[tuple[str, str]] = set()

    def add(rid: str, kind: str, lower: str, upper: str, head: bool = True) -> None:
        if (lower, upper) in seen:
            relay = _relay(nodes, rid, lower, 0)
            links.append((rid, kind, lower, relay, False))
            lower = relay
        seen.add((lower, upper))
        links.append((rid, kind, lower, upper, head))

    for rel in amap.relations.values():
        premises = [p for p in rel.premises if p in amap.claims and p != rel.target]
        if rel.target not in amap.claims or len(premises) != len(rel.premises) or not premises:
            continue
        if len(premises) == 1 and roles.get(premises[0]) == "contention" == roles.get(rel.target):
            flat.append((rel.id, rel.type, premises[0], rel.target, True))
        elif len(premises) == 1:
            add(rel.id, rel.type, premises[0], rel.target)
        else:
            junction = f"junction {rel.id}"
            first = min(premises, key=lambda p: claim_index[p])
            nodes[junction] = _Node(junction, JUNCTION, JUNCTION, nodes[first].column, "junction",
                                    (claim_index[first], 0))
            add(rel.id, rel.type, junction, rel.target)
            for p in premises:
                add(rel.id, "leg", p, junction, head=False)
    return nodes, links, flat


def _relay(nodes: dict[str, _Node], rid: str, lower: str, k: int) -> str:
    """A new relay node: a point a line passes through, in the column of the line's lower end."""
    name = f"relay {rid} {lower} {k}"
    nodes[name] = _Node(name, SLOT, 0.0, nodes[lower].column, "relay", nodes[lower].order + (1 + k,))
    return name


def _components(nodes: dict[str, _Node], links: list[_Spec]) -> list[list[str]]:
    """Connected groups of nodes, each in map order, in the order of their first claim."""
    parent = {name: name for name in nodes}

    def find(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for _, _, lower, upper, _ in links:
        a, b = sorted((find(lower), find(upper)), key=lambda n: nodes[n].order)
        parent[b] = a
    groups: dict[str, list[str]] = {}
    for name in sorted(nodes, key=lambda n: nodes[n].order):
        groups.setdefault(find(name), []).append(name)
    return list(groups.values())


def _layered(nodes: dict[str, _Node], links: list[_Spec], rounds: int) -> tuple[dict[str, int], list[_Link]]:
    """grandalf's steps: rows, slots for long links, and ``rounds`` of crossing reduction kept in side columns.

    Sets each node's ``row`` and ``order`` (its place in the row), adds the
    slots as nodes, and returns the rows of the map's nodes and the links' chains.
    """
    from grandalf.graphs import Edge, Vertex, graph_core
    from grandalf.layouts import SugiyamaLayout

    for name in [n for n, node in nodes.items() if node.kind == "slot"]:
        del nodes[name]
    ranks: dict[str, int] = {}
    chains: list[_Link] = []
    for comp_index, names in enumerate(_components(nodes, links)):
        vertex = {n: Vertex(n) for n in names}
        for n in names:
            vertex[n].view = _View(nodes[n].width, nodes[n].height)
        edges = [Edge(vertex[spec[3]], vertex[spec[2]], data=spec) for spec in links if spec[2] in vertex]
        sug = SugiyamaLayout(graph_core(list(vertex.values()), edges))  # edges point down, from target to premise
        sug.init_all()
        edge_of = {id(ctrl): e for e, ctrl in sug.ctrls.items()}

        def column(v: Any) -> int:  # a long link's slots stay in the column of its premise
            return nodes[edge_of[id(v.ctrl)].data[2] if getattr(v, "dummy", 0) else v.data].column

        def start(v: Any) -> tuple[int, ...]:  # first the map's order (a slot: its premise's place)
            return nodes[edge_of[id(v.ctrl)].data[2]].order + (99,) if getattr(v, "dummy", 0) else nodes[v.data].order

        for layer in sug.layers:
            layer.sort(key=lambda v: (column(v), start(v)))
            layer.setup(sug)
        for _ in range(rounds):
            for layer, _moved in sug.ordering_step():
                layer.sort(key=lambda v: (column(v), sug.grx[v].pos))  # keep every side in its column
                layer.setup(sug)
        for r, layer in enumerate(sug.layers):
            for v in layer:
                if getattr(v, "dummy", 0):
                    spec = edge_of[id(v.ctrl)].data
                    v.data = f"slot {spec[0]} {spec[2]} {r}"
                    nodes[v.data] = _Node(v.data, SLOT, 0.0, column(v), "slot")
                nodes[v.data].row = r
                nodes[v.data].order = (comp_index, sug.grx[v].pos)
                ranks[v.data] = r
        for e in edges:
            rid, kind, lower, upper, head = e.data
            if e in sug.ctrls:
                chain = [nodes[sug.ctrls[e][r].data] for r in sorted(sug.ctrls[e])]
            else:
                chain = sorted([nodes[lower], nodes[upper]], key=lambda n: n.row)
            if chain[0].name != lower:  # run from the premise end to the target end
                chain.reverse()
            chains.append(_Link(rid, kind, head, chain))
    return ranks, chains


def _stagger(nodes: dict[str, _Node], links: list[_Spec], ranks: dict[str, int], per_row: int) -> list[_Spec]:
    """Move claims that nothing bears on down a row where a side has more than ``per_row`` claims in one row.

    Rows are handled top to bottom, so a moved claim counts in its new row.
    A claim moves down by lengthening its link to the lowest claim it bears on
    with relay nodes (one per row moved).
    """
    upper_of: dict[str, list[_Spec]] = {}
    for spec in links:
        upper_of.setdefault(spec[2], []).append(spec)
    borne_on = {spec[3] for spec in links}
    row = {n: ranks[n] for n in nodes if nodes[n].kind == "claim"}
    movable = {n for n in row if n not in borne_on and len(upper_of.get(n, [])) >= 1
               and all(spec[1] != "leg" for spec in upper_of[n])}
    r = -1
    while r < max(row.values(), default=0):  # rows below grow as claims move into them
        r += 1
        groups: dict[int, list[str]] = {}
        for n in sorted((n for n in row if row[n] == r), key=lambda n: nodes[n].order):
            groups.setdefault(nodes[n].column, []).append(n)
        for members in groups.values():
            extra = len(members) - per_row
            for n in [m for m in members if m in movable][::-1][:max(extra, 0)]:
                row[n] += 1
    out: list[_Spec] = []
    for spec in links:
        rid, kind, lower, upper, head = spec
        moved = row.get(lower, 0) - ranks.get(lower, 0)
        deepest = max(upper_of[lower], key=lambda s: ranks[s[3]]) if lower in upper_of else None
        if moved <= 0 or spec is not deepest:
            out.append(spec)
            continue
        for k in range(moved):
            relay = _relay(nodes, rid, lower, k + 1)
            out.append((rid, kind, lower, relay, False))
            lower = relay
        out.append((rid, kind, lower, upper, head))
    return out


@dataclass
class _View:
    """What grandalf asks of a vertex: its size (it writes ``xy``, which this module does not use)."""

    w: float
    h: float
    xy: tuple[float, float] = (0.0, 0.0)


# -- placing columns and rows -------------------------------------------------------------


def _spacing(a: _Node, b: _Node) -> float:
    """The least distance between the centres of two neighbours in a row."""
    room = XSPACE if "claim" in (a.kind, b.kind) else SLOT_SPACE
    return (a.width + b.width) / 2 + room


def _row_width(row: list[_Node]) -> float:
    return sum(n.width for n in row) + sum(_spacing(a, b) - (a.width + b.width) / 2 for a, b in zip(row, row[1:]))


def _place_columns(rows: dict[int, list[_Node]], n_columns: int, chains: list[_Link]) -> list[tuple[float, float]]:
    """The columns' left and right edges, and every node's ``x`` inside its column."""
    per_column: dict[int, dict[int, list[_Node]]] = {c: {} for c in range(n_columns)}
    for r, row in rows.items():
        for n in row:
            per_column[n.column].setdefault(r, []).append(n)
    bounds = []
    left = 0.0
    for c in range(n_columns):
        inner = max([_row_width(row) for row in per_column[c].values()] + [BOX_WIDTH])
        bounds.append((left, left + inner + 2 * COLUMN_PAD))
        left += inner + 2 * COLUMN_PAD + COLUMN_GAP
    for c in range(n_columns):  # start: each row centred in its column
        lo, hi = bounds[c][0] + COLUMN_PAD, bounds[c][1] - COLUMN_PAD
        for row in per_column[c].values():
            _fit_row(row, [(lo + hi) / 2] * len(row), lo, hi)
    up: dict[int, list[_Node]] = {}
    down: dict[int, list[_Node]] = {}
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


def _fit_row(row: list[_Node], wanted: list[float], lo: float, hi: float) -> None:
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


def _gaps(chains: list[_Link], n_rows: int) -> list[float]:
    """The height of the gap below each row: more room where more lines bend."""
    bends = [0] * n_rows
    for link in chains:
        for a, b in zip(link.chain, link.chain[1:]):
            if abs(a.x - b.x) > 0.05:
                bends[min(a.row, b.row)] += 1
    return [min(MAX_GAP, GAP + GAP_PER_LINE * k) for k in bends]


def _place_rows(rows: dict[int, list[_Node]], gaps: list[float], n_rows: int) -> dict[int, tuple[float, float]]:
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


def _ports(chains: list[_Link]) -> dict[tuple[int, int], float]:
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


def _tracks(chains: list[_Link], band: dict[int, tuple[float, float]],
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


def _route(index: int, link: _Link, band: dict[int, tuple[float, float]], ports: dict[tuple[int, int], float],
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

