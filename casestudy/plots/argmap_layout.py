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

Then :mod:`casestudy.plots.argmap_routes` places the columns side by side and
each row's claims inside their column, and routes every line so that it
cannot cross a box.

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
from ..errors import MissingResourceError
from ..models import NEITHER, UNKNOWN
from .argmap_routes import (BAR_WIDTH, CURVE4, HEAD_LENGTH, HEAD_WIDTH, HEADING_HEIGHT, JUNCTION, LINETO, MOVETO,
                            SLOT, Edge, Link, Node, crossing_heights, gap_heights, place_columns, place_rows,
                            port_positions, route)
from .fonts import text_width

__all__ = ["BAR_WIDTH", "BOX_WIDTH", "CURVE4", "FONT_PT", "HEAD_LENGTH", "HEAD_WIDTH", "HEADER_HEIGHT", "JUNCTION",
           "LINE_HEIGHT", "LINETO", "MAX_PER_ROW", "MOVETO", "TEXT_MARGIN", "Box", "Column", "Edge", "MapLayout",
           "column_order", "fit_text", "layout", "wrap_label"]

FONT_PT = 8.0           # claim text and box headers: never smaller (issue 13: at least 8 pt at 100 %)
LINE_HEIGHT = 0.16      # inches per line of 8 pt text (line spacing 1.44)
HEADER_HEIGHT = 0.22    # the hatched band at the top of a box, naming side, id and role
BOX_WIDTH = 2.3         # inches
TEXT_MARGIN = 0.08      # left and right, inside a box
MAX_LINES = 7           # longer claims are cut with an ellipsis: a map box is for a short claim
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
    chains += [Link(rid, kind, True, [nodes[lower], nodes[upper]]) for rid, kind, lower, upper, _ in flat]
    rows: dict[int, list[Node]] = {}
    for n in sorted(nodes.values(), key=lambda n: (n.column, n.order)):
        rows.setdefault(n.row, []).append(n)
    n_rows = max(rows) + 1
    cols = place_columns(rows, len(columns), chains, BOX_WIDTH)
    gaps = gap_heights(chains, n_rows)
    band = place_rows(rows, gaps, n_rows)
    ports = port_positions(chains)
    tracks = crossing_heights(chains, band, ports)
    edges = [route(i, link, band, ports, tracks) for i, link in enumerate(chains)]
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
           roles: dict[str, str]) -> tuple[dict[str, Node], list[_Spec], list[_Spec]]:
    """The nodes (claims and junctions) and the links between them; "flat" links are left out of the layering.

    A linked relation's co-premises meet at a junction: a leg from each, one
    arrow from the junction.  A contention that objects to another contention
    (two main positions clash) stays on the top row: that link is "flat".  A
    second link between the same two boxes goes through a relay node.
    """
    claim_index = {cid: i for i, cid in enumerate(amap.claims)}
    nodes: dict[str, Node] = {}
    for cid, claim in amap.claims.items():
        lines = tuple(wrap_label(claim.text))
        height = HEADER_HEIGHT + len(lines) * LINE_HEIGHT + 0.12
        nodes[cid] = Node(cid, BOX_WIDTH, round(height, 4), column_of[claim.side], "claim", (claim_index[cid],),
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
            nodes[junction] = Node(junction, JUNCTION, JUNCTION, nodes[first].column, "junction",
                                    (claim_index[first], 0))
            add(rel.id, rel.type, junction, rel.target)
            for p in premises:
                add(rel.id, "leg", p, junction, head=False)
    return nodes, links, flat


def _relay(nodes: dict[str, Node], rid: str, lower: str, k: int) -> str:
    """A new relay node: a point a line passes through, in the column of the line's lower end."""
    name = f"relay {rid} {lower} {k}"
    nodes[name] = Node(name, SLOT, 0.0, nodes[lower].column, "relay", nodes[lower].order + (1 + k,))
    return name


def _components(nodes: dict[str, Node], links: list[_Spec]) -> list[list[str]]:
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


def _layered(nodes: dict[str, Node], links: list[_Spec], rounds: int) -> tuple[dict[str, int], list[Link]]:
    """grandalf's steps: rows, slots for long links, and ``rounds`` of crossing reduction kept in side columns.

    Sets each node's ``row`` and ``order`` (its place in the row), adds the
    slots as nodes, and returns the rows of the map's nodes and the links' chains.
    """
    try:
        from grandalf.graphs import Edge, Vertex, graph_core
        from grandalf.layouts import SugiyamaLayout
    except ImportError:
        raise MissingResourceError("drawing an argument map needs the grandalf package: run "
                                   "`.venv/bin/python -m pip install -e .` in the case study's folder "
                                   "(or `pip install grandalf`)") from None

    for name in [n for n, node in nodes.items() if node.kind == "slot"]:
        del nodes[name]
    ranks: dict[str, int] = {}
    chains: list[Link] = []
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
                    nodes[v.data] = Node(v.data, SLOT, 0.0, column(v), "slot")
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
            chains.append(Link(rid, kind, head, chain))
    return ranks, chains


def _stagger(nodes: dict[str, Node], links: list[_Spec], ranks: dict[str, int], per_row: int) -> list[_Spec]:
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
