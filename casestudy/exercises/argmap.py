"""Self-checks for notebook 04 (argument map).

Expected answers come from the package (the roles the model computes, the
hand-written reference map, the AIF export), never typed in here, so they stay
right if the reference map is revised.  Each check returns a
:class:`~casestudy.exercises.Check` and never raises.
"""

from __future__ import annotations

from typing import Any

from ..argmap import (
    ATTACKS, ArgumentMap, Comparison, Link, Relation, compare_maps, normalise_relation_type, reference_map,
    same_evidence, tiny_example, to_aif,
)
from ..errors import InputError
from ..pipeline import read_article
from . import Check, not_yet, unanswered, verdict


def _compare(amap: ArgumentMap, reference: ArgumentMap) -> Comparison:
    return compare_maps(amap, reference, same_as=same_evidence(read_article().evidence))


def check_role(answer: Any) -> Check:
    """Exercise 1: the role of claim c4 ("The parents' association offered to pay for it.") in the bike-shed map."""
    if unanswered(answer):
        return not_yet("exercise 1")
    expected = tiny_example().roles()["c4"]
    given = _one_word(answer, leading=_ROLE_LEAD)
    given = given[:-1] if given.endswith("s") and given[:-1] in _ROLES else given  # "rebuttals"
    if given == "objection":
        return verdict(False, "", "c4 does object to something, but to what? Follow its arrow: it attacks an objection.")
    if given in _TYPE_WORDS:
        return verdict(False, "", f"'{given}' names a kind of link (an arrow); the question asks for c4's role, "
                                  "what the claim is: 'contention', 'reason', 'objection', 'rebuttal' or 'co-premise'.")
    return verdict(given == expected, f"Right: c4 is a {expected}. It answers the objection c3, not the contention.",
                   "Follow the arrow that leaves c4: what kind of claim does it point at, and how?")


_TYPE_WORDS = ("supports", "support", "objects", "object", "objects to", "rebuts", "rebut")
"""Answers that name a relation type where a role is asked for."""

_ROLES = ("contention", "reason", "objection", "rebuttal", "co-premise")
"""The roles a claim can have in a map (:meth:`ArgumentMap.roles`)."""

_ROLE_LEAD = ("c4 is a", "c4 is an", "c4 is", "it is a", "it is an", "it's a", "it's an", "a", "an", "the")
"""Words a sentence-like answer may start with before the role ("a rebuttal", "It is a rebuttal.")."""


def _one_word(answer: Any, leading: tuple[str, ...] = ()) -> str:
    """An answer as lower-case words, without quotes, final punctuation or the given leading words."""
    given = " ".join(str(answer).split()).strip("'\"\u2018\u2019\u201c\u201d .!").lower()
    for lead in sorted(leading, key=len, reverse=True):
        if given.startswith(lead + " "):
            return given[len(lead) + 1:].strip()
    return given


def check_real_goal(amap: Any) -> Check:
    """Exercise 2: a map with a Russia claim, in your words, that cites Baluyevsky's quote on the real goal."""
    if unanswered(amap):
        return not_yet("exercise 2")
    if not isinstance(amap, ArgumentMap):
        return verdict(False, "", "Give the map itself (an ArgumentMap), e.g. exercise_map.")
    if not amap.claims:
        return not_yet("exercise 2 (the map has no claims yet)")
    reference = reference_map()
    goal = next(cid for cid, c in reference.claims.items()
                if any("real goal" in reference.evidence_texts.get(e, "").lower() for e in c.evidence))
    result = _compare(amap, reference)
    if any(rid == goal for _, rid in result.wrong_side):
        return verdict(False, "", "You cite the right words but on the wrong side: who is the general speaking for?")
    if goal in result.covered:
        return verdict(True, f"Right: your claim {result.covered[goal][0]} covers reference claim {goal}, "
                             "whatever words you chose.", "")
    if not any(c.evidence for c in amap.claims.values()):
        return verdict(False, "", "Your claim cites no evidence yet: attach the id of the general's quote "
                                  "(find_evidence searches speaker and words, as in section 3).")
    return verdict(False, "", "Your claim cites other words: which quote of the general's speaks of the "
                              "'real goal'? Search it with find_evidence (speaker and words), as in section 3.")


def _covers(result: Comparison, student_id: str) -> set[str]:
    """The reference claims one student claim covers."""
    return {rid for rid, sids in result.covered.items() if student_id in sids}


def _draws(result: Comparison, group: Relation, link: Relation | Link) -> bool:
    """True when a student's co-premise group draws ``link``: all its premises, its target, its polarity."""
    premises = set().union(*(_covers(result, p) for p in group.premises))
    return (set(link.premises) <= premises and link.target in _covers(result, group.target)
            and (group.type in ATTACKS) == (link.type in ATTACKS))


def check_co_premises(amap: Any) -> Check:
    """Exercise 3: Lavrov's two conditions as co-premises, working together on the claim they answer.

    The reference reads them as an objection to the US offer of cooperation;
    the alternatives it lists for that link (as reasons for Moscow's refusal)
    are accepted too, with the reference's reason for each reading.
    """
    if unanswered(amap):
        return not_yet("exercise 3")
    if not isinstance(amap, ArgumentMap):
        return verdict(False, "", "Give the map itself (an ArgumentMap).")
    if not amap.claims:
        return not_yet("exercise 3 (the map has no claims yet)")
    reference = reference_map()
    linked = next(r for r in reference.relations.values() if r.is_linked)
    result = _compare(amap, reference)
    groups = [r for r in amap.relations.values() if r.is_linked]
    for group in groups:
        if _draws(result, group, linked):
            return verdict(True, f"Right: {group.describe()}, two co-premises and one arrow, as the reference "
                                 "reads Lavrov.", "")
        for alternative in linked.alternatives:
            if _draws(result, group, alternative):
                return verdict(True, f"A defensible reading: {group.describe()}. The reference draws them against "
                                     f"the US offer instead; {linked.debatable}", "")
    if not groups:
        singles = [r for r in amap.relations.values()
                   if linked.target in _covers(result, r.target) and set(linked.premises) & _covers(result, r.premises[0])]
        if singles:
            return verdict(False, "", f"{singles[0].describe()} links one of Lavrov's conditions alone: pass both "
                                      "claims as a list to add_relation, so they work together.")
        return verdict(False, "", "Make one claim for 'cooperation must start with a joint threat assessment' and one "
                                  "for 'the US proposal has no such assessment' (Russia's side, each with its evidence), "
                                  "and the claim they answer, then add_relation(..., [both], ...) with both as premises.")
    group = groups[0]
    members = [*group.premises, group.target]
    bare = [cid for cid in members if not amap.claims[cid].evidence]
    if bare:
        return verdict(False, "", f"{group.describe()}: co-premises in one relation, good; but {' and '.join(bare)} "
                                  f"cite{'s' if len(bare) == 1 else ''} no evidence yet, and the check matches claims "
                                  "by the words they cite: attach each claim's quote or sentence (find_evidence, "
                                  "section 3).")
    wrong = [(sid, rid) for sid, rid in result.wrong_side if sid in members]
    if wrong:
        sid, rid = wrong[0]
        return verdict(False, "", f"{sid} cites {reference.claims[rid].side}'s words but is on the "
                                  f"{amap.claims[sid].side} side: who says it?")
    premises = set().union(*(_covers(result, p) for p in group.premises))
    if not set(linked.premises) <= premises:
        return verdict(False, "", f"{group.describe()}: the premises should rest on Lavrov's two conditions, "
                                  "cooperation 'from the very beginning' with a joint assessment, and the US "
                                  "proposal lacking one; at least one of your premises cites other words.")
    targets = {linked.target, *(a.target for a in linked.alternatives)}
    if not targets & _covers(result, group.target):
        return verdict(False, "", f"{group.describe()}: both conditions are there; now, which claim do they answer? "
                                  f"{group.target} cites other words. Think of what the US offered, or of how "
                                  "Moscow answered it.")
    return verdict(False, "", f"{group.describe()}: the claims are right; now the arrow's kind: do Lavrov's "
                              "conditions speak for that claim or against it?")


def check_rebuttal_type(answer: Any) -> Check:
    """Exercise 4: how Rice's "we will continue to talk" bears on Lavrov's "still awaiting a clear explanation".

    The reference says 'rebuts'; 'objects' is accepted as a defensible, less
    specific reading (a rebuttal is an objection to an objection).
    """
    if unanswered(answer):
        return not_yet("exercise 4")
    reference = reference_map()
    talks = next(cid for cid, c in reference.claims.items()
                 if any("continue to talk" in reference.evidence_texts.get(e, "") for e in c.evidence))
    relation = next(r for r in reference.relations.values() if talks in r.premises and r.type != "supports")
    expected = relation.type
    given = _one_word(answer, leading=("a", "an", "the"))
    montage = ("Keep in mind that they never spoke to each other here: Lavrov spoke in Luxembourg on Tuesday, "
               "Rice commented in Oslo on Thursday; the article sets their words side by side.")
    if given in _ROLES:
        return verdict(False, "", f"'{given}' names a role (what a claim is in the map); the question asks for "
                                  "the relation type (how Rice's claim links to Lavrov's): 'supports', 'objects' "
                                  "or 'rebuts'.")
    try:
        kind = normalise_relation_type(given)
    except InputError:
        return verdict(False, "", "Give one of the three relation types: 'supports', 'objects' or 'rebuts'.")
    if kind == expected:
        return verdict(True, f"Right: '{expected}'. Lavrov's point objects to the US offer; Rice's answer attacks "
                             f"that objection, which makes it a rebuttal. {montage}", "")
    if kind in ATTACKS and expected in ATTACKS:
        return verdict(True, f"A defensible answer: Rice's words do count against Lavrov's point. The reference "
                             f"says '{expected}', which says more: Lavrov's point is itself an objection (to the "
                             f"US offer), and an attack on an objection is a rebuttal. {montage}", "")
    return verdict(False, "", "Does Rice's promise to keep talking make Lavrov's complaint more believable, or "
                              "answer it? Section 1 lists the relation types.")


def check_aif_counts(ra_nodes: Any, ca_nodes: Any) -> Check:
    """Exercise 5: how many RA (support) and CA (conflict) nodes the AIF export of the reference map has."""
    if unanswered(ra_nodes) or unanswered(ca_nodes):
        return not_yet("exercise 5")
    nodes = to_aif(reference_map())["nodes"]
    ra = sum(n["type"] == "RA" for n in nodes)
    ca = sum(n["type"] == "CA" for n in nodes)
    if any(isinstance(given, str) for given in (ra_nodes, ca_nodes)):
        return verdict(False, "", "Give the counts as numbers (e.g. 3, not '3'): count with sum(...) in code.")
    if ra != ca and (ra_nodes, ca_nodes) == (ca, ra):
        return verdict(False, "", "You swapped them: RA is for inference (support), CA for conflict.")
    return verdict((ra_nodes, ca_nodes) == (ra, ca),
                   f"Right: {ra} RA and {ca} CA nodes, one per relation; the co-premises share one node.",
                   "Count the nodes whose 'type' is 'RA' and 'CA' in to_aif(reference)['nodes'].")
