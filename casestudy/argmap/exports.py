"""Exports other argument-mapping tools read: Argdown text and AIF JSON.

Both refuse an invalid map with the message :meth:`ArgumentMap.validate`
gives: a link to a claim that does not exist, or a claim linked to itself,
has no honest translation.

**Argdown** (`argdown.org <https://argdown.org>`_, read by its own parser,
editor and VS Code plugin).  What is kept where, checked against the real
parser (``@argdown/cli`` 1.7; tests/test_exports_real_tools.py):

* the title, the sides (names, colours, descriptions, in order) and the texts
  behind evidence ids: the YAML front matter, written as JSON (which YAML reads),
  with Argdown's ``color: tagColors`` so that Argdown's own map colours each
  side as we do;
* each claim: a statement ``[c1]: text #(side)``, the side as a tag (which
  Argdown colours), and on the next line a data block ``{"side": ...,
  "evidence": [...], "note": ...}`` that Argdown keeps with the statement;
* a single-premise relation: ``+ [p]`` (support) or ``- [p]`` (attack) under
  its target.  Argdown has one kind of attack, so a rebuttal is also ``-``, and
  the premise's data says ``"rebuts": [target]``;
* co-premises: an argument ``<r3>`` with a premise-conclusion structure whose
  data says ``{"relation": "r3", "type": ..., "target": ...}``.  For support
  the conclusion is the target; for an attack a helper conclusion ("Not: ...",
  marked ``{"helper": true}``) contradicts the target.

Text is one line (Argdown joins a statement's lines, so line breaks do not
survive) and every character that can start Argdown syntax is escaped with a
backslash, which Argdown's parser removes again.

**AIF** (the Argument Interchange Format JSON of AIFdb and OVA): I-nodes for
claims, an RA node per support and a CA node per objection or rebuttal, with
the map's ids as node ids, which AIF readers such as ``arguebuf`` keep.  AIF's
argument layer has no place for sides or for the rebuttal kind (a rebuttal is
a conflict like any other): they ride along as extra keys (``side`` on
I-nodes, ``relationType`` on scheme nodes) that such readers drop, and the ids
lead back to the map file.  Evidence can be written as AIF proper: I-nodes
supporting the claims (``to_aif(amap, evidence=True)``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import InputError
from ..models import NEITHER
from ..palette import side_styles
from .model import ArgumentMap, Relation

_ALWAYS = frozenset("\\[]<>#@*_{}/`")
"""Escaped wherever they occur: comments (``//``, ``/*``), tags (``#``), references and mentions
(``[..]``, ``<..>``, ``@``), bold and italic (``*``, ``_``), data (``{..}``) and the escape character
itself.  The backtick is not Argdown syntax; escaping it keeps Markdown viewers honest.  A claim's
text never starts a line, so ``+``, ``-``, ``(1)`` or ``===`` in it are plain text."""

_SHORTCODE_LIKE = re.compile(r"[.:][^\s]+?[.:]")
"""Argdown's special characters: ``.A.`` becomes "\u2200" and ``:heart:`` a heart, so "U.S.A." would
lose a letter.  The first dot or colon of every such run is escaped."""

_NOT_PLAIN = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")
"""Characters to write as ``\\u`` escapes in YAML: those YAML calls non-printable (beyond the C0 controls
JSON escapes anyway) and the ones a JavaScript lexer takes for line breaks (U+0085, U+2028, U+2029)."""

_FENCE = re.compile(r"={2,}")
"""``===`` opens and closes Argdown's front matter even inside a line: every ``=`` of a run is escaped."""


def argdown_text(text: str) -> str:
    r"""One line of Argdown text that Argdown's parser reads back as ``text`` (white space collapsed).

    >>> print(argdown_text("U.S.A. [Draft] #1 // see http://x.org === end"))
    U\.S\.A. \[Draft\] \#1 \/\/ see http\:\/\/x.org \=\=\= end
    """
    text = " ".join(str(text).split())
    out = []
    for i, ch in enumerate(text):
        if ch in _ALWAYS or (ch in ".:" and _SHORTCODE_LIKE.match(text, i)):
            out.append("\\" + ch)
        else:
            out.append(ch)
    return _FENCE.sub(lambda m: "\\=" * len(m.group()), "".join(out))


def argdown_tag(side: str) -> str:
    """A side as an Argdown tag: ``#(...)`` holds anything but a closing bracket, which becomes a full-width one.

    >>> argdown_tag("US/NATO"), argdown_tag("Greens (EU)")
    ('US/NATO', 'Greens (EU\uff09')
    """
    return " ".join(side.split()).replace(")", "\uff09")


def _yaml(value: Any) -> str:
    """A value as JSON, which YAML reads, with the characters that could end a block or upset YAML escaped.

    Inside strings ``{``, ``}`` and ``=`` become ``\\u`` escapes: Argdown's data blocks end at a closing
    brace, and ``===`` closes the front matter.
    """
    raw = json.dumps(value, ensure_ascii=False)
    raw = _NOT_PLAIN.sub(lambda m: f"\\u{ord(m.group()):04x}", raw)
    out, in_string, escaped = [], False, False
    for ch in raw:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            elif ch in "{}=":
                out.append(f"\\u{ord(ch):04x}")
                continue
        elif ch == '"':
            in_string = True
        out.append(ch)
    return "".join(out)


def _refuse_invalid(amap: ArgumentMap, what: str) -> None:
    """Raise the message :meth:`ArgumentMap.validate` gives, saying what could not be exported."""
    try:
        amap.validate()
    except InputError as exc:
        raise InputError(f"cannot export the map to {what}: {exc}") from None


def to_argdown(amap: ArgumentMap) -> str:
    """The map as `Argdown <https://argdown.org>`_ text, to open in Argdown's editor or VS Code plugin.

    >>> m = ArgumentMap(title="Demo", sides=["US/NATO", "Russia"])
    >>> _ = m.add_claim("Build it.", side="US/NATO"); _ = m.add_claim("It costs [too] much.", side="Russia")
    >>> _ = m.add_relation("objects", "c2", "c1")
    >>> print(to_argdown(m))  # doctest: +ELLIPSIS
    ===
    title: "Demo"
    sides: [{"name": "US/NATO"}, {"name": "Russia"}]
    color: {"tagColors": {"US/NATO": "#E69F00", "Russia": "#56B4E9", "neither": "#999999"}}
    model: {"removeTagsFromText": true}
    evidence_texts: {}
    ===
    <BLANKLINE>
    // Side: US/NATO
    <BLANKLINE>
    [c1]: Build it. #(US/NATO)
    {"side": "US/NATO", "evidence": []}
    <BLANKLINE>
    // Side: Russia
    <BLANKLINE>
    [c2]: It costs \\[too\\] much. #(Russia)
    {"side": "Russia", "evidence": []}
    <BLANKLINE>
    // How the claims relate
    <BLANKLINE>
    [c1]
      - [c2]
    <BLANKLINE>
    """
    _refuse_invalid(amap, "Argdown")
    styles = side_styles(amap.sides)
    cited = set(amap.evidence_ids())
    front = {
        "title": " ".join(amap.title.split()) or "Argument map",
        "sides": [s.to_json() for s in amap.sides],
        "color": {"tagColors": {argdown_tag(name): styles[name].colour for name in (*amap.side_names(), NEITHER)}},
        "model": {"removeTagsFromText": True},
        "evidence_texts": {e: t for e, t in amap.evidence_texts.items() if e in cited},
    }
    lines = ["===", *(f"{key}: {_yaml(value)}" for key, value in front.items()), "===", ""]
    rebutted: dict[str, list[str]] = {}
    for r in amap.relations.values():
        if r.type == "rebuts" and not r.is_linked:
            rebutted.setdefault(r.premises[0], []).append(r.target)
    for side in (*amap.side_names(), NEITHER):
        claims = [c for c in amap.claims.values() if c.side == side]
        if not claims:
            continue
        lines += [f"// Side: {' '.join(side.split())}", ""]
        for c in claims:
            data: dict[str, Any] = {"side": c.side, "evidence": list(c.evidence)}
            if c.note:
                data["note"] = c.note
            if c.id in rebutted:
                data["rebuts"] = rebutted[c.id]
            lines += [f"[{c.id}]: {argdown_text(c.text)} #({argdown_tag(side)})", _yaml(data), ""]
    simple = [r for r in amap.relations.values() if not r.is_linked]
    if simple:
        lines += ["// How the claims relate", ""]
        by_target: dict[str, list[Relation]] = {}
        for r in simple:
            by_target.setdefault(r.target, []).append(r)
        for target, rels in by_target.items():
            lines.append(f"[{target}]")
            lines += [f"  {'+' if r.type == 'supports' else '-'} [{r.premises[0]}]" for r in rels]
            lines.append("")
    for r in (r for r in amap.relations.values() if r.is_linked):
        lines += _linked_argument(amap, r)
    return "\n".join(lines)


def _linked_argument(amap: ArgumentMap, r: Relation) -> list[str]:
    """Co-premises as an Argdown argument with a premise-conclusion structure."""
    data = {"relation": r.id, "type": r.type, "target": r.target}
    lines = [f"<{r.id}>: {argdown_text(r.describe())}", _yaml(data), "", f"<{r.id}>", ""]
    lines += [f"({n}) [{p}]" for n, p in enumerate(r.premises, 1)]
    lines.append("----")
    last = len(r.premises) + 1
    if r.type == "supports":
        lines.append(f"({last}) [{r.target}]")
    else:
        lines += [f"({last}) [{r.id} conclusion]: {argdown_text('Not: ' + amap.claims[r.target].text)}",
                  _yaml({"helper": True}), f"  >< [{r.target}]"]
    return [*lines, ""]


def to_aif(amap: ArgumentMap, evidence: bool = False) -> dict[str, Any]:
    """The map in the Argument Interchange Format (AIF) JSON used by AIFdb and OVA.

    Claims become I-nodes (information); each relation becomes one scheme
    node, RA ("Default Inference") for support and CA ("Default Conflict") for
    objections and rebuttals, with edges premise -> scheme -> target.  Co-premises
    share one scheme node, which is exactly how AIF expresses a linked argument.
    Node ids are the map's own ids (claim ids, relation ids), which AIF readers
    keep, so every node leads back to the map file; an id used twice gets a
    ``relation:`` or ``evidence:`` prefix.

    With ``evidence=True`` each cited quote or sentence becomes an I-node too
    (its id, and what it says), supporting the claim through an RA node:
    "Position To Know" for a quote (the speaker is in a position to know),
    "Default Inference" for a sentence of the report.

    >>> m = ArgumentMap(); _ = m.add_claim("A"); _ = m.add_claim("B"); _ = m.add_relation("supports", "c2", "c1")
    >>> aif = to_aif(m)
    >>> [(n["nodeID"], n["type"], n["text"]) for n in aif["nodes"]]
    [('c1', 'I', 'A'), ('c2', 'I', 'B'), ('r1', 'RA', 'Default Inference')]
    >>> [(e["fromID"], e["toID"]) for e in aif["edges"]]
    [('c2', 'r1'), ('r1', 'c1')]
    """
    _refuse_invalid(amap, "AIF")
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    taken: set[str] = set()

    def node(wanted: str, prefix: str, **fields: Any) -> str:
        node_id = wanted if wanted not in taken else f"{prefix}:{wanted}"
        taken.add(node_id)
        nodes.append({"nodeID": node_id, **fields})
        return node_id

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": f"e{len(edges) + 1}", "fromID": a, "toID": b, "formEdgeID": None})

    node_of = {c.id: node(c.id, "claim", text=c.text, type="I", timestamp="", claimID=c.id, side=c.side,
                          evidence=list(c.evidence)) for c in amap.claims.values()}
    for r in amap.relations.values():
        kind, scheme = ("RA", "Default Inference") if r.type == "supports" else ("CA", "Default Conflict")
        scheme_node = node(r.id, "relation", text=scheme, type=kind, scheme=scheme, timestamp="",
                           relationID=r.id, relationType=r.type)
        for p in r.premises:
            edge(node_of[p], scheme_node)
        edge(scheme_node, node_of[r.target])
    if evidence:
        cited = {e: node(e, "evidence", text=amap.evidence_texts.get(e, e), type="I", timestamp="")
                 for e in amap.evidence_ids()}
        for c in amap.claims.values():
            for e in c.evidence:
                scheme = "Position To Know" if e.startswith("q-") else "Default Inference"
                inference = node(f"{e}->{c.id}", "evidence", text=scheme, type="RA", scheme=scheme, timestamp="")
                edge(cited[e], inference)
                edge(inference, node_of[c.id])
    return {"nodes": nodes, "edges": edges, "locutions": [], "participants": []}
