"""An argument map in plain Python: claims, how they relate, and the evidence they rest on.

An argument map lays out a debate as boxes and arrows.  Each box is a
*claim* written in your own words and placed on one side of the debate.
Arrows say how claims relate:

* ``supports`` - a *reason*: if the premise is true, the target is more believable;
* ``objects`` - an *objection*: if the premise is true, the target is less believable;
* ``rebuts`` - a *rebuttal*: the premise answers an objection (it attacks a claim
  that itself objects to something).

A relation can have several premises that only work *together* (co-premises,
a "linked" argument): "cooperation must start with a joint threat assessment"
and "the US offer has no such assessment" object to "the US offers real
cooperation" only as a pair.  A claim no arrow leaves is a *contention*: what
its side ultimately argues for.

Each claim points at its evidence by *stable ids* computed from the words of a
quote (:func:`casestudy.models.quote_id`) or a sentence
(:func:`casestudy.models.sentence_id`), never by a position in a list, so a
saved map still points at the right words after the quote-finding rules improve.

>>> m = ArgumentMap(title="Tiny example")
>>> shield = m.add_claim("A shield protects Europe.", side="US/NATO")
>>> threat = m.add_claim("The shield threatens Russia.", side="Russia")
>>> m.add_relation("objects", threat.id, shield.id).describe()
'c2 objects to c1'
>>> m.roles()
{'c1': 'contention', 'c2': 'objection'}
>>> m.undo()
'undid: link c2 objects c1'
>>> m.roles()
{'c1': 'contention', 'c2': 'contention'}

The module has no widget or plotting imports: the widget
(:mod:`casestudy.widgets.argmap`), the drawing (:mod:`casestudy.plots.argmap`) and
the command line (:mod:`casestudy.cli.argmap`) are thin layers over it.
"""

from __future__ import annotations

import bisect
import copy
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..text.loading import data_path, parse_json, read_text
from ..models import Quote
from ..storage import atomic_write_text, backup_path, check_save_path
from ..text.tokens import Sentence

FORMAT = "casestudy-argmap"
"""The ``format`` field every saved map carries, so other JSON files are recognised as such."""

VERSION = 1
"""The newest map-file version this code reads and the one it writes."""

SIDES = ("US/NATO", "Russia", "neither")
"""Sides a claim can take: one of the article's two sides, or neither (e.g. the reporter's framing)."""

RELATION_TYPES = ("supports", "objects", "rebuts")
"""How a premise (or a group of co-premises) bears on its target claim."""

RELATION_VERBS = {"supports": "supports", "objects": "objects to", "rebuts": "rebuts"}
"""How each relation type reads in a sentence ("c2 objects to c1")."""

ATTACKS = frozenset({"objects", "rebuts"})
"""Relation types that count against their target (a rebuttal is an objection to an objection)."""

MAX_UNDO = 100
"""How many changes :meth:`ArgumentMap.undo` can take back."""

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")
_EVIDENCE_ID = re.compile(r"^[qs]-[0-9a-f]{10}$")

_SIDE_ALIASES = {
    "us/nato": "US/NATO", "us": "US/NATO", "nato": "US/NATO", "usa": "US/NATO", "united states": "US/NATO",
    "russia": "Russia", "russian": "Russia", "neither": "neither", "none": "neither", "": "neither",
}
_TYPE_ALIASES = {
    "supports": "supports", "support": "supports", "reason": "supports", "+": "supports",
    "objects": "objects", "object": "objects", "objects to": "objects", "objection": "objects", "-": "objects",
    "rebuts": "rebuts", "rebut": "rebuts", "rebuttal": "rebuts",
}


def normalise_side(side: str) -> str:
    """The canonical spelling of a side, forgiving case and a few common names.

    >>> normalise_side("nato"), normalise_side("RUSSIA")
    ('US/NATO', 'Russia')
    >>> normalise_side("China")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: unknown side 'China': choose one of 'US/NATO', 'Russia', 'neither'
    """
    key = str(side).strip().lower()
    if key in _SIDE_ALIASES:
        return _SIDE_ALIASES[key]
    raise InputError(f"unknown side {side!r}: choose one of {_quoted(SIDES)}")


def normalise_relation_type(kind: str) -> str:
    """The canonical name of a relation type ("objects to" -> "objects").

    >>> normalise_relation_type("objects to")
    'objects'
    """
    key = str(kind).strip().lower()
    if key in _TYPE_ALIASES:
        return _TYPE_ALIASES[key]
    raise InputError(f"unknown relation type {kind!r}: choose one of {_quoted(RELATION_TYPES)}")


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(repr(n) for n in names)


def is_evidence_id(text: str) -> bool:
    """True for ids made by ``quote_id`` (``q-...``) or ``sentence_id`` (``s-...``).

    >>> is_evidence_id("q-2a96b4ec8c"), is_evidence_id("quote 3")
    (True, False)
    """
    return isinstance(text, str) and bool(_EVIDENCE_ID.match(text))


# -- the pieces of a map -------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """One box of the map: a claim in the student's words, its side and its evidence ids."""

    id: str
    text: str
    side: str = "neither"
    evidence: tuple[str, ...] = ()
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "text": self.text, "side": self.side, "evidence": list(self.evidence)}
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class Relation:
    """An arrow: ``premises`` (one claim, or co-premises that only work together) bear on ``target``."""

    id: str
    type: str
    premises: tuple[str, ...]
    target: str

    @property
    def is_linked(self) -> bool:
        """True when several co-premises support or object only together."""
        return len(self.premises) > 1

    @property
    def key(self) -> tuple[str, tuple[str, ...], str]:
        """What makes two relations the same link: type, premises in any order, and target."""
        return self.type, tuple(sorted(self.premises)), self.target

    def describe(self) -> str:
        """The relation as a short sentence, e.g. ``'c2 and c3 together object to c1'``."""
        if self.is_linked:
            verb = {"supports": "support", "objects": "object to", "rebuts": "rebut"}.get(self.type, self.type)
            return f"{' and '.join(self.premises)} together {verb} {self.target}"
        return f"{self.premises[0] if self.premises else '?'} {RELATION_VERBS.get(self.type, self.type)} {self.target}"

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "premises": list(self.premises), "target": self.target}


@dataclass
class ArgumentMap:
    """A whole map: claims and relations in the order they were added, plus an undo history.

    Every method that changes the map checks its input first and raises
    :class:`~casestudy.errors.InputError` (one line, naming the fix) without
    changing anything, so a map built through these methods is always valid.
    A map read from a file may not be: call :meth:`problems` to list what is wrong.
    """

    title: str = ""
    claims: dict[str, Claim] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    evidence_texts: dict[str, str] = field(default_factory=dict)
    """What each evidence id points at ("Lavrov: We do not want..."), so exports read without the article."""
    _history: list[tuple[str, dict[str, Any]]] = field(default_factory=list, init=False, repr=False, compare=False)

    # -- reading ------------------------------------------------------------

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id, or an error listing the ids that exist."""
        if claim_id not in self.claims:
            known = _quoted(self.claims) if self.claims else "none yet"
            raise InputError(f"there is no claim {claim_id!r} in the map (claims: {known})")
        return self.claims[claim_id]

    def relations_of(self, claim_id: str) -> list[Relation]:
        """Every relation the claim takes part in, as premise or target."""
        return [r for r in self.relations.values() if claim_id == r.target or claim_id in r.premises]

    def roles(self) -> dict[str, str]:
        """Each claim's role, read off the arrows that leave it.

        ``contention`` (no arrow leaves it), ``reason``, ``objection``,
        ``rebuttal``, or ``co-premise`` when it only acts inside a group.  Where
        the two sides' main positions clash, a claim that has reasons of its
        own and only objects to the other side's contention is a contention too.

        >>> m = ArgumentMap()
        >>> for text in ("Build it.", "It is cheap.", "It is not cheap.", "Costs were audited."):
        ...     _ = m.add_claim(text)
        >>> _ = m.add_relation("supports", "c2", "c1"); _ = m.add_relation("objects", "c3", "c2")
        >>> _ = m.add_relation("rebuts", "c4", "c3")
        >>> m.roles()
        {'c1': 'contention', 'c2': 'reason', 'c3': 'objection', 'c4': 'rebuttal'}
        """
        names = {"supports": "reason", "objects": "objection", "rebuts": "rebuttal"}
        leaves = {cid: [r for r in self.relations.values() if cid in r.premises] for cid in self.claims}
        tops = {cid for cid, out in leaves.items() if not out}
        supported = {r.target for r in self.relations.values() if r.type == "supports"}
        roles = {}
        for cid, leaving in leaves.items():
            # Two main positions clash: a claim with reasons of its own that only
            # objects to the other side's contention is a contention too.
            clash = cid in supported and all(
                r.type == "objects" and r.target in tops and self.claims[r.target].side != self.claims[cid].side
                for r in leaving if r.target in self.claims)
            if not leaving or clash:
                roles[cid] = "contention"
            elif all(r.is_linked for r in leaving):
                roles[cid] = "co-premise"
            else:
                first = next(r for r in leaving if not r.is_linked)
                roles[cid] = names.get(first.type, "reason")
        return roles

    def contentions(self) -> list[str]:
        """Ids of the claims no arrow leaves: what each side ultimately argues for."""
        return [cid for cid, role in self.roles().items() if role == "contention"]

    def evidence_ids(self) -> list[str]:
        """Every evidence id the map cites, each once, in order of first use."""
        seen: dict[str, None] = {}
        for c in self.claims.values():
            for e in c.evidence:
                seen.setdefault(e, None)
        return list(seen)

    def __len__(self) -> int:
        return len(self.claims)

    # -- validation ---------------------------------------------------------

    def problems(self, known_evidence: Iterable[str] | None = None) -> list[str]:
        """Everything wrong with the map, one line each (an empty list means valid).

        With ``known_evidence`` (the ids of the quotes and sentences of the
        article), evidence that points at nothing in the article is reported too.

        >>> m = ArgumentMap(claims={"c1": Claim("c1", " ", side="Mars")},
        ...                 relations={"r1": Relation("r1", "supports", ("c1",), "c1")})
        >>> for p in m.problems():
        ...     print(p)
        claim c1 has no text: write the claim in a few words
        claim c1 has unknown side 'Mars': choose one of 'US/NATO', 'Russia', 'neither'
        relation r1: claim c1 cannot relate to itself: link two different claims
        """
        out: list[str] = []
        known = set(known_evidence) if known_evidence is not None else None
        for cid, c in self.claims.items():
            if cid != c.id:
                out.append(f"claim stored as {cid!r} has id {c.id!r}: keep them the same")
            if not _ID.match(str(c.id)):
                out.append(f"claim id {c.id!r} is not a short name of letters, digits, '-', '_' or '.'")
            if not isinstance(c.text, str) or not c.text.strip():
                out.append(f"claim {c.id} has no text: write the claim in a few words")
            if c.side not in SIDES:
                out.append(f"claim {c.id} has unknown side {c.side!r}: choose one of {_quoted(SIDES)}")
            for e in c.evidence:
                if not is_evidence_id(e):
                    out.append(f"claim {c.id} cites {e!r}, which is not a quote id (q-...) or a sentence id (s-...)")
                elif known is not None and e not in known:
                    out.append(f"claim {c.id} cites unknown evidence {e!r}: it matches no quote or sentence of the article")
            if len(set(c.evidence)) != len(c.evidence):
                out.append(f"claim {c.id} cites the same evidence twice: remove the duplicate")
        seen_links: dict[tuple[str, tuple[str, ...], str], str] = {}  # Relation.key -> first relation id
        for rid, r in self.relations.items():
            where = f"relation {rid}"
            if rid != r.id:
                out.append(f"relation stored as {rid!r} has id {r.id!r}: keep them the same")
            if r.type not in RELATION_TYPES:
                out.append(f"{where} has unknown type {r.type!r}: choose one of {_quoted(RELATION_TYPES)}")
            if not r.premises:
                out.append(f"{where} has no premise: link at least one claim to {r.target}")
            for cid in (*r.premises, r.target):
                if cid not in self.claims:
                    out.append(f"{where} mentions unknown claim {cid!r}: add that claim or remove the relation")
            if r.target in r.premises:
                out.append(f"{where}: claim {r.target} cannot relate to itself: link two different claims")
            if len(set(r.premises)) != len(r.premises):
                out.append(f"{where} lists the same premise twice: remove the duplicate")
            if r.key in seen_links:
                out.append(f"{where} repeats relation {seen_links[r.key]}: delete one of them")
            seen_links.setdefault(r.key, rid)
        return out

    def validate(self, known_evidence: Iterable[str] | None = None) -> None:
        """Raise :class:`InputError` with the first problem (and how many more there are)."""
        problems = self.problems(known_evidence)
        if problems:
            more = f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})" if len(problems) > 1 else ""
            raise InputError(problems[0] + more)

    def hints(self) -> list[str]:
        """Advice that is not an error: claims without evidence, lone claims, odd rebuttals."""
        out = []
        objecting = {p for r in self.relations.values() if r.type in ATTACKS for p in r.premises}
        for c in self.claims.values():
            if not c.evidence:
                out.append(f"{c.id} has no evidence yet: attach the quote or sentence it rests on")
            if len(self.claims) > 1 and not self.relations_of(c.id):
                out.append(f"{c.id} is not linked to any other claim: does it support or object to something?")
        for r in self.relations.values():
            if r.type == "rebuts" and r.target not in objecting:
                out.append(f"{r.id}: {r.target} objects to nothing, so {r.describe()} is an objection: use 'objects'")
        return out

    # -- changing (each change can be undone) ------------------------------

    def _remember(self, what: str) -> None:
        self._history.append((what, self._state()))
        del self._history[:-MAX_UNDO]

    def _state(self) -> dict[str, Any]:
        return copy.deepcopy({"title": self.title, "claims": self.claims, "relations": self.relations,
                              "evidence_texts": self.evidence_texts})

    @property
    def can_undo(self) -> bool:
        """True when there is a change to take back."""
        return bool(self._history)

    def undo(self) -> str:
        """Take back the last change; returns what was undone (``'undid: add claim c3'``)."""
        if not self._history:
            raise InputError("there is nothing to undo: the map is as it was loaded or created")
        what, state = self._history.pop()
        self.title = state["title"]
        self.claims = state["claims"]
        self.relations = state["relations"]
        self.evidence_texts = state["evidence_texts"]
        return f"undid: {what}"

    def _new_id(self, prefix: str, taken: Mapping[str, Any]) -> str:
        n = len(taken) + 1
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"

    def set_title(self, title: str) -> None:
        """Give the map a title (shown on exports)."""
        self._remember("change the title")
        self.title = str(title).strip()

    def add_claim(self, text: str, side: str = "neither", evidence: Iterable[str] = (),
                  id: str | None = None, note: str = "") -> Claim:
        """Add a claim and return it; its id is ``c1``, ``c2``... unless you give one.

        >>> ArgumentMap().add_claim("   ")
        Traceback (most recent call last):
        ...
        casestudy.errors.InputError: a claim needs some text: write it in a few words of your own
        """
        text = _clean_text(text)
        side = normalise_side(side)
        evidence = tuple(dict.fromkeys(evidence))
        for e in evidence:
            _check_evidence_id(e)
        if id is None:
            id = self._new_id("c", self.claims)
        elif id in self.claims:
            raise InputError(f"there is already a claim {id!r}: choose another id or edit that claim")
        elif not _ID.match(id):
            raise InputError(f"claim id {id!r} is not a short name of letters, digits, '-', '_' or '.'")
        claim = Claim(id=id, text=text, side=side, evidence=evidence, note=str(note))
        self._remember(f"add claim {id}")
        self.claims[id] = claim
        return claim

    def edit_claim(self, claim_id: str, text: str | None = None, side: str | None = None,
                   note: str | None = None) -> Claim:
        """Change a claim's text, side or note (arguments left as ``None`` stay as they are)."""
        old = self.claim(claim_id)
        new = replace(old,
                      text=old.text if text is None else _clean_text(text),
                      side=old.side if side is None else normalise_side(side),
                      note=old.note if note is None else str(note))
        if new == old:
            return old
        self._remember(f"edit claim {claim_id}")
        self.claims[claim_id] = new
        return new

    def delete_claim(self, claim_id: str) -> list[str]:
        """Delete a claim and the relations that cannot stand without it; returns their ids.

        A co-premise group that loses one member keeps the others.
        """
        self.claim(claim_id)
        self._remember(f"delete claim {claim_id}")
        del self.claims[claim_id]
        removed = []
        for rid, r in list(self.relations.items()):
            if r.target == claim_id or r.premises == (claim_id,):
                del self.relations[rid]
                removed.append(rid)
            elif claim_id in r.premises:
                shrunk = replace(r, premises=tuple(p for p in r.premises if p != claim_id))
                if any(o.key == shrunk.key for oid, o in self.relations.items() if oid != rid):
                    del self.relations[rid]  # it now repeats another relation
                    removed.append(rid)
                else:
                    self.relations[rid] = shrunk
        return removed

    def add_relation(self, type: str, premises: str | Iterable[str], target: str,
                     id: str | None = None) -> Relation:
        """Link premise claim(s) to a target claim; several premises make co-premises.

        >>> m = ArgumentMap(); _ = m.add_claim("A"); _ = m.add_claim("B")
        >>> m.add_relation("supports", "c1", "c1")
        Traceback (most recent call last):
        ...
        casestudy.errors.InputError: claim c1 cannot support itself: choose two different claims
        """
        kind = normalise_relation_type(type)
        group = (premises,) if isinstance(premises, str) else tuple(dict.fromkeys(premises))
        if not group:
            raise InputError("a relation needs at least one premise: choose the claim(s) that give the reason")
        for cid in (*group, target):
            self.claim(cid)
        if target in group:
            raise InputError(f"claim {target} cannot {kind.rstrip('s')} itself: choose two different claims")
        key = Relation("", kind, group, target).key
        for r in self.relations.values():
            if r.key == key:
                raise InputError(f"{r.describe()} is already in the map ({r.id})")
        if id is None:
            id = self._new_id("r", self.relations)
        elif id in self.relations or not _ID.match(id):
            raise InputError(f"relation id {id!r} is taken or not a short name: leave it out to get one")
        relation = Relation(id=id, type=kind, premises=group, target=target)
        self._remember(f"link {' + '.join(group)} {kind} {target}")
        self.relations[id] = relation
        return relation

    def delete_relation(self, relation_id: str) -> None:
        """Remove one relation (the claims stay)."""
        if relation_id not in self.relations:
            known = _quoted(self.relations) if self.relations else "none yet"
            raise InputError(f"there is no relation {relation_id!r} (relations: {known})")
        self._remember(f"delete relation {relation_id}")
        del self.relations[relation_id]

    def attach_evidence(self, claim_id: str, evidence_id: str, text: str | None = None) -> Claim:
        """Cite a quote or sentence (by its stable id) as evidence for a claim.

        ``text`` (e.g. ``"Lavrov: We do not want to play these games."``) is kept
        beside the id so exports can show what the evidence says.
        """
        old = self.claim(claim_id)
        _check_evidence_id(evidence_id)
        if evidence_id in old.evidence:
            raise InputError(f"{claim_id} already cites {evidence_id}")
        self._remember(f"attach {evidence_id} to {claim_id}")
        self.claims[claim_id] = replace(old, evidence=(*old.evidence, evidence_id))
        if text:
            self.evidence_texts[evidence_id] = str(text)
        return self.claims[claim_id]

    def detach_evidence(self, claim_id: str, evidence_id: str) -> Claim:
        """Stop citing one piece of evidence for a claim."""
        old = self.claim(claim_id)
        if evidence_id not in old.evidence:
            raise InputError(f"{claim_id} does not cite {evidence_id!r} (it cites: {_quoted(old.evidence) or 'nothing'})")
        self._remember(f"detach {evidence_id} from {claim_id}")
        self.claims[claim_id] = replace(old, evidence=tuple(e for e in old.evidence if e != evidence_id))
        return self.claims[claim_id]

    # -- JSON ---------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The map as the JSON object that :func:`save_map` writes."""
        cited = set(self.evidence_ids())
        return {
            "format": FORMAT,
            "version": VERSION,
            "title": self.title,
            "claims": [c.to_json() for c in self.claims.values()],
            "relations": [r.to_json() for r in self.relations.values()],
            "evidence_texts": {k: v for k, v in self.evidence_texts.items() if k in cited},
        }

    def to_json(self) -> str:
        """The map as JSON text (UTF-8, indented, stable key order)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: Any, source: str = "the map") -> ArgumentMap:
        """Rebuild a map from :meth:`to_dict` output, checking format, version and field types.

        The content (unknown ids, empty texts...) is not judged here: see :meth:`problems`.

        >>> ArgumentMap.from_dict({"format": "casestudy-argmap", "version": 9})
        Traceback (most recent call last):
        ...
        casestudy.errors.InputError: the map was saved by a newer casestudy (map version 9; this one reads up to 1): upgrade with 'pip install -U casestudy'; the file was not changed
        """
        if not isinstance(data, dict):
            raise InputError(f"{source} is not an argument map: expected a JSON object, found {type(data).__name__}")
        if data.get("format") != FORMAT:
            found = repr(data["format"]) if "format" in data else "no 'format' field"
            raise InputError(f"{source} is not an argument map ({found}; expected format {FORMAT!r}): "
                             "choose a file saved by the argument-map widget")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise InputError(f"{source} has an invalid version {version!r}: expected a whole number like {VERSION}")
        if version > VERSION:
            raise InputError(f"{source} was saved by a newer casestudy (map version {version}; this one reads up "
                             f"to {VERSION}): upgrade with 'pip install -U casestudy'; the file was not changed")
        claims_raw = _list_field(data, "claims", source)
        relations_raw = _list_field(data, "relations", source)
        claims: dict[str, Claim] = {}
        for i, c in enumerate(claims_raw, 1):
            where = f"{source}, claim {i}"
            _require(isinstance(c, dict), f"{where} is not a JSON object")
            cid = _str_field(c, "id", where)
            _require(cid not in claims, f"{source} has two claims with id {cid!r}: give each claim its own id")
            evidence = _str_list(c.get("evidence", []), f"{where} ({cid}): 'evidence' must be a list of id strings")
            claims[cid] = Claim(id=cid, text=_str_field(c, "text", where), side=_str_field(c, "side", where),
                                evidence=evidence, note=str(c.get("note", "")))
        relations: dict[str, Relation] = {}
        for i, r in enumerate(relations_raw, 1):
            where = f"{source}, relation {i}"
            _require(isinstance(r, dict), f"{where} is not a JSON object")
            rid = _str_field(r, "id", where)
            _require(rid not in relations, f"{source} has two relations with id {rid!r}: give each its own id")
            premises = r.get("premises")
            premises = _str_list([premises] if isinstance(premises, str) else premises,
                                 f"{where} ({rid}): 'premises' must be a list of claim ids")
            relations[rid] = Relation(id=rid, type=_str_field(r, "type", where), premises=premises,
                                      target=_str_field(r, "target", where))
        texts = data.get("evidence_texts", {})
        _require(isinstance(texts, dict), f"{source}: 'evidence_texts' must be an object mapping ids to text")
        title = data.get("title", "")
        _require(isinstance(title, str), f"{source}: 'title' must be text")
        return cls(title=title, claims=claims, relations=relations,
                   evidence_texts={str(k): str(v) for k, v in texts.items()})

    @classmethod
    def from_json(cls, text: str, source: str = "the map") -> ArgumentMap:
        """Parse JSON text into a map, with a one-line error for text that is not JSON."""
        backup = f"{Path(source).name}.bak" if source.endswith(".json") else "the file's .bak"
        data = parse_json(text, source, f"the file was not changed: fix it, or load the previous version "
                                        f"from {backup} (then save it under the old name)")
        return cls.from_dict(data, source)


def _clean_text(text: Any) -> str:
    cleaned = " ".join(str(text if text is not None else "").split())
    if not cleaned:
        raise InputError("a claim needs some text: write it in a few words of your own")
    return cleaned


def _check_evidence_id(evidence_id: str) -> None:
    if not is_evidence_id(evidence_id):
        raise InputError(f"{evidence_id!r} is not a quote id (q-...) or sentence id (s-...): "
                         "pick the evidence from the list of quotes or use quote_id()/sentence_id()")


def _require(ok: bool, message: str) -> None:
    if not ok:
        raise InputError(message)


def _list_field(data: dict[str, Any], name: str, source: str) -> list[Any]:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise InputError(f"{source}: {name!r} must be a list")
    return value


def _str_list(value: Any, message: str) -> tuple[str, ...]:
    """A JSON list of strings as a tuple, or a one-line error with ``message``."""
    _require(isinstance(value, list) and all(isinstance(v, str) for v in value), message)
    return tuple(value)


def _str_field(obj: dict[str, Any], name: str, where: str) -> str:
    value = obj.get(name)
    if not isinstance(value, str):
        raise InputError(f"{where}: {name!r} must be text, found {type(value).__name__}")
    return value


# -- files ---------------------------------------------------------------------

DEFAULT_FILE = "my_argument_map.json"
"""Where the widget saves by default: a file in the current working folder."""

MAP_FILE = "an argument map (.json) saved by the argument-map widget"
"""What a map file is, for the messages about folders and binary files."""


def load_map(path: str | Path, validate: bool = True) -> ArgumentMap:
    """Read a saved map; a malformed, foreign or newer file gives a one-line error and is left untouched.

    With ``validate`` (the default) a map with problems (unknown ids, empty
    text...) is refused too, naming the first problem.
    """
    path = Path(path)
    text = read_text(path, MAP_FILE)
    amap = ArgumentMap.from_json(text, source=str(path))
    if validate:
        problems = amap.problems()
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise InputError(f"{path}: {problems[0]}{more}; the file was not changed")
    return amap


def reference_map() -> ArgumentMap:
    """The hand-written reference map of the article (``data/reference_map.json``)."""
    return load_map(data_path("reference_map.json"))


def _check_overwritable(path: Path) -> None:
    """Refuse to replace a file that is not an argument map this code can read."""
    try:
        if path.stat().st_size == 0:
            return
        ArgumentMap.from_json(read_text(path, MAP_FILE), source=str(path))
    except InputError as exc:
        raise InputError(f"{path} already exists and is not a map this version can replace ({exc}); "
                         "nothing was written: choose another file name") from None


def save_map(amap: ArgumentMap, path: str | Path, backup: bool = True) -> Path:
    """Save a map as JSON, atomically, keeping the previous file as ``NAME.bak``.

    See :mod:`casestudy.storage`: the map goes to a temporary file first and
    only then replaces the old one, so a crash midway leaves the old file whole.
    A file that is not an argument map (or is from a newer version) is never
    overwritten.  Returns the path written.
    """
    path = check_save_path(path, DEFAULT_FILE)
    text = amap.to_json()  # serialise first: an error here touches no file
    if path.exists():
        _check_overwritable(path)
    return atomic_write_text(path, text, backup=backup)


# -- exports -------------------------------------------------------------------

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

    >>> m = ArgumentMap(title="Demo")
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
    for side in SIDES:
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


# -- the evidence a map can cite --------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """One thing a claim can cite: an attributed quote, or a sentence of the cleaned article.

    ``sentence_id`` is the id of the sentence the quote stands in (for a
    sentence, its own id): reported speech *is* a sentence of the reporter's,
    so citing either counts as the same evidence when maps are compared.
    """

    id: str
    kind: str  # "direct", "continuation", "reported" or "sentence"
    speaker: str | None
    side: str
    text: str
    sentence_id: str

    def label(self, width: int = 110) -> str:
        """A one-line label for pick lists: ``'Condoleezza Rice (direct): We have offered...'``."""
        words = " ".join(self.text.split())
        line = f"sentence: {words}" if self.kind == "sentence" else \
            f"{self.speaker or 'unknown speaker'} ({self.kind}): {words}"
        return line if len(line) <= width else line[: width - 1] + "\u2026"

    def describe(self) -> str:
        """What :attr:`ArgumentMap.evidence_texts` stores: speaker and words."""
        who = self.speaker or ("Sentence" if self.kind == "sentence" else "Unknown speaker")
        return f"{who}: {' '.join(self.text.split())}"


def evidence_catalogue(quotes: Iterable[Quote], sentences: Iterable[Sentence]) -> list[Evidence]:
    """Every quote, then every sentence, as evidence a claim can cite, each id once.

    Quotes come first (what students usually cite); sentences cover what the
    reporter says in their own words.  Quotes and sentences must have offsets
    into the same text: a quote's ``sentence_id`` is the sentence it starts in.
    :func:`casestudy.pipeline.read_article` builds this for an article.
    """
    sentences = list(sentences)
    starts = [sent.start for sent in sentences]

    def sentence_of(pos: int) -> str:
        k = bisect.bisect_right(starts, pos) - 1
        return sentences[k].id if k >= 0 and sentences[k].start <= pos < sentences[k].end else ""

    out: dict[str, Evidence] = {}
    for q in quotes:
        sid = sentence_of(q.start + (1 if q.kind != "reported" else 0))
        out.setdefault(q.id, Evidence(q.id, q.kind, q.speaker, q.side, q.content, sid or q.id))
    for sent in sentences:
        out.setdefault(sent.id, Evidence(sent.id, "sentence", None, "neither", sent.text, sent.id))
    return list(out.values())


def find_evidence(catalogue: Iterable[Evidence], words: str, kind: str | None = None) -> Evidence:
    """The first quote or sentence whose speaker and text contain all the ``words`` (any case).

    ``kind`` narrows the search ("direct", "reported", "sentence"...).  Handy
    for building a map in code without copying ids by hand:

    >>> e = Evidence("q-0000000001", "direct", "Condoleezza Rice", "US/NATO", "We have offered them defense cooperation", "s-0000000001")
    >>> find_evidence([e], "rice offered").id
    'q-0000000001'
    >>> find_evidence([e], "lavrov")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: no quote or sentence contains all of 'lavrov': try fewer or other words
    """
    wanted = words.lower().split()
    for e in catalogue:
        if kind is not None and e.kind != kind:
            continue
        haystack = f"{e.speaker or ''} {e.text}".lower()
        if all(w in haystack for w in wanted):
            return e
    raise InputError(f"no quote or sentence contains all of {words!r}: try fewer or other words")


def tiny_example() -> ArgumentMap:
    """A six-claim map about a bike shed: one contention, a reason, an objection, a rebuttal, two co-premises.

    >>> m = tiny_example()
    >>> m.roles()
    {'c1': 'contention', 'c2': 'reason', 'c3': 'objection', 'c4': 'rebuttal', 'c5': 'co-premise', 'c6': 'co-premise'}
    """
    m = ArgumentMap(title="Should the school build a bike shed?")
    m.add_claim("The school should build a bike shed.", side="neither")
    m.add_claim("Many students cycle to school.", side="neither")
    m.add_claim("A shed costs money the school does not have.", side="neither")
    m.add_claim("The parents' association offered to pay for it.", side="neither")
    m.add_claim("Bikes left in the rain rust.", side="neither")
    m.add_claim("Rusty bikes are unsafe to ride.", side="neither")
    m.add_relation("supports", "c2", "c1")
    m.add_relation("objects", "c3", "c1")
    m.add_relation("rebuts", "c4", "c3")
    m.add_relation("supports", ["c5", "c6"], "c1")
    m._history.clear()  # an example, not a sequence of edits to undo
    return m


def same_evidence(catalogue: Iterable[Evidence]) -> dict[str, str]:
    """Reported quotes mapped to the sentence that reports them, for :func:`compare_maps`.

    Direct quotes are not mapped: a sentence with a direct quote often says
    more than the quote (who said it, what they added), so it stays separate.
    """
    return {e.id: e.sentence_id for e in catalogue if e.kind == "reported" and e.sentence_id != e.id}


# -- comparing with the reference ----------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """How a student's map compares with the reference map, with feedback a student can act on.

    ``covered`` maps each reference claim id to the student claims that cover
    it: same side and at least one shared piece of evidence (the wording does
    not matter).  ``relations_agreeing`` lists the reference relations the
    student also drew (same direction, and support vs objection the same).
    """

    covered: dict[str, tuple[str, ...]]
    missing: tuple[str, ...]
    relations_agreeing: tuple[str, ...]
    relations_missing: tuple[str, ...]
    relations_conflicting: tuple[tuple[str, str], ...]
    wrong_side: tuple[tuple[str, str], ...]
    unmatched: tuple[str, ...]
    n_reference_claims: int
    n_reference_relations: int
    feedback: tuple[str, ...] = ()

    @property
    def claims_covered(self) -> int:
        return len(self.covered)

    @property
    def relations_agree(self) -> int:
        return len(self.relations_agreeing)

    def summary(self) -> str:
        """One line: how much of the reference the map covers."""
        return (f"covers {self.claims_covered} of {self.n_reference_claims} reference claims; "
                f"{self.relations_agree} of {self.n_reference_relations} reference relations agree")

    def report(self) -> str:
        """The summary followed by the feedback, one item per line."""
        return "\n".join([self.summary(), *(f"- {f}" for f in self.feedback)])

    def to_row(self) -> dict[str, Any]:
        """One CSV row for a teacher's table."""
        return {
            "claims_covered": self.claims_covered, "reference_claims": self.n_reference_claims,
            "relations_agreeing": self.relations_agree, "reference_relations": self.n_reference_relations,
            "wrong_side": len(self.wrong_side), "relations_conflicting": len(self.relations_conflicting),
            "missing": " ".join(self.missing),
        }


def compare_maps(student: ArgumentMap, reference: ArgumentMap,
                 same_as: Mapping[str, str] | None = None) -> Comparison:
    """Compare a student's map with the reference, by evidence and side rather than wording.

    ``same_as`` (from :func:`same_evidence`) counts a reported quote and the
    sentence that reports it as the same evidence.

    >>> ref = ArgumentMap()
    >>> _ = ref.add_claim("Shield needed.", side="US/NATO", evidence=["q-0000000001"], id="us1")
    >>> _ = ref.add_claim("Shield threatens Russia.", side="Russia", evidence=["q-0000000002"], id="ru1")
    >>> _ = ref.add_relation("objects", "ru1", "us1")
    >>> mine = ArgumentMap()
    >>> _ = mine.add_claim("The US wants the shield", side="US/NATO", evidence=["q-0000000001"])
    >>> _ = mine.add_claim("Russia feels threatened", side="US/NATO", evidence=["q-0000000002"])
    >>> result = compare_maps(mine, ref)
    >>> result.summary()
    'covers 1 of 2 reference claims; 0 of 1 reference relations agree'
    >>> print(result.feedback[0])
    c2 cites the same evidence as a Russia claim of the reference, but you put it on the US/NATO side: who says it?
    """
    same_as = same_as or {}

    def cited(claim: Claim) -> set[str]:
        return set(claim.evidence) | {same_as[e] for e in claim.evidence if e in same_as}

    matches: dict[str, set[str]] = {sid: set() for sid in student.claims}  # student id -> reference ids
    wrong_side: list[tuple[str, str]] = []
    for s in student.claims.values():
        for r in reference.claims.values():
            if cited(s) & cited(r):
                if s.side == r.side:
                    matches[s.id].add(r.id)
                else:
                    wrong_side.append((s.id, r.id))
    covered: dict[str, tuple[str, ...]] = {}
    for rid in reference.claims:
        who = tuple(sid for sid, refs in matches.items() if rid in refs)
        if who:
            covered[rid] = who
    missing = tuple(rid for rid in reference.claims if rid not in covered)
    # A wrong side only matters when that student claim covers nothing on the right side.
    wrong_side = [(s, r) for s, r in wrong_side if not matches[s]]

    agreeing: list[str] = []
    conflicting: list[tuple[str, str]] = []
    reversed_: list[tuple[str, str]] = []
    partial: list[tuple[str, str]] = []
    for rr in reference.relations.values():
        found = False
        for sr in student.relations.values():
            targets_match = rr.target in matches.get(sr.target, set())
            premise_refs = set().union(*(matches.get(p, set()) for p in sr.premises))
            premises_match = bool(premise_refs & set(rr.premises))
            if targets_match and premises_match:
                if (sr.type in ATTACKS) == (rr.type in ATTACKS):
                    found = True
                    if rr.is_linked and not set(rr.premises) <= premise_refs:
                        partial.append((rr.id, sr.id))
                else:
                    conflicting.append((rr.id, sr.id))
            elif rr.target in premise_refs and (matches.get(sr.target, set()) & set(rr.premises)):
                reversed_.append((rr.id, sr.id))
        if found:
            agreeing.append(rr.id)
    relations_missing = tuple(r for r in reference.relations if r not in agreeing)
    unmatched = tuple(sid for sid, refs in matches.items() if not refs)

    feedback: list[str] = []
    for sid, rid in wrong_side:
        ref_side = reference.claims[rid].side
        feedback.append(f"{sid} cites the same evidence as a {ref_side} claim of the reference, "
                        f"but you put it on the {student.claims[sid].side} side: who says it?")
    for rid, sid in conflicting:
        rr = reference.relations[rid]
        feedback.append(f"{student.relations[sid].describe()}: the reference reads it the other way "
                        f"(it {RELATION_VERBS[rr.type]} its target): reread the quotes and decide which you believe")
    for rid, sid in reversed_:
        feedback.append(f"{student.relations[sid].describe()}: check the arrow's direction; it points from the "
                        "reason (or objection) to the claim it bears on")
    for rid, sid in partial:
        others = ", ".join(reference.relations[rid].premises)
        feedback.append(f"{student.relations[sid].describe()}: the reference treats this as co-premises "
                        f"({others}) that only work together: is a premise missing?")
    for rid in missing:
        r = reference.claims[rid]
        hint = r.note or "look for its quote in the article"
        feedback.append(f"missing a {r.side} point: {hint}")
    for rid in relations_missing:
        rr = reference.relations[rid]
        if rr.target in covered and any(p in covered for p in rr.premises):
            premise = next(covered[p][0] for p in rr.premises if p in covered)
            feedback.append(f"your {premise} and {covered[rr.target][0]} match reference claims the reference "
                            f"links ({premise} {RELATION_VERBS[rr.type]} {covered[rr.target][0]}): do you agree? "
                            "if so, add that relation")
    for sid in unmatched:
        if not student.claims[sid].evidence:
            feedback.append(f"{sid} has no evidence: attach the quote or sentence it rests on "
                            "(the comparison matches claims by their evidence)")
    return Comparison(
        covered=covered, missing=missing, relations_agreeing=tuple(agreeing),
        relations_missing=relations_missing, relations_conflicting=tuple(conflicting),
        wrong_side=tuple(wrong_side), unmatched=unmatched, n_reference_claims=len(reference.claims),
        n_reference_relations=len(reference.relations), feedback=tuple(feedback),
    )
