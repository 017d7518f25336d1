"""Aggregating scores: per speaker and per side, with count, mean and standard deviation.

Only quotes in a speaker's own words count (direct quotes and their continuations):
reported speech is the journalist's wording, not the speaker's.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..models import UNKNOWN, Quote
from .vader import QuoteScore, SentenceScore, score_quotes, score_sentences

QUOTE_KINDS_FOR_SPEAKERS = ("direct", "continuation")
"""Only words the speaker said in quotation marks count for a speaker; reported speech is the journalist's wording."""



@dataclass(frozen=True)
class Aggregate:
    """How many items, their mean compound score and the (sample) standard deviation.

    ``sd`` is ``None`` below two items: one number has no spread.  ``mean`` is
    ``None`` when there is nothing to average.

    >>> aggregate([0.5, -0.1, 0.2])
    Aggregate(n=3, mean=0.2, sd=0.3)
    >>> aggregate([0.4]).sd is None
    True
    """

    n: int
    mean: float | None
    sd: float | None

    def to_json(self) -> dict[str, Any]:
        return {"n": self.n, "mean": self.mean, "sd": self.sd}

    def describe(self) -> str:
        """A short human reading, e.g. ``'mean +0.20 (sd 0.30, n=3)'``.

        >>> aggregate([0.5, -0.1, 0.2]).describe()
        'mean +0.20 (sd 0.30, n=3)'
        >>> aggregate([0.4]).describe()
        'mean +0.40 (n=1: no spread from a single item)'
        """
        if self.n == 0 or self.mean is None:
            return "no items"
        if self.sd is None:
            return f"mean {self.mean:+.2f} (n=1: no spread from a single item)"
        return f"mean {self.mean:+.2f} (sd {self.sd:.2f}, n={self.n})"


def aggregate(values: Sequence[float]) -> Aggregate:
    """Count, mean and sample standard deviation (``None`` when undefined), rounded to 4 places."""
    values = list(values)
    n = len(values)
    mean = round(statistics.fmean(values), 4) if n else None
    sd = round(statistics.stdev(values), 4) if n >= 2 else None
    return Aggregate(n, mean, sd)


def counts_for_speakers(quote: Quote) -> bool:
    """True for quotes in the speaker's own words (``direct`` or ``continuation``)."""
    return quote.kind in QUOTE_KINDS_FOR_SPEAKERS


def by_speaker(scored: Iterable[QuoteScore]) -> dict[str, Aggregate]:
    """Aggregate compound scores per speaker, over direct and continuation quotes with a known speaker.

    >>> from casestudy.models import Quote
    >>> q = [Quote(0, 5, '"Hi"', "Great news.", "Ann", "direct", "test"),
    ...      Quote(9, 14, '"No"', "Terrible news.", "Ann", "continuation", "test"),
    ...      Quote(20, 30, "x", "Fine.", "Bob", "reported", "test")]
    >>> by_speaker(score_quotes(q))
    {'Ann': Aggregate(n=2, mean=0.0741, sd=0.7789)}
    """
    return {name: aggregate(v) for name, v in scores_by_speaker(scored).items()}


def scores_by_speaker(scored: Iterable[QuoteScore]) -> dict[str, list[float]]:
    """The single compound scores behind :func:`by_speaker`: each named speaker's direct and continuation quotes.

    Speakers come in alphabetical order.
    """
    values: dict[str, list[float]] = {}
    for qs in scored:
        if counts_for_speakers(qs.quote) and qs.quote.speaker:
            values.setdefault(qs.quote.speaker, []).append(qs.compound)
    return dict(sorted(values.items()))


def by_side(scored: Iterable[QuoteScore], sides: Sequence[str] = ()) -> dict[str, Aggregate]:
    """Aggregate compound scores per side, over direct and continuation quotes.

    The keys are the article's ``sides`` in order, then ``unknown``; every side
    is present, with ``n=0`` when it has no quotes.  Without ``sides``, the
    sides of the quotes themselves are used, in order of first appearance.

    >>> from casestudy.models import Quote
    >>> q = [Quote(0, 5, '"Hi"', "Great news.", "Ann", "direct", "test", side="EU"),
    ...      Quote(9, 14, '"No"', "Fine.", "Bo", "direct", "test")]
    >>> by_side(score_quotes(q), ["EU", "UK", "Norway"])
    {'EU': Aggregate(n=1, mean=0.6249, sd=None), 'UK': Aggregate(n=0, mean=None, sd=None), 'Norway': Aggregate(n=0, mean=None, sd=None), 'unknown': Aggregate(n=1, mean=0.2023, sd=None)}
    """
    return {side: aggregate(v) for side, v in scores_by_side(scored, sides).items()}


def scores_by_side(scored: Iterable[QuoteScore], sides: Sequence[str] = ()) -> dict[str, list[float]]:
    """The single compound scores behind :func:`by_side`, over direct and continuation quotes.

    Every side is present, with an empty list when it has no quotes; a quote
    whose side is not one of ``sides`` counts as ``unknown``.
    """
    scored = [qs for qs in scored if counts_for_speakers(qs.quote)]
    if not sides:
        sides = list(dict.fromkeys(qs.quote.side for qs in scored if qs.quote.side != UNKNOWN))
    values: dict[str, list[float]] = {side: [] for side in (*sides, UNKNOWN)}
    for qs in scored:
        values[qs.quote.side if qs.quote.side in values else UNKNOWN].append(qs.compound)
    return values


@dataclass(frozen=True)
class ArticleSentiment:
    """Everything the sentiment command reports for one text."""

    sentences: list[SentenceScore]
    quotes: list[QuoteScore]
    speakers: dict[str, Aggregate]
    sides: dict[str, Aggregate]

    def to_json(self) -> dict[str, Any]:
        """The object that ``python -m casestudy sentiment --json`` prints."""
        return {
            "sentences": [s.to_json() for s in self.sentences],
            "speakers": {k: a.to_json() for k, a in self.speakers.items()},
            "sides": {k: a.to_json() for k, a in self.sides.items()},
        }


def article_sentiment(sentences: Iterable[Any], quotes: Iterable[Quote], sides: Sequence[str] = ()) -> ArticleSentiment:
    """Score sentences and quotes, and aggregate the quotes by speaker and by side (see :func:`by_side`)."""
    scored = score_quotes(quotes)
    return ArticleSentiment(score_sentences(sentences), scored, by_speaker(scored), by_side(scored, sides))


