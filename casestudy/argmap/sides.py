"""The sides of an argument map: data the map carries, never names written into the code.

A map lists its own sides, in order (one column each in the drawing, one
button each in the editor): those of the article it maps, usually, given as
``ArgumentMap(sides=reading.sides)``.  A claim's side is one of them, or
:data:`~casestudy.models.NEITHER` for what belongs to no side (the reporter's
framing, say).  A map may have no sides at all, when every claim is "neither";
it has at most :data:`~casestudy.models.MAX_SIDES`, the colours that stay
distinct for colour-blind readers.

>>> sides = map_sides(["EU", Side("UK", colour="blue")])
>>> side_names(sides)
('EU', 'UK')
>>> normalise_side("uk", sides), normalise_side("", sides)
('UK', 'neither')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import InputError
from ..models import MAX_SIDES, NEITHER, UNKNOWN, Side, side_names
from ..palette import colour_code

_NEITHER_WORDS = frozenset({NEITHER, "none", "no side", ""})
"""What a student may type for a claim of no side."""

_RESERVED = frozenset({NEITHER, UNKNOWN, "none", "no side"})
"""Names no side may take: they mean what is left over."""

MAX_SIDE_NAME = 40
"""The longest side name, in characters: it heads a column of the drawing."""


def map_sides(sides: Iterable[Side | str]) -> tuple[Side, ...]:
    """Check a list of sides (:class:`~casestudy.models.Side` objects or names) and return them as Sides.

    Names are trimmed; each must be new (in any case), not a reserved word
    ("neither", "unknown"), and have a colour the palette knows, if any.

    >>> map_sides(["EU", "eu"])
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: the side 'eu' is listed twice: give each side once
    >>> map_sides(["neither"])
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: 'neither' cannot be a side: it is what claims of no side take
    """
    if isinstance(sides, (str, Side)):
        sides = [sides]
    out: list[Side] = []
    for item in sides:
        side = item if isinstance(item, Side) else Side(item) if isinstance(item, str) else None
        if side is None or not isinstance(side.name, str):
            raise InputError(f"a side must be a name or a Side, not {type(item).__name__}: e.g. Side('EU')")
        name = " ".join(side.name.split())
        if not name:
            raise InputError("a side needs a name: e.g. Side('EU')")
        if len(name) > MAX_SIDE_NAME:
            raise InputError(f"the side name {name[:20]!r}... is too long: use at most {MAX_SIDE_NAME} characters")
        if name.lower() in _RESERVED:
            raise InputError(f"{name!r} cannot be a side: it is what claims of no side take")
        if name.lower() in (s.name.lower() for s in out):
            raise InputError(f"the side {name!r} is listed twice: give each side once")
        if side.colour:
            colour_code(side.colour)  # an unknown colour is an error naming the palette's colours
        out.append(Side(name, side.colour or None, str(side.description or "")))
    if len(out) > MAX_SIDES:
        raise InputError(f"{len(out)} sides is too many: a map has at most {MAX_SIDES} (merge small sides, "
                         f"or put minor voices on {NEITHER!r})")
    return tuple(out)


def normalise_side(side: str, sides: Iterable[Side | str]) -> str:
    """The spelling of ``side`` among ``sides`` (or ``"neither"``), forgiving case and spacing.

    A name with parts (``"US/NATO"``) is also found by one of its parts
    (``"nato"``) when no other side has that part.  Anything else is an
    error that lists the map's sides.

    >>> normalise_side("nato", ["US/NATO", "Russia"]), normalise_side("RUSSIA", ["US/NATO", "Russia"])
    ('US/NATO', 'Russia')
    >>> normalise_side("China", ["US/NATO", "Russia"])
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: unknown side 'China': choose one of the map's sides 'US/NATO', 'Russia', or 'neither'
    """
    names = side_names(sides)
    key = " ".join(str(side).split()).lower()
    if key in _NEITHER_WORDS:
        return NEITHER
    exact = [n for n in names if n.lower() == key]
    if exact:
        return exact[0]
    by_part = [n for n in names if key in (part.strip().lower() for part in n.split("/"))]
    if len(by_part) == 1:
        return by_part[0]
    if not names:
        raise InputError(f"unknown side {side!r}: this map has no sides yet, so a claim can only be {NEITHER!r}; "
                         "give the sides when you make the map, e.g. ArgumentMap(sides=reading.sides), "
                         f"or add one with add_side({str(side).strip()!r})")
    choices = ", ".join(repr(n) for n in names)
    raise InputError(f"unknown side {side!r}: choose one of the map's sides {choices}, or {NEITHER!r}")


def sides_from_claims(claim_sides: Iterable[Any]) -> list[str]:
    """The sides a list of claims' sides implies: in order of first appearance, leaving out "neither".

    This is how a map file saved before maps carried their sides (version 1)
    gets its sides.

    >>> sides_from_claims(["neither", "Russia", "US/NATO", "Russia"])
    ['Russia', 'US/NATO']
    """
    seen: dict[str, None] = {}
    for side in claim_sides:
        if isinstance(side, str) and side.strip().lower() not in _RESERVED | {""}:
            seen.setdefault(side.strip(), None)
    return list(seen)


def sides_from_json(items: Any, source: str) -> tuple[Side, ...]:
    """The ``sides`` list of a map file: names, or objects with a ``name`` (and ``colour``, ``description``)."""
    fix = (f"{source}: 'sides' must be a list of names or of objects with a 'name' (and optionally 'colour' "
           f"and 'description'), at most {MAX_SIDES}")
    if not isinstance(items, list):
        raise InputError(fix)
    out: list[Side] = []
    for item in items:
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str) \
                or not all(isinstance(item.get(k) or "", str) for k in ("colour", "description")):
            raise InputError(fix)
        out.append(Side(item["name"], item.get("colour") or None, item.get("description") or ""))
    try:
        return map_sides(out)
    except InputError as exc:
        raise InputError(f"{source}: {exc}") from None
