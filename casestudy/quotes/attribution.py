"""Who said what: quote attribution by transparent rules.

The rules run in this order (their names are in :data:`RULES`; pass
``rules=RULES[:k]`` to see what each adds), and every quote records the one
that decided its speaker in ``quote.rule``, e.g. ``"cue-after+pronoun"``:

0. **Pair the quotation marks** paragraph by paragraph (:func:`pair_marks`):
   straight ``"``, curly ``“ ”`` and the ``''`` some papers print.  A quote whose
   paragraph ends without a closing mark continues when the next paragraph
   opens with a mark (the usual convention for long quotes).
1. ``cue-after``: a speech verb right after the quote: ``"...," said Rice``,
   ``"...," Rice said``, ``"...," the Russian minister said``, ``"...," she said``.
2. ``cue-before``: a speech verb right before it: ``Rice said: "..."``,
   ``he added, "..."``, ``Said Rice, "..."``.
3. ``according-to`` and 4. ``colon``: ``According to Rice, "..."``, ``Rice: "..."``.
5. ``verb-after``: any verb after a quote that ends with a comma (``"...," he mocked``).
6. ``partial``: quoted words inside reported speech (``Lavrov said the plan was "a threat"``).
7. ``continuation``: a quote with no cue takes the previous speaker, if nobody
   else has been named since.
8. ``pronoun`` and 9. ``descriptor``: how "she" and "the Russian minister" are resolved.
10. ``filter``: short quotes with no cue (scare quotes) and titles are dropped.
11. ``reported``: reported speech (``Lavrov said that ...``) as kind ``reported``.

Speakers are resolved the same way wherever they appear: a **name** maps to
the full name found in the text (``Lavrov`` -> ``Sergei Lavrov``); a
**pronoun** to the nearest earlier person of that gender; a **descriptor**
(``the Russian minister``) to the most recently named person whose roles fit
every word of it.  **Reported speech** (``Lavrov said that ...``, ``adding
that ...``) is found separately and has kind ``reported``.

>>> text = 'Sen. Jane Doe spoke. "We will win," she said. "They know it."'
>>> [(q.kind, q.speaker, q.rule) for q in find_quotes(text)]
[('direct', 'Jane Doe', 'cue-after+pronoun'), ('continuation', 'Jane Doe', 'continuation')]
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..models import Person, Quote
from .people import (NOT_NAMES, PRONOUN_GENDER, FoundPerson, NameMention, PeopleIndex,
                            find_people, full_name_of_surname, split_title)

# -- the lexicon of speech verbs --------------------------------------------------------

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
""".split()

CUE_VERBS = frozenset(_CUE_STEMS)
"""Verbs that introduce speech (all forms written out, compared in lower case)."""

_Trie = dict[str, "_Trie"]
"""A letter trie: each letter leads to the rest of the words; the key "" marks a word's end."""


def _trie_regex(words: Sequence[str]) -> str:
    """One regex alternation for many words, shared prefixes factored out (much faster to match).

    >>> _trie_regex(["said", "says", "told"])
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


_CUE = _trie_regex(sorted(CUE_VERBS)) + r"\b"
_CUE_EXTRA = r"(?:went on|pointed out|shot back|put it|said in a statement|told reporters)"
_ADVERB = r"(?:[a-z]+ly|also|then|later|once|again|simply|just|recently|previously|further|even|still)"
_TIME = (r"(?:(?:on |last |this |late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
         r"|today|yesterday|tonight|earlier|later|recently|this week|last week|in an interview"
         r"|in a statement|at a news conference|on Twitter|in a speech)(?: (?:morning|afternoon|evening|night))?)")
_PRONOUNS = {"he", "she", "they", "we", "i", "it"}
_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
               "tonight", "later", "earlier", "recently", "also", "then", "once", "again", "night", "morning",
               "afternoon", "evening", "last", "this", "week", "month", "year", "first", "finally", "previously"}
_PARTICLES = {"of", "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al"}
_AUX = {"has", "have", "had", "is", "was", "are", "were", "will", "would", "can", "could", "then", "also",
        "who", "which", "that", "later", "recently", "once", "did", "does", "do", "in", "on", "at"}
_DETERMINERS = {"the", "a", "an", "one", "another", "his", "her", "its", "their", "this", "that", "our", "my"}

# quotation marks: straight, curly, double apostrophe and backticks (and HTML entities)
_MARKS = re.compile(r"''+|``|[\"“”„]|&quot;|&#34;|&ldquo;|&rdquo;")
_SENT_END = re.compile(r"[.!?][\"”'’)\]]*(?=\s+(?:''|[\"“'‘(\[])?[A-Z0-9]|\s*$)")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|Jr|Sr|St|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Inc|Co|Corp|Ltd|No|vs|U\.S|U\.N|U\.K|D\.C|a\.m|p\.m|[A-Z]))$")

# after the quote: ", said Army General Yury Baluyevsky, the chief ..." / ", the Russian minister said"
_TOKEN = (r"(?:(?:[A-Z]\.){2,}|(?:Mrs|Mr|Ms|Dr|Sens|Sen|Reps|Rep|Gov|Gens|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|Jr|Sr|St)\."
          r"|[A-Z]\.|[A-Za-z0-9’'\-]+)")
"""One word of a mention: an abbreviation with its full stop, an initial, or a word without one."""
_TAIL_INVERTED = re.compile(
    r"\s*(?:[,—–-]+\s*)?(?P<cue>" + _CUE + r"|[a-z]+ed(?=\s+[A-Z]))\s+(?P<m>" + _TOKEN + r"(?:\s+" + _TOKEN + r"){0,7}?)(?=\s*[,.;:!?(\"“”]|\s+(?:on|in|at|to|during|after|before|when|while|who|as|from|about|of|last|this|and|but|because|with|told|for)\b|$)",
    re.DOTALL)
_TAIL_SUBJECT = re.compile(
    r"\s*(?:[,—–-]+\s*)?(?P<m>[^,;:!?\"“”\n]{1,90}?)(?P<app>,\s[^\"“”\n]{1,160}?,)?\s+(?:" + _ADVERB + r"\s+)?(?:has |had |have |would |will )?(?P<cue>" + _CUE_EXTRA + "|" + _CUE + r")\b",
    re.DOTALL)
# before the quote: "Rice said: " / "he added, " / "According to Rice, " / "Rice: "
_HEAD_CUE = re.compile(
    r"(?P<m>[^,;:!?\"“”\n]{0,90}?)[\s,)]+(?:" + _ADVERB + r"\s+)?(?:has |had |have |would |will )?(?P<cue>" + _CUE_EXTRA + "|" + _CUE + r")"
    r"(?P<obj>\s+[^,;:\"“”\n]{1,60}?)?\s*[,:]?\s*$", re.DOTALL)
_HEAD_ACCORDING = re.compile(r"\b(?P<cue>[Aa]ccording to)\s+(?P<m>[^,;:\"“”\n]{1,80}?)\s*[,:]\s*$")
_HEAD_COLON = re.compile(r"(?:^|[.!?]\s+)(?P<m>[A-Z][^,;:!?\"“”\n]{0,60}?)\s*(?P<cue>:)\s*$")
_WORD = re.compile(r"[A-Za-z0-9][\w.’'\-]*")
_TITLE_LIKE = re.compile(r"^[\W\d]*(?:[A-Z0-9][\w’'\-]*|of|the|a|an|and|in|on|to|for|at|by|with|or|&)(?:\W+(?:[A-Z0-9][\w’'\-]*|of|the|a|an|and|in|on|to|for|at|by|with|or|&))*[\W]*$")

RULES = ("cue-after", "cue-before", "according-to", "colon", "verb-after", "partial",
         "continuation", "pronoun", "descriptor", "filter", "reported")
"""The rules :func:`find_quotes` applies, in order (pass a subset as ``rules=`` to see what each adds)."""


_TITLE_CONTEXT = re.compile(r"(?:['’]s|\b(?:on|On|in|In|of|from|to|told|with|watch|watching|read|book|show|program|"
                            r"film|movie|song|column|titled|called|dubbed|named|episode|series))\s*$")

MAX_SENTENCE = 1200
"""No sentence is looked at beyond this many characters (keeps odd texts without full stops fast)."""

MIN_UNCUED_WORDS = 6
"""A quote with no speech verb near it must have at least this many words (else: scare quote)."""


@dataclass
class _RawQuote:
    start: int          # position of the opening mark
    end: int            # just after the closing mark (or the paragraph end when unclosed)
    inner_start: int
    inner_end: int
    para: int           # index of the paragraph it starts in
    para_end: int       # index of the paragraph it ends in
    closed: bool


@dataclass
class _Speaker:
    name: str | None
    start: int | None
    end: int | None
    mention: str | None
    how: str            # name / surname / pronoun / descriptor / unresolved
    person: FoundPerson | None = None


# -- step 1: paragraphs and quotation marks ---------------------------------------------------

def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, white space trimmed.

    >>> paragraphs("  One.\\n\\nTwo.\\n")
    [(2, 6), (8, 12)]
    """
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            s = pos + (len(line) - len(line.lstrip()))
            out.append((s, s + len(stripped)))
        pos += len(line) + 1
    return out


def _mark_role(text: str, start: int, end: int) -> str:
    """'open', 'close' or 'either' for the mark text[start:end], from the mark and its neighbours."""
    mark = text[start:end]
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    left_space = before.isspace() or before in "([{—–-/"
    right_space = after.isspace() or after in ".,;:!?)]}—–-/"
    if mark in ("“", "„", "``", "&ldquo;"):
        # a left mark used as a closing one ('unusual,“ said'): trust the neighbours
        return "close" if right_space and not left_space and before in ".,;:!?" else "open"
    if mark in ("”", "&rdquo;"):
        return "open" if left_space and not right_space and before.isspace() and after.isalpha() else "close"
    if left_space and not right_space:
        return "open"
    if right_space and not left_space:
        return "close"
    return "either"


def pair_marks(text: str) -> list[_RawQuote]:
    """Pair quotation marks into quotes, paragraph by paragraph (step 1).

    >>> [text[q.start:q.end] for text in ['"A b," he said. "C d."'] for q in pair_marks(text)]
    ['"A b,"', '"C d."']
    >>> text = '"First paragraph\\n\\n"second paragraph."'
    >>> [(q.closed, q.para, q.para_end) for q in pair_marks(text)]
    [(True, 0, 1)]
    """
    paras = paragraphs(text)
    quotes: list[_RawQuote] = []
    open_q: tuple[int, int, int] | None = None   # (mark start, inner start, paragraph)
    for pi, (ps, pe) in enumerate(paras):
        marks = []
        for m in _MARKS.finditer(text, ps, pe):
            s, e = m.start(), m.end()
            if text[s] == "'" and e - s > 2:      # ''' : a single quote next to a double one
                role = _mark_role(text, s, e)
                s, e = (s, s + 2) if role == "open" else (e - 2, e)
            marks.append((s, e, _mark_role(text, s, e)))
        first = True
        for s, e, role in marks:
            continuing = first and open_q is not None and s == ps
            first = False
            if continuing:
                # the mark that re-opens a quote carried over from the previous paragraph
                continue
            if open_q is None:
                if role == "close":
                    continue             # a stray closing mark: ignore it
                open_q = (s, e, pi)
            else:
                if role == "open" and text[s] != '"' and text[s:e] != "''":
                    # a curly opening mark while a quote is open: the earlier mark was stray
                    open_q = (s, e, pi)
                    continue
                quotes.append(_RawQuote(open_q[0], e, open_q[1], s, open_q[2], pi, True))
                open_q = None
        if open_q is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            mark = _MARKS.match(text, nxt[0]) if nxt is not None else None
            if nxt is not None and mark and _mark_role(text, nxt[0], mark.end()) != "close":
                continue                  # the quote runs on into the next paragraph
            quotes.append(_RawQuote(open_q[0], pe, open_q[1], pe, open_q[2], pi, False))
            open_q = None
    return quotes


# -- sentences -----------------------------------------------------------------------------

def _sentence_start(text: str, lo: int, pos: int) -> int:
    """The start of the sentence containing ``pos`` (not before ``lo``, nor more than MAX_SENTENCE back)."""
    lo = max(lo, pos - MAX_SENTENCE)
    best = lo
    for m in _SENT_END.finditer(text, lo, pos):
        if _ABBREV.search(text, max(lo, m.start() - 6), m.start()):
            continue
        best = m.end()
    while best < pos and text[best].isspace():
        best += 1
    return best


def _last_char_before(text: str, lo: int, pos: int) -> int:
    """The position of the last word character before ``pos`` (skipping the full stop and spaces)."""
    k = pos - 1
    while k > lo and (text[k].isspace() or text[k] in ".!?\"”'’"):
        k -= 1
    return max(lo, k)


def _sentence_end(text: str, pos: int, hi: int) -> int:
    """The end of the sentence that contains ``pos`` (not after ``hi``, nor more than MAX_SENTENCE on)."""
    hi = min(hi, pos + MAX_SENTENCE)
    for m in _SENT_END.finditer(text, pos, hi):
        if _ABBREV.search(text, max(pos, m.start() - 6), m.start()):
            continue
        return m.end()
    return hi


# -- speaker mentions ------------------------------------------------------------------------

class _Resolver:
    """Turns the words next to a cue into a speaker, remembering who spoke last."""

    def __init__(self, text: str, index: PeopleIndex, rules: frozenset[str] = frozenset(RULES)):
        self.text = text
        self.index = index
        self.rules = rules

    def _words(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(self.text, start, end)]

    def subject_before(self, start: int, end: int) -> _Speaker | None:
        """The speaker named by the words text[start:end] that come right before a cue verb."""
        words = self._words(max(start, end - 300), end)    # a name is never longer than that
        # "Priebus later Thursday told": time words between the speaker and the verb
        while len(words) > 1 and words[-1][2].lower().rstrip(".") in _TIME_WORDS:
            words.pop()
        if not words:
            return None
        last = words[-1]
        lw = last[2].lower().rstrip(".")
        if lw in _PRONOUNS:
            return self._pronoun(last[0], last[1])
        # the trailing run of capitalised words (with titles, "of", initials)
        i = len(words)
        while i > 0:
            w = words[i - 1][2]
            gap = self.text[words[i - 1][1]:words[i][0]] if i < len(words) else ""
            if gap.strip(" ") not in ("",) and i < len(words):
                break
            if w[0].isupper() or (w.lower() in _PARTICLES and i < len(words) and i > 1):
                i -= 1
            else:
                break
        run = words[i:]
        while run and run[0][2].lower() in ("of",):
            run = run[1:]
        if run:
            return self._named(run, words[:i])
        return self._descriptor(words)

    def subject_after(self, start: int, end: int) -> _Speaker | None:
        """The speaker named by the words right after an inverted cue ("said Army General Yury Baluyevsky")."""
        words = self._words(start, end)
        if not words:
            return None
        first = words[0][2].lower()
        if first in _PRONOUNS:
            return self._pronoun(words[0][0], words[0][1])
        caps: list[tuple[int, int, str]] = []
        for w in words:
            if w[2][0].isupper() or (w[2].lower() in _PARTICLES and caps):
                caps.append(w)
            else:
                break
        while caps and caps[-1][2].lower() in _PARTICLES:
            caps.pop()
        if caps:
            return self._named(caps, [])
        return self._descriptor(words)

    def sentence_subject(self, start: int, end: int) -> _Speaker | None:
        """The noun phrase a sentence text[start:end] opens with, as a speaker (or None)."""
        words = self._words(start, end)
        while words and words[0][2].lower() in _CONNECTORS:
            words = words[1:]
        if words and words[0][2].lower() in _OPENERS:
            # "In a Fox interview later that day, Trump went further": skip the opening phrase
            comma = self.text.find(",", words[0][1], end)
            if comma != -1:
                words = [w for w in words if w[0] > comma]
        if not words:
            return None
        first = words[0][2]
        if first.lower() in _PRONOUNS:
            return self._pronoun(words[0][0], words[0][1])
        np: list[tuple[int, int, str]] = []
        if first[0].isupper() and first.lower() not in _DETERMINERS:
            # "Eight years ago, he ...", "WASHINGTON (UPI) - ...": not a name, look past the comma/dash
            known = self.index.lookup([first.rstrip(".")])
            second_upper = len(words) > 1 and words[1][2][0].isupper()
            if known is None and not second_upper and not first.endswith(".") or first.isupper() and len(first) > 3:
                cuts = [k for k in (self.text.find(",", words[0][1], end), self.text.find(" - ", words[0][1], end),
                                    self.text.find(" — ", words[0][1], end)) if k != -1]
                cut = min(cuts) if cuts else -1
                alt = self.sentence_subject(cut + 2, end) if cut != -1 and len(self._words(words[0][0], cut)) <= 8 else None
                if alt is not None and alt.how != "descriptor":
                    return alt
            for w in words:
                gap = self.text[np[-1][1]:w[0]] if np else ""
                if np and gap.strip():
                    break
                if w[2][0].isupper() or (w[2].lower() in _PARTICLES and np):
                    np.append(w)
                else:
                    break
            while np and np[-1][2].lower() == "of":
                np.pop()
            if np and not np[-1][2].endswith(("'s", "’s")):
                return self._named(np, [])
            return None
        if first.lower() in _DETERMINERS:
            for w in words[:7]:
                lw = w[2].lower()
                if np and (lw in CUE_VERBS or lw in _AUX or self.text[np[-1][1]:w[0]].strip()):
                    break
                np.append(w)
            if len(np) >= 2:
                return self._descriptor(np)
        return None

    def appositive_name(self, start: int, end: int) -> _Speaker | None:
        """The speaker when text[start:end] is nothing but a name of two or three words (", Sarah Mills,")."""
        words = self._words(start, end)
        if not 2 <= len(words) <= 3 or not all(w[2][0].isupper() for w in words) or \
                self.text[start:end].strip(" ,") != self.text[words[0][0]:words[-1][1]]:
            return None
        spk = self._named(words, [])
        return spk if spk is not None and spk.name is not None else None

    def _pronoun(self, s: int, e: int) -> _Speaker:
        word = self.text[s:e]
        gender = PRONOUN_GENDER.get(word.lower())
        if gender and "pronoun" in self.rules:
            m = self.index.nearest_with_gender(s, gender)
            if m is not None:
                return _Speaker(m.person.name, s, e, word, "pronoun", m.person)
        return _Speaker(None, s, e, word, "pronoun")

    def _named(self, run: list[tuple[int, int, str]], before: list[tuple[int, int, str]]) -> _Speaker | None:
        words = [w[2].rstrip(",") for w in run]
        title, name = split_title(words)
        s, e = run[0][0], run[-1][1]
        if self.text[e - 1] == "." and len(run[-1][2]) > 2 and run[-1][2][-2].islower() and run[-1][2].lower() not in ("jr.", "sr."):
            e -= 1
        while name and name[-1].lower().rstrip(".") in NOT_NAMES:
            name.pop()
        if name and name[-1].endswith("'s") or name and name[-1].endswith("’s"):
            return _Speaker(None, s, e, self.text[s:e], "descriptor")
        if not name:
            # only title words: "U.S. State Secretary" is a descriptor
            return self._descriptor(run, capitalised=True) or _Speaker(None, s, e, self.text[s:e], "descriptor")
        if len(name) > 3:
            name = name[-3:]
        name = [w.rstrip(".") if len(w.rstrip(".")) > 1 else w for w in name]
        person = self.index.lookup(name)
        how = "name"
        if person is None:
            person = self.index.add(name, title, evidence="speaker of a quote")
            bisect.insort(self.index.mentions, _mention(s, e, person), key=lambda m: m.start)
        elif len(name) == 1 and person.name != name[0]:
            how = "surname"
        elif full_name_of_surname(name, person):
            person = self.index.add(name, title)        # "Aske" spoke first; "Torben Aske" is his full name
        return _Speaker(person.name, s, e, self.text[s:e], how, person)

    def _descriptor(self, words: list[tuple[int, int, str]], capitalised: bool = False) -> _Speaker | None:
        # the last noun phrase: from the last determiner on ("the Russian minister")
        j = None
        for k in range(len(words) - 1, -1, -1):
            if words[k][2].lower() in _DETERMINERS:
                j = k
                break
        if j is None:
            j = max(0, len(words) - 4) if not capitalised else 0
        np = words[j:]
        if not np:
            return None
        s, e = np[0][0], np[-1][1]
        desc = [_bare(w[2]) for w in np if w[2].lower() not in _DETERMINERS]
        m = self.index.fitting(desc, s) if "descriptor" in self.rules else None
        if m is not None:
            return _Speaker(m.person.name, s, e, self.text[s:e], "descriptor", m.person)
        return _Speaker(None, s, e, self.text[s:e], "descriptor")


def _bare(word: str) -> str:
    """A word in lower case without a sentence's full stop (but "u.s." keeps its dots)."""
    w = word.lower().rstrip(",")
    return w.rstrip(".") if w.count(".") == 1 else w


def _mention(s: int, e: int, person: FoundPerson) -> NameMention:
    return NameMention(s, e, person)


# -- the attributor ---------------------------------------------------------------------------

_REPORTED = re.compile(
    r"\b(?P<cue>" + _CUE + r"|expressed (?:hope|concern|confidence|regret|doubts?|fears?)|made clear|pointed out)"
    r"(?P<obj>\s+(?:[A-Z][\w.]*|reporters|journalists|the \w+|him|her|them|us|me|CNN|Fox News)(?: (?!of\b)\w+)?)??"
    r"(?P<time>,?\s+" + _TIME + r",?)?"
    r"\s+(?:that\s+(?P<content>.)|(?P<content2>(?:he|she|they|we|it|I)\s+(?:was|were|is|are|had|has|have|will|would|could|can|should|did|does|do|may|might|must|believed?|thinks?|thought|expected|hoped|wanted|\w+ed)\b)"
    r"|(?P<content3>(?:the|a|an|his|her|its|their|this|these|those|our)\s+(?:(?!(?:to|in|for|on|with|at|by|from|that|who|which)\b)[a-z][\w\-]*\s+){0,4}?"
    r"(?:would|will|was|were|is|are|had|has|could|should|can|may|might|must)\s+(?!not\b)[a-z]))")
_NAMED_APPOSITIVE = re.compile(r",\s+(?P<n>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){1,2}?)(?=\s*[,.;]|\s*$)")
_PARTICIPLE = {"adding", "saying", "noting", "arguing", "insisting", "stressing", "warning", "explaining",
               "suggesting", "claiming", "telling", "asserting", "contending"}


def find_quotes(text: str, people: Sequence[Person] = (), *, rules: Collection[str] | None = None) -> list[Quote]:
    """Find direct, continuation and reported quotes in a news text, with their speakers.

    ``people`` (optional, e.g. from ``data/people.json``) adds sides and aliases
    to the people the text itself introduces.  Offsets are code points into
    ``text``.

    >>> qs = find_quotes('"It is over," said Army General Jon Doe, the chief of staff. The general warned that it was late.')
    >>> [(q.kind, q.speaker, q.mention, q.rule) for q in qs]
    [('direct', 'Jon Doe', 'Army General Jon Doe', 'cue-after+name'), ('reported', 'Jon Doe', 'The general', 'reported+descriptor')]
    """
    if not isinstance(text, str):
        raise InputError(f"find_quotes needs the text as a str, not {type(text).__name__}: read the file first")
    on = frozenset(RULES) if rules is None else frozenset(rules)
    unknown = on - set(RULES)
    if unknown:
        raise InputError(f"unknown rule(s) {sorted(unknown)}: choose from {', '.join(RULES)}")
    index = find_people(text, people)
    resolver = _Resolver(text, index, on)
    paras = paragraphs(text)
    raw = pair_marks(text)
    results: list[Quote] = []
    prev: tuple[_Speaker, int, int] | None = None   # (speaker, paragraph, end offset of the attribution)
    prev_quote_end = -1
    for rq in raw:
        ps = paras[rq.para][0]
        content = text[rq.inner_start:rq.inner_end].strip()
        found = _attribute(text, rq, resolver, paras, prev_quote_end, on)
        spk, cue, frame = found if found is not None else (None, None, "none")
        kind = "direct"
        n_words = len(content.split())
        if spk is None:
            # continuation: no cue, the previous speaker still holds the floor
            if "continuation" in on and prev is not None and prev[0].mention is not None and rq.para - prev[1] <= 1 and \
                    (rq.para == prev[1] or text[ps:rq.start].strip() == "") and \
                    not _intervening_person(index, prev[2], rq.start):
                spk, cue, frame, kind = prev[0], None, "continuation", "continuation"
        if spk is None:
            if "filter" in on and (n_words < MIN_UNCUED_WORDS or _TITLE_LIKE.match(content) or not rq.closed and n_words < 12):
                continue
            frame = "none"
        elif "filter" not in on:
            pass
        elif frame != "continuation" and _TITLE_LIKE.match(content) and n_words <= 8 and not content.rstrip().endswith((",", ".", "?", "!")):
            continue   # a title in quotation marks ("told 'Fox News Sunday'")
        elif _TITLE_LIKE.match(content) and n_words <= 6 and _TITLE_CONTEXT.search(text, max(0, rq.start - 40), rq.start):
            continue   # 'on Fox News Channel's "Fox & Friends," Rep. X said': a show's title
        if "filter" in on and n_words <= 4 and not content.endswith((".", ",", "?", "!", "—", "-")) and frame != "continuation" and (
                frame in ("partial", "verb-after") or (spk is not None and spk.name is None and spk.how == "descriptor")):
            continue   # a short phrase in quotation marks, weakly attributed: a scare quote
        if "filter" in on and frame == "partial" and n_words < 3:
            continue
        rule = frame if spk is None or frame in ("continuation", "none") else f"{frame}+{spk.how}"
        speaker_name = spk.name if spk else None
        person = spk.person if spk else None
        side = person.side if person else "unknown"
        q = Quote(
            start=rq.start, end=rq.end, text=text[rq.start:rq.end], content=content,
            speaker=speaker_name, kind=kind, rule=rule, cue=cue,
            mention_start=spk.start if spk else None, mention_end=spk.end if spk else None,
            mention=spk.mention if spk else None, side=side,
            explanation=_explain(rule, spk, cue),
        )
        results.append(q)
        if spk is not None:
            after = max(rq.end, spk.end or 0)
            prev = (spk, rq.para_end, _sentence_end(text, after, paras[rq.para_end][1]))
        prev_quote_end = rq.end    # (dropped scare quotes do not cut the next quote's sentence)
    if "reported" in on:
        results.extend(_reported(text, resolver, paras, raw, results))
    results.sort(key=lambda q: q.start)
    return results


def _intervening_person(index: PeopleIndex, start: int, end: int) -> bool:
    for m in itertools.islice(index.before(end), 3):
        if m.start >= start:
            return True
    return False


def _attribute(text: str, rq: _RawQuote, resolver: _Resolver, paras: list[tuple[int, int]], prev_quote_end: int,
               on: frozenset[str] = frozenset(RULES)) -> tuple[_Speaker, str, str] | None:
    """(speaker, cue, frame) for one quote from the words around it, or None."""
    ps = paras[rq.para][0]
    pe_last = paras[rq.para_end][1]
    content = text[rq.inner_start:rq.inner_end].rstrip()
    # -- cue after the quote, up to the end of its sentence or the next quote
    nxt = _MARKS.search(text, rq.end, pe_last)
    tail_end = _sentence_end(text, rq.end, nxt.start() if nxt else pe_last)
    tail_end = min(tail_end, nxt.start() if nxt else pe_last)
    tail = text[rq.end:tail_end]
    ends_sentence = content.endswith((".",)) and not content.endswith("..")
    tail_ok = tail.strip() != "" and (not ends_sentence or tail.lstrip()[:1].islower() or len(tail.split()) <= 4)
    if tail_ok and "cue-after" in on and not tail.lstrip().startswith(("(",)):
        m = _TAIL_INVERTED.match(text, rq.end, tail_end)
        if m and m.group("m").strip():
            spk = resolver.subject_after(m.start("m"), m.end("m"))
            if spk is not None and spk.name is None and spk.how == "descriptor":
                # '"...," said one parent, Sarah Mills.': the name after the description
                ap = _NAMED_APPOSITIVE.match(text, m.end("m"), tail_end)
                spk = resolver.appositive_name(ap.start("n"), ap.end("n")) if ap else None
                spk = spk or resolver.subject_after(m.start("m"), m.end("m"))
            if spk is not None:
                return spk, m.group("cue"), "cue-after"
        m = _TAIL_SUBJECT.match(text, rq.end, tail_end)
        if m:
            spk = resolver.subject_before(m.start("m"), m.end("m"))
            if spk is not None and spk.name is None and spk.how == "descriptor" and m.group("app"):
                # '"...," one parent, Sarah Mills, said.'
                spk = resolver.appositive_name(m.start("app") + 1, m.end("app") - 1) or spk
            if spk is not None:
                return spk, m.group("cue"), "cue-after"
        if "verb-after" in on and (content.endswith((",", "?", "!", "—")) or tail.lstrip()[:1] in (",", "—")):
            # '"...," he mocks.' - any verb right after a person named after the quote
            m = _TAIL_ANY_VERB.match(text, rq.end, tail_end)
            if m:
                spk = resolver.subject_before(m.start("m"), m.end("m"))
                if spk is not None and (spk.how != "descriptor" or m.group("m").split()[0].lower() in _DETERMINERS):
                    return spk, m.group("cue"), "verb-after"
    # -- cue before the quote, from the start of its sentence
    lo = max(ps, prev_quote_end if prev_quote_end > ps else ps)
    hs = _sentence_start(text, lo, rq.start)
    head_text = text[hs:rq.start]
    if head_text.strip():
        m = _HEAD_ACCORDING.search(head_text, max(0, len(head_text) - 300)) if "according-to" in on else None
        if m:
            spk = resolver.subject_after(hs + m.start("m"), hs + m.end("m"))
            if spk is not None:
                return spk, m.group("cue"), "according-to"
        m = _HEAD_CUE.search(head_text, max(0, len(head_text) - 300)) if "cue-before" in on else None
        if m:
            spk = _head_subject(text, resolver, hs, hs + m.start("cue"))
            if spk is not None:
                frame = "cue-before" if head_text.rstrip().endswith((",", ":")) or not m.group("obj") else "partial"
                return spk, m.group("cue"), frame
        m = _HEAD_COLON.search(head_text, max(0, len(head_text) - 300)) if "colon" in on else None
        if m and len(m.group("m").split()) <= 5:
            spk = resolver.subject_before(hs + m.start("m"), hs + m.end("m"))
            if spk is not None and spk.name:
                return spk, ":", "colon"
        if "colon" in on and head_text.rstrip().endswith(":"):
            # "Senator X delivered a blunt message: ..." - a colon cue after any verb
            spk = resolver.sentence_subject(hs, rq.start)
            if spk is not None:
                return spk, ":", "colon"
        # a speech verb earlier in the sentence: a partial quote in reported speech
        for cm in _CUE_IN_SENTENCE.finditer(head_text) if "partial" in on else ():
            before = head_text[:cm.start()]
            cut = max(before.rfind(","), before.rfind(";"))
            spk = resolver.subject_before(hs + cut + 1, hs + cm.start()) if cm.start() > 0 else None
            if spk is not None and (spk.name or spk.how == "pronoun"):
                return spk, cm.group(1), "partial"
            break
    if head_text.strip() and "cue-before" in on:
        m = _HEAD_INVERTED.match(head_text)
        if m:
            spk = resolver.subject_after(hs + m.start("m"), hs + m.end("m"))
            if spk is not None:
                return spk, m.group("cue"), "cue-before"
    if "colon" in on and rq.start == ps and rq.para > 0:
        # 'Dr. Ward stated:' as its own paragraph, then the quote
        pps, ppe = paras[rq.para - 1]
        if text[ppe - 1] == ":" and ppe - pps < 400:
            ss = _sentence_start(text, pps, ppe - 1)
            cue_match = _CUE_IN_SENTENCE.search(text, ss, ppe)
            spk = (_head_subject(text, resolver, ss, cue_match.start(1)) if cue_match
                   else resolver.sentence_subject(ss, ppe))
            if spk is not None:
                return spk, cue_match.group(1) if cue_match else ":", "colon"
    if not head_text.strip() and "cue-before" in on:
        # 'Sam Lau, the party's spokesman, said in a statement. "..."' - a cue ending the previous sentence
        ps0 = _sentence_start(text, lo, _last_char_before(text, lo, hs))
        prev_text = text[ps0:hs]
        # only a sentence of its own: a cue that follows a quote belongs to that quote
        after_quote = prev_quote_end > ps and text[prev_quote_end:ps0].strip() == ""
        m = None if after_quote or _MARKS.search(prev_text) else _PREV_SENTENCE_CUE.search(prev_text)
        if m:
            ms, me = ps0 + m.start("m"), ps0 + m.end("m")
            cut = text.rfind(",", ms, me)
            spk = resolver.subject_before(cut + 1 if cut != -1 else ms, me)
            if spk is None or _not_a_subject(text, cut + 1 if cut != -1 else ms, me):
                spk = resolver.sentence_subject(ps0, me)
            if spk is not None:
                return spk, m.group("cue"), "cue-before"
    if "cue-after" in on and rq.para_end + 1 < len(paras):
        # '"..." ¶ - Sanders.' - a dash and a name as the next paragraph
        ns, ne = paras[rq.para_end + 1]
        if text[rq.end:ns].strip() == "" and rq.end >= pe_last - 1:
            m = _DASH_NAME.match(text, ns, ne)
            if m:
                spk = resolver.subject_after(m.start("m"), m.end("m"))
                if spk is not None and spk.name:
                    return spk, "-", "cue-after"
    return None


_HEAD_INVERTED = re.compile(r"(?P<cue>Said|Says|Added|Adds|Asked|Wrote|Writes)\s+(?P<m>[^,;:\"“”\n]{2,80}?)\s*[,:]")
_PREV_SENTENCE_CUE = re.compile(
    r"(?P<m>[^;:!?\"“”\n]{1,120}?)\s+(?:" + _ADVERB + r"\s+)?(?P<cue>" + _CUE_EXTRA + "|" + _CUE + r")"
    r"(?:\s+(?:in a statement|in an interview|on Twitter|to reporters|reporters|on \w+|this week|last week))?\s*[.:]\s*$")
_DASH_NAME = re.compile(r"[-—–]+\s*(?P<m>[A-Z][\w.’'\- ]{1,50}?)\s*[.,]?\s*$", re.MULTILINE)


_CUE_IN_SENTENCE = re.compile(r"\s(" + _CUE + r")\b")
_TAIL_ANY_VERB = re.compile(
    r"\s*(?:[,—–-]+\s*)?(?P<m>(?:he|she|they|we|I|it|(?:[Tt]he|[Aa]n?) [^,;:!?\"“”\n]{1,60}?|[A-Z][^,;:!?\"“”\n]{0,60}?))"
    r"(?:,\s[^\"“”\n]{1,160}?,)?\s+(?P<cue>[a-z]+(?:ed|es|s))\b")
_OPENERS = {"in", "at", "on", "after", "before", "during", "when", "while", "as", "asked", "speaking", "since",
            "although", "though", "if", "because", "despite", "with", "without", "for", "from", "by", "under",
            "over", "earlier", "later", "last", "this", "in", "asked", "pressed", "responding", "referring",
            "addressing", "writing", "commenting", "following", "like", "unlike", "among", "back"}
_CONNECTORS = {"and", "but", "as", "so", "yet", "still", "however", "meanwhile", "then", "also", "later", "instead"}


_FUNCTION_END = {"and", "or", "but", "before", "after", "while", "then", "to", "by", "in", "on", "at", "with",
                 "for", "of", "from", "when", "as", "also", "which", "again", "further", "later", "first"}


def _head_subject(text: str, resolver: _Resolver, hs: int, cue_start: int) -> _Speaker | None:
    """The speaker of a cue verb at ``cue_start``, in a sentence starting at ``hs``.

    The words between the last comma and the verb name the speaker ("..., he added");
    when they cannot ("..., who said", "... shook her head and said", ", said"), the
    subject is earlier: the antecedent of "who", or the subject of the whole sentence.
    """
    cut = max(text.rfind(",", hs, cue_start), text.rfind("(", hs, cue_start), text.rfind(";", hs, cue_start))
    seg = cut + 1 if cut != -1 else hs
    words = _WORD.findall(text, seg, cue_start)
    cue_word = text[cue_start:cue_start + 12].split()[0].lower() if text[cue_start:cue_start + 12].split() else ""
    if cue_word.endswith("ing") and words:
        # 'she released a statement saying, "..."': a participle's speaker is its clause's subject
        return resolver.sentence_subject(seg, cue_start) or resolver.sentence_subject(hs, cue_start)
    if not words:
        if cut != -1 and text[cut] == ",":
            # 'One parent, Sarah Mills, said: "..."': the name between the last two commas
            prev_cut = text.rfind(",", hs, cut)
            if prev_cut != -1:
                spk = resolver.appositive_name(prev_cut + 1, cut)
                if spk is not None:
                    return spk
        return resolver.sentence_subject(hs, cue_start)
    last = words[-1].lower()
    if last == "who" and cut != -1:
        prev_cut = max(text.rfind(",", hs, cut), text.rfind("(", hs, cut))
        return resolver.subject_before(prev_cut + 1 if prev_cut != -1 else hs, cut)
    if last in _PRONOUNS:
        return resolver.subject_before(seg, cue_start)      # "..., in which he declares"
    if last in _FUNCTION_END or _not_a_subject(text, seg, cue_start) and not words[-1][0].isupper():
        return resolver.sentence_subject(hs, cue_start)
    return resolver.subject_before(seg, cue_start)


def _not_a_subject(text: str, start: int, end: int) -> bool:
    """True when text[start:end] cannot be the subject of the cue after it ("interjected to", "and")."""
    words = _WORD.findall(text, start, end)
    if not words:
        return True
    first = words[0]
    return first[0].islower() and first.lower() not in _DETERMINERS | _PRONOUNS


def _reported(text: str, resolver: _Resolver, paras: list[tuple[int, int]], raw: list[_RawQuote],
              direct: list[Quote]) -> list[Quote]:
    """Reported speech: "<speaker> <cue> that <content>" and "adding that ..." (kind ``reported``)."""
    out = []
    starts = [q.start for q in raw]        # raw quotes come in text order
    direct_starts = [q.start for q in direct]
    for m in _REPORTED.finditer(text):
        cs = next(m.start(g) for g in ("content", "content2", "content3") if m.group(g) is not None)
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and raw[k].start <= m.start() < raw[k].end:
            continue    # inside a quotation
        pi = _para_of(paras, m.start())
        if pi is None:
            continue
        ps, pe = paras[pi]
        ce = _sentence_end(text, cs, pe)
        nxt = _MARKS.search(text, cs, ce)
        if nxt:
            ce = nxt.start()
        content_text = text[cs:ce].rstrip()
        if len(content_text.split()) < 3:
            continue
        ce = cs + len(content_text)
        cue = m.group("cue")
        ss = _sentence_start(text, ps, m.start())
        before = text[ss:m.start()]
        spk = None
        frame = "reported"
        if cue.lower() in _PARTICIPLE:
            # "..., he said, adding that ...": the speaker of the clause it hangs on
            spk = _clause_speaker(text, resolver, ss, m.start(), direct, direct_starts) or resolver.sentence_subject(ss, m.start())
        else:
            tail = before.rstrip()
            stripped = re.sub(r"(?:\s+" + _ADVERB + r")+$", "", tail)
            if stripped.endswith((",", " and")) or not stripped.strip():
                spk = _sentence_subject(text, resolver, ss, m.start())
                frame = "reported-subject"
            else:
                cut = max(stripped.rfind(","), stripped.rfind(";"))
                spk = resolver.subject_before(ss + cut + 1, ss + len(stripped))
        if spk is None or (spk.name is None and spk.how not in ("pronoun",)):
            continue
        if spk.how == "descriptor" and spk.name is None:
            continue
        rule = f"{frame}+{spk.how}"
        out.append(Quote(
            start=cs, end=ce, text=text[cs:ce], content=content_text, speaker=spk.name, kind="reported",
            rule=rule, cue=cue, mention_start=spk.start, mention_end=spk.end, mention=spk.mention,
            side=spk.person.side if spk.person else "unknown", explanation=_explain(rule, spk, cue)))
    return out


def _clause_speaker(text: str, resolver: _Resolver, ss: int, pos: int, direct: list[Quote],
                    direct_starts: list[int]) -> _Speaker | None:
    for i in range(bisect.bisect_right(direct_starts, pos) - 1, -1, -1):
        q = direct[i]
        if q.start < ss - 1:
            break
        if q.kind != "reported" and q.end <= pos and q.mention_start is not None:
            person = resolver.index.lookup(q.speaker.split()) if q.speaker else None
            return _Speaker(q.speaker, q.mention_start, q.mention_end, q.mention, "clause", person) if q.speaker else None
    m = _CUE_IN_SENTENCE.search(text, ss, pos)
    if m:
        before = text[ss:m.start()]
        cut = max(before.rfind(","), before.rfind(";"))
        return resolver.subject_before(ss + cut + 1, m.start())
    return None


def _sentence_subject(text: str, resolver: _Resolver, ss: int, pos: int) -> _Speaker | None:
    """The first person named in the sentence (for "X, who ..., and suggested that ...")."""
    for m in resolver.index.after(ss):
        if m.start >= ss and m.end <= pos:
            return _Speaker(m.person.name, m.start, m.end, text[m.start:m.end], "name", m.person)
        if m.start >= pos:
            break
    w = _WORD.match(text, ss)
    if w and w.group(0).lower() in _PRONOUNS:
        return resolver._pronoun(w.start(), w.end())
    return None


def _para_of(paras: list[tuple[int, int]], pos: int) -> int | None:
    lo, hi = 0, len(paras)
    while lo < hi:
        mid = (lo + hi) // 2
        if paras[mid][1] <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(paras) and paras[lo][0] <= pos:
        return lo
    return None


_EXPLAIN = {
    "cue-after": "the speech verb {cue!r} right after the quote names {who}",
    "cue-before": "the speech verb {cue!r} right before the quote names {who}",
    "according-to": "'according to' before the quote names {who}",
    "colon": "a colon after {who} introduces the quote",
    "partial": "the quoted words sit in a sentence where {who} is the subject of {cue!r}",
    "reported": "{who} is the subject of {cue!r}, and the words after it report what was said",
    "reported-subject": "{cue!r} shares its subject with the sentence, which names {who}",
    "continuation": "no speech verb: the quote continues the previous speaker, {who}, with nobody else named in between",
    "none": "no speech verb and no previous speaker: unattributed",
}
_HOW = {
    "name": "",
    "surname": " (the surname of someone named in full earlier)",
    "pronoun": " (the pronoun refers to the nearest earlier person of that gender)",
    "descriptor": " (the most recently named person whose roles fit the description)",
    "clause": " (the speaker of the same sentence)",
}


def _explain(rule: str, spk: _Speaker | None, cue: str | None) -> str:
    frame, _, how = rule.partition("+")
    if spk is None:
        return _EXPLAIN["none"]
    who = repr(spk.mention) if spk.mention else "someone"
    if spk.name and spk.mention != spk.name:
        who += f" = {spk.name}"
    how_text = _HOW.get(how, "")
    if how == "descriptor" and not spk.name:  # "one shop owner said": nobody named earlier fits
        how_text = " (nobody named earlier fits the description, so the speaker stays unknown)"
    sentence = _EXPLAIN.get(frame, frame).format(cue=cue, who=who) + how_text + "."
    return sentence[:1].upper() + sentence[1:]


# -- the naive approach the notebook starts from ---------------------------------------------------

_NAIVE = re.compile(r'"([^"]+)"(?:,? (?:said|says) ([A-Z]\w+(?: [A-Z]\w+)*)|,? ([A-Z]\w+(?: [A-Z]\w+)*) (?:said|says))?')


def naive_quotes(text: str) -> list[Quote]:
    """The first idea everybody has: text between two straight quotation marks, speaker = a capitalised name next to "said".

    It misses curly and ``''`` quotes, pronouns ("she said"), descriptors ("the
    Russian minister said"), continuations, and it takes scare quotes for quotes.

    >>> [(q.content, q.speaker) for q in naive_quotes('"We won," said Ann Lee. "Really," she said.')]
    [('We won,', 'Ann Lee'), ('Really,', None)]
    """
    out = []
    for m in _NAIVE.finditer(text):
        name = m.group(2) or m.group(3)
        g = 2 if m.group(2) else 3
        out.append(Quote(start=m.start(), end=m.start(1) + len(m.group(1)) + 1, text=text[m.start():m.start(1) + len(m.group(1)) + 1],
                         content=m.group(1).strip(), speaker=name, kind="direct", rule="naive",
                         cue="said" if name else None, mention_start=m.start(g) if name else None,
                         mention_end=m.end(g) if name else None, mention=name))
    return out


# -- evaluation against a hand-written gold annotation ---------------------------------------------

@dataclass(frozen=True)
class GoldQuote:
    """One quoted passage of the gold annotation (``data/gold_quotes.json``)."""

    start: int
    end: int
    text: str
    speaker: str
    kind: str


@dataclass(frozen=True)
class Evaluation:
    """Precision, recall and speaker accuracy of predicted quotes against gold quotes.

    A prediction *matches* a gold quote when at least half of it lies inside
    that gold quote; a gold quote is *found* when a prediction matches it.
    """

    predicted: int
    gold: int
    correct: int           # predictions that match a gold quote
    found: int             # gold quotes that are matched
    right_speaker: int     # found gold quotes whose best prediction names the right speaker
    missed: tuple[GoldQuote, ...] = ()
    extra: tuple[Quote, ...] = ()
    wrong_speaker: tuple[tuple[GoldQuote, Quote], ...] = ()

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.right_speaker / self.found if self.found else 0.0

    def summary(self) -> str:
        return (f"precision {self.precision:.2f}, recall {self.recall:.2f}, F1 {self.f1:.2f}, "
                f"speaker accuracy {self.speaker_accuracy:.2f} ({self.right_speaker} of {self.found} found quotes)")


def load_gold_quotes(path: str | None = None) -> tuple[GoldQuote, ...]:
    """The hand-written gold quotes of the bundled article (for evaluation and self-checks only).

    >>> gold = load_gold_quotes()
    >>> len(gold), gold[0].speaker
    (9, 'Yury Baluyevsky')
    """
    from ..text.loading import data_path, read_json

    raw = read_json(path or data_path("gold_quotes.json"))
    try:
        return tuple(GoldQuote(g["start"], g["end"], g["text"], g["speaker"], g["kind"]) for g in raw["quotes"])
    except (KeyError, TypeError):
        raise InputError(f"{path or 'gold_quotes.json'} is not a gold file: it needs a list 'quotes' of "
                         "objects with start, end, text, speaker and kind") from None


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def evaluate(quotes: Sequence[Quote], gold: Sequence[GoldQuote] | None = None) -> Evaluation:
    """Compare quoted passages (reported speech is left out) with the gold annotation.

    >>> from casestudy import load_article
    >>> article = load_article()
    >>> print(evaluate(find_quotes(article.raw, article.people)).summary())
    precision 1.00, recall 1.00, F1 1.00, speaker accuracy 1.00 (9 of 9 found quotes)
    >>> print(evaluate(naive_quotes(article.raw)).summary())
    precision 1.00, recall 1.00, F1 1.00, speaker accuracy 0.33 (3 of 9 found quotes)
    """
    gold = tuple(load_gold_quotes() if gold is None else gold)
    preds = [q for q in quotes if q.kind != "reported"]
    matches: dict[int, list[Quote]] = {i: [] for i in range(len(gold))}
    extra = []
    for q in preds:
        best = max(range(len(gold)), key=lambda i: _overlap(q.start, q.end, gold[i].start, gold[i].end), default=None)
        if best is not None and _overlap(q.start, q.end, gold[best].start, gold[best].end) >= 0.5 * max(1, q.end - q.start):
            matches[best].append(q)
        else:
            extra.append(q)
    found = right = 0
    missed, wrong = [], []
    for i, g in enumerate(gold):
        if not matches[i]:
            missed.append(g)
            continue
        found += 1
        closest = max(matches[i], key=lambda q: _overlap(q.start, q.end, g.start, g.end))
        if _same_person(closest.speaker, g.speaker):
            right += 1
        else:
            wrong.append((g, closest))
    return Evaluation(predicted=len(preds), gold=len(gold), correct=len(preds) - len(extra), found=found,
                      right_speaker=right, missed=tuple(missed), extra=tuple(extra), wrong_speaker=tuple(wrong))


def _same_person(predicted: str | None, gold: str) -> bool:
    """True when the predicted speaker is the gold speaker (a surname alone counts)."""
    if not predicted:
        return False
    return predicted == gold or predicted.split()[-1] == gold.split()[-1]


# -- voice share ----------------------------------------------------------------------------

@dataclass(frozen=True)
class VoiceShare:
    """How much room one speaker (or side) gets: quoted passages and quoted words."""

    who: str
    side: str
    quotes: int
    words: int
    share_of_words: float


def voice_share(quotes: Sequence[Quote], by: str = "speaker", include_reported: bool = False) -> list[VoiceShare]:
    """Quotes and quoted words per speaker (``by="speaker"``) or per side (``by="side"``), most words first.

    >>> from casestudy import load_article
    >>> article = load_article()
    >>> for row in voice_share(find_quotes(article.raw, article.people), by="side"):
    ...     print(row.who, row.quotes, row.words, round(row.share_of_words, 2))
    US/NATO 5 105 0.56
    Russia 4 82 0.44
    """
    if by not in ("speaker", "side"):
        raise InputError(f"voice_share(by={by!r}) is not possible: use by='speaker' or by='side'")
    sides: dict[str, str] = {}       # who -> the side of their first quote
    n_quotes: dict[str, int] = {}
    n_words: dict[str, int] = {}
    total = 0
    for q in quotes:
        if q.kind == "reported" and not include_reported:
            continue
        key = (q.speaker or "(unattributed)") if by == "speaker" else q.side
        n = len(re.findall(r"[^\W_]+(?:['’][^\W_]+)*", q.content))
        sides.setdefault(key, q.side)
        n_quotes[key] = n_quotes.get(key, 0) + 1
        n_words[key] = n_words.get(key, 0) + n
        total += n
    rows = [VoiceShare(k, sides[k], n_quotes[k], n_words[k], n_words[k] / total if total else 0.0) for k in sides]
    return sorted(rows, key=lambda r: (-r.words, r.who))


# -- helpers the notebook teaches with --------------------------------------------------------

def rule_ladder(text: str, people: Sequence[Person] = (), gold: Sequence[GoldQuote] | None = None) -> list[dict[str, Any]]:
    """Switch the rules on one at a time and count what each adds (against the gold quotes).

    >>> from casestudy import load_article
    >>> article = load_article()
    >>> [(row["rule"], row["right speaker"]) for row in rule_ladder(article.raw, article.people)][:3]
    [('(marks only)', 0), ('cue-after', 3), ('cue-before', 3)]
    """
    rows: list[dict[str, Any]] = []
    for i in range(len(RULES) + 1):
        quotes = find_quotes(text, people, rules=RULES[:i])
        result = evaluate(quotes, gold)
        rows.append({"rule": RULES[i - 1] if i else "(marks only)",
                     "passages": result.predicted,
                     "with a speaker": sum(1 for q in quotes if q.kind != "reported" and q.speaker),
                     "right speaker": result.right_speaker,
                     "reported": sum(1 for q in quotes if q.kind == "reported")})
    return rows


def as_table(rows: Sequence[Any], columns: Sequence[str] | None = None, width: int = 60) -> str:
    """Rows (dicts, dataclasses or quotes) as a plain-text table, long cells shortened to ``width``.

    >>> print(as_table([{"who": "Rice", "quotes": 5}, {"who": "Lavrov", "quotes": 3}]))
    who    | quotes
    -------+-------
    Rice   | 5
    Lavrov | 3
    """
    from dataclasses import asdict, is_dataclass

    dicts = [asdict(r) if is_dataclass(r) and not isinstance(r, type) else dict(r) for r in rows]
    if not dicts:
        return "(nothing to show)"
    columns = list(columns or dicts[0].keys())

    def cell(value: Any) -> str:
        s = f"{value:.2f}" if isinstance(value, float) else str(value)
        s = s.replace("\n", " ")
        return s if len(s) <= width else s[:width - 1] + "…"

    cells = [[cell(d.get(c, "")) for c in columns] for d in dicts]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)
