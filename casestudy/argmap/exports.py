"""Exports other argument-mapping tools read: Argdown text and AIF JSON."""

from __future__ import annotations

import json
import re
from typing import Any

from ..models import NEITHER
from .model import ArgumentMap, Relation


_ARGDOWN_SPECIAL = re.compile(r"([\\\[\]<>#@{}*_`])")


def _argdown_text(text: str) -> str:
    """Escape characters Argdown would read as syntax; one line."""
    return _ARGDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def to_argdown(amap: ArgumentMap) -> str:
    """The map as `Argdown <https://argdown.org>`_ text, to open in Argdown's editor or VS Code plugin.

    Each claim becomes a titled statement ``[c1]: ...`` tagged with its side;
    single-premise relations are listed under their target (``+`` support,
    ``-`` attack); co-premises become an argument ``<r3>`` with a
    premise-conclusion structure.  Evidence ids follow as comments.

    >>> m = ArgumentMap(title="Demo", sides=["US/NATO", "Russia"])
    >>> _ = m.add_claim("Build it.", side="US/NATO"); _ = m.add_claim("It costs [too] much.", side="Russia")
    >>> _ = m.add_relation("objects", "c2", "c1")
    >>> print(to_argdown(m))
    ===
    title: Demo
    ===
    <BLANKLINE>
    // US/NATO
    <BLANKLINE>
    [c1]: Build it. #(US/NATO)
    <BLANKLINE>
    // Russia
    <BLANKLINE>
    [c2]: It costs \\[too\\] much. #(Russia)
    <BLANKLINE>
    // How the claims relate
    <BLANKLINE>
    [c1]
      - [c2]
    <BLANKLINE>
    """
    title = amap.title.replace("\n", " ").strip() or "Argument map"
    lines = ["===", f"title: {json.dumps(title, ensure_ascii=False) if ':' in title else title}", "===", ""]
    for side in (*amap.side_names(), NEITHER):
        claims = [c for c in amap.claims.values() if c.side == side]
        if not claims:
            continue
        lines += [f"// {side}", ""]
        for c in claims:
            lines.append(f"[{c.id}]: {_argdown_text(c.text)} #({side})")
            for e in c.evidence:
                said = amap.evidence_texts.get(e, "")
                lines.append(f"// evidence {e}" + (f": {' '.join(said.split())}" if said else ""))
            lines.append("")
    simple = [r for r in amap.relations.values() if not r.is_linked]
    linked = [r for r in amap.relations.values() if r.is_linked]
    if simple:
        lines += ["// How the claims relate", ""]
        by_target: dict[str, list[Relation]] = {}
        for r in simple:
            by_target.setdefault(r.target, []).append(r)
        for target, rels in by_target.items():
            lines.append(f"[{target}]")
            for r in rels:
                symbol = "+" if r.type == "supports" else "-"
                comment = "  // rebuts an objection" if r.type == "rebuts" else ""
                lines.append(f"  {symbol} [{r.premises[0]}]{comment}")
            lines.append("")
    for r in linked:
        verb = "support" if r.type == "supports" else "count against"
        lines += [f"<{r.id}>: Together, {', '.join(r.premises)} {verb} {r.target}.", ""]
        lines.append(f"<{r.id}>")
        lines.append("")
        for n, p in enumerate(r.premises, 1):
            lines.append(f"({n}) [{p}]")
        lines.append("----")
        conclusion = amap.claims[r.target].text if r.type == "supports" and r.target in amap.claims else \
            f"Not: {amap.claims[r.target].text}" if r.target in amap.claims else r.target
        lines.append(f"({len(r.premises) + 1}) {_argdown_text(conclusion)}")
        lines.append(f"  {'+>' if r.type == 'supports' else '->'} [{r.target}]")
        lines.append("")
    return "\n".join(lines)


def to_aif(amap: ArgumentMap) -> dict[str, Any]:
    """The map in the Argument Interchange Format (AIF) JSON used by AIFdb and OVA.

    Claims become I-nodes (information); each relation becomes one scheme
    node, RA ("Default Inference") for support and CA ("Default Conflict") for
    objections and rebuttals, with edges premise -> scheme -> target.  Co-premises
    share one scheme node, which is exactly how AIF expresses a linked argument.

    >>> m = ArgumentMap(); _ = m.add_claim("A"); _ = m.add_claim("B"); _ = m.add_relation("supports", "c2", "c1")
    >>> aif = to_aif(m)
    >>> [(n["nodeID"], n["type"], n["text"]) for n in aif["nodes"]]
    [('1', 'I', 'A'), ('2', 'I', 'B'), ('3', 'RA', 'Default Inference')]
    >>> [(e["fromID"], e["toID"]) for e in aif["edges"]]
    [('2', '3'), ('3', '1')]
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    node_of: dict[str, str] = {}
    for c in amap.claims.values():
        node_id = str(len(nodes) + 1)
        node_of[c.id] = node_id
        nodes.append({"nodeID": node_id, "text": c.text, "type": "I", "timestamp": "",
                      "claimID": c.id, "side": c.side, "evidence": list(c.evidence)})
    for r in amap.relations.values():
        if r.target not in node_of or any(p not in node_of for p in r.premises):
            continue  # an invalid relation cannot be exported; problems() reports it
        node_id = str(len(nodes) + 1)
        kind, text = ("RA", "Default Inference") if r.type == "supports" else ("CA", "Default Conflict")
        nodes.append({"nodeID": node_id, "text": text, "type": kind, "timestamp": "", "relationID": r.id,
                      "relationType": r.type})
        for p in r.premises:
            edges.append({"edgeID": str(len(edges) + 1), "fromID": node_of[p], "toID": node_id, "formEdgeID": None})
        edges.append({"edgeID": str(len(edges) + 1), "fromID": node_id, "toID": node_of[r.target], "formEdgeID": None})
    return {"nodes": nodes, "edges": edges, "locutions": [], "participants": []}

