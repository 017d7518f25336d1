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

>>> from casestudy.sentiment import explain
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

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..errors import REINSTALL, InputError, MissingResourceError
from ..models import Quote, sentence_id

if TYPE_CHECKING:  # pragma: no cover
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

LEXICON_PACKAGE = "vaderSentiment"
LEXICON_FILE = "vader_lexicon.txt"
INSTALL_FIX = ("run .venv/bin/python -m pip install vaderSentiment (the case study's own Python; "
               "or reinstall the case study from its folder: .venv/bin/python -m pip install -e .)")

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
            f"the VADER lexicon is not installed (package {LEXICON_PACKAGE!r} ships it): {INSTALL_FIX}"
        ) from None
    text = text.strip()
    if not text:
        raise MissingResourceError(f"the VADER lexicon file is empty: reinstall the vaderSentiment package ({REINSTALL})")
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
        raise MissingResourceError(f"NLTK is not installed for this Python: {REINSTALL}") from None

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
    d = analyzer().polarity_scores(checked_text(text, "score"))
    return SentimentScore(text, d["compound"], d["pos"], d["neu"], d["neg"])


def checked_text(text: Any, function: str) -> str:
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

    >>> from casestudy.text.tokens import split_sentences
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


