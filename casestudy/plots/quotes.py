"""Figures for quote attribution (matplotlib is imported only when a figure is drawn)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..models import UNKNOWN, Side
from ..palette import OKABE_ITO, style_of
from ..quotes import VoiceShare
from .figures import listing, set_alt_text
from .sentiment import styles_for


def plot_voice_share(rows: Sequence[VoiceShare], title: str = "Quoted words",
                     side_list: Sequence[Side | str] = ()) -> Any:
    """Horizontal bars of quoted words per speaker or side, coloured and hatched by side, labelled with n.

    ``side_list`` is the article's sides in order, which fixes their colours.

    >>> from casestudy.quotes import VoiceShare
    >>> fig = plot_voice_share([VoiceShare("Rice", "US", 5, 105, 0.56)])
    >>> fig.axes[0].get_xlabel()
    'quoted words'
    >>> from casestudy.plots import alt_text
    >>> alt_text(fig)
    'Quoted words: Rice (US) 105 words in 5 quotes (56% of all quoted words). Rice is quoted most.'
    """
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 0.5 + 0.45 * max(1, len(rows))), layout="constrained")
    plt.close(fig)
    names = [r.who for r in rows][::-1]
    words = [r.words for r in rows][::-1]
    sides = [r.side for r in rows][::-1]
    styles = styles_for(side_list, (r.side for r in rows))
    bars = ax.barh(names, words, color=[style_of(styles, s).colour for s in sides],
                   edgecolor=OKABE_ITO["black"], linewidth=0.6)
    for bar, side, row in zip(bars, sides, list(rows)[::-1]):
        bar.set_hatch(style_of(styles, side).hatch)
        ax.annotate(f" {row.words} words, {row.quotes} quote{'s' if row.quotes != 1 else ''}"
                    + ("" if row.who == side else f" ({side})"),
                    (bar.get_width(), bar.get_y() + bar.get_height() / 2), va="center", fontsize=9)
    ax.set_xlabel("quoted words")
    ax.set_xlim(0, max(words or [1]) * 1.7)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return set_alt_text(fig, describe_voice_share(rows, title))


def describe_voice_share(rows: Sequence[VoiceShare], title: str = "Quoted words") -> str:
    """The finding of :func:`plot_voice_share` in words: each row's words, quotes and share, and who leads.

    By side, the ``unknown`` row is no side (speakers of no side, and quotes
    nobody is named for), so the lead names the most quoted of the sides, as
    :func:`casestudy.pipeline.compare` does, and gives ``unknown``'s share apart.

    >>> from casestudy.quotes import VoiceShare
    >>> describe_voice_share([VoiceShare("Council", "Council", 2, 30, 0.3), VoiceShare("unknown", "unknown", 2, 70, 0.7)])
    'Quoted words: Council 30 words in 2 quotes (30% of all quoted words) and unknown 70 words in 2 quotes (70% of all quoted words). Of the sides, Council is quoted most; more words (70%) come from speakers of no side (unknown).'
    """
    if not rows:
        return f"{title}: no quotes to show."
    parts = [f"{r.who}{'' if r.who == r.side else f' ({r.side})'} {r.words} words in {r.quotes} "
             f"quote{'s' if r.quotes != 1 else ''} ({r.share_of_words:.0%} of all quoted words)" for r in rows]
    no_side = next((r for r in rows if r.who == r.side == UNKNOWN), None)
    ranked = [r for r in rows if r is not no_side] or list(rows)
    top = max(ranked, key=lambda r: r.words)
    ties = [r.who for r in ranked if r.words == top.words]
    lead = f"{ties[0]} is quoted most." if len(ties) == 1 else f"{listing(ties)} are quoted equally."
    if no_side is not None and no_side is not top and no_side.words > top.words:
        lead = (f"Of the sides, {lead[:-1]}; more words ({no_side.share_of_words:.0%}) come from speakers of "
                "no side (unknown).")
    return f"{title}: {listing(parts, limit=10)}. {lead}"
