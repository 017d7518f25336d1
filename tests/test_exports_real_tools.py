"""The Argdown and AIF exports, read back by the real tools: Argdown's own parser and the arguebuf AIF reader.

The Argdown parser is ``@argdown/cli`` from npm, installed by ``.ci/run`` into
the project-local, git-ignored folder ``.argdown-tools/``::

    npm install --no-save --prefix .argdown-tools @argdown/cli@1.7.5

Without node and that folder the Argdown tests skip and say so.  ``arguebuf``
(a maintained AIF reader) is an optional test dependency (``pip install -e
".[test]"`` installs it on Python 3.11+); without it its test skips.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from casestudy.argmap import ArgumentMap, reference_map, to_aif, to_argdown
from casestudy.argmap.exports import argdown_tag
from casestudy.models import NEITHER, Side
from casestudy.palette import side_styles

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / ".argdown-tools"
READER = Path(__file__).resolve().parent / "tools" / "argdown_read.mjs"

AWKWARD = [
    "[Draft] Map", "*star", "#1 map", "123", "true", "null", "~", "- dash first", "+ plus first", "? query",
    "a: b: c", "//", "See http://example.com // and more", "/* block */", "#", "[", "]", "<", ">", "<r1>",
    "@someone", "@[mention]", 'say "quoted" and \'single\'', "line one\nline two\r\nthree", "tab\there",
    "U.S.A. and .A. and :heart:", "{braces} and } x", "{\"a\": 1}", "=== fences ===", "-- dashes ----",
    "(1) numbered", "1. listed", "_under_ and __bold__ and *it*", "back\\slash \\[", "<!-- html -->",
    "emoji \U0001F680 and \u4e2d\u6587 and \u0627\u0644\u0639\u0631\u0628\u064a\u0629", "&amp; entity",
    "trailing space ", "`code`", "% percent", "| pipe", "!bang", "line\u2028separator", "del\x7fchar",
    "#(tag) inside", "+> -> >< arrows",
]
"""Titles and claim texts that break naive Argdown: YAML specials, Argdown syntax, line breaks, scripts."""

AWKWARD_SIDES = ["Greens (EU)", "A/B // c", "#1 side", "Side: the [other] one", "\u4e2d\u6587"]
"""Side names with characters that mean something in tags or YAML."""


def awkward_map(i: int, text: str) -> ArgumentMap:
    """A map whose title, claims, side names, note and evidence text all hold one awkward string."""
    sides = [Side(AWKWARD_SIDES[i % len(AWKWARD_SIDES)], colour="blue"), "Russia"]
    m = ArgumentMap(title=text, sides=sides)
    evidence = "q-0123456789"
    a = m.add_claim(text, side=sides[0].name, evidence=[evidence], note=f"note: {text}")
    b = m.add_claim(f"Plain claim {i}.", side="Russia")
    c = m.add_claim(f"Another {text}")
    d = m.add_claim("A co-premise.", side="Russia")
    e = m.add_claim(f"{text} (supports together)", side=sides[0].name)
    m.add_relation("objects", b.id, a.id)
    m.add_relation("rebuts", c.id, b.id)
    m.add_relation("objects", [b.id, d.id], c.id)
    m.add_relation("supports", [c.id, e.id], a.id)
    m.add_relation("rebuts", [a.id, e.id], d.id)
    m.evidence_texts[evidence] = f"Rice: \"{text}\""
    return m


def maps_to_check() -> dict[str, ArgumentMap]:
    maps = {"reference": reference_map()}
    maps.update({f"awkward {i}: {text!r}": awkward_map(i, text) for i, text in enumerate(AWKWARD)})
    return maps


@pytest.fixture(scope="module")
def argdown_parser() -> Any:
    """A function that parses Argdown texts with the real parser (skips without node and @argdown/cli)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed, so the real Argdown parser cannot run here")
    if not (TOOLS / "node_modules" / "@argdown" / "node").is_dir():
        if shutil.which("npm") is None:
            pytest.skip("npm is not installed, so the real Argdown parser cannot be installed here")
        pytest.skip("the Argdown parser is not installed: run `npm install --no-save --prefix .argdown-tools "
                    "@argdown/cli@1.7.5` (.ci/run does)")

    def parse(texts: list[str]) -> list[dict[str, Any]]:
        with tempfile.TemporaryDirectory() as folder:
            files = []
            for n, text in enumerate(texts):
                path = Path(folder) / f"map{n}.argdown"
                path.write_text(text, encoding="utf-8")
                files.append(str(path))
            done = subprocess.run([node, str(READER), *files], cwd=TOOLS, capture_output=True, text=True,
                                  timeout=300, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        parsed: list[dict[str, Any]] = json.loads(done.stdout)
        return parsed

    return parse


def read_back(parsed: dict[str, Any]) -> dict[str, Any]:
    """What a reader of the parsed Argdown can rebuild: title, sides, claims (text, side, tag, colour), links."""
    front = parsed.get("frontMatter") or {}
    claims, helpers = {}, set()
    for title, ec in parsed["statements"].items():
        data = ec.get("data") or {}
        if data.get("helper"):
            helpers.add(title)
            continue
        definitions = [m for m in ec.get("members", []) if not m.get("isReference")]
        if not definitions:
            continue
        claims[title] = {"text": (definitions[0].get("text") or "").strip(), "side": data.get("side"),
                         "tags": ec.get("tags"), "colour": ec.get("color"), "evidence": data.get("evidence"),
                         "note": data.get("note", "")}
    relations = set()
    for r in parsed["relations"]:
        if r["from"] in helpers or r["to"] in helpers or r["fromType"] != "equivalence-class":
            continue
        rebutted = (parsed["statements"].get(r["from"], {}).get("data") or {}).get("rebuts", [])
        kind = {"support": "supports"}.get(r["relationType"], "rebuts" if r["to"] in rebutted else "objects")
        relations.add((kind, (r["from"],), r["to"]))
    for title, argument in parsed["arguments"].items():
        data = argument.get("data") or {}
        premises = tuple(sorted(s["title"] for s in argument.get("pcs", []) if s.get("role") == "premise"))
        relations.add((data.get("type"), premises, data.get("target")))
    return {"title": front.get("title"), "sides": front.get("sides"), "claims": claims, "relations": relations,
            "evidence_texts": front.get("evidence_texts"),
            "errors": parsed["lexerErrors"] + parsed["parserErrors"] + parsed["exceptions"]}


def expected(m: ArgumentMap) -> dict[str, Any]:
    colours = {name: style.colour for name, style in side_styles(m.sides).items()}
    return {
        "title": " ".join(m.title.split()),
        "sides": [s.to_json() for s in m.sides],
        "claims": {c.id: {"text": " ".join(c.text.split()), "side": c.side, "tags": [argdown_tag(c.side)],
                          "colour": colours[c.side], "evidence": list(c.evidence), "note": c.note}
                   for c in m.claims.values()},
        "relations": {(r.type, tuple(sorted(r.premises)), r.target) for r in m.relations.values()},
        "evidence_texts": {e: t for e, t in m.evidence_texts.items() if e in set(m.evidence_ids())},
        "errors": [],
    }


class TestArgdownParser:
    def test_every_claim_side_link_and_evidence_survives(self, argdown_parser: Any) -> None:
        """The real parser reads back every title, side, claim text, tag, colour, evidence, note and link, without errors."""
        maps = maps_to_check()
        parsed = argdown_parser([to_argdown(m) for m in maps.values()])
        lost = {}
        for (name, m), result in zip(maps.items(), parsed):
            got, want = read_back(result), expected(m)
            diff = {key: (want[key], got[key]) for key in want if got[key] != want[key]}
            if diff:
                lost[name] = diff
        assert lost == {}, json.dumps({k: str(v)[:600] for k, v in lost.items()}, indent=1)[:6000]

    def test_the_reference_maps_sides_take_our_colours_in_argdown(self, argdown_parser: Any) -> None:
        """Argdown's own map colours each side's statements with the side's colour from the people file."""
        ref = reference_map()
        (parsed,) = argdown_parser([to_argdown(ref)])
        by_side: dict[str, set[str]] = {}
        for title, ec in parsed["statements"].items():
            side = (ec.get("data") or {}).get("side")
            if side:
                by_side.setdefault(side, set()).add(ec["color"])
        styles = side_styles(ref.sides)
        assert by_side == {s: {styles[s].colour} for s in by_side}
        assert set(by_side) <= {*ref.side_names(), NEITHER} and len(by_side) >= 2

    def test_naive_text_would_break(self, argdown_parser: Any) -> None:
        """The escaping matters: unescaped, a '//' ends a claim and a bracket makes a reference (the test can fail)."""
        raw = "===\ntitle: x\n===\n\n[c1]: See http://example.com // and more #(Side)\n"
        (parsed,) = argdown_parser([raw])
        assert parsed["statements"]["c1"]["members"][0]["text"].strip() == "See http:"


class TestAif:
    @pytest.mark.parametrize("name", ["reference", "awkward", "reference with evidence", "clashing ids"])
    def test_aif_conventions(self, name: str) -> None:
        """Every edge's ends exist; every RA and CA node has an edge in and an edge out; no edge joins two I-nodes."""
        if name == "clashing ids":  # a claim named like a relation and like a piece of evidence
            amap = ArgumentMap(sides=["EU"])
            amap.add_claim("A", side="EU", id="r1", evidence=["q-0123456789"])
            amap.add_claim("B", id="q-0123456789")
            amap.add_relation("objects", "q-0123456789", "r1")
        else:
            amap = reference_map() if name.startswith("reference") else awkward_map(0, AWKWARD[0])
        aif = to_aif(amap, evidence=name.endswith("evidence") or name == "clashing ids")
        nodes = {n["nodeID"]: n for n in aif["nodes"]}
        assert len(nodes) == len(aif["nodes"]) and all(isinstance(i, str) for i in nodes)
        assert len({e["edgeID"] for e in aif["edges"]}) == len(aif["edges"])
        for e in aif["edges"]:
            assert e["fromID"] in nodes and e["toID"] in nodes, e
            assert (nodes[e["fromID"]]["type"], nodes[e["toID"]]["type"]) != ("I", "I"), e
        for node_id, n in nodes.items():
            if n["type"] in ("RA", "CA"):
                assert any(e["toID"] == node_id for e in aif["edges"]), n
                assert sum(e["fromID"] == node_id for e in aif["edges"]) == 1, n
        assert {n["type"] for n in nodes.values()} <= {"I", "RA", "CA"}
        claims = [n for n in nodes.values() if n.get("claimID")]
        assert [n["claimID"] for n in claims] == list(amap.claims)
        assert sum("relationID" in n for n in nodes.values()) == len(amap.relations)

    def test_arguebuf_reads_the_aif_back(self) -> None:
        """arguebuf, a maintained AIF reader, keeps every claim's id and text, every link's ends and kind, and the evidence."""
        arguebuf = pytest.importorskip("arguebuf", reason="arguebuf is not installed (it needs Python 3.11+): "
                                                          "pip install -e '.[test]'")
        for amap in (reference_map(), awkward_map(3, AWKWARD[12])):
            graph = arguebuf.load.aif(to_aif(amap))
            assert {i: a.plain_text for i, a in graph.atom_nodes.items()} == {c.id: c.text for c in amap.claims.values()}
            links = set()
            for scheme_id, scheme in graph.scheme_nodes.items():
                kind = "supports" if isinstance(scheme.scheme, arguebuf.Support) else "attacks"
                premises = tuple(sorted(a.id for a in graph.incoming_atom_nodes(scheme)))
                (target,) = graph.outgoing_atom_nodes(scheme)
                links.add((scheme_id, kind, premises, target.id))
            assert links == {(r.id, "supports" if r.type == "supports" else "attacks", tuple(sorted(r.premises)),
                              r.target) for r in amap.relations.values()}
        ref = reference_map()
        graph = arguebuf.load.aif(to_aif(ref, evidence=True))
        for c in ref.claims.values():
            for eid in c.evidence:
                assert graph.atom_nodes[eid].plain_text == ref.evidence_texts[eid]
                inference = graph.scheme_nodes[f"{eid}->{c.id}"]
                assert inference.scheme == (arguebuf.Support.POSITION_TO_KNOW if eid.startswith("q-")
                                            else arguebuf.Support.DEFAULT)
                assert graph.incoming_nodes(inference) == {graph.atom_nodes[eid]}
                assert graph.outgoing_nodes(inference) == {graph.atom_nodes[c.id]}
