"""Text alternatives for figures: every figure says in words what it shows.

A picture is no use to a reader who cannot see it (a screen reader, a
black-and-white print, a slow connection).  So every figure function of the
case study attaches a *text alternative* that states the figure's finding
with the numbers computed from the data, e.g. "Rice's 5 quotes average
+0.01 ..." rather than "a bar chart".  This module is the one place that
stores and shows it:

* :func:`set_alt_text` attaches the text to a matplotlib ``Figure``;
  :func:`alt_text` reads it back;
* :func:`figure_png` saves the figure as PNG with the text in the file's
  ``Description`` metadata, so it travels with an exported picture;
  :func:`figure_svg` saves it as SVG (sharp at any zoom and in print) with the
  text as the drawing's ``<title>`` and ``<desc>``, which screen readers read;
* :func:`show` wraps a figure for a notebook: the picture with the text as
  its HTML ``alt`` attribute, and the same text as a visible caption below.

>>> class Fig:  # any object that accepts attributes works; real code passes a Figure
...     pass
>>> fig = set_alt_text(Fig(), "Two speakers: Ann +0.50, Bob -0.20.")
>>> alt_text(fig)
'Two speakers: Ann +0.50, Bob -0.20.'
>>> alt_text(Fig())
''

matplotlib is imported only when a picture is actually made.
"""

from __future__ import annotations

import base64
import html
import re
from typing import Any, TypeVar

_Fig = TypeVar("_Fig")  # set_alt_text gives back the very figure it was given

ALT_TEXT_ATTRIBUTE = "alt_text"
"""The attribute of a ``Figure`` that holds its text alternative."""

PNG_KEY = "Description"
"""The PNG metadata key (a standard PNG text keyword) that holds the text alternative."""


def set_alt_text(fig: _Fig, text: str) -> _Fig:
    """Attach ``text`` (one or a few sentences stating the finding) to ``fig``, and return ``fig``.

    White space is tidied to single spaces so the text reads the same everywhere.
    """
    setattr(fig, ALT_TEXT_ATTRIBUTE, " ".join(str(text).split()))
    return fig


def alt_text(fig: Any) -> str:
    """The figure's text alternative ('' when none was set)."""
    return getattr(fig, ALT_TEXT_ATTRIBUTE, "") or ""


def signed(value: float | None, digits: int = 2) -> str:
    """A score with its sign, for alt texts; ``None`` reads as 'n/a'.

    >>> signed(0.0123), signed(-0.2), signed(None)
    ('+0.01', '-0.20', 'n/a')
    """
    return "n/a" if value is None else f"{value:+.{digits}f}"


def listing(items: list[str], limit: int = 8) -> str:
    """Items joined as an English list, the rest counted after ``limit``.

    >>> listing(["a", "b", "c"]), listing(["a"]), listing(list("abcde"), limit=2)
    ('a, b and c', 'a', 'a, b and 3 more')
    """
    if len(items) > limit:
        items = items[:limit] + [f"{len(items) - limit} more"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def figure_png(fig: Any, dpi: int = 100, tight: bool = False) -> bytes:
    """The figure as PNG bytes, its text alternative stored as ``Description`` metadata.

    No ``Software`` stamp, so the same figure always gives the same bytes.
    """
    import io

    buffer = io.BytesIO()
    metadata: dict[str, str | None] = {"Software": None}
    if alt_text(fig):
        metadata[PNG_KEY] = alt_text(fig)
    fig.savefig(buffer, format="png", dpi=dpi, metadata=metadata,
                **({"bbox_inches": "tight"} if tight else {}))
    return buffer.getvalue()


def figure_svg(fig: Any, title: str = "") -> bytes:
    """The figure as SVG bytes: vector shapes, and text as glyph outlines, so it is sharp in the browser and in print.

    The text alternative becomes the drawing's ``<desc>`` and ``title`` its
    ``<title>`` (default: the figure's ``alt_title`` attribute, or the text's
    first sentence), with ``role="img"``, so a screen reader reads them and a
    browser tab shows the title.  No date and
    fixed ids, so the same figure always gives the same bytes.
    """
    import io

    from matplotlib import rc_context

    buffer = io.BytesIO()
    with rc_context({"svg.hashsalt": "casestudy", "svg.fonttype": "path"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue().decode("utf-8")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", alt_text(fig))  # not allowed in XML
    if text:
        name = title or getattr(fig, "alt_title", "") or text.split(". ")[0]
        start = svg.index("<svg")
        end = svg.index(">", start)
        root = svg[start:end]
        if "role=" not in root:
            root += ' role="img" aria-labelledby="alt-title alt-desc"'
        svg = (svg[:start] + root + ">\n" f'<title id="alt-title">{html.escape(name, quote=False)}</title>\n'
               f'<desc id="alt-desc">{html.escape(text, quote=False)}</desc>' + svg[end + 1:])
    return svg.encode("utf-8")


SVG_ATTRIBUTE = "show_as_svg"
"""Set on a figure (``True``) to have :func:`show` draw it as SVG at its own size, scrolling if it is wide."""


def png_description(png: bytes) -> str:
    """Read the ``Description`` text back out of PNG bytes made by :func:`figure_png` ('' if none).

    Uses only the standard library: PNG ``tEXt``/``iTXt`` chunks are simple.
    """
    import struct
    import zlib

    pos = 8  # after the PNG signature
    while pos + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"tEXt":
            key, _, value = data.partition(b"\0")
            if key.decode("latin-1") == PNG_KEY:
                return value.decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = data.partition(b"\0")
            if key.decode("latin-1") == PNG_KEY:
                compressed, _method, rest = rest[0], rest[1], rest[2:]
                _lang, _, rest = rest.partition(b"\0")
                _translated, _, value = rest.partition(b"\0")
                return (zlib.decompress(value) if compressed else value).decode("utf-8")
    return ""


class Captioned:
    """A figure shown in a notebook with its text alternative: ``alt`` on the image and a caption below.

    The caption is visible to everyone; screen readers read the ``alt`` text
    once (the caption is marked ``aria-hidden`` so it is not read twice).
    """

    def __init__(self, fig: Any, dpi: int = 100) -> None:
        self.figure = fig
        self.dpi = dpi

    @property
    def text(self) -> str:
        return alt_text(self.figure)

    def _repr_html_(self) -> str:
        text = html.escape(self.text or "(this figure has no text alternative)", quote=True)
        if getattr(self.figure, SVG_ATTRIBUTE, False):  # sharp at any zoom; its own size, scrolling sideways
            svg = base64.b64encode(figure_svg(self.figure)).decode("ascii")
            picture = (f'<div style="overflow-x:auto;max-width:100%"><img src="data:image/svg+xml;base64,{svg}" '
                       f'alt="{text}" style="max-width:none"></div>')
        else:
            png = base64.b64encode(figure_png(self.figure, dpi=self.dpi, tight=True)).decode("ascii")
            picture = f'<img src="data:image/png;base64,{png}" alt="{text}" style="max-width:100%">'
        return (f'<figure style="margin:0">{picture}<figcaption aria-hidden="true" '
                f'style="font-size:90%;max-width:60em"><b>Figure, in words:</b> {text}</figcaption></figure>')

    def __repr__(self) -> str:
        return f"Figure, in words: {self.text}"


def show(fig: Any, dpi: int = 100) -> Captioned:
    """Wrap a figure so a notebook shows it with its finding in words (use it as a cell's last line).

    >>> class Fig:
    ...     pass
    >>> show(set_alt_text(Fig(), "Ann is quoted most."))
    Figure, in words: Ann is quoted most.
    """
    return Captioned(fig, dpi=dpi)
