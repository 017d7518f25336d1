"""Reproduce the restyled articles of the development set from their originals.

Some house styles (British single quotation marks, hard-wrapped wire copy, curly
marks) are not used by any openly licensed source we could keep. Those articles
were transcribed as published (``original/NAME.txt``) and transformed here, by
rules a reader can check; ``README.md`` says for each file what was changed.

* ``british``: every quotation mark is swapped by nesting level; marks of the
  outermost level become single (``'...'``, or ``‘...’`` with ``curly=True``),
  marks of a quotation inside a quotation become double (``"..."`` / ``“...”``).
  Apostrophes are left alone. One character replaces one character, so
  character offsets do not move.
* ``curly``: straight double marks become ``“ ”`` and single quotation marks
  ``‘ ’`` (apostrophes again left alone); offsets do not move.
* ``wire``: the weekday date line under the headline is replaced by a
  wire-style dateline at the start of the first paragraph
  (``MUTSAMUDU, March 26 (Wikinews) - ``) and every paragraph is hard-wrapped
  at ``width`` characters, either indented (first line of a paragraph starts
  with three spaces, no blank lines) or separated by blank lines. Words and
  marks are unchanged.

``restyle(text, **params)`` returns the new text and a list mapping every
character of the original to its position in the new text (``-1`` when the
character was removed). Run ``python restyle.py`` in this folder to rebuild
every restyled article from ``original/`` and check it against the file in the
folder.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The restyled articles and how each was made (README.md repeats this in words).
RESTYLED: dict[str, dict[str, object]] = {
    # british, straight marks
    "wn-2010-10-09-scientology-defector": {"kind": "british", "curly": False},
    "wn-2008-01-20-scientology-website-attack": {"kind": "british", "curly": False},
    "wn-2015-08-21-north-korea-quasi-war": {"kind": "british", "curly": False},
    "wn-2008-07-04-betancourt-returns-to-france": {"kind": "british", "curly": False},
    "wn-2009-05-08-homeopathy-manslaughter-trial": {"kind": "british", "curly": False},
    # british, curly marks
    "wn-2012-05-23-lockerbie-megrahi-buried": {"kind": "british", "curly": True},
    "wn-2010-02-10-binyam-mohamed-appeal": {"kind": "british", "curly": True},
    "wn-2006-02-23-australian-iodine-deficiency": {"kind": "british", "curly": True},
    "wn-2008-08-15-canadian-document-on-street": {"kind": "british", "curly": True},
    # hard-wrapped wire copy
    "wn-2008-03-26-anjouan-invasion": {
        "kind": "wire", "dateline": "MUTSAMUDU, Comoros, March 26 (Wikinews) - ", "indent": True},
    "wn-2015-09-12-mecca-crane-collapse": {
        "kind": "wire", "dateline": "MECCA, Saudi Arabia, Sept 12 (Wikinews) - ", "indent": True},
    "wn-2017-07-21-afghan-robotics": {
        "kind": "wire", "dateline": "WASHINGTON, July 21 (Wikinews) - ", "indent": False},
    "wn-2006-08-06-castro-recovering": {
        "kind": "wire", "dateline": "HAVANA, Aug 6 (Wikinews) - ", "indent": True},
    "wn-2015-12-02-airasia-pilot-error": {
        "kind": "wire", "dateline": "JAKARTA, Dec 2 (Wikinews) - ", "indent": False},
    "wn-2011-04-13-shuttle-retirement-homes": {
        "kind": "wire", "dateline": "CAPE CANAVERAL, Florida, April 13 (Wikinews) - ", "indent": True},
    "wn-2015-08-02-italy-religious-schools-taxes": {
        "kind": "wire", "dateline": "ROME, Aug 2 (Wikinews) - ", "indent": False},
    # double marks made curly
    "wn-2014-01-28-warhol-photo-legacy": {"kind": "curly"},
    "wn-2017-06-12-akihito-abdication-law": {"kind": "curly"},
}

_OPEN_BEFORE = set(" \t\n([{—–-/")  # a mark after one of these (or at the start) opens


def _marks(text: str) -> dict[int, tuple[str, int, str]]:
    """Quotation marks of ``text`` by position: (``"open"``/``"close"``, nesting level 1 or 2, ``"double"``/``"single"``).

    Works line by line (a paragraph never inherits an open quotation, so a
    wire-style continuation paragraph opens again). The direction of a mark is
    read from its left neighbour, as a typesetter would: after a space, a
    bracket or a dash, or at the start of a line, it opens; otherwise it
    closes. Double marks are level 1. A single mark is a quotation mark only
    when an opening and a closing one pair up on the line (level 2 when a
    double-quoted passage is open, level 1 otherwise, as in a headline); every
    other single mark is an apostrophe.
    """
    found: dict[int, tuple[str, int, str]] = {}
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        depth = 0
        single_open: tuple[int, int] | None = None  # (position, depth when it opened)
        for i in range(start, end):
            ch = text[i]
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if ch in "\"“”":
                opening = ch == "“" or (ch == "\"" and before in _OPEN_BEFORE)
                found[i] = ("open" if opening else "close", 1, "double")
                depth = depth + 1 if opening else max(0, depth - 1)
            elif ch in "'‘’":
                if single_open is None and before in _OPEN_BEFORE and (after.isalnum() or after in "[."):
                    single_open = (i, depth)
                elif single_open is not None and not after.isalnum() and before not in _OPEN_BEFORE:
                    level = 2 if single_open[1] > 0 else 1
                    found[single_open[0]] = ("open", level, "single")
                    found[i] = ("close", level, "single")
                    single_open = None
        start = end + 1
    return found


def _swap(text: str, glyphs: dict[tuple[str, int], str], by_level: bool = True) -> str:
    """Replace every quotation mark by ``glyphs[(role, level)]`` (by kind, double=1 and single=2, if not ``by_level``)."""
    chars = list(text)
    for i, (role, level, kind) in _marks(text).items():
        chars[i] = glyphs[(role, level if by_level else (1 if kind == "double" else 2))]
    return "".join(chars)


def british(text: str, curly: bool = False) -> str:
    """Swap double and single quotation marks by nesting level (apostrophes untouched)."""
    if curly:
        glyphs = {("open", 1): "‘", ("close", 1): "’", ("open", 2): "“", ("close", 2): "”"}
    else:
        glyphs = {("open", 1): "'", ("close", 1): "'", ("open", 2): "\"", ("close", 2): "\""}
    return _swap(text, glyphs)


def curly(text: str) -> str:
    """Straight quotation marks become typographic ones, doubles outside and singles inside."""
    return _swap(text, {("open", 1): "“", ("close", 1): "”", ("open", 2): "‘", ("close", 2): "’"}, by_level=False)


def wire(text: str, dateline: str, width: int = 68, indent: bool = True) -> tuple[str, list[int]]:
    """Headline, then the paragraphs hard-wrapped, the first one opening with ``dateline``.

    The original's second line (the weekday date) is dropped. Returns the new
    text and, for every character of ``text``, its index in the new text (-1
    when dropped).
    """
    lines = text.split("\n")
    mapping = [-1] * len(text)
    out: list[str] = []
    pos = 0  # length of the output so far

    def emit(s: str, src: int | None) -> None:
        nonlocal pos
        if src is not None:
            for k in range(len(s)):
                mapping[src + k] = pos + k
        out.append(s)
        pos += len(s)

    emit(lines[0], 0)
    emit("\n", len(lines[0]))
    offset = len(lines[0]) + 1 + len(lines[1]) + 1  # skip the date line
    paragraphs: list[tuple[int, str]] = []
    for line in lines[2:]:
        if line:
            paragraphs.append((offset, line))
        offset += len(line) + 1
    if not indent:
        emit("\n", None)
    for number, (src, para) in enumerate(paragraphs):
        first = dateline if number == 0 else ""
        lead = "   " if indent else ""
        body = textwrap.wrap(first + para, width=width - len(lead), break_long_words=False,
                             break_on_hyphens=False, initial_indent="", subsequent_indent="")
        # textwrap only splits at single spaces of a paragraph without runs of
        # spaces, so the wrapped lines joined by spaces give back the paragraph.
        assert " ".join(body) == first + para, "paragraph changed by wrapping"
        emit(lead, None)
        emit(first, None)
        cursor = src
        for k, line in enumerate(body):
            piece = line[len(first):] if k == 0 else line
            emit(piece, cursor)
            cursor += len(piece)
            if k + 1 < len(body):
                emit("\n", cursor)  # the space that was there
                cursor += 1
        emit("\n", None)
        if not indent and number + 1 < len(paragraphs):
            emit("\n", None)
    return "".join(out), mapping


def restyle(text: str, kind: str, **params: object) -> tuple[str, list[int]]:
    """Apply one restyling; returns the new text and the original-to-new index map."""
    if kind == "british":
        return british(text, curly=bool(params.get("curly"))), list(range(len(text)))
    if kind == "curly":
        return curly(text), list(range(len(text)))
    if kind == "wire":
        return wire(text, str(params["dateline"]), indent=bool(params.get("indent", True)))
    raise ValueError(f"unknown restyling {kind!r}")


def main() -> int:
    """Rebuild every restyled article from original/ and report any difference."""
    bad = 0
    for name, params in RESTYLED.items():
        source = (HERE / "original" / f"{name}.txt").read_text(encoding="utf-8")
        params = dict(params)
        new, _ = restyle(source, str(params.pop("kind")), **params)
        if new != (HERE / f"{name}.txt").read_text(encoding="utf-8"):
            print(f"{name}: differs from its restyled original")
            bad += 1
    print(f"{len(RESTYLED) - bad} of {len(RESTYLED)} restyled articles reproduced")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
