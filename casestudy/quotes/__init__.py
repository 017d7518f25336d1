"""Who said what: quotation marks, speakers and reported speech, found by transparent rules.

* :mod:`casestudy.quotes.attribution` - the attributor (:func:`find_quotes`), its rules,
  evaluation against a gold annotation, and voice share;
* :mod:`casestudy.quotes.people` - finding the people an article names and resolving mentions.

The names most notebooks need are importable from here:

>>> from casestudy.quotes import find_quotes
>>> [q.speaker for q in find_quotes('"We will win," Ann Lee said.')]
['Ann Lee']
"""

from .attribution import (CUE_VERBS, RULES, Evaluation, GoldQuote, VoiceShare, as_table, evaluate, find_quotes,
                          load_gold_quotes, naive_quotes, pair_marks, paragraphs, rule_ladder, voice_share)
from .people import FoundPerson, NameMention, PeopleIndex, as_people, find_people

__all__ = [
    "CUE_VERBS", "RULES", "Evaluation", "FoundPerson", "GoldQuote", "NameMention", "PeopleIndex", "VoiceShare",
    "as_people", "as_table", "evaluate", "find_people", "find_quotes", "load_gold_quotes", "naive_quotes",
    "pair_marks", "paragraphs", "rule_ladder", "voice_share",
]
