"""An argument map in plain Python: sides, claims, and how the claims relate.

An argument map lays out a debate as boxes and arrows.  Each box is a
*claim* written in your own words and placed on one of the map's *sides*
(or on neither).  Arrows say how claims relate:

* ``supports`` - a *reason*: if the premise is true, the target is more believable;
* ``objects`` - an *objection*: if the premise is true, the target is less believable;
* ``rebuts`` - a *rebuttal*: the premise answers an objection (it attacks a claim
  that itself objects to something).

A relation can have several premises that only work *together* (co-premises,
a "linked" argument): "cooperation must start with a joint threat assessment"
and "the US offer has no such assessment" object to "the US offers real
cooperation" only as a pair.  A *contention* is what a side ultimately argues
for: a claim no arrow leaves, or, where two sides' main positions clash, a
claim with reasons of its own whose only arrows object to another side's
contention (see :meth:`ArgumentMap.roles`).  A claim not linked yet is a
contention too, until an arrow leaves it.

The sides are the map's own data (:mod:`casestudy.argmap.sides`), usually the
article's: ``ArgumentMap(sides=reading.sides)``.

>>> m = ArgumentMap(title="Tiny example", sides=["US/NATO", "Russia"])
>>> shield = m.add_claim("A shield protects Europe.", side="US/NATO")
>>> threat = m.add_claim("The shield threatens Russia.", side="russia")
>>> m.add_relation("objects", threat.id, shield.id).describe()
'c2 objects to c1'
>>> m.roles()
{'c1': 'contention', 'c2': 'objection'}
>>> m.undo()
'undid: link c2 objects c1'
>>> m.roles()
{'c1': 'contention', 'c2': 'contention'}

Each claim cites its evidence by stable ids (:mod:`casestudy.argmap.evidence`).
Files, exports and the comparison with a reference live in their own modules
(:mod:`~casestudy.argmap.files`, :mod:`~casestudy.argmap.exports`,
:mod:`~casestudy.argmap.compare`); what can be wrong with a map is in
:mod:`~casestudy.argmap.checks`.  No widget or plotting imports here.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import InputError
from ..models import NEITHER, Side, side_names
from ..text.loading import parse_json
from . import checks
from .checks import ATTACKS, ID_PATTERN, RELATION_TYPES, quoted
from .evidence import Evidence, is_evidence_id
from .schema import VERSION, FORMAT, list_field, require, str_field, str_list, upgrade
from .sides import map_sides, normalise_side, sides_from_json

RELATION_VERBS = {"supports": "supports", "objects": "objects to", "rebuts": "rebuts"}
"""How each relation type reads in a sentence ("c2 objects to c1")."""

MAX_UNDO = 100
"""How many changes :meth:`ArgumentMap.undo` can take back."""

REWRITE_NOTE = "starter claim: rewrite it in your own words"
"""The note of a claim made by code from a quote's opening words (a starter map's):
:meth:`ArgumentMap.edit_claim` drops it once the claim's text is rewritten."""

_TYPE_ALIASES = {
    "supports": "supports", "support": "supports", "reason": "supports", "+": "supports",
    "objects": "objects", "object": "objects", "objects to": "objects", "objection": "objects", "-": "objects",
    "rebuts": "rebuts", "rebut": "rebuts", "rebuttal": "rebuts",
}


def normalise_relation_type(kind: str) -> str:
    """The canonical name of a relation type ("objects to" -> "objects").

    >>> normalise_relation_type("objects to")
    'objects'
    """
    key = str(kind).strip().lower()
    if key in _TYPE_ALIASES:
        return _TYPE_ALIASES[key]
    raise InputError(f"unknown relation type {kind!r}: choose one of {quoted(RELATION_TYPES)}")


# -- the pieces of a map -------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """One box of the map: a claim in the student's words, its side and its evidence ids."""

    id: str
    text: str
    side: str = NEITHER
    evidence: tuple[str, ...] = ()
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "text": self.text, "side": self.side, "evidence": list(self.evidence)}
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class Link:
    """A link without an id: another way a reference relation could be drawn (see :attr:`Relation.alternatives`)."""

    type: str
    premises: tuple[str, ...]
    target: str

    def describe(self) -> str:
        """The link as a short sentence, e.g. ``'c2 objects to c1'``."""
        return Relation("", self.type, self.premises, self.target).describe()

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "premises": list(self.premises), "target": self.target}


@dataclass(frozen=True)
class Relation:
    """An arrow: ``premises`` (one claim, or co-premises that only work together) bear on ``target``.

    ``debatable`` (in a reference map) says why a careful reader could draw
    this link otherwise, and ``alternatives`` lists those other defensible
    readings: :func:`~casestudy.argmap.compare_maps` accepts them.
    """

    id: str
    type: str
    premises: tuple[str, ...]
    target: str
    debatable: str = ""
    alternatives: tuple[Link, ...] = ()

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
        out: dict[str, Any] = {"id": self.id, "type": self.type, "premises": list(self.premises),
                               "target": self.target}
        if self.debatable:
            out["debatable"] = self.debatable
        if self.alternatives:
            out["alternatives"] = [a.to_json() for a in self.alternatives]
        return out


@dataclass
class ArgumentMap:
    """A whole map: its sides, claims and relations in the order they were added, plus an undo history.

    ``sides`` are the map's own (names or :class:`~casestudy.models.Side`
    objects, in order; none, or up to eight); a claim's side is one of them
    or ``"neither"``.  Every method that changes the map checks its input
    first and raises :class:`~casestudy.errors.InputError` (one line, naming
    the fix) without changing anything, so a map built through these methods
    is always valid.  A map read from a file may not be: call
    :meth:`problems` to list what is wrong.
    """

    title: str = ""
    sides: tuple[Side, ...] = ()
    claims: dict[str, Claim] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    evidence_texts: dict[str, str] = field(default_factory=dict)
    """What each evidence id points at ("Lavrov: We do not want..."), so exports read without the article."""
    _history: list[tuple[str, dict[str, Any]]] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.sides = map_sides(self.sides)

    # -- reading ------------------------------------------------------------

    def side_names(self) -> tuple[str, ...]:
        """The names of the map's sides, in order (without "neither")."""
        return side_names(self.sides)

    def normalise_side(self, side: str) -> str:
        """The spelling of ``side`` among the map's sides (or "neither"), forgiving case; else an error listing them."""
        return normalise_side(side, self.sides)

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id, or an error listing the ids that exist."""
        if claim_id not in self.claims:
            known = quoted(self.claims) if self.claims else "none yet"
            raise InputError(f"there is no claim {claim_id!r} in the map (claims: {known})")
        return self.claims[claim_id]

    def relations_of(self, claim_id: str) -> list[Relation]:
        """Every relation the claim takes part in, as premise or target."""
        return [r for r in self.relations.values() if claim_id == r.target or claim_id in r.premises]

    def roles(self) -> dict[str, str]:
        """Each claim's role, read off the arrows that leave it.

        ``contention`` (no arrow leaves it), ``reason``, ``objection``,
        ``rebuttal``, or ``co-premise`` when it only acts inside a group.  Where
        the sides' main positions clash, a claim that has reasons of its own
        and only objects to another side's contention is a contention too:
        Russia's "the shield threatens us", backed by the general's "real goal",
        is Russia's main position, not merely an objection to the US's.  A claim
        linked to nothing is a contention until an arrow leaves it.

        >>> m = ArgumentMap()
        >>> for text in ("Build it.", "It is cheap.", "It is not cheap.", "Costs were audited."):
        ...     _ = m.add_claim(text)
        >>> _ = m.add_relation("supports", "c2", "c1"); _ = m.add_relation("objects", "c3", "c2")
        >>> _ = m.add_relation("rebuts", "c4", "c3")
        >>> m.roles()
        {'c1': 'contention', 'c2': 'reason', 'c3': 'objection', 'c4': 'rebuttal'}

        Two main positions that clash (c2 has a reason of its own):

        >>> m = ArgumentMap(sides=["A", "B"])
        >>> for text, side in (("Build it.", "A"), ("It harms us.", "B"), ("Our study shows harm.", "B")):
        ...     _ = m.add_claim(text, side=side)
        >>> _ = m.add_relation("objects", "c2", "c1"); _ = m.add_relation("supports", "c3", "c2")
        >>> m.roles()
        {'c1': 'contention', 'c2': 'contention', 'c3': 'reason'}
        """
        names = {"supports": "reason", "objects": "objection", "rebuts": "rebuttal"}
        leaves = {cid: [r for r in self.relations.values() if cid in r.premises] for cid in self.claims}
        tops = {cid for cid, out in leaves.items() if not out}
        supported = {r.target for r in self.relations.values() if r.type == "supports"}
        roles = {}
        for cid, leaving in leaves.items():
            # Main positions clash: a claim with reasons of its own that only
            # objects to another side's contention is a contention too.
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
        """Ids of the contentions (see :meth:`roles`): what each side ultimately argues for."""
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

    # -- validation (the rules are in casestudy.argmap.checks) ----------------

    def problems(self, known_evidence: Iterable[str] | None = None) -> list[str]:
        """Everything wrong with the map, one line each (an empty list means valid).

        With ``known_evidence`` (the ids of the quotes and sentences of the
        article), evidence that points at nothing in the article is reported too.

        >>> m = ArgumentMap(sides=["US/NATO", "Russia"], claims={"c1": Claim("c1", " ", side="Mars")},
        ...                 relations={"r1": Relation("r1", "supports", ("c1",), "c1")})
        >>> for p in m.problems():
        ...     print(p)
        claim c1 has no text: write the claim in a few words
        claim c1 has unknown side 'Mars': choose one of the map's sides 'US/NATO', 'Russia', 'neither'
        relation r1: claim c1 cannot relate to itself: link two different claims
        """
        return checks.problems(self, known_evidence)

    def validate(self, known_evidence: Iterable[str] | None = None) -> None:
        """Raise :class:`InputError` with the first problem (and how many more there are)."""
        problems = self.problems(known_evidence)
        if problems:
            more = f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})" if len(problems) > 1 else ""
            raise InputError(problems[0] + more)

    def hints(self) -> list[str]:
        """Advice that is not an error: claims without evidence, lone claims, odd rebuttals, circles of links."""
        return checks.hints(self)

    def cycles(self) -> list[tuple[str, ...]]:
        """Links that go round in a circle, each as claim ids (see :func:`casestudy.argmap.checks.cycles`)."""
        return checks.cycles(self)

    # -- changing (each change can be undone) ------------------------------

    def _remember(self, what: str) -> None:
        self._history.append((what, self._state()))
        del self._history[:-MAX_UNDO]

    def _state(self) -> dict[str, Any]:
        return copy.deepcopy({"title": self.title, "sides": self.sides, "claims": self.claims,
                              "relations": self.relations, "evidence_texts": self.evidence_texts})

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
        self.sides = state["sides"]
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

    def add_side(self, side: Side | str) -> Side:
        """Add a side at the end of the map's sides (a name, or a :class:`~casestudy.models.Side` with a colour).

        >>> m = ArgumentMap(sides=["EU"]); m.add_side("UK").name, m.side_names()
        ('UK', ('EU', 'UK'))
        """
        sides = map_sides([*self.sides, side])
        self._remember(f"add side {sides[-1].name}")
        self.sides = sides
        return sides[-1]

    def rename_side(self, old: str, new: str) -> Side:
        """Give a side a new name; its claims move with it."""
        name = self.normalise_side(old)
        if name == NEITHER:
            raise InputError(f"{NEITHER!r} is not a side of its own and cannot be renamed")
        sides = map_sides([replace(s, name=new) if s.name == name else s for s in self.sides])
        renamed = next(s for s in sides if s.name.lower() == " ".join(str(new).split()).lower())
        self._remember(f"rename side {name}")
        self.sides = sides
        self.claims = {cid: replace(c, side=renamed.name) if c.side == name else c for cid, c in self.claims.items()}
        return renamed

    def remove_side(self, side: str) -> None:
        """Remove a side no claim is on (move or delete its claims first)."""
        name = self.normalise_side(side)
        if name == NEITHER:
            raise InputError(f"{NEITHER!r} is not a side of its own and cannot be removed")
        on_it = [cid for cid, c in self.claims.items() if c.side == name]
        if on_it:
            raise InputError(f"the side {name!r} still has claims ({', '.join(on_it)}): move them to another "
                             "side or delete them first")
        self._remember(f"remove side {name}")
        self.sides = tuple(s for s in self.sides if s.name != name)

    def add_claim(self, text: str, side: str = NEITHER, evidence: Iterable[str | Evidence] = (),
                  id: str | None = None, note: str = "") -> Claim:
        """Add a claim and return it; its id is ``c1``, ``c2``... unless you give one.

        ``evidence`` holds evidence ids, or :class:`~casestudy.argmap.Evidence`
        items (from ``reading.evidence`` or :func:`~casestudy.argmap.find_evidence`),
        whose words are then kept in :attr:`evidence_texts` for the editor and the exports.

        >>> ArgumentMap().add_claim("   ")
        Traceback (most recent call last):
        ...
        casestudy.errors.InputError: a claim needs some text: write it in a few words of your own
        """
        text = _clean_text(text)
        side = self.normalise_side(side)
        items = list(evidence)
        texts = {e.id: e.describe() for e in items if isinstance(e, Evidence)}
        ids = tuple(dict.fromkeys(e.id if isinstance(e, Evidence) else e for e in items))
        for e in ids:
            _check_evidence_id(e)
        if id is None:
            id = self._new_id("c", self.claims)
        elif id in self.claims:
            raise InputError(f"there is already a claim {id!r}: choose another id or edit that claim")
        elif not ID_PATTERN.match(id):
            raise InputError(f"claim id {id!r} is not a short name of letters, digits, '-', '_' or '.'")
        claim = Claim(id=id, text=text, side=side, evidence=ids, note=str(note))
        self._remember(f"add claim {id}")
        self.claims[id] = claim
        self.evidence_texts.update(texts)
        return claim

    def edit_claim(self, claim_id: str, text: str | None = None, side: str | None = None,
                   note: str | None = None) -> Claim:
        """Change a claim's text, side or note (arguments left as ``None`` stay as they are).

        A starter claim's note (:data:`REWRITE_NOTE`) goes once its text is rewritten.

        >>> m = ArgumentMap(); _ = m.add_claim("Rice: We have offered...", note=REWRITE_NOTE)
        >>> m.edit_claim("c1", text="The US offers cooperation.").note
        ''
        """
        old = self.claim(claim_id)
        new_text = old.text if text is None else _clean_text(text)
        if note is None:
            note = "" if old.note == REWRITE_NOTE and new_text != old.text else old.note
        new = replace(old, text=new_text, side=old.side if side is None else self.normalise_side(side),
                      note=str(note))
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
            if r.alternatives:  # a reference's other readings that mention the claim go with it
                r = self.relations[rid] = replace(r, alternatives=tuple(
                    a for a in r.alternatives if claim_id not in (*a.premises, a.target)))
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
        elif id in self.relations or not ID_PATTERN.match(id):
            raise InputError(f"relation id {id!r} is taken or not a short name: leave it out to get one")
        relation = Relation(id=id, type=kind, premises=group, target=target)
        self._remember(f"link {' + '.join(group)} {kind} {target}")
        self.relations[id] = relation
        return relation

    def delete_relation(self, relation_id: str) -> None:
        """Remove one relation (the claims stay)."""
        if relation_id not in self.relations:
            known = quoted(self.relations) if self.relations else "none yet"
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
            raise InputError(f"{claim_id} does not cite {evidence_id!r} (it cites: {quoted(old.evidence) or 'nothing'})")
        self._remember(f"detach {evidence_id} from {claim_id}")
        self.claims[claim_id] = replace(old, evidence=tuple(e for e in old.evidence if e != evidence_id))
        return self.claims[claim_id]

    # -- JSON (the file format and its versions are in casestudy.argmap.schema) --

    def to_dict(self) -> dict[str, Any]:
        """The map as the JSON object that :func:`~casestudy.argmap.save_map` writes."""
        cited = set(self.evidence_ids())
        return {
            "format": FORMAT,
            "version": VERSION,
            "title": self.title,
            "sides": [s.to_json() for s in self.sides],
            "claims": [c.to_json() for c in self.claims.values()],
            "relations": [r.to_json() for r in self.relations.values()],
            "evidence_texts": {k: v for k, v in self.evidence_texts.items() if k in cited},
        }

    def to_json(self) -> str:
        """The map as JSON text (UTF-8, indented, stable key order)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: Any, source: str = "the map") -> ArgumentMap:
        """Rebuild a map from :meth:`to_dict` output (any version), checking format, version and field types.

        Files saved by older versions are upgraded on the way in (the file
        itself is never changed).  The content (unknown ids, empty texts...) is
        not judged here: see :meth:`problems`.

        >>> ArgumentMap.from_dict({"format": "casestudy-argmap", "version": 1, "claims": [
        ...     {"id": "c1", "text": "Talks", "side": "neither"}, {"id": "c2", "text": "No", "side": "Russia"}]}).side_names()
        ('Russia',)
        """
        data = upgrade(data, source)
        claims: dict[str, Claim] = {}
        for i, c in enumerate(list_field(data, "claims", source), 1):
            where = f"{source}, claim {i}"
            require(isinstance(c, dict), f"{where} is not a JSON object")
            cid = str_field(c, "id", where)
            require(cid not in claims, f"{source} has two claims with id {cid!r}: give each claim its own id")
            evidence = str_list(c.get("evidence", []), f"{where} ({cid}): 'evidence' must be a list of id strings")
            claims[cid] = Claim(id=cid, text=str_field(c, "text", where), side=str_field(c, "side", where),
                                evidence=evidence, note=str(c.get("note", "")))
        relations: dict[str, Relation] = {}
        for i, r in enumerate(list_field(data, "relations", source), 1):
            where = f"{source}, relation {i}"
            require(isinstance(r, dict), f"{where} is not a JSON object")
            rid = str_field(r, "id", where)
            require(rid not in relations, f"{source} has two relations with id {rid!r}: give each its own id")
            link = _link(r, f"{where} ({rid})")
            alternatives = tuple(_link(a, f"{where} ({rid}), alternative {k}")
                                 for k, a in enumerate(list_field(r, "alternatives", where), 1))
            debatable = r.get("debatable", "")
            require(isinstance(debatable, str), f"{where} ({rid}): 'debatable' must be text saying why")
            relations[rid] = Relation(rid, link.type, link.premises, link.target, debatable, alternatives)
        texts = data.get("evidence_texts", {})
        require(isinstance(texts, dict), f"{source}: 'evidence_texts' must be an object mapping ids to text")
        title = data.get("title", "")
        require(isinstance(title, str), f"{source}: 'title' must be text")
        return cls(title=title, sides=sides_from_json(data["sides"], source), claims=claims, relations=relations,
                   evidence_texts={str(k): str(v) for k, v in texts.items()})

    @classmethod
    def from_json(cls, text: str, source: str = "the map", backup: str | None = None) -> ArgumentMap:
        """Parse JSON text into a map, with a one-line error for text that is not JSON.

        ``backup`` names a file holding the previous version (a ``.bak`` that
        exists), which the error then suggests loading instead.
        """
        fix = (f"the file was not changed: fix it, or load the previous version from {backup} and save it "
               "under the old name (Save asks first, then keeps this file aside as a .unreadable copy)") if backup else \
            "the file was not changed: fix it in a text editor, or start a new map under another name"
        return cls.from_dict(parse_json(text, source, fix), source)


def _link(obj: Any, where: str) -> Link:
    """A relation's (or an alternative reading's) type, premises and target, read from JSON."""
    require(isinstance(obj, dict), f"{where} is not a JSON object")
    premises = obj.get("premises")
    premises = str_list([premises] if isinstance(premises, str) else premises,
                        f"{where}: 'premises' must be a list of claim ids")
    return Link(type=str_field(obj, "type", where), premises=premises, target=str_field(obj, "target", where))


def _clean_text(text: Any) -> str:
    cleaned = " ".join(str(text if text is not None else "").split())
    if not cleaned:
        raise InputError("a claim needs some text: write it in a few words of your own")
    return cleaned


def _check_evidence_id(evidence_id: str) -> None:
    if not is_evidence_id(evidence_id):
        raise InputError(f"{evidence_id!r} is not a quote id (q-...) or sentence id (s-...): "
                         "pick the evidence from the list of quotes or use quote_id()/sentence_id()")
