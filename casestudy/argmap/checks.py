"""What can be wrong with a map (problems), what deserves a second look (hints), and circles of links.

A map built through :class:`~casestudy.argmap.ArgumentMap`'s methods never has
problems; a map read from a hand-edited file may.  Hints are advice a map can
be saved with: a claim with no evidence, a claim linked to nothing, a
"rebuttal" of a claim that objects to nothing, and links that go round in a
circle.

A circle of support (c1 supports c2, which supports c1) is circular reasoning;
a circle with an objection in it usually means an arrow points the wrong way.
Two claims that object to each other are not reported: that is how a map
shows two claims that contradict each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..models import NEITHER
from .evidence import is_evidence_id
from .sides import map_sides

if TYPE_CHECKING:  # pragma: no cover
    from .model import ArgumentMap

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")
"""What a claim or relation id may look like: a short name of letters, digits, '-', '_' or '.'."""

RELATION_TYPES = ("supports", "objects", "rebuts")
"""How a premise (or a group of co-premises) bears on its target claim."""

ATTACKS = frozenset({"objects", "rebuts"})
"""Relation types that count against their target (a rebuttal is an objection to an objection)."""


def quoted(names: Iterable[str]) -> str:
    """Names in quotes, separated by commas: ``'a', 'b'``."""
    return ", ".join(repr(n) for n in names)


def problems(amap: ArgumentMap, known_evidence: Iterable[str] | None = None) -> list[str]:
    """Everything wrong with the map, one line each (see :meth:`ArgumentMap.problems`)."""
    out: list[str] = []
    try:
        map_sides(amap.sides)
    except Exception as exc:  # a map's sides changed by hand: report, never raise
        out.append(f"the map's sides: {exc}")
    names = {s.name for s in amap.sides} | {NEITHER}
    choices = quoted([*(s.name for s in amap.sides), NEITHER])
    known = set(known_evidence) if known_evidence is not None else None
    for cid, c in amap.claims.items():
        if cid != c.id:
            out.append(f"claim stored as {cid!r} has id {c.id!r}: keep them the same")
        if not ID_PATTERN.match(str(c.id)):
            out.append(f"claim id {c.id!r} is not a short name of letters, digits, '-', '_' or '.'")
        if not isinstance(c.text, str) or not c.text.strip():
            out.append(f"claim {c.id} has no text: write the claim in a few words")
        if c.side not in names:
            out.append(f"claim {c.id} has unknown side {c.side!r}: choose one of the map's sides {choices}")
        for e in c.evidence:
            if not is_evidence_id(e):
                out.append(f"claim {c.id} cites {e!r}, which is not a quote id (q-...) or a sentence id (s-...)")
            elif known is not None and e not in known:
                out.append(f"claim {c.id} cites unknown evidence {e!r}: it matches no quote or sentence of the article")
        if len(set(c.evidence)) != len(c.evidence):
            out.append(f"claim {c.id} cites the same evidence twice: remove the duplicate")
    seen_links: dict[tuple[str, tuple[str, ...], str], str] = {}  # Relation.key -> first relation id
    for rid, r in amap.relations.items():
        where = f"relation {rid}"
        if rid != r.id:
            out.append(f"relation stored as {rid!r} has id {r.id!r}: keep them the same")
        if not ID_PATTERN.match(str(r.id)):
            out.append(f"relation id {r.id!r} is not a short name of letters, digits, '-', '_' or '.'")
        out += _link_problems(amap, where, r.type, r.premises, r.target)
        for alt in r.alternatives:
            out += _link_problems(amap, f"{where}'s alternative reading", alt.type, alt.premises, alt.target)
        if r.key in seen_links:
            out.append(f"{where} repeats relation {seen_links[r.key]}: delete one of them")
        seen_links.setdefault(r.key, rid)
    return out


def _link_problems(amap: ArgumentMap, where: str, kind: str, premises: tuple[str, ...], target: str) -> list[str]:
    out = []
    if kind not in RELATION_TYPES:
        out.append(f"{where} has unknown type {kind!r}: choose one of {quoted(RELATION_TYPES)}")
    if not premises:
        out.append(f"{where} has no premise: link at least one claim to {target}")
    for cid in dict.fromkeys((*premises, target)):
        if cid not in amap.claims:
            out.append(f"{where} mentions unknown claim {cid!r}: add that claim or remove the relation")
    if target in premises:
        out.append(f"{where}: claim {target} cannot relate to itself: link two different claims")
    if len(set(premises)) != len(premises):
        out.append(f"{where} lists the same premise twice: remove the duplicate")
    return out


def hints(amap: ArgumentMap) -> list[str]:
    """Advice that is not an error (see :meth:`ArgumentMap.hints`)."""
    out = []
    objecting = {p for r in amap.relations.values() if r.type in ATTACKS for p in r.premises}
    linked = {cid for r in amap.relations.values() for cid in (*r.premises, r.target)}
    for c in amap.claims.values():
        if not c.evidence:
            out.append(f"{c.id} has no evidence yet: attach the quote or sentence it rests on")
        if len(amap.claims) > 1 and c.id not in linked:
            out.append(f"{c.id} is not linked to any other claim: does it support or object to something?")
    for r in amap.relations.values():
        if r.type == "rebuts" and r.target not in objecting:
            out.append(f"{r.id}: {r.target} objects to nothing, so {r.describe()} is an objection: use 'objects'")
    out += [describe_cycle(amap, cycle) for cycle in cycles(amap)]
    return out


def cycles(amap: ArgumentMap) -> list[tuple[str, ...]]:
    """Links that go round in a circle, one per knot of claims, each as claim ids from start back to start.

    Two claims that only object to (or rebut) each other are left out: that is
    how a map shows a contradiction.  Links to claims that do not exist are
    ignored (:func:`problems` reports them).

    >>> from casestudy.argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> for text in "ABC":
    ...     _ = m.add_claim(text)
    >>> _ = m.add_relation("supports", "c1", "c2"); _ = m.add_relation("supports", "c2", "c3")
    >>> _ = m.add_relation("supports", "c3", "c1")
    >>> cycles(m)
    [('c1', 'c2', 'c3', 'c1')]
    """
    arrows: dict[str, list[str]] = {cid: [] for cid in amap.claims}
    kinds: dict[tuple[str, str], set[str]] = {}
    for r in amap.relations.values():
        for p in r.premises:
            if p in arrows and r.target in arrows and p != r.target:
                arrows[p].append(r.target)
                kinds.setdefault((p, r.target), set()).add(r.type)
    out = []
    for knot in _strongly_connected(arrows):
        if len(knot) < 2:
            continue
        if len(knot) == 2:
            a, b = sorted(knot)
            if kinds.get((a, b), set()) <= ATTACKS and kinds.get((b, a), set()) <= ATTACKS:
                continue  # two claims contradicting each other
        out.append(_one_cycle(arrows, knot))
    return sorted(out, key=lambda c: list(amap.claims).index(c[0]))


def describe_cycle(amap: ArgumentMap, cycle: tuple[str, ...]) -> str:
    """A hint for one circle of links, naming its claims in order."""
    steps = []
    all_support = True
    for a, b in zip(cycle, cycle[1:]):
        kinds = {r.type for r in amap.relations.values() if a in r.premises and r.target == b}
        all_support = all_support and kinds == {"supports"}
        verb = {"supports": "supports", "rebuts": "rebuts"}.get(kinds.pop(), "objects to") if len(kinds) == 1 \
            else "supports and objects to"
        steps.append(f"{a} {verb}")
    path = " ".join(steps) + f" {cycle[-1]}"
    if all_support:
        return (f"{', '.join(cycle[:-1])} go round in a circle ({path}): that is circular reasoning; "
                "which claim really rests on which? Delete the link that points back")
    return (f"{', '.join(cycle[:-1])} go round in a circle ({path}): check the arrows' directions "
            "(an arrow points from a reason or objection to the claim it bears on)")


def _strongly_connected(arrows: dict[str, list[str]]) -> list[set[str]]:
    """Tarjan's algorithm, without recursion (a long chain of claims must not hit Python's recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in arrows:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(arrows[node]):
                work.append((node, i + 1))
                nxt = arrows[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                knot = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    knot.add(member)
                    if member == node:
                        break
                found.append(knot)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def _one_cycle(arrows: dict[str, list[str]], knot: set[str]) -> tuple[str, ...]:
    """A shortest circle through the knot's first claim (in map order), by breadth-first search."""
    start = next(cid for cid in arrows if cid in knot)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in arrows[node]:
                if nxt not in knot:
                    continue
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return (start, *reversed(path[:-1]), start)
                if nxt not in came_from:
                    came_from[nxt] = node
                    following.append(nxt)
        frontier = following
    raise AssertionError("a strongly connected knot always has a circle")  # pragma: no cover
