"""Sentiment with NLTK's VADER, offline, explained word by word, and set beside human ratings.

* :mod:`casestudy.sentiment.vader` - the lexicon (from the vaderSentiment package, no download)
  and NLTK's analyzer; :func:`score` for one text;
* :mod:`casestudy.sentiment.explain` - :func:`explain`: which words count, and each rule;
* :mod:`casestudy.sentiment.aggregate` - means per speaker and per side;
* :mod:`casestudy.sentiment.ratings` - students' own ratings, saved safely and compared with VADER.

>>> score("The talks were very good.").label
'positive'
"""

from .aggregate import (QUOTE_KINDS_FOR_SPEAKERS, Aggregate, ArticleSentiment, aggregate, article_sentiment,
                        by_side, by_speaker, counts_for_speakers, scores_by_side, scores_by_speaker)
from .explain import Explanation, Step, WordValence, explain, normalise, punctuation_emphasis, vader_tokens
from .vader import (ALPHA, BUT_AFTER, BUT_BEFORE, EXCLAMATION_WEIGHT, NEUTRAL_BAND, QUESTION_WEIGHT, QuoteScore,
                    SentenceScore, SentimentScore, analyzer, label_for, lexicon_text, score, score_quotes,
                    score_sentences)

__all__ = [
    "ALPHA", "BUT_AFTER", "BUT_BEFORE", "EXCLAMATION_WEIGHT", "NEUTRAL_BAND", "QUESTION_WEIGHT",
    "QUOTE_KINDS_FOR_SPEAKERS", "Aggregate", "ArticleSentiment", "Explanation", "QuoteScore", "SentenceScore",
    "SentimentScore", "Step", "WordValence", "aggregate", "analyzer", "article_sentiment", "by_side", "by_speaker",
    "counts_for_speakers", "explain", "label_for", "lexicon_text", "normalise", "punctuation_emphasis", "score",
    "score_quotes", "score_sentences", "scores_by_side", "scores_by_speaker", "vader_tokens",
]
