"""Fonts for text in any script: a fallback chain, text widths, and honest notes about missing glyphs.

matplotlib (3.6 and later) can fall back glyph by glyph through a *list* of
font families, in PNG, SVG and PDF alike.  The argument-map drawing passes
:func:`font_chain` as the family of every text it writes, so a claim in
Chinese or with an emoji is drawn with a font that has those characters,
where one is installed:

* DejaVu Sans first (matplotlib's own font: Latin, Greek, Cyrillic, many symbols);
* then a CJK font: Noto Sans CJK (Debian's and Ubuntu's ``fonts-noto-cjk``, which
  Binder installs from ``binder/apt.txt``) or Droid Sans Fallback;
* then Symbola (``fonts-symbola``) for emoji, in black and white.  Colour emoji
  fonts (Noto Color Emoji) are bitmaps that matplotlib cannot use.

Characters that no installed font has are drawn as empty boxes; the map's
text alternative says so (:func:`glyph_note`), so no reader is left guessing:

>>> missing_glyphs("Shield", ["DejaVu Sans"])
[]
>>> missing_glyphs("Shield \\u4e2d", ["DejaVu Sans"])
['中']

Text widths (:func:`text_width`) come from the same fonts' advance widths, so
a claim is wrapped to fit its box whatever its script:

>>> round(text_width("Shield", 8.0, chain=["DejaVu Sans"]), 3)
0.342
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

PREFERRED = ("DejaVu Sans", "Noto Sans CJK JP", "Noto Sans CJK SC", "Droid Sans Fallback",
             "WenQuanYi Zen Hei", "Symbola")
"""The fallback order.  matplotlib's default font comes first: its metrics are what the box sizes assume."""

_SYSTEM_FILES = re.compile(r"(NotoSansCJK|NotoSansSC|NotoSansJP|DroidSansFallback|wqy-zenhei|Symbola)", re.I)
"""Font files worth adding when matplotlib's font list was built before they were installed."""

_INVISIBLE = {"\u200d", "\ufe0e", "\ufe0f", "\u20e3"}  # joiners and variation selectors: they draw nothing

_rescanned = False


def font_chain(preferred: tuple[str, ...] = PREFERRED) -> list[str]:
    """The families of ``preferred`` that matplotlib can use on this machine, in order (DejaVu Sans at least)."""
    return list(_chain(preferred))


@lru_cache(maxsize=None)
def _chain(preferred: tuple[str, ...]) -> tuple[str, ...]:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return tuple(name for name in preferred if name in installed) or ("DejaVu Sans",)


def rescan_system_fonts() -> bool:
    """Add fallback fonts installed after matplotlib built its font list (once); True if any was added.

    matplotlib caches its list of fonts the first time it runs, so fonts that an
    administrator installs later stay invisible to it.  This adds the few fallback
    fonts named in :data:`PREFERRED` from the system's font folders.
    """
    global _rescanned
    if _rescanned:
        return False
    _rescanned = True
    from matplotlib import font_manager

    known = {f.fname for f in font_manager.fontManager.ttflist}
    added = False
    for path in font_manager.findSystemFonts():
        if path not in known and _SYSTEM_FILES.search(path):
            try:
                font_manager.fontManager.addfont(path)
                added = True
            except (OSError, RuntimeError, ValueError):  # an unreadable file: skip it
                continue
    if added:
        _chain.cache_clear()
        bold_chain.cache_clear()
        _font_files.cache_clear()
        _advance.cache_clear()
    return added


@lru_cache(maxsize=None)
def bold_chain(chain: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The families of the chain that have a bold face (bold text falls back only through these)."""
    from matplotlib import font_manager

    families = chain if chain is not None else _chain(PREFERRED)
    bold = {f.name for f in font_manager.fontManager.ttflist if isinstance(f.weight, int) and f.weight >= 600
            or f.weight in ("bold", "heavy", "black", "semibold", "demibold", "extra bold", "ultrabold")}
    return tuple(name for name in families if name in bold) or families[:1]


@lru_cache(maxsize=None)
def _font_files(chain: tuple[str, ...], bold: bool) -> tuple[Any, ...]:
    """The loaded font of each family in ``chain`` (its bold face for ``bold``: see :func:`bold_chain`)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    fonts = []
    for family in chain:
        try:
            path = font_manager.findfont(font_manager.FontProperties(family=family, weight="bold" if bold else "normal"),
                                         fallback_to_default=False)
        except ValueError:
            continue
        font = FT2Font(path)
        font.set_size(100.0, 72.0)  # advances in points at 100 pt
        fonts.append(font)
    return tuple(fonts)


def _drawn(ch: str) -> bool:
    """Whether a character needs a glyph (not white space, a control character or a joiner)."""
    return not (ch.isspace() or ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cf", "Mn"))


@lru_cache(maxsize=8192)
def _advance(ch: str, chain: tuple[str, ...], bold: bool) -> float | None:
    """Width in points of ``ch`` at 1 pt in the first font of ``chain`` that has it (None: no font has it)."""
    for font in _font_files(chain, bold):
        if font.get_char_index(ord(ch)):
            glyph = font.load_char(ord(ch))
            return float(glyph.linearHoriAdvance) / 65536 / 100.0
    return None


def text_width(text: str, size: float, bold: bool = False, chain: list[str] | None = None) -> float:
    """The width of one line of ``text`` at ``size`` points, in inches (a character no font has counts as 1 em)."""
    families = tuple(chain) if chain is not None else (bold_chain() if bold else _chain(PREFERRED))
    total = 0.0
    for ch in text:
        if not (_drawn(ch) or ch == " "):
            continue
        width = _advance(ch, families, bold)
        total += 1.0 if width is None else width
    return total * size / 72.0


def missing_glyphs(text: str, chain: list[str] | None = None, bold: bool = False) -> list[str]:
    """Characters of ``text`` that no font of ``chain`` can draw, each once, in order of appearance."""
    families = tuple(chain) if chain is not None else (bold_chain() if bold else _chain(PREFERRED))
    out: dict[str, None] = {}
    for ch in text:
        if _drawn(ch) and _advance(ch, families, bold) is None:
            out.setdefault(ch, None)
    return list(out)


def families_for(text: str, bold: bool = False) -> tuple[list[str], bool]:
    """The font families to draw ``text`` with, and whether it can be bold.

    As few families as cover the text (each family in the list costs
    matplotlib time on every draw): DejaVu Sans alone for most text.  Bold text
    whose characters only a family without a bold face has (emoji) is drawn regular.

    >>> families_for("Oslo")
    (['DejaVu Sans'], False)
    """
    if bold and not missing_glyphs(text, bold=True):
        chain, weight = bold_chain(), True
    else:
        chain, weight = _chain(PREFERRED), False
    for n in range(1, len(chain) + 1):
        if not any(_drawn(ch) and _advance(ch, chain[:n], weight) is None for ch in text):
            return list(chain[:n]), weight
    return list(chain), weight


def glyph_note(texts: list[str], chain: list[str] | None = None, limit: int = 5) -> str:
    """A sentence for a text alternative when the picture shows some characters as empty boxes ('' if none).

    >>> glyph_note(["Oslo \\u4e2d"], ["DejaVu Sans"])
    'The picture cannot show 1 character (no installed font has it: 中 (cjk unified ideograph-4e2d)); it appears as an empty box there, and this text has it.'
    """
    missing: dict[str, None] = {}
    for text in texts:
        for ch in missing_glyphs(text, chain):
            missing.setdefault(ch, None)
    if not missing:
        return ""
    names = [f"{ch} ({unicodedata.name(ch, f'U+{ord(ch):04X}').lower()})" for ch in list(missing)[:limit]]
    more = f" and {len(missing) - limit} more" if len(missing) > limit else ""
    many = len(missing) > 1
    return (f"The picture cannot show {len(missing)} character{'s' if many else ''} "
            f"(no installed font has {'them' if many else 'it'}: {', '.join(names)}{more}); "
            f"{'they appear as empty boxes' if many else 'it appears as an empty box'} there, "
            f"and this text has {'them' if many else 'it'}.")


def needs_fallback(texts: list[str]) -> bool:
    """Whether some text needs a glyph the current chain lacks; rescans the system's fonts once if so."""
    if any(missing_glyphs(t) for t in texts):
        return rescan_system_fonts()
    return False
