"""The words the quote rules look for: speech verbs and the small closed word classes around them.

Everything here is a plain Python set or a regular expression built from one, so a student can
read what counts as a *speech verb* (:data:`CUE_VERBS`), a *pronoun* or a *time phrase*.  The
larger, generated word lists (first names, countries and nationalities, honorifics) live in
:mod:`casestudy.quotes.wordlists` and are read from data files the first time they are needed.

>>> "said" in CUE_VERBS, "ate" in CUE_VERBS
(True, False)
>>> trie_regex(["said", "says", "told"])
'(?:sa(?:id|ys)|told)'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_CUE_STEMS = """
say says said saying tell tells told telling add adds added adding ask asks asked write writes
wrote explain explains explained note notes noted state states stated declare declares declared
insist insists insisted argue argues argued continue continues continued recall recalls recalled
warn warns warned reply replies replied respond responds responded remark remarks remarked
acknowledge acknowledges acknowledged admit admits admitted claim claims claimed concede
concedes conceded complain complains complained observe observes observed announce announces
announced tweet tweets tweeted post posts posted joke jokes joked quip quips quipped caution
cautions cautioned predict predicts predicted suggest suggests suggested urge urges urged
conclude concludes concluded emphasize emphasizes emphasized emphasise emphasised stress stresses
stressed recount recounts recounted boast boasts boasted counter counters countered muse muses
mused reiterate reiterates reiterated confirm confirms confirmed testify testifies testified
lament laments lamented charge charges charged contend contends contended maintain maintains
maintained exclaim exclaims exclaimed shout shouts shouted yell yells yelled whisper whispers
whispered answer answers answered agree agrees agreed promise promises promised vow vows vowed
thunder thundered scoff scoffed sigh sighed shrug shrugged laugh laughed chuckle chuckled
demand demands demanded wonder wonders wondered begin began adds opine opined explain
interject interjected retort retorted report reports reported describe describes described
told reminisce reminisced assert asserts asserted allege alleges alleged point points pointed
remember remembers remembered reason reasoned marvel marvels marveled marvelled plead pleaded implore implored hint hinted
guess guessed predicted surmised surmise announced explains writing tweeting
cry cries cried chant chants chanted read reads fume fumes fumed snap snaps snapped gush gushed
rail railed quip blast blasts blasted slam slams slammed tout touts touted proclaim proclaims
proclaimed concede mention mentions mentioned relate related pledge pledged add-on groan groaned
"""

CUE_VERBS = frozenset(_CUE_STEMS.split())
"""Verbs that introduce speech (all forms written out, compared in lower case)."""

_Trie = dict[str, "_Trie"]
"""A letter trie: each letter leads to the rest of the words; the key "" marks a word's end."""


def trie_regex(words: Sequence[str]) -> str:
    """One regex alternation for many words, shared prefixes factored out (much faster to match).

    >>> trie_regex(["said", "says", "told"])
    '(?:sa(?:id|ys)|told)'
    """
    trie: _Trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: _Trie) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        # a single continuation that is not optional needs no group
        if len(branches) == 1 and not ends:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return walk(trie) if len(trie) == 1 else "(?:" + "|".join(re.escape(ch) + walk(child) for ch, child in sorted(trie.items())) + ")"


CUE = trie_regex(sorted(CUE_VERBS)) + r"\b"
"""A regex for one speech verb of :data:`CUE_VERBS`."""
CUE_EXTRA = r"(?:went on|pointed out|shot back|put it|said in a statement|told reporters)"
"""Speech cues of more than one word."""
ADVERB = r"(?:[a-z]+ly|also|then|later|once|again|simply|just|recently|previously|further|even|still)"
"""An adverb that may stand between a speaker and the verb ("Rice later said")."""
TIME = (r"(?:(?:on |last |this |late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
        r"|today|yesterday|tonight|earlier|later|recently|this week|last week|in an interview"
        r"|in a statement|at a news conference|on Twitter|in a speech)(?: (?:morning|afternoon|evening|night))?)")
"""A time or occasion phrase right after a speech verb ("said Thursday", "said in a statement")."""

PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
"""Subject pronouns that may speak."""
TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                        "yesterday", "tonight", "later", "earlier", "recently", "also", "then", "once", "again",
                        "night", "morning", "afternoon", "evening", "last", "this", "week", "month", "year", "first",
                        "finally", "previously"})
"""Words between a speaker and the verb that name a time ("Priebus later Thursday told")."""
PARTICLES = frozenset({"of", "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "bin",
                       "ibn", "al"})
"""Lower-case words inside names ("Secretary of State", "Ursula von der Leyen")."""
AUX = frozenset({"has", "have", "had", "is", "was", "are", "were", "will", "would", "can", "could", "then", "also",
                 "who", "which", "that", "later", "recently", "once", "did", "does", "do", "in", "on", "at"})
"""Words that end a descriptive noun phrase before a verb."""
DETERMINERS = frozenset({"the", "a", "an", "one", "another", "his", "her", "its", "their", "this", "that", "our", "my"})
"""Words that open a description ("the Russian minister", "one parent")."""
OPENERS = frozenset({"in", "at", "on", "after", "before", "during", "when", "while", "as", "asked", "speaking", "since",
                     "although", "though", "if", "because", "despite", "with", "without", "for", "from", "by", "under",
                     "over", "earlier", "later", "last", "this", "responding", "referring", "pressed",
                     "addressing", "writing", "commenting", "following", "like", "unlike", "among", "back"})
"""Words that open a phrase before a sentence's subject ("In an interview, Rice said")."""
CONNECTORS = frozenset({"and", "but", "as", "so", "yet", "still", "however", "meanwhile", "then", "also", "later",
                        "instead"})
"""Words that join a sentence to the one before ("But Rice said")."""
FUNCTION_END = frozenset({"and", "or", "but", "before", "after", "while", "then", "to", "by", "in", "on", "at", "with",
                          "for", "of", "from", "when", "as", "also", "which", "again", "further", "later", "first"})
"""Words that cannot end a subject: "... and said" means the subject is earlier in the sentence."""
PARTICIPLES = frozenset({"adding", "saying", "noting", "arguing", "insisting", "stressing", "warning", "explaining",
                         "suggesting", "claiming", "telling", "asserting", "contending"})
"""Speech verbs in -ing that hang on a clause ("..., adding that ...")."""
