"""Who said what: quotation marks, speakers and reported speech, found by transparent rules.

* :mod:`~casestudy.quotes.marks` - paragraphs, quotation marks and sentences (always on);
* :mod:`~casestudy.quotes.rules` - the named rules, one small function each, in a registry;
* :mod:`~casestudy.quotes.people` - the people an article names, found from the text;
* :mod:`~casestudy.quotes.names` - how a capitalised run reads: title, name, organisation, gender;
* :mod:`~casestudy.quotes.resolution` - from the words next to a cue to a speaker;
* :mod:`~casestudy.quotes.reported` - reported speech;
* :mod:`~casestudy.quotes.attribution` - :func:`find_quotes`, which runs the rules;
* :mod:`~casestudy.quotes.evaluation` - grading against a hand-written answer, the naive approach;
* :mod:`~casestudy.quotes.voice` - voice share, and plain-text tables;
* :mod:`~casestudy.quotes.lexicon` - speech verbs, titles, roles and the small word classes around them;
* :mod:`~casestudy.quotes.wordlists` - world-wide word lists (first names, nationalities, honorifics),
  read from ``data/`` on first use.

The names most notebooks need are importable from here:

>>> from casestudy.quotes import find_quotes
>>> [q.speaker for q in find_quotes('"We will win," Ann Lee said.')]
['Ann Lee']
"""

from .attribution import find_quotes
from .evaluation import (Evaluation, GoldQuote, Score, evaluate, load_devset, load_gold_quotes, naive_quotes,
                         rule_ladder, rules_left_out, score_set)
from .lexicon import CUE_VERBS
from .marks import QuoteStyle, detect_style, pair_marks, paragraphs
from .people import FoundPerson, NameMention, PeopleIndex, as_people, find_people
from .rules import REGISTRY, RULES, Rule
from .voice import VoiceShare, as_table, voice_share

__all__ = [
    "CUE_VERBS", "REGISTRY", "RULES", "Evaluation", "FoundPerson", "GoldQuote", "NameMention", "PeopleIndex",
    "QuoteStyle", "Rule", "VoiceShare", "as_people", "as_table", "detect_style", "evaluate", "find_people",
    "find_quotes", "load_devset", "load_gold_quotes", "naive_quotes", "pair_marks", "paragraphs", "rule_ladder",
    "rules_left_out", "Score", "score_set", "voice_share",
]
