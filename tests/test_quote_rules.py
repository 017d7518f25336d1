"""The attributor's rules are units: each one alone does what it says, and leaving one out removes only what it adds.

Every example is an invented sentence (never news copy); each rule's own example is in its
registry entry (``casestudy.quotes.REGISTRY``), so the documentation and the test are one text.
"""

from __future__ import annotations

import pytest

from casestudy.models import Quote
from casestudy.quotes import REGISTRY, RULES, find_quotes

EXAMPLES = [rule.example for rule in REGISTRY.values()] + [
    # the cases, in the house styles of other newsrooms
    "Ana Costa said she was disappointed. A spokesman for the European Commission said the offer stood. "
    '"We will not sign. "The offer is unfair," he said.',
    "\u2018Our generals don\u2019t know it,\u2019 the Russian minister said. \u2018They will.\u2019",
    "Foreign Minister Ivo Rask arrived. Sergei Lavrov said the plan was \"a threat\" to Europe.",
    'Mayor Ann Hollis met Governor Tom Reyes. "It was a long night," he said. "The count is final."',
    "The Harbour Council met. 'We have no choice,' it said in a statement.",
    'Critics called the bridge a "vanity project" and wrote to "The Valley Times" about it.',
    # the trial's cases (F4): a British, hard-wrapped article
    "Farmer Gwen Pryce spoke. The forecasts were 'guesswork dressed up as science',\naccording to Mrs Pryce. "
    "Dr Nia Shah, a campaigner, said the river's own survey showed\nthat the pipes leaked. 'Fix the leaks "
    "first,' the campaigner said.\n",
]


def involves(q: Quote, rule: str) -> bool:
    """True when ``rule`` decided something about the quote (its frame, how its mention was read, its kind)."""
    frame, _, how = q.rule.partition("+")
    kind = REGISTRY[rule].kind
    if kind == "cue":
        return frame == rule
    if kind == "speaker":
        return how == rule
    if rule == "continuation":
        return q.kind == "continuation"
    if rule == "reported":
        return q.kind == "reported"
    return False


def fingerprint(q: Quote) -> tuple[int, int, str | None, str, str]:
    return (q.start, q.end, q.speaker, q.kind, q.rule)


@pytest.mark.parametrize("name", RULES)
def test_each_rule_alone_adds_what_its_example_shows(name: str) -> None:
    """Switched on alone (with the rules it builds on), a rule decides something in its own example."""
    rule = REGISTRY[name]
    base = find_quotes(rule.example, rules=list(rule.needs))
    alone = find_quotes(rule.example, rules=[*rule.needs, name])
    def decided(q: Quote) -> bool:
        # a speaker rule resolves a mention to someone else than its own words ("the minister" -> Ivo Rask)
        return involves(q, name) and q.speaker not in (None, q.mention if rule.kind == "speaker" else None)

    if name == "filter":
        assert len(alone) < len(base)          # the scare quote is gone
    else:
        assert not any(decided(q) for q in base)
        assert any(decided(q) for q in alone), [q.rule for q in alone]


@pytest.mark.parametrize("name", RULES)
def test_leaving_a_rule_out_removes_only_what_it_adds(name: str) -> None:
    """Without one rule, every quote it did not decide is found exactly as with all rules."""
    others = [r for r in RULES if r != name]
    for text in EXAMPLES:
        full = find_quotes(text)
        without = {fingerprint(q) for q in find_quotes(text, rules=others)}
        for q in full:
            if involves(q, name) or q.kind == "continuation":
                continue       # (a continuation keeps the speaker of a quote the rule may have decided)
            assert fingerprint(q) in without, (name, text, q.rule)
        if name == "filter":
            assert {fingerprint(q) for q in full} <= without


@pytest.mark.parametrize("name", RULES)
def test_only_the_chosen_rules_run(name: str) -> None:
    """With ``rules=[r]`` no other rule acts: no pronoun or description is resolved, nothing continues or drops."""
    for text in EXAMPLES:
        for q in find_quotes(text, rules=[name]):
            frame, _, how = q.rule.partition("+")
            assert frame in (name, "none") or (frame.startswith("reported") and name == "reported"), q.rule
            if how == "pronoun" and name != "pronoun":
                assert q.speaker is None          # "she" stays unresolved
            if how == "descriptor" and name != "descriptor":
                assert q.speaker in (None, q.mention)   # an unnamed source keeps its description


def test_the_registry_documents_every_rule() -> None:
    """Every rule has a kind, a one-line summary and an example; cue rules carry their function."""
    assert list(REGISTRY) == list(RULES)
    for rule in REGISTRY.values():
        assert rule.kind in ("cue", "speaker", "passage", "filter", "reported")
        assert rule.summary and rule.example
        assert (rule.find is not None) == (rule.kind == "cue")
        assert set(rule.needs) <= set(RULES)
