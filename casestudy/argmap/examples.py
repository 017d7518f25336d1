"""Two maps that ship with the package: a tiny one to learn the parts, and the reference map of the article."""

from __future__ import annotations

from ..text.loading import data_path
from .files import load_map
from .model import ArgumentMap


def tiny_example() -> ArgumentMap:
    """A six-claim map about a bike shed: one contention, a reason, an objection, a rebuttal, two co-premises.

    >>> m = tiny_example()
    >>> m.roles()
    {'c1': 'contention', 'c2': 'reason', 'c3': 'objection', 'c4': 'rebuttal', 'c5': 'co-premise', 'c6': 'co-premise'}
    """
    m = ArgumentMap(title="Should the school build a bike shed?")
    m.add_claim("The school should build a bike shed.")
    m.add_claim("Many students cycle to school.")
    m.add_claim("A shed costs money the school does not have.")
    m.add_claim("The parents' association offered to pay for it.")
    m.add_claim("Bikes left in the rain rust.")
    m.add_claim("Rusty bikes are unsafe to ride.")
    m.add_relation("supports", "c2", "c1")
    m.add_relation("objects", "c3", "c1")
    m.add_relation("rebuts", "c4", "c3")
    m.add_relation("supports", ["c5", "c6"], "c1")
    m._history.clear()  # an example, not a sequence of edits to undo
    return m


def reference_map() -> ArgumentMap:
    """The hand-written reference map of the bundled article (``data/reference_map.json``), with its sides."""
    return load_map(data_path("reference_map.json"))
