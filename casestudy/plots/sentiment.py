"""Figures for the sentiment chapter, drawn with matplotlib and returned as ``Figure`` objects.

Every figure uses the Okabe-Ito palette (:mod:`casestudy.palette`), labels
both axes, says in its title what it shows, and never relies on colour
alone: sides also differ by marker shape and hatch pattern.  The functions
draw and return; they never call ``plt.show()``, so tests can inspect the
figure and a notebook shows it as the cell's result.

>>> from casestudy.sentiment import aggregate
>>> fig = plot_aggregates({"Ann": aggregate([0.5, 0.1])}, sides={"Ann": "EU"})
>>> fig.axes[0].get_xlabel()
'mean compound score (-1 to +1)\\nbar = mean, whisker = one standard deviation'

Each figure also carries a text alternative that states its finding with
the computed numbers (see :mod:`casestudy.plots.figures`):

>>> from casestudy.plots import alt_text
>>> print(alt_text(fig))
Mean VADER score of each speaker's quotes: Ann (EU) +0.30 over 2 quotes (sd 0.28).

Sides take their colours, markers and hatches in the order of the article's
sides (``side_list``, from its people file; see :func:`casestudy.palette.side_styles`),
or in the order they first appear in the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..models import NEITHER, UNKNOWN, Side
from ..palette import OKABE_ITO, SideStyle, side_styles, style_of
from ..sentiment.aggregate import counts_for_speakers
from ..sentiment.vader import NEUTRAL_BAND, label_for
from .figures import listing, set_alt_text, signed

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from ..sentiment.aggregate import Aggregate
    from ..sentiment.explain import Explanation
    from ..sentiment.vader import QuoteScore, SentenceScore


def styles_for(side_list: Sequence[Side | str], found: Iterable[str]) -> dict[str, SideStyle]:
    """Styles for the article's sides (``side_list``), or for the sides in ``found`` in order of appearance."""
    if side_list:
        return side_styles(side_list)
    return side_styles(dict.fromkeys(s for s in found if s not in (UNKNOWN, NEITHER)))


_DARK_GREY = "#555555"
"""A neutral grey for figures that show no sides (the palette's colours stand for sides in other figures)."""


def _new_figure(width: float, height: float) -> tuple[Figure, Any]:
    """A figure and one axes, detached from pyplot's global state (so nothing leaks between tests)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    plt.close(fig)  # still displays as a notebook cell's result; pyplot no longer tracks it
    return fig, ax


def _neutral_band(ax: Any, vertical: bool = False) -> None:
    span = ax.axvspan if vertical else ax.axhspan
    span(-NEUTRAL_BAND, NEUTRAL_BAND, color=OKABE_ITO["grey"], alpha=0.25, lw=0,
         label=f"neutral band (|compound| < {NEUTRAL_BAND})")
    (ax.axvline if vertical else ax.axhline)(0, color=OKABE_ITO["black"], lw=0.8)


def plot_sentences(scores: Sequence[SentenceScore], quotes: Sequence[QuoteScore] = (),
                   title: str = "VADER compound score of each sentence, in article order",
                   side_list: Sequence[Side | str] = ()) -> Figure:
    """Sentiment along the text: one stem per sentence, marked by the side of any quote inside it.

    A sentence that contains a direct or continuation quote gets the marker
    and colour of the speaker's side; the others a small black dot.
    """
    fig, ax = _new_figure(9, 3.6)
    _neutral_band(ax)
    xs = list(range(1, len(scores) + 1))
    ys = [s.compound for s in scores]
    ax.vlines(xs, 0, ys, color=OKABE_ITO["grey"], lw=1.5)
    styles = styles_for(side_list, (qs.quote.side for qs in quotes))
    side_of: dict[int, str] = {}
    speaker_of: dict[int, str] = {}
    for qs in quotes:
        q = qs.quote
        if not counts_for_speakers(q):
            continue
        for k, s in enumerate(scores):
            if s.start <= q.start < s.end or (q.start <= s.start < q.end):
                side_of.setdefault(k, q.side if q.side in styles else UNKNOWN)
                speaker_of.setdefault(k, q.speaker or "unknown speaker")
    plain = [k for k in range(len(scores)) if k not in side_of]
    ax.plot([xs[k] for k in plain], [ys[k] for k in plain], "o", color=OKABE_ITO["black"], ms=4,
            label="sentence without a quote")
    for side, style in styles.items():
        ks = [k for k, v in side_of.items() if v == side]
        if ks:
            ax.plot([xs[k] for k in ks], [ys[k] for k in ks], style.marker, color=style.colour,
                    ms=9, mec=OKABE_ITO["black"], label=f"contains a quote: {side}")
    for k, name in speaker_of.items():
        ax.annotate(name.split()[-1], (xs[k], ys[k]), textcoords="offset points",
                    xytext=(0, 8 if ys[k] >= 0 else -14), ha="center", fontsize=7)
    ax.set_xlabel("sentence number in the cleaned article")
    ax.set_ylabel("compound score (-1 to +1)")
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(0.3, max(len(scores), 1) + 0.7)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    ax.legend(loc="lower left", fontsize=7, ncol=2, frameon=False)
    return set_alt_text(fig, describe_sentences(scores, side_of, speaker_of))


def _opening(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def describe_sentences(scores: Sequence[SentenceScore], side_of: Mapping[int, str] | None = None,
                       speaker_of: Mapping[int, str] | None = None) -> str:
    """The finding of :func:`plot_sentences` in words: how many sentences lean which way, and the extremes."""
    if not scores:
        return "Sentence scores: there are no sentences to show."
    side_of, speaker_of = side_of or {}, speaker_of or {}
    values = [s.compound for s in scores]
    positive = sum(v >= NEUTRAL_BAND for v in values)
    negative = sum(v <= -NEUTRAL_BAND for v in values)
    mean = sum(values) / len(values)

    def where(k: int) -> str:
        who = f", a quote by {speaker_of[k]} ({side_of[k]})" if k in speaker_of else ""
        return f"sentence {k + 1} ({values[k]:+.2f}{who}: \u201c{_opening(scores[k].text)}\u201d)"

    low = min(range(len(values)), key=lambda k: (values[k], k))
    high = max(range(len(values)), key=lambda k: (values[k], -k))
    text = (f"VADER scores of {len(scores)} sentences in article order: {positive} positive, {negative} negative, "
            f"{len(values) - positive - negative} neutral (|compound| < {NEUTRAL_BAND}); mean {mean:+.2f}. "
            f"Lowest, {label_for(values[low])}: {where(low)}. Highest, {label_for(values[high])}: {where(high)}.")
    if side_of:
        counts = {side: sum(v == side for v in side_of.values()) for side in dict.fromkeys(side_of.values())}
        text += " Sentences with a quote: " + listing([f"{n} {side}" for side, n in counts.items()]) + "."
    return text


def plot_aggregates(aggregates: Mapping[str, Aggregate], sides: Mapping[str, str] | None = None,
                    values: Mapping[str, Sequence[float]] | None = None,
                    title: str = "Mean VADER score of each speaker's quotes\n(n = number of quotes; dots = single quotes)",
                    side_list: Sequence[Side | str] = ()) -> Figure:
    """Horizontal bars of mean compound score per speaker or side, with sd error bars and n written out.

    ``sides`` maps each name to its side (for colour, hatch and marker; a
    side's own name is used when missing); ``values``, when given, adds each
    single score as a dot so a mean of three is seen to be three numbers.
    ``side_list`` is the article's sides in order, which fixes their colours.
    A group with no quotes (a side none of whose speakers is quoted) keeps its
    row, marked "n=0, no quotes": silence is part of the finding (an empty
    ``unknown`` is left out).
    """
    sides = dict(sides or {})
    styles = styles_for(side_list, sides.values() if sides else aggregates)
    names = [k for k, a in aggregates.items() if a.n > 0 or k not in (UNKNOWN, NEITHER)]
    fig, ax = _new_figure(7.5, 0.6 * max(len(names), 1) + 1.6)
    _neutral_band(ax, vertical=True)
    for y, name in enumerate(names):
        agg = aggregates[name]
        if agg.n == 0 or agg.mean is None:
            ax.annotate("n=0, no quotes", (1.02, y), xycoords=("data", "data"), va="center", fontsize=8)
            continue
        style = style_of(styles, sides.get(name, name))
        colour = style.colour
        ax.barh(y, agg.mean, color=colour, alpha=0.55, hatch=style.hatch,
                edgecolor=OKABE_ITO["black"], height=0.6)
        if agg.sd is not None:
            ax.errorbar(agg.mean, y, xerr=agg.sd, color=OKABE_ITO["black"], capsize=4, lw=1)
        for v in (values or {}).get(name, ()):
            ax.plot(v, y, style.marker, color=colour, mec=OKABE_ITO["black"], ms=6)
        sd = "sd n/a" if agg.sd is None else f"sd {agg.sd:.2f}"
        ax.annotate(f"n={agg.n}, {sd}", (1.02, y), xycoords=("data", "data"), va="center", fontsize=8)
    ax.set_yticks(range(len(names)), [f"{n} ({sides[n]})" if n in sides else n for n in names])
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.45)
    ax.set_xlabel("mean compound score (-1 to +1)\nbar = mean, whisker = one standard deviation")
    ax.set_ylabel("speaker" if sides else "group")
    ax.set_title(title, fontsize=10)
    return set_alt_text(fig, describe_aggregates(aggregates, sides, title.split("\n")[0]))


def describe_aggregates(aggregates: Mapping[str, Aggregate], sides: Mapping[str, str] | None = None,
                        title: str = "Mean VADER score") -> str:
    """The finding of :func:`plot_aggregates` in words: each mean with n and sd, then the extremes.

    >>> from casestudy.sentiment import aggregate
    >>> describe_aggregates({"Rice": aggregate([0.3, -0.2]), "Lavrov": aggregate([-0.4])},
    ...                     {"Rice": "US", "Lavrov": "Russia"})
    'Mean VADER score: Rice (US) +0.05 over 2 quotes (sd 0.35); Lavrov (Russia) -0.40 over 1 quote (sd n/a, a single quote). Highest mean: Rice (+0.05, positive); lowest: Lavrov (-0.40, negative).'

    A mean is called positive, neutral or negative by VADER's usual cut-off (see
    :func:`~casestudy.sentiment.vader.label_for`), never by its rank: the lowest of two positive
    means is the lowest, not "the most negative".

    >>> describe_aggregates({"A": aggregate([0.6]), "B": aggregate([0.01])})
    'Mean VADER score: A +0.60 over 1 quote (sd n/a, a single quote); B +0.01 over 1 quote (sd n/a, a single quote). Highest mean: A (+0.60, positive); lowest: B (+0.01, neutral).'
    """
    sides = sides or {}
    shown = {k: a for k, a in aggregates.items() if a.n > 0 and a.mean is not None}
    silent = [k for k in aggregates if k not in shown and k not in (UNKNOWN, NEITHER)]
    if not shown:
        return f"{title}: no quotes to show."
    parts = []
    for name, a in shown.items():
        side = f" ({sides[name]})" if name in sides else ""
        spread = "sd n/a, a single quote" if a.sd is None else f"sd {a.sd:.2f}"
        parts.append(f"{name}{side} {signed(a.mean)} over {a.n} quote{'s' if a.n != 1 else ''} ({spread})")
    text = f"{title}: " + "; ".join(parts) + "."
    means = {k: a.mean for k, a in shown.items() if a.mean is not None}   # all of them: shown has no None
    high = max(means, key=means.__getitem__)
    low = min(means, key=means.__getitem__)
    if low != high:
        text += (f" Highest mean: {high} ({signed(means[high])}, {label_for(means[high])}); "
                 f"lowest: {low} ({signed(means[low])}, {label_for(means[low])}).")
    if silent:
        text += f" No quotes: {listing(silent)}."
    return text


def plot_quotes_by_speaker(scored: Sequence[QuoteScore], side_list: Sequence[Side | str] = ()) -> Figure:
    """Each speaker's quotes: every single score as a dot, the mean as a bar, sd and n written out."""
    from ..sentiment.aggregate import by_speaker, scores_by_speaker

    aggs = by_speaker(scored)
    sides = {qs.quote.speaker: qs.quote.side for qs in scored if qs.quote.speaker}
    return plot_aggregates(aggs, sides={k: sides[k] for k in aggs}, values=scores_by_speaker(scored),
                           side_list=side_list)


def plot_quotes_by_side(scored: Sequence[QuoteScore], side_list: Sequence[Side | str] = ()) -> Figure:
    """Quotes grouped by side (the article's ``side_list`` in order, then unknown): dots, mean bars, sd and n."""
    from ..models import side_names
    from ..sentiment.aggregate import by_side, scores_by_side

    names = side_names(side_list)
    fig = plot_aggregates(by_side(scored, names), values=scores_by_side(scored, names), side_list=side_list,
                          title="Mean VADER score of the quotes of each side\n(n = number of quotes; dots = single quotes)")
    fig.axes[0].set_ylabel("side")
    return fig


_POSITIVE: dict[str, Any] = {"facecolor": _DARK_GREY, "hatch": ""}
_NEGATIVE: dict[str, Any] = {"facecolor": "white", "hatch": "////"}
"""Valence bars, told apart by fill and hatching in black and grey: the palette's colours mean sides elsewhere."""


def plot_explanation(explanation: Explanation) -> Figure:
    """One bar per lexicon word: its valence from the lexicon (outline) and after VADER's rules (filled).

    The last bar is the punctuation emphasis, so the filled bars add up to the raw sum.
    """
    rows = explanation.matched
    labels = [r.word for r in rows] + ["! and ?"]
    used = [r.valence for r in rows] + [explanation.punctuation]
    lex = [r.lexicon_valence for r in rows] + [None]
    fig, ax = _new_figure(7, 0.45 * len(labels) + 1.8)
    ax.axvline(0, color=OKABE_ITO["black"], lw=0.8)
    for y, (u, lv) in enumerate(zip(used, lex)):
        ax.barh(y, u, **(_POSITIVE if u >= 0 else _NEGATIVE), edgecolor=OKABE_ITO["black"], height=0.6)
        if lv is not None and lv != u:
            ax.barh(y, lv, fill=False, edgecolor=OKABE_ITO["black"], ls="--", height=0.8)
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(**_POSITIVE, edgecolor=OKABE_ITO["black"], label="positive valence"),
                       Patch(**_NEGATIVE, edgecolor=OKABE_ITO["black"], label="negative valence")],
              loc="best", fontsize=8)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlabel("valence (filled: used in the score; dashed outline: lexicon value before the rules)")
    ax.set_ylabel("word")
    text = explanation.text if len(explanation.text) <= 60 else explanation.text[:57] + "..."
    ax.set_title(f"Why VADER gives {explanation.compound:+.3f} (raw sum {explanation.raw_sum:+.2f})\n\u201c{text}\u201d",
                 fontsize=10)
    return set_alt_text(fig, describe_explanation(explanation))


def describe_explanation(explanation: Explanation) -> str:
    """The finding of :func:`plot_explanation` in words: the score, the words that made it, the punctuation.

    >>> from casestudy.sentiment import explain
    >>> describe_explanation(explain("Not bad!"))
    'VADER gives \u201cNot bad!\u201d a compound score of +0.484 (raw sum +2.14). Words that count: bad +1.85 (lexicon -2.5, changed by the rules). Punctuation (! and ?) adds +0.29.'
    """
    rows = explanation.matched
    words = [f"{r.word} {r.valence:+.2f}" + ("" if r.lexicon_valence == r.valence
                                            else f" (lexicon {r.lexicon_valence:+g}, changed by the rules)")
             for r in rows]
    text = (f"VADER gives \u201c{_opening(explanation.text, 15)}\u201d a compound score of "
            f"{explanation.compound:+.3f} (raw sum {explanation.raw_sum:+.2f}). ")
    text += ("Words that count: " + listing(words, limit=10) + "." if words
             else "No word of the text is in VADER's lexicon.")
    if rows and len(rows) > 1:
        strongest = max(rows, key=lambda r: abs(r.valence))
        text += f" Strongest: {strongest.word} ({strongest.valence:+.2f})."
    if explanation.punctuation:
        text += f" Punctuation (! and ?) adds {explanation.punctuation:+.2f}."
    return text


def plot_agreement(texts: Sequence[str], student: Sequence[float], vader: Sequence[float],
                   title: str | None = None) -> Figure:
    """Student ratings (-2..+2) beside VADER's compound score scaled to the same range (x 2).

    Each item gets two markers joined by a line whose length is the disagreement.
    """
    from ..sentiment.ratings import agreement

    summary = agreement(student, vader)
    n = len(texts)
    fig, ax = _new_figure(8, 0.45 * max(n, 1) + 2)
    ax.axvline(0, color=OKABE_ITO["black"], lw=0.8)
    scaled = [2 * v for v in vader]
    for y, (s, v) in enumerate(zip(student, scaled)):
        ax.plot([s, v], [y, y], color=OKABE_ITO["grey"], lw=2)
    # black and white, told apart by shape and fill: the palette's colours mean sides in other figures
    ax.plot(student, range(n), "o", color=OKABE_ITO["black"], ms=8, label="your rating")
    ax.plot(scaled, range(n), "D", color=OKABE_ITO["black"], mfc="white", mew=1.5, ms=7,
            label="VADER compound \u00d7 2")
    ax.set_yticks(range(n), [t if len(t) <= 45 else t[:42] + "..." for t in texts], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(-2.3, 2.3)
    ax.set_xlabel("rating: -2 very negative ... +2 very positive")
    ax.set_ylabel("item")
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title(title or f"Your ratings and VADER's: {summary.describe()}", fontsize=10)
    text = f"Your ratings (-2 to +2) beside VADER's compound score x 2 for {n} item{'s' if n != 1 else ''}: " \
           f"{summary.describe()}."
    if n:
        gaps = [abs(s - v) for s, v in zip(student, scaled)]
        k = max(range(n), key=lambda i: (gaps[i], -i))
        text += (f" Largest gap: \u201c{_opening(texts[k])}\u201d (you {student[k]:+g}, "
                 f"VADER x 2 {scaled[k]:+.2f}).")
    return set_alt_text(fig, text)
