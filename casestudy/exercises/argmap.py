"""Self-checks for notebook 04 (argument map).

Expected answers come from the package (the roles the model computes, the
hand-written reference map, the AIF export), never typed in here, so they stay
right if the reference map is revised.  Each check returns a
:class:`~casestudy.exercises.Check` and never raises.
"""

from __future__ import annotations

from typing import Any

from ..pipeline import read_article
from ..argmap import (
    ArgumentMap, Comparison, compare_maps, reference_map, same_evidence, tiny_example, to_aif,
)
from . import Check, not_yet, unanswered, verdict


def _compare(amap: ArgumentMap, reference: ArgumentMap) -> Comparison:
    return compare_maps(amap, reference, same_as=same_evidence(read_article().evidence))


def check_role(answer: Any) -> Check:
    """Exercise 1: the role of claim c4 ("The parents' association offered to pay for it.") in the bike-shed map."""
    if unanswered(answer):
        return not_yet("exercise 1")
    expected = tiny_example().roles()["c4"]
    given = str(answer).strip().lower()
    if given == "objection":
        return verdict(False, "", "c4 does object to something, but to what? Follow its arrow: it attacks an objection.")
    return verdict(given == expected, f"Right: c4 is a {expected}. It answers the objection c3, not the contention.",
                   "Follow the arrow that leaves c4: what kind of claim does it point at, and how?")


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


def check_co_premises(amap: Any) -> Check:
    """Exercise 3: Lavrov's two conditions as co-premises that together object to the US offer of cooperation."""
    if unanswered(amap):
        return not_yet("exercise 3")
    if not isinstance(amap, ArgumentMap):
        return verdict(False, "", "Give the map itself (an ArgumentMap).")
    if not amap.claims:
        return not_yet("exercise 3 (the map has no claims yet)")
    reference = reference_map()
    linked = [r.id for r in reference.relations.values() if r.is_linked]
    result = _compare(amap, reference)
    agreed = [r for r in linked if r in result.relations_agreeing]
    has_group = any(r.is_linked for r in amap.relations.values())
    if agreed and has_group:
        return verdict(True, "Right: two co-premises, one arrow, and it agrees with the reference.", "")
    if agreed:
        return verdict(False, "", "Your link agrees in direction, but uses one premise: pass both claims as a list "
                                  "to add_relation, so they work together.")
    if has_group:
        return verdict(False, "", "Your two claims work together, good; but check the arrow: do Lavrov's conditions "
                                  "speak for the US offer or against it, and does the arrow point at the offer?")
    return verdict(False, "", "Make one claim for 'cooperation must start with a joint threat assessment' and one for "
                              "'the US proposal has no such assessment' (Russia's side, each with its evidence), a US "
                              "claim for the offer of cooperation, then add_relation('objects', [both], offer).")


def check_rebuttal_type(answer: Any) -> Check:
    """Exercise 4: how Rice's "we will continue to talk" bears on Lavrov's "still awaiting a clear explanation"."""
    if unanswered(answer):
        return not_yet("exercise 4")
    reference = reference_map()
    talks = next(cid for cid, c in reference.claims.items()
                 if any("continue to talk" in reference.evidence_texts.get(e, "") for e in c.evidence))
    expected = next(r.type for r in reference.relations.values() if talks in r.premises and r.type != "supports")
    given = str(answer).strip().lower()
    if given in ("rebuttal", "rebut", "objection", "reason", "support", "object"):
        return verdict(False, "", "That is close to a role's name; give the relation type, one of 'supports', "
                                  "'objects', 'rebuts'.")
    ok = given == expected
    return verdict(ok, f"Right: '{expected}'. Lavrov's point objects to the US offer; Rice's answer attacks that "
                       "objection, which makes it a rebuttal.",
                   "Lavrov's point is itself an objection (to what?). Which relation attacks an objection rather "
                   "than an ordinary claim? Section 1 lists them; choose among 'supports', 'objects', 'rebuts'.")


def check_aif_counts(ra_nodes: Any, ca_nodes: Any) -> Check:
    """Exercise 5: how many RA (support) and CA (conflict) nodes the AIF export of the reference map has."""
    if unanswered(ra_nodes) or unanswered(ca_nodes):
        return not_yet("exercise 5")
    nodes = to_aif(reference_map())["nodes"]
    ra = sum(n["type"] == "RA" for n in nodes)
    ca = sum(n["type"] == "CA" for n in nodes)
    if ra != ca and (ra_nodes, ca_nodes) == (ca, ra):
        return verdict(False, "", "You swapped them: RA is for inference (support), CA for conflict.")
    return verdict((ra_nodes, ca_nodes) == (ra, ca),
                   f"Right: {ra} RA and {ca} CA nodes, one per relation; the co-premises share one node.",
                   "Count the nodes whose 'type' is 'RA' and 'CA' in to_aif(reference)['nodes'].")
