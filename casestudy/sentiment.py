"""Sentiment with NLTK's VADER, offline, and explained word by word.

VADER (Valence Aware Dictionary and sEntiment Reasoner) is a *lexicon* of about
7,500 words, emoticons and slang terms, each rated from -4 (very negative) to
+4 (very positive) by ten human raters, plus a handful of *rules*: a negation
("not") flips and shrinks a word's valence, a booster ("very") strengthens it,
"but" shifts the weight to what follows, ALL CAPS and exclamation marks add
emphasis.  It was built and validated on social-media text (tweets), movie
reviews, product reviews and newspaper editorials.

>>> s = score("The talks were very good.")
>>> s.compound, s.label
(0.4927, 'positive')
>>> score("The talks were not good.").label
'negative'

Every score can be taken apart with :func:`explain`: which words the lexicon
knows, their valence, and each rule that changed it.  The adjusted valences
add up to the raw sum that VADER squashes into ``compound`` with
``x / sqrt(x*x + 15)``:

>>> e = explain("The talks were very good.")
>>> [(w.word, w.lexicon_valence, round(w.valence, 3)) for w in e.matched]
[('good', 1.9, 2.193)]
>>> e.rows[-1].steps[0].rule
'booster'

Offline: NLTK's analyzer normally loads its lexicon with ``nltk.download``.
We read the same MIT-licensed lexicon from the ``vaderSentiment`` package
(installed with ours) and hand its text to NLTK's analyzer, so nothing is
downloaded, ever.

Reference: Hutto, C.J. and Gilbert, E.E. (2014). VADER: A Parsimonious
Rule-based Model for Sentiment Analysis of Social Media Text. Eighth
International AAAI Conference on Weblogs and Social Media (ICWSM-14).
"""

from __future__ import annotations

import html
import math
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import InputError, MissingResourceError
from .models import SIDES, Article, Quote, sentence_id

if TYPE_CHECKING:  # pragma: no cover
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

LEXICON_PACKAGE = "vaderSentiment"
LEXICON_FILE = "vader_lexicon.txt"
INSTALL_FIX = "pip install vaderSentiment"

NEUTRAL_BAND = 0.05
"""Hutto and Gilbert's convention: compound >= 0.05 is positive, <= -0.05 negative, else neutral."""

ALPHA = 15
"""The constant in VADER's normalisation ``x / sqrt(x*x + ALPHA)``, roughly the largest raw sum expected."""

BUT_BEFORE = 0.5
"""Words before "but" count half ..."""
BUT_AFTER = 1.5
"""... and words after it one and a half times."""

EXCLAMATION_WEIGHT = 0.292
"""Emphasis added to the raw sum per "!" (at most 4 count)."""
QUESTION_WEIGHT = 0.18
"""Emphasis added per "?" when there are 2 or 3 of them; 4 or more add 0.96."""

SIDE_NAMES = (*SIDES, "unknown")
"""The sides that aggregates are reported for: ``US/NATO``, ``Russia`` and ``unknown``."""

QUOTE_KINDS_FOR_SPEAKERS = ("direct", "continuation")
"""Only words the speaker said in quotation marks count for a speaker; reported speech is the journalist's wording."""


# -- the analyzer, offline ------------------------------------------------------

def lexicon_text() -> str:
    """The text of VADER's lexicon file, read from the installed ``vaderSentiment`` package.

    One line per entry: token, mean valence, standard deviation, the ten raters' scores.

    >>> lexicon_text().splitlines()[0].split("\\t")[:2]
    ['$:', '-1.5']
    """
    from importlib import resources

    try:
        text = resources.files(LEXICON_PACKAGE).joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        raise MissingResourceError(
            f"the VADER lexicon is not installed (package {LEXICON_PACKAGE!r} ships it): run '{INSTALL_FIX}'"
        ) from None
    text = text.strip()
    if not text:
        raise MissingResourceError(f"the VADER lexicon file is empty: run '{INSTALL_FIX} --force-reinstall'")
    return text


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """NLTK's ``SentimentIntensityAnalyzer`` with the lexicon from ``vaderSentiment``; built once, then reused.

    NLTK's own ``__init__`` calls ``nltk.data.load``, which looks for a
    downloaded file.  Our subclass sets the same three attributes from the
    lexicon text instead; every scoring method is NLTK's, unchanged.

    >>> analyzer() is analyzer()
    True
    >>> analyzer().lexicon["good"]
    1.9
    """
    try:
        from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants
    except ImportError:  # pragma: no cover - nltk is a declared dependency
        raise MissingResourceError("NLTK is not installed: run 'pip install nltk'") from None

    text = lexicon_text()

    # nltk ships no type hints, so mypy sees the base class as Any
    class OfflineSentimentIntensityAnalyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]
        """NLTK's VADER, given the lexicon's text instead of a path for ``nltk.data``."""

        def __init__(self, lexicon: str) -> None:  # no super().__init__: that would call nltk.data.load
            self.lexicon_file = lexicon
            self.lexicon = self.make_lex_dict()
            self.constants = VaderConstants()

    return OfflineSentimentIntensityAnalyzer(text)


# -- scores ------------------------------------------------------------------------

def label_for(compound: float) -> str:
    """``'positive'``, ``'negative'`` or ``'neutral'`` by the usual +-0.05 cut-off.

    >>> label_for(0.3), label_for(-0.05), label_for(0.0)
    ('positive', 'negative', 'neutral')
    """
    if compound >= NEUTRAL_BAND:
        return "positive"
    if compound <= -NEUTRAL_BAND:
        return "negative"
    return "neutral"


@dataclass(frozen=True)
class SentimentScore:
    """VADER's four numbers for one text.

    ``compound`` is the normalised sum of all word valences, from -1 to +1;
    ``pos``, ``neu`` and ``neg`` are the shares of the text's weight that are
    positive, neutral and negative (they add up to about 1).
    """

    text: str
    compound: float
    pos: float
    neu: float
    neg: float

    @property
    def label(self) -> str:
        """``positive``, ``negative`` or ``neutral`` (see :func:`label_for`)."""
        return label_for(self.compound)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "compound": self.compound, "pos": self.pos, "neu": self.neu, "neg": self.neg}


def score(text: str) -> SentimentScore:
    """VADER's scores for one text (a sentence, a quote...).

    >>> score("We do not want to play these games.").compound
    -0.3089
    """
    d = analyzer().polarity_scores(_text(text, "score"))
    return SentimentScore(text, d["compound"], d["pos"], d["neu"], d["neg"])


def _text(text: Any, function: str) -> str:
    """``text`` if it is a string; otherwise a one-line :class:`InputError` naming the function and the fix."""
    if not isinstance(text, str):
        raise InputError(f"{function} needs the text as a str, not {type(text).__name__}: "
                         "read a file with casestudy.load_article(path).raw first")
    return text


@dataclass(frozen=True)
class SentenceScore(SentimentScore):
    """The score of one sentence (a :class:`SentimentScore`) and where it is in the text it came from."""

    start: int
    end: int

    @property
    def id(self) -> str:
        """The sentence's stable id (see :func:`casestudy.models.sentence_id`)."""
        return sentence_id(self.text)

    def to_json(self) -> dict[str, Any]:
        """The sentence as ``python -m casestudy sentiment --json`` prints it: offsets first, then the score."""
        return {"start": self.start, "end": self.end, **super().to_json()}


def score_sentences(sentences: Iterable[Any]) -> list[SentenceScore]:
    """Score sentences that have ``start``, ``end`` and ``text`` (as from ``split_sentences``), reusing one analyzer.

    >>> from casestudy.tokens import split_sentences
    >>> [(s.start, s.label) for s in score_sentences(split_sentences("I love it. I hate it."))]
    [(0, 'positive'), (11, 'negative')]
    """
    if isinstance(sentences, str) or not isinstance(sentences, Iterable):
        raise InputError(f"score_sentences needs a list of sentences (e.g. clean.sentences or split_sentences(text)), "
                         f"not a {type(sentences).__name__}: to score a single text use score(text)")
    polarity = analyzer().polarity_scores
    out = []
    for s in sentences:
        if not isinstance(getattr(s, "text", None), str):
            raise InputError(f"score_sentences needs sentences with start, end and text (as split_sentences "
                             f"gives), not {type(s).__name__}: to score a single text use score(text)")
        d = polarity(s.text)
        out.append(SentenceScore(s.text, d["compound"], d["pos"], d["neu"], d["neg"], start=s.start, end=s.end))
    return out


@dataclass(frozen=True)
class QuoteScore:
    """A quote and the score of its ``content`` (the words inside the quotation marks)."""

    quote: Quote
    score: SentimentScore

    @property
    def compound(self) -> float:
        return self.score.compound


def score_quotes(quotes: Iterable[Quote]) -> list[QuoteScore]:
    """Score each quote's ``content``, keeping the quote (speaker, side, offsets) beside its score."""
    return [QuoteScore(q, score(q.content)) for q in quotes]


# -- aggregation ---------------------------------------------------------------------

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


def by_side(scored: Iterable[QuoteScore]) -> dict[str, Aggregate]:
    """Aggregate compound scores per side (``US/NATO``, ``Russia``, ``unknown``), over direct and continuation quotes.

    Every side is present, with ``n=0`` when it has no quotes.
    """
    return {side: aggregate(v) for side, v in scores_by_side(scored).items()}


def scores_by_side(scored: Iterable[QuoteScore]) -> dict[str, list[float]]:
    """The single compound scores behind :func:`by_side`, over direct and continuation quotes.

    Every side is present, with an empty list when it has no quotes; a quote
    whose side is neither ``US/NATO`` nor ``Russia`` counts as ``unknown``.
    """
    values: dict[str, list[float]] = {side: [] for side in SIDE_NAMES}
    for qs in scored:
        if counts_for_speakers(qs.quote):
            side = qs.quote.side if qs.quote.side in values else "unknown"
            values[side].append(qs.compound)
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


def article_sentiment(sentences: Iterable[Any], quotes: Iterable[Quote]) -> ArticleSentiment:
    """Score sentences and quotes, and aggregate the quotes by speaker and by side."""
    scored = score_quotes(quotes)
    return ArticleSentiment(score_sentences(sentences), scored, by_speaker(scored), by_side(scored))


def analyse_article(article: Article | str) -> ArticleSentiment:
    """Sentiment of an :class:`~casestudy.models.Article`: its cleaned sentences and its attributed quotes.

    Sentences come from :func:`casestudy.cleaning.clean_article` (offsets into
    the cleaned text); quotes from :func:`casestudy.quotes.find_quotes` run on
    the same cleaned text.
    """
    from .cleaning import clean_article
    from .loading import load_text
    from .quotes import find_quotes

    if isinstance(article, str):
        article = load_text(article)
    clean = clean_article(article)
    return article_sentiment(clean.sentences, find_quotes(clean.text, people=article.people))


# -- explanation ------------------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    """One rule that changed a word's valence: from ``before`` to ``after``, because of ``trigger``."""

    rule: str
    trigger: str
    before: float
    after: float
    note: str = ""

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class WordValence:
    """One token as VADER sees it, with its valence from the lexicon and after the rules.

    ``start``/``end`` are offsets of the token in the explained text.
    ``lexicon_valence`` is ``None`` when the word is not in the lexicon; such
    a word still counts for the ``neu`` share but adds nothing to ``compound``.
    """

    index: int
    word: str
    start: int
    end: int
    lexicon_valence: float | None
    valence: float
    steps: tuple[Step, ...] = ()

    @property
    def matched(self) -> bool:
        """True when the word is in the lexicon."""
        return self.lexicon_valence is not None


@dataclass(frozen=True)
class Explanation:
    """A VADER score taken apart: the rows add up to ``word_sum``; with punctuation, to ``raw_sum``.

    ``compound == round(raw_sum / sqrt(raw_sum**2 + 15), 4)`` and all four
    numbers equal NLTK's ``polarity_scores`` for the same text.
    """

    text: str
    rows: tuple[WordValence, ...]
    word_sum: float
    punctuation: float
    raw_sum: float
    compound: float
    pos: float
    neu: float
    neg: float
    notes: tuple[str, ...] = field(default=())

    def __repr__(self) -> str:  # the rows are long: show the readable summary instead
        return f"<Explanation\n{self.summary()}\n>"

    @property
    def matched(self) -> list[WordValence]:
        """Only the words found in the lexicon."""
        return [r for r in self.rows if r.matched]

    @property
    def score(self) -> SentimentScore:
        return SentimentScore(self.text, self.compound, self.pos, self.neu, self.neg)

    def table(self) -> list[dict[str, Any]]:
        """One row per word that the lexicon knows or a rule touched, ready for printing or a DataFrame.

        >>> explain("Not bad!").table()[0]
        {'word': 'bad', 'lexicon': -2.5, 'rules': "negation ('Not'): -2.5 -> 1.85", 'valence': 1.85}
        """
        rows = []
        for r in self.rows:
            if not r.matched and not r.steps:
                continue
            rules = "; ".join(f"{s.rule} ({s.trigger!r}): {s.before:.3g} -> {s.after:.3g}" for s in r.steps)
            rows.append({"word": r.word, "lexicon": r.lexicon_valence, "rules": rules,
                         "valence": round(r.valence, 4)})
        return rows

    def summary(self) -> str:
        """Plain-text version of the table, with the sums and the compound score.

        >>> print(explain("Not bad!").summary())
        Not bad!
          bad          lexicon -2.5  -> 1.85  negation ('Not'): -2.5 -> 1.85
          words +1.85, punctuation +0.292: raw sum +2.142 -> compound +0.4840
        """
        lines = [self.text]
        for row in self.table():
            lex = "?" if row["lexicon"] is None else f"{row['lexicon']:g}"
            lines.append(f"  {row['word']:<12} lexicon {lex:<5} -> {row['valence']:<5g} {row['rules']}".rstrip())
        lines.append(f"  words {self.word_sum:+.4g}, punctuation {self.punctuation:+.4g}: "
                     f"raw sum {self.raw_sum:+.4g} -> compound {self.compound:+.4f}")
        lines.extend(f"  note: {n}" for n in self.notes)
        return "\n".join(lines)

    def table_html(self) -> str:
        """The table as HTML (all text escaped), for a notebook or a widget."""
        head = "<tr><th>word</th><th>lexicon valence</th><th>rules applied</th><th>valence used</th></tr>"
        body = []
        for row in self.table():
            lex = "not in lexicon" if row["lexicon"] is None else f"{row['lexicon']:+.2f}"
            body.append(f"<tr><td>{html.escape(row['word'])}</td><td>{lex}</td>"
                        f"<td>{html.escape(row['rules']) or '&ndash;'}</td><td>{row['valence']:+.3f}</td></tr>")
        if not body:
            body.append('<tr><td colspan="4">no word of this text is in the lexicon</td></tr>')
        foot = (f'<tr><td colspan="3">sum of the words</td><td>{self.word_sum:+.3f}</td></tr>'
                f'<tr><td colspan="3">emphasis from ! and ?</td><td>{self.punctuation:+.3f}</td></tr>'
                f'<tr><td colspan="3">raw sum &rarr; compound = raw / &radic;(raw&sup2; + {ALPHA})</td>'
                f"<td><b>{self.compound:+.4f}</b></td></tr>")
        return f'<table class="casestudy-vader">{head}{"".join(body)}{foot}</table>'

    def highlighted_html(self) -> str:
        """The text with each lexicon word wrapped in a coloured, titled ``<mark>`` (text escaped).

        Positive words are underlined solid, negative ones dashed, so colour is not the only signal.

        >>> explain("Not bad & sad").highlighted_html()  # doctest: +ELLIPSIS
        '<span class="casestudy-vader-text">Not <mark ...>bad</mark> &amp; <mark ...>sad</mark></span>'
        """
        from .palette import OKABE_ITO

        parts, pos = [], 0
        for r in self.rows:
            if not r.matched:
                continue
            parts.append(html.escape(self.text[pos:r.start]))
            positive = r.valence >= 0
            colour = OKABE_ITO["sky_blue"] if positive else OKABE_ITO["orange"]
            line = "solid" if positive else "dashed"
            title = f"lexicon {r.lexicon_valence:+g}, used {r.valence:+.3f}"
            if r.steps:
                title += ": " + "; ".join(f"{s.rule} ({s.trigger})" for s in r.steps)
            parts.append(f'<mark style="background:{colour}40;border-bottom:2px {line} {colour}" '
                         f'title="{html.escape(title)}">{html.escape(self.text[r.start:r.end])}</mark>')
            pos = r.end
        parts.append(html.escape(self.text[pos:]))
        return f'<span class="casestudy-vader-text">{"".join(parts)}</span>'

    def _repr_html_(self) -> str:
        return f"<p>{self.highlighted_html()}</p>{self.table_html()}"


def vader_tokens(text: str) -> list[tuple[str, int, int]]:
    """The tokens VADER scores, with their offsets in ``text``.

    VADER splits on white space, drops one-character tokens, and strips ONE
    punctuation mark from the start or end of a word: ``games.`` becomes
    ``games``, but ``play."`` (full stop plus closing quotation mark) stays as
    it is and so is not found in the lexicon.  This is NLTK's own ``SentiText``.

    >>> vader_tokens('"We do not want to play." I said')
    [('We', 1, 3), ('do', 4, 6), ('not', 7, 10), ('want', 11, 15), ('to', 16, 18), ('play."', 19, 25), ('said', 28, 32)]
    """
    from nltk.sentiment.vader import SentiText

    constants = analyzer().constants
    words = SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION).words_and_emoticons
    chunks = [m for m in re.finditer(r"\S+", text) if len(m.group()) > 1]
    out = []
    for word, m in zip(words, chunks):  # SentiText keeps one token per chunk, in order
        at = m.group().find(word)
        start = m.start() + max(at, 0)
        out.append((word, start, start + len(word)))
    return out


def _word_steps(words: list[str], i: int, lexicon: dict[str, float], c: Any,
                is_cap_diff: bool) -> tuple[float, list[Step]]:
    """The valence of ``words[i]`` (a lexicon word) after VADER's rules, step by step.

    Mirrors ``SentimentIntensityAnalyzer.sentiment_valence`` in NLTK 3.10, rule for rule.
    """
    steps: list[Step] = []
    item = words[i]
    valence = lexicon[item.lower()]

    def apply(rule: str, trigger: str, new: float, note: str = "") -> None:
        nonlocal valence
        if new != valence:
            steps.append(Step(rule, trigger, valence, new, note))
            valence = new

    if item.isupper() and is_cap_diff:
        apply("ALL CAPS", item, valence + c.C_INCR if valence > 0 else valence - c.C_INCR,
              "a word in capitals among lower-case words is stronger")

    for distance in range(3):  # look at up to three words before
        if i > distance and words[i - (distance + 1)].lower() not in lexicon:
            before = words[i - (distance + 1)]
            s = c.scalar_inc_dec(before, valence, is_cap_diff)
            if s:
                s *= (1.0, 0.95, 0.9)[distance]  # farther boosters count less
                kind = "booster" if (c.BOOSTER_DICT[before.lower()] > 0) else "dampener"
                apply(kind, before, valence + s, f"{distance + 1} word(s) before")
            # negation and "never so/this" (NLTK's _never_check)
            if distance == 0:
                if c.negated([words[i - 1]]):
                    apply("negation", words[i - 1], valence * c.N_SCALAR, "flips the sign and shrinks the valence")
            elif distance == 1:
                if words[i - 2] == "never" and words[i - 1] in ("so", "this"):
                    apply("never so/this", f"{words[i - 2]} {words[i - 1]}", valence * 1.5)
                elif c.negated([words[i - 2]]):
                    apply("negation", words[i - 2], valence * c.N_SCALAR, "flips the sign and shrinks the valence")
            else:
                if (words[i - 3] == "never" and words[i - 2] in ("so", "this")) or words[i - 1] in ("so", "this"):
                    trigger = words[i - 1] if words[i - 1] in ("so", "this") else f"{words[i - 3]} {words[i - 2]}"
                    apply("so/this emphasis", trigger, valence * 1.25)
                elif c.negated([words[i - 3]]):
                    apply("negation", words[i - 3], valence * c.N_SCALAR, "flips the sign and shrinks the valence")
                valence_idiom = _idiom_valence(words, i, valence, c)
                if valence_idiom is not None:
                    apply(*valence_idiom)

    # "least" (NLTK's _least_check)
    if i > 1 and words[i - 1].lower() not in lexicon and words[i - 1].lower() == "least":
        if words[i - 2].lower() not in ("at", "very"):
            apply("negation", "least", valence * c.N_SCALAR)
    elif i > 0 and words[i - 1].lower() not in lexicon and words[i - 1].lower() == "least":
        apply("negation", "least", valence * c.N_SCALAR)
    return valence, steps


def _idiom_valence(words: list[str], i: int, valence: float, c: Any) -> tuple[str, str, float] | None:
    """NLTK's ``_idioms_check``: a few idioms replace the valence; "kind of"/"sort of" dampen it."""
    w = words
    sequences = [f"{w[i - 1]} {w[i]}", f"{w[i - 2]} {w[i - 1]} {w[i]}", f"{w[i - 2]} {w[i - 1]}",
                 f"{w[i - 3]} {w[i - 2]} {w[i - 1]}", f"{w[i - 3]} {w[i - 2]}"]
    new, trigger = valence, ""
    for seq in sequences:
        if seq in c.SPECIAL_CASE_IDIOMS:
            new, trigger = c.SPECIAL_CASE_IDIOMS[seq], seq
            break
    if len(w) - 1 > i and f"{w[i]} {w[i + 1]}" in c.SPECIAL_CASE_IDIOMS:
        trigger = f"{w[i]} {w[i + 1]}"
        new = c.SPECIAL_CASE_IDIOMS[trigger]
    if len(w) - 1 > i + 1 and f"{w[i]} {w[i + 1]} {w[i + 2]}" in c.SPECIAL_CASE_IDIOMS:
        trigger = f"{w[i]} {w[i + 1]} {w[i + 2]}"
        new = c.SPECIAL_CASE_IDIOMS[trigger]
    rule = "idiom"
    for pair in (f"{w[i - 3]} {w[i - 2]}", f"{w[i - 2]} {w[i - 1]}"):
        if pair in c.BOOSTER_DICT:
            new, trigger, rule = new + c.B_DECR, (f"{trigger}, " if trigger else "") + pair, "dampener"
            break
    return (rule, trigger, new) if new != valence else None


def punctuation_emphasis(text: str) -> float:
    """What "!" and "?" add to the size of the raw sum (NLTK's ``_punctuation_emphasis``).

    >>> punctuation_emphasis("Great!!"), punctuation_emphasis("Really??"), punctuation_emphasis("Why?")
    (0.584, 0.36, 0.0)
    """
    ep = min(text.count("!"), 4) * EXCLAMATION_WEIGHT
    qm_count = text.count("?")
    qm = 0 if qm_count <= 1 else (qm_count * QUESTION_WEIGHT if qm_count <= 3 else 0.96)
    return ep + qm


def explain(text: str) -> Explanation:
    """Take VADER's score of ``text`` apart, word by word and rule by rule.

    The rules are NLTK's (``nltk.sentiment.vader``, with its named constants
    ``B_INCR``, ``C_INCR``, ``N_SCALAR``), replayed here so that every change
    is recorded; a test checks that the numbers equal NLTK's ``polarity_scores``.

    >>> e = explain("The food is good, but the service is VERY bad!")
    >>> [(r.word, round(r.valence, 3), [s.rule for s in r.steps]) for r in e.matched]
    [('good', 0.95, ['but']), ('bad', -5.289, ['booster', 'but'])]
    >>> e.compound == score("The food is good, but the service is VERY bad!").compound
    True
    """
    from nltk.sentiment.vader import SentiText

    text = _text(text, "explain")
    sia = analyzer()
    c, lexicon = sia.constants, sia.lexicon
    sentitext = SentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION)
    words = sentitext.words_and_emoticons
    is_cap_diff = sentitext.is_cap_diff
    spans = vader_tokens(text)
    notes: list[str] = []

    first_index: dict[str, int] = {}
    for idx, token in enumerate(words):
        first_index.setdefault(token, idx)

    valences: list[float] = []
    steps: list[list[Step]] = []
    lexicon_valences: list[float | None] = []
    for j, item in enumerate(words):
        i = first_index[item]  # NLTK looks up each word's context at its FIRST occurrence
        is_kind_of = i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
        in_lexicon = item.lower() in lexicon and item.lower() not in c.BOOSTER_DICT
        lexicon_valences.append(lexicon[item.lower()] if in_lexicon and not (
            j < len(words) - 1 and item.lower() == "kind" and words[j + 1].lower() == "of") else None)
        if is_kind_of or not in_lexicon:
            valences.append(0.0)
            skipped = lexicon_valences[-1]
            steps.append([] if skipped is None else [Step(
                "first occurrence", f"{words[i]} {words[i + 1]}", skipped, 0.0,
                "NLTK scores every copy of a word as its first occurrence, here a hedge worth 0")])
            if skipped is not None:
                notes.append(f"{item!r} appears more than once: NLTK applies the rules of its first occurrence to each copy")
            continue
        v, s = _word_steps(words, i, lexicon, c, is_cap_diff)
        if j != i and s:
            notes.append(f"{item!r} appears more than once: NLTK applies the rules of its first occurrence to each copy")
        valences.append(v)
        steps.append(list(s))

    lowered = [w.lower() for w in words]
    if "but" in lowered:  # NLTK's _but_check, on the first "but"
        bi = lowered.index("but")
        for k, v in enumerate(valences):
            if k == bi or not v:
                continue
            factor = BUT_BEFORE if k < bi else BUT_AFTER
            steps[k].append(Step("but", words[bi], v, v * factor,
                                 "before 'but' counts half" if k < bi else "after 'but' counts 1.5 times"))
            valences[k] = v * factor

    rows = tuple(WordValence(k, w, spans[k][1], spans[k][2], lexicon_valences[k], valences[k], tuple(steps[k]))
                 for k, w in enumerate(words))

    # NLTK's score_valence
    word_sum = float(sum(valences))
    amp = punctuation_emphasis(text) if words else 0.0
    punctuation = amp if word_sum > 0 else (-amp if word_sum < 0 and amp else 0.0)
    raw_sum = word_sum + punctuation
    if words:
        compound = c.normalize(raw_sum)
        pos_sum = sum(v + 1 for v in valences if v > 0)
        neg_sum = sum(v - 1 for v in valences if v < 0)
        neu_count = sum(1 for v in valences if v == 0)
        if pos_sum > abs(neg_sum):
            pos_sum += amp
        elif pos_sum < abs(neg_sum):
            neg_sum -= amp
        total = pos_sum + abs(neg_sum) + neu_count
        pos, neg, neu = abs(pos_sum / total), abs(neg_sum / total), abs(neu_count / total)
    else:
        compound = pos = neg = neu = 0.0
    return Explanation(text, rows, word_sum, punctuation, raw_sum, round(compound, 4),
                       round(pos, 3), round(neu, 3), round(neg, 3), tuple(dict.fromkeys(notes)))


def normalise(raw_sum: float) -> float:
    """VADER's squashing of a raw sum into -1..+1: ``x / sqrt(x*x + 15)``.

    >>> round(normalise(1.9), 4), round(normalise(-20), 4)
    (0.4404, -0.9818)
    """
    return raw_sum / math.sqrt(raw_sum * raw_sum + ALPHA)
