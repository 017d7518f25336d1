"""Comparing a student's map with the reference: by evidence and side, never by wording."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .checks import ATTACKS
from .model import RELATION_VERBS, ArgumentMap, Claim, Link, Relation


@dataclass(frozen=True)
class Comparison:
    """How a student's map compares with the reference map, with feedback a student can act on.

    ``covered`` maps each reference claim id to the student claims that cover
    it: same side and at least one shared piece of evidence (the wording does
    not matter).  ``relations_agreeing`` lists the reference relations the
    student also drew (same direction, and support vs objection the same).
    ``relations_defensible`` pairs a reference relation marked debatable with
    the student relation that draws one of its listed alternatives instead.
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
    relations_defensible: tuple[tuple[str, str], ...] = ()

    @property
    def claims_covered(self) -> int:
        return len(self.covered)

    @property
    def relations_agree(self) -> int:
        return len(self.relations_agreeing)

    def summary(self) -> str:
        """One line: how much of the reference the map covers."""
        other = len({rid for rid, _ in self.relations_defensible} - set(self.relations_agreeing))
        return (f"covers {self.claims_covered} of {self.n_reference_claims} reference claims; "
                f"{self.relations_agree} of {self.n_reference_relations} reference relations agree"
                + (f", {other} more drawn another defensible way" if other else ""))

    def report(self) -> str:
        """The summary followed by the feedback, one item per line."""
        return "\n".join([self.summary(), *(f"- {f}" for f in self.feedback)])

    def to_row(self) -> dict[str, Any]:
        """One CSV row for a teacher's table."""
        return {
            "claims_covered": self.claims_covered, "reference_claims": self.n_reference_claims,
            "relations_agreeing": self.relations_agree, "reference_relations": self.n_reference_relations,
            "relations_defensible": len({rid for rid, _ in self.relations_defensible} - set(self.relations_agreeing)),
            "wrong_side": len(self.wrong_side), "relations_conflicting": len(self.relations_conflicting),
            "missing": " ".join(self.missing),
        }


def compare_maps(student: ArgumentMap, reference: ArgumentMap,
                 same_as: Mapping[str, str] | None = None) -> Comparison:
    """Compare a student's map with the reference, by evidence and side rather than wording.

    Each piece of evidence a student claim cites covers the reference claims
    that cite the same words: the same quote or sentence or, for a sentence,
    a quote inside it (``same_as``, from :func:`same_evidence`, says which
    sentence each quote stands in).  A quote is part of its sentence, not the
    whole of it: only when no reference claim cites the quote itself does the
    comparison fall back to the reference claims that cite its sentence.  So
    citing Gates's reported offer covers the reference's offer, and not also
    the other point his sentence makes; citing his whole sentence covers both,
    and the feedback asks whether the claim can be split.  Where the reference marks a
    relation as debatable, a student relation that draws one of its listed
    alternatives gets "a defensible reading" feedback, not a correction.
    Feedback names the student's own claims by their ids, and reference claims
    the student has no claim for by their words, never by reference ids.

    >>> ref = ArgumentMap(sides=["US/NATO", "Russia"])
    >>> _ = ref.add_claim("Shield needed.", side="US/NATO", evidence=["q-0000000001"], id="us1")
    >>> _ = ref.add_claim("Shield threatens Russia.", side="Russia", evidence=["q-0000000002"], id="ru1")
    >>> _ = ref.add_relation("objects", "ru1", "us1")
    >>> mine = ArgumentMap(sides=["US/NATO", "Russia"])
    >>> _ = mine.add_claim("The US wants the shield", side="US/NATO", evidence=["q-0000000001"])
    >>> _ = mine.add_claim("Russia feels threatened", side="US/NATO", evidence=["q-0000000002"])
    >>> result = compare_maps(mine, ref)
    >>> result.summary()
    'covers 1 of 2 reference claims; 0 of 1 reference relations agree'
    >>> print(result.feedback[0])
    c2 cites the same evidence as a Russia claim of the reference, but you put it on the US/NATO side: who says it?
    """
    same_as = same_as or {}
    inside: dict[str, set[str]] = {}  # sentence id -> the quotes that stand in it
    for quote, sentence in same_as.items():
        inside.setdefault(sentence, set()).add(quote)
    citing: dict[str, list[str]] = {}  # evidence id -> the reference claims citing it, in map order
    for r in reference.claims.values():
        for e in r.evidence:
            citing.setdefault(e, []).append(r.id)

    def covers(evidence_id: str) -> list[str]:
        """The reference claims citing these words (or a quote inside them); else, for a quote, its sentence."""
        words = {evidence_id} | inside.get(evidence_id, set())
        found = [r.id for r in reference.claims.values() if words & set(r.evidence)]
        if found or evidence_id not in same_as:
            return found
        return citing.get(same_as[evidence_id], [])

    matches: dict[str, set[str]] = {sid: set() for sid in student.claims}  # student id -> reference ids
    wrong: dict[tuple[str, str], None] = {}
    for s in student.claims.values():
        for e in s.evidence:
            for rid in covers(e):
                if s.side == reference.claims[rid].side:
                    matches[s.id].add(rid)
                else:
                    wrong.setdefault((s.id, rid))
    covered: dict[str, tuple[str, ...]] = {}
    for rid in reference.claims:
        who = tuple(sid for sid, refs in matches.items() if rid in refs)
        if who:
            covered[rid] = who
    missing = tuple(rid for rid in reference.claims if rid not in covered)
    # A wrong side only matters when that student claim covers nothing on the right side.
    wrong_side = [(s, r) for s, r in wrong if not matches[s]]

    def drawn(sr: Relation, kind: str, premises: Iterable[str], target: str) -> bool:
        """True when the student relation draws this link: same ends (by evidence) and the same polarity."""
        premise_refs = set().union(*(matches.get(p, set()) for p in sr.premises))
        return (target in matches.get(sr.target, set()) and bool(premise_refs & set(premises))
                and (sr.type in ATTACKS) == (kind in ATTACKS))

    agreeing: list[str] = []
    conflicting: list[tuple[str, str]] = []
    reversed_: list[tuple[str, str]] = []
    partial: list[tuple[str, str]] = []
    defensible: list[tuple[str, str, Link]] = []
    for rr in reference.relations.values():
        found = False
        for sr in student.relations.values():
            alternative = next((a for a in rr.alternatives if drawn(sr, a.type, a.premises, a.target)), None)
            targets_match = rr.target in matches.get(sr.target, set())
            premise_refs = set().union(*(matches.get(p, set()) for p in sr.premises))
            premises_match = bool(premise_refs & set(rr.premises))
            if drawn(sr, rr.type, rr.premises, rr.target):
                found = True
                if rr.is_linked and not set(rr.premises) <= premise_refs:
                    partial.append((rr.id, sr.id))
            elif alternative is not None:
                defensible.append((rr.id, sr.id, alternative))
            elif targets_match and premises_match:
                conflicting.append((rr.id, sr.id))
            elif rr.target in premise_refs and (matches.get(sr.target, set()) & set(rr.premises)):
                reversed_.append((rr.id, sr.id))
        if found:
            agreeing.append(rr.id)
    defensible = [(rid, sid, a) for rid, sid, a in defensible if rid not in agreeing]
    relations_missing = tuple(r for r in reference.relations if r not in agreeing)
    unmatched = tuple(sid for sid, refs in matches.items() if not refs)

    def mine(rid: str) -> str:
        """A reference claim named by the student's claim that covers it, else by its side and words."""
        if rid in covered:
            return covered[rid][0]
        claim = reference.claims[rid]
        return f"\u201c{_short(claim.text)}\u201d (a {claim.side} claim your map does not have yet)"

    feedback: list[str] = []
    for sid, rid in wrong_side:
        ref_side = reference.claims[rid].side
        feedback.append(f"{sid} cites the same evidence as a {ref_side} claim of the reference, "
                        f"but you put it on the {student.claims[sid].side} side: who says it?")
    for rid, sid, _alternative in defensible:
        rr = reference.relations[rid]
        theirs = Link(rr.type, tuple(mine(p) for p in rr.premises), mine(rr.target)).describe()
        feedback.append(f"{student.relations[sid].describe()}: a defensible reading. The reference draws "
                        f"{theirs}; {rr.debatable}")
    for rid, sid in conflicting:
        rr = reference.relations[rid]
        feedback.append(f"{student.relations[sid].describe()}: the reference reads it the other way "
                        f"(it {RELATION_VERBS[rr.type]} its target): reread the quotes and decide which you believe")
    for rid, sid in reversed_:
        feedback.append(f"{student.relations[sid].describe()}: check the arrow's direction; it points from the "
                        "reason (or objection) to the claim it bears on")
    for rid, sid in partial:
        others = ", ".join(mine(p) for p in reference.relations[rid].premises)
        feedback.append(f"{student.relations[sid].describe()}: the reference treats this as co-premises "
                        f"({others}) that only work together: is a premise missing?")
    for rid in missing:
        r = reference.claims[rid]
        hint = r.note or "look for its quote in the article"
        feedback.append(f"missing a {r.side} point: {hint}")
    answered = {rid for rid, _, _ in defensible} | {rid for rid, _ in (*conflicting, *reversed_)}
    for rid in relations_missing:
        rr = reference.relations[rid]
        if rid in answered or rr.target not in covered or not any(p in covered for p in rr.premises):
            continue
        premise = next(covered[p][0] for p in rr.premises if p in covered)
        target = covered[rr.target][0]
        if premise == target:  # one claim of the student's holds two linked reference claims
            feedback.append(f"your {target} cites evidence that holds two points the reference keeps apart, "
                            f"one of which {RELATION_VERBS[rr.type]} the other: can you split it? "
                            f"{reference.claims[rr.premises[0]].note}".rstrip())
        else:
            feedback.append(f"your {premise} and {target} match reference claims the reference "
                            f"links ({premise} {RELATION_VERBS[rr.type]} {target}): do you agree? "
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
        relations_defensible=tuple((rid, sid) for rid, sid, _ in defensible),
    )


def _short(text: str, width: int = 60) -> str:
    """A claim's words on one line, cut at ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"
