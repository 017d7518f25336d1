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
        png = base64.b64encode(figure_png(self.figure, dpi=self.dpi, tight=True)).decode("ascii")
        text = html.escape(self.text or "(this figure has no text alternative)", quote=True)
        return (f'<figure style="margin:0"><img src="data:image/png;base64,{png}" alt="{text}" '
                f'style="max-width:100%"><figcaption aria-hidden="true" style="font-size:90%;max-width:60em">'
                f"<b>Figure, in words:</b> {text}</figcaption></figure>")

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
