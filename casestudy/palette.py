"""Colours used by every figure and widget: the Okabe-Ito palette, safe for colour-blind readers.

Colour is never the only signal: figures also use markers, line styles or
labels, so a black-and-white print still reads.

Reference: Okabe, M. and Ito, K. (2008). Color Universal Design (CUD): How to
make figures and presentations that are friendly to colorblind people.
"""

from __future__ import annotations

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

SIDE_COLOURS = {
    "US/NATO": OKABE_ITO["blue"],
    "Russia": OKABE_ITO["vermillion"],
    "neither": OKABE_ITO["grey"],
    "unknown": OKABE_ITO["grey"],
}
"""One colour per side; blue and vermillion stay distinct under all common colour-vision deficiencies."""

SIDE_MARKERS = {"US/NATO": "o", "Russia": "s", "neither": "^", "unknown": "^"}
"""A marker shape per side, so sides differ without colour too."""

SIDE_HATCHES = {"US/NATO": "", "Russia": "//", "neither": "..", "unknown": ".."}
"""A hatch pattern per side for filled shapes (bars, boxes)."""
