"""Colours, markers and patterns for the sides of a debate: the Okabe-Ito palette, safe for colour-blind readers.

An article may have one to eight sides (see :class:`casestudy.models.Side`).
:func:`side_styles` gives each side a colour, a marker shape, a hatch pattern
and a border style, so that colour is never the only signal: a
black-and-white print, or a reader who cannot tell two colours apart, still
sees which side is which.  ``unknown`` (a speaker nobody placed) and
``neither`` (a claim of no side) are always grey.

>>> styles = side_styles(["EU", "UK", "Norway"])
>>> [(name, s.colour, s.marker) for name, s in styles.items()]
[('EU', '#E69F00', 'o'), ('UK', '#56B4E9', 's'), ('Norway', '#009E73', 'D'), ('unknown', '#999999', '^'), ('neither', '#999999', '^')]

A side may bring its own colour, by name or as a code; the others take the
next colours not yet used:

>>> from casestudy.models import Side
>>> [s.colour for s in side_styles([Side("US", colour="blue"), Side("Russia", colour="#D55E00"), "Others"]).values()][:3]
['#0072B2', '#D55E00', '#E69F00']

Reference: Okabe, M. and Ito, K. (2008). Color Universal Design (CUD): How to
make figures and presentations that are friendly to colorblind people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .errors import InputError
from .models import MAX_SIDES, NEITHER, UNKNOWN, Side

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}
"""The palette, in the order Okabe and Ito list its colours (grey added for "unknown")."""

SIDE_ORDER = ("orange", "sky_blue", "bluish_green", "yellow", "blue", "vermillion", "reddish_purple", "black")
"""The colours sides take, in order: the palette's eight colours (grey is kept for "unknown" and "neither")."""

MARKERS = ("o", "s", "D", "v", "P", "X", "*", "h")
"""A marker shape per side, in order (matplotlib marker codes), so sides differ without colour too."""

HATCHES = ("", "//", "\\\\", "xx", "--", "||", "++", "oo")
"""A hatch pattern per side for filled shapes (bars, boxes), in order."""

BORDERS: tuple[Any, ...] = ("solid", "dashed", "dashdot", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1)), (0, (8, 2)),
                            (0, (1, 1)), (0, (4, 2, 1, 2)))
"""A line style per side for box borders, in order."""

LEFTOVER = {"colour": OKABE_ITO["grey"], "marker": "^", "hatch": "..", "border": "dotted"}
"""The style of ``unknown`` and ``neither``."""

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class SideStyle:
    """How one side is drawn: a colour, a marker, a hatch pattern and a border style."""

    colour: str
    marker: str
    hatch: str
    border: Any


def colour_code(colour: str) -> str:
    """A colour as ``#RRGGBB``, from an Okabe-Ito name ("blue", "sky blue") or a code.

    >>> colour_code("sky blue"), colour_code("#0072b2")
    ('#56B4E9', '#0072B2')
    >>> colour_code("teal")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: unknown colour 'teal': use an Okabe-Ito name (orange, sky_blue, bluish_green, yellow, blue, vermillion, reddish_purple, black, grey) or a code like '#0072B2'
    """
    text = str(colour).strip()
    key = text.lower().replace(" ", "_").replace("-", "_")
    if key in OKABE_ITO:
        return OKABE_ITO[key]
    if _HEX.match(text):
        return text.upper()
    raise InputError(f"unknown colour {colour!r}: use an Okabe-Ito name ({', '.join(OKABE_ITO)}) "
                     "or a code like '#0072B2'")


def side_styles(sides: Iterable[Side | str]) -> dict[str, SideStyle]:
    """One :class:`SideStyle` per side, in order, then ``unknown`` and ``neither`` (grey).

    Sides without a colour of their own take the colours of :data:`SIDE_ORDER`
    that no side has claimed, in order.  More than :data:`~casestudy.models.MAX_SIDES`
    sides is an error: eight colours are all that stay distinct for colour-blind readers.
    """
    chosen = [s if isinstance(s, Side) else Side(str(s)) for s in sides]
    if len(chosen) > MAX_SIDES:
        raise InputError(f"{len(chosen)} sides is too many to draw distinctly: use at most {MAX_SIDES} "
                         "(merge small sides, or leave minor speakers on no side)")
    own = [colour_code(s.colour) if s.colour else None for s in chosen]
    free = [OKABE_ITO[name] for name in SIDE_ORDER if OKABE_ITO[name] not in own]
    styles: dict[str, SideStyle] = {}
    for i, (side, colour) in enumerate(zip(chosen, own)):
        styles[side.name] = SideStyle(colour or free.pop(0), MARKERS[i], HATCHES[i], BORDERS[i])
    leftover = SideStyle(**LEFTOVER)
    styles.setdefault(UNKNOWN, leftover)
    styles.setdefault(NEITHER, leftover)
    return styles


def style_of(styles: dict[str, SideStyle], side: str) -> SideStyle:
    """The style of ``side``, or the grey of ``unknown`` for a side not in ``styles``."""
    return styles.get(side) or SideStyle(**LEFTOVER)
