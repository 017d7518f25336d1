"""The attributor's rules, one small function each, in a registry (:data:`REGISTRY`).

Pairing the quotation marks (:mod:`casestudy.quotes.marks`) is always on.  Every other step is a
named rule that can be switched on or off alone: ``find_quotes(text, rules=["cue-after"])`` runs
only ``cue-after`` (and the pairing of marks), and leaving one rule out removes only what it adds.

There are four kinds of rule:

* **cue rules** find the words that name a quote's speaker, next to a speech verb or a colon
  (``cue-after``, ``verb-after``, ``according-to``, ``cue-before``, ``colon``, ``partial``);
  they are tried in that order and the first that finds a speaker decides;
* **speaker rules** turn a mention that is not a name into a person (``pronoun``, ``descriptor``);
  they only have something to do once a cue rule has found a mention;
* ``continuation`` gives a quote with no cue the speaker who still holds the floor, and
  ``filter`` drops what only looks like a quote (scare quotes, titles);
* ``reported`` finds reported speech (kind ``reported``).

>>> [rule.name for rule in REGISTRY.values()][:3]
['cue-after', 'verb-after', 'according-to']
>>> REGISTRY["cue-after"].summary
'a speech verb right after the quote: "...," said Rice / "...," the minister said'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .lexicon import ADVERB, CUE, CUE_EXTRA, DETERMINERS
from .marks import RawQuote, last_char_before, sentence_end, sentence_start
from .names import is_organisation, is_role_noun
from .people import NameMention
from .resolution import Resolver, Speaker, head_subject, not_a_subject

Found = tuple[Speaker, str, str]
"""What a cue rule finds: the speaker, the cue ("said", ":") and the frame (the rule's name)."""


@dataclass
class Site:
    """One quote and the text around it, as every cue rule sees it (computed once per quote)."""

    text: str
    quotes: list[RawQuote]   # every quote of the text, in order
    k: int                   # this quote's index in ``quotes``
    resolver: Resolver
    paras: list[tuple[int, int]]
    prev_quote_end: int
    content: str = ""
    tail: str = ""           # from the closing mark to the end of the sentence (or the next quote)
    tail_end: int = 0
    tail_ok: bool = False    # a cue after the quote can belong to it
    lo: int = 0              # where the words before the quote may start
    hs: int = 0              # the start of the quote's sentence
    head: str = ""           # from the start of the sentence to the opening mark

    @property
    def quote(self) -> RawQuote:
        return self.quotes[self.k]

    def __post_init__(self) -> None:
        text, rq = self.text, self.quote
        ps = self.paras[rq.para][0]
        pe_last = self.paras[rq.para_end][1]
        self.content = text[rq.inner_start:rq.inner_end].rstrip()
        nxt = self.quotes[self.k + 1].start if self.k + 1 < len(self.quotes) else pe_last
        stop = min(nxt, pe_last) if nxt >= rq.end else pe_last
        self.tail_end = min(sentence_end(text, rq.end, stop), stop)
        self.tail = text[rq.end:self.tail_end]
        ends_sentence = self.content.endswith(".") and not self.content.endswith("..")
        self.tail_ok = self.tail.strip() != "" and (not ends_sentence or self.tail.lstrip()[:1].islower()
                                                    or len(self.tail.split()) <= 4)
        self.lo = max(ps, self.prev_quote_end if self.prev_quote_end > ps else ps)
        self.hs = sentence_start(text, self.lo, rq.start)
        self.head = text[self.hs:rq.start]

    def quote_between(self, start: int, end: int) -> bool:
        """True when an earlier quote of the text ends inside text[start:end]."""
        return any(start < q.end <= end or q.start <= start < q.end for q in self.quotes[max(0, self.k - 3):self.k])


@dataclass(frozen=True)
class Rule:
    """A named rule: what it does in one line, an invented example it decides, and its function."""

    name: str
    kind: str                      # "cue", "speaker", "passage", "filter" or "reported"
    summary: str
    example: str
    needs: tuple[str, ...] = ()    # rules that must run for this one to have anything to do
    find: Callable[[Site], Found | None] | None = field(default=None, repr=False, compare=False)


# -- patterns --------------------------------------------------------------------------------------

_TOKEN = (r"(?:(?:[A-Z]\.){2,}|(?:Mrs|Mr|Ms|Dr|Sens|Sen|Reps|Rep|Gov|Gens|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|Jr|Sr|St)\."
          r"|[A-Z]\.|[A-Za-z0-9’'\-]+)")
"""One word of a mention: an abbreviation with its full stop, an initial, or a word without one."""
_TAIL_INVERTED = re.compile(
    r"\s*(?:[,—–-]+\s*)?(?P<cue>" + CUE + r"|[a-z]+ed(?=\s+[A-Z]))\s+(?P<m>" + _TOKEN + r"(?:\s+" + _TOKEN + r"){0,7}?)"
    r"(?=\s*[,.;:!?(\"“”]|\s+(?:on|in|at|to|during|after|before|when|while|who|as|from|about|of|last|this|and|but"
    r"|because|with|told|for)\b|$)", re.DOTALL)
_TAIL_SUBJECT = re.compile(
    r"\s*(?:[,—–-]+\s*)?(?P<m>[^,;:!?\"“”\n]{1,90}?)(?P<app>,\s[^\"“”\n]{1,160}?,)?\s+(?:" + ADVERB + r"\s+)?"
    r"(?:has |had |have |would |will )?(?P<cue>" + CUE_EXTRA + "|" + CUE + r")\b", re.DOTALL)
_TAIL_ANY_VERB = re.compile(
    r"\s*(?:[,—–-]+\s*)?(?P<m>(?:he|she|they|we|I|it|(?:[Tt]he|[Aa]n?) [^,;:!?\"“”\n]{1,60}?|[A-Z][^,;:!?\"“”\n]{0,60}?))"
    r"(?:,\s[^\"“”\n]{1,160}?,)?\s+(?P<cue>[a-z]+(?:ed|es|s))\b")
_NOT_VERBS = frozenset("as is was has his its this us thus yes series news always perhaps less unless".split())
"""Words ending like a verb in -s or -ed that are none ("Israel came to control East Jerusalem as ...")."""
_NAMED_APPOSITIVE = re.compile(r",\s+(?P<n>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){1,2}?)(?=\s*[,.;]|\s*$)")
_DASH_NAME = re.compile(r"[-—–]+\s*(?P<m>[A-Z][\w.’'\- ]{1,50}?)\s*[.,]?\s*$", re.MULTILINE)

_HEAD_CUE = re.compile(
    r"(?P<m>[^,;:!?\"“”\n]{0,90}?)[\s,)]+(?:" + ADVERB + r"\s+)?(?:has |had |have |would |will )?(?P<cue>"
    + CUE_EXTRA + "|" + CUE + r")(?P<obj>\s+[^,;:\"“”\n]{1,60}?)?\s*[,:]?\s*$", re.DOTALL)
_HEAD_ACCORDING = re.compile(r"\b(?P<cue>[Aa]ccording to|[Ii]n the words of|[Qq]uoting)\s+(?P<m>[^;:\"“”\n]{1,80}?)\s*[,:]\s*$")
_TAIL_ACCORDING = re.compile(r"\s*(?:[,—–-]+\s*)?(?P<cue>according to|in the words of)\s+"
                             r"(?P<m>[^;:!?\"“”‘’()\n]{1,80}?)[\s,]*[.;:!?]?\s*$")
_HEAD_COLON = re.compile(r"(?:^|[.!?]\s+)(?P<m>[A-Z][^,;:!?\"“”\n]{0,60}?)\s*(?P<cue>:)\s*$")
_HEAD_INVERTED = re.compile(r"(?P<cue>Said|Says|Added|Adds|Asked|Wrote|Writes)\s+(?P<m>[^,;:\"“”\n]{2,80}?)\s*[,:]")
_PREV_SENTENCE_CUE = re.compile(
    r"(?P<m>[^;:!?\"“”\n]{1,120}?)\s+(?:" + ADVERB + r"\s+)?(?P<cue>" + CUE_EXTRA + "|" + CUE + r")"
    r"(?:\s+(?:in a statement|in an interview|on Twitter|to reporters|reporters|on \w+|this week|last week))?\s*[.:]\s*$")
CUE_IN_SENTENCE = re.compile(r"\s(" + CUE + r")\b")
"""A speech verb anywhere in a sentence (after a space)."""


# -- cue rules ------------------------------------------------------------------------------------

def cue_after(site: Site) -> Found | None:
    """A speech verb right after the quote: ``"...," said Rice``, ``"...," the minister said``, ``"...," she said``;
    or a dash and a name as the next paragraph (``"..." ¶ - Sanders.``)."""
    text, r = site.text, site.resolver
    if site.tail_ok and not site.tail.lstrip().startswith("("):
        m = _TAIL_INVERTED.match(text, site.quote.end, site.tail_end)
        if m and m.group("m").strip():
            spk = r.subject_after(m.start("m"), m.end("m"))
            if spk is not None and spk.person is None and spk.how == "descriptor":
                # '"...," said one parent, Sarah Mills.': the name after the description
                ap = _NAMED_APPOSITIVE.match(text, m.end("m"), site.tail_end)
                spk = r.appositive_name(ap.start("n"), ap.end("n")) if ap else None
                spk = spk or r.subject_after(m.start("m"), m.end("m"))
            if spk is not None:
                return spk, m.group("cue"), "cue-after"
        m = _TAIL_SUBJECT.match(text, site.quote.end, site.tail_end)
        if m:
            said_by = m.group("m").split()
            if said_by and (said_by[0].lower() in ("and", "but", "then", "or") or
                            all(w.endswith("ly") and w.islower() for w in said_by)):
                # '"..." and said ...', '"...", additionally commenting': the verb shares the sentence's subject
                spk = r.sentence_subject(site.hs, site.quote.start) if site.head.strip() else None
                return (spk, m.group("cue"), "cue-after") if spk is not None else None
            spk = r.subject_before(m.start("m"), m.end("m"))
            if spk is not None and spk.person is None and spk.how == "descriptor" and m.group("app"):
                # '"...," one parent, Sarah Mills, said.'
                spk = r.appositive_name(m.start("app") + 1, m.end("app") - 1) or spk
            if spk is not None:
                return spk, m.group("cue"), "cue-after"
    rq = site.quote
    if rq.para_end + 1 < len(site.paras):
        # '"..." ¶ - Sanders.' - a dash and a name as the next paragraph
        ns, ne = site.paras[rq.para_end + 1]
        if text[rq.end:ns].strip() == "" and rq.end >= site.paras[rq.para_end][1] - 1:
            m = _DASH_NAME.match(text, ns, ne)
            if m:
                spk = r.subject_after(m.start("m"), m.end("m"))
                if spk is not None and spk.person is not None:
                    return spk, "-", "cue-after"
    return None


def verb_after(site: Site) -> Found | None:
    """Any verb right after a quote that ends with a comma: ``"...," he mocks``."""
    tail = site.tail
    if not site.tail_ok or tail.lstrip().startswith("("):
        return None
    if not (site.content.endswith((",", "?", "!", "—")) or tail.lstrip()[:1] in (",", "—")):
        return None
    m = _TAIL_ANY_VERB.match(site.text, site.quote.end, site.tail_end)
    if m and len(m.group("m").split()) <= 6 and m.group("cue") not in _NOT_VERBS \
            and not {"which", "who", "that"} & set(m.group("m").lower().split()):
        spk = site.resolver.subject_before(m.start("m"), m.end("m"))
        if spk is not None and (spk.how != "descriptor" or m.group("m").split()[0].lower() in DETERMINERS):
            return spk, m.group("cue"), "verb-after"
    return None


def according_to(site: Site) -> Found | None:
    """``According to Rice, "..."``, ``In the words of the prosecutor, Mark Tedeschi, "..."``, or after the
    quote: ``"...", according to Mr Pryce.``"""
    head = site.head
    m = _HEAD_ACCORDING.search(head, max(0, len(head) - 300)) if head.strip() else None
    if m is not None:
        source_start = site.hs + m.start("m")
    elif site.tail.strip() and not site.tail.lstrip().startswith("(") and CUE_IN_SENTENCE.search(head) is None:
        # '"...", according to Mr Pryce.' - but in 'X said it was "a farce", according to Reuters' the
        # speaker is X and the source after the quote only reports it (a cue rule after this one decides)
        m = _TAIL_ACCORDING.match(site.text, site.quote.end, site.tail_end)
        if m is None:
            return None
        source_start = m.start("m")
    else:
        return None
    # the source, then perhaps a name in apposition: "the Crown prosecutor, Mark Tedeschi, QC,"
    pieces = [(source_start + p.start(), source_start + p.end()) for p in re.finditer(r"[^,]+", m.group("m"))]
    spk = site.resolver.subject_after(*pieces[0])
    if spk is not None and spk.person is None and len(pieces) > 1:
        spk = site.resolver.appositive_name(*pieces[1]) or spk
    if spk is not None and source_start > site.quote.end and not _a_source(spk) and \
            not is_organisation([w for w in (spk.mention or "").split() if w.lower() not in DETERMINERS]):
        return None     # '"R" or "D", according to their preference': after the quote, only a source that speaks
    return (spk, m.group("cue"), "according-to") if spk is not None else None


def cue_before(site: Site) -> Found | None:
    """A speech verb right before the quote: ``Rice said: "..."``, ``he added, "..."``, ``Said Rice, "..."``,
    or at the end of the sentence before it (``Rice said in a statement. "..."``)."""
    text, r, head, hs = site.text, site.resolver, site.head, site.hs
    if head.strip():
        m = _HEAD_CUE.search(head, max(0, len(head) - 300))
        if m and (head.rstrip().endswith((",", ":")) or not m.group("obj")):
            spk = head_subject(text, r, hs, hs + m.start("cue"))
            if spk is not None:
                return spk, m.group("cue"), "cue-before"
        m = _HEAD_INVERTED.match(head)
        if m:
            spk = r.subject_after(hs + m.start("m"), hs + m.end("m"))
            if spk is not None and spk.how != "descriptor":   # "Asked which county ..., he said:" is no speaker
                return spk, m.group("cue"), "cue-before"
        return None
    # 'Sam Lau, the party's spokesman, said in a statement. "..."' - a cue ending the previous sentence
    lo = site.lo
    ps0 = sentence_start(text, lo, last_char_before(text, lo, hs))
    prev_text = text[ps0:hs]
    ps = site.paras[site.quote.para][0]
    # only a sentence of its own: a cue that follows a quote belongs to that quote
    after_quote = site.prev_quote_end > ps and text[site.prev_quote_end:ps0].strip() == ""
    m = None if after_quote or site.quote_between(ps0, hs) else _PREV_SENTENCE_CUE.search(prev_text)
    if m:
        ms, me = ps0 + m.start("m"), ps0 + m.end("m")
        cut = text.rfind(",", ms, me)
        spk = r.subject_before(cut + 1 if cut != -1 else ms, me)
        if spk is None or not_a_subject(text, cut + 1 if cut != -1 else ms, me):
            spk = r.sentence_subject(ps0, me)
        if spk is not None:
            return spk, m.group("cue"), "cue-before"
    return None


def colon(site: Site) -> Found | None:
    """A colon introduces the quote: ``Rice: "..."``, ``X delivered a blunt message: "..."``, or a paragraph
    that ends with a colon (``Dr. Ward stated:``) before one that opens with the quote."""
    text, r, head, hs, rq = site.text, site.resolver, site.head, site.hs, site.quote
    if head.strip():
        m = _HEAD_COLON.search(head, max(0, len(head) - 300))
        if m and len(m.group("m").split()) <= 5:
            spk = r.subject_before(hs + m.start("m"), hs + m.end("m"))
            if spk is not None and spk.person is not None:
                return spk, ":", "colon"
        if head.rstrip().endswith(":"):
            spk = r.sentence_subject(hs, rq.start)
            if spk is not None:
                return spk, ":", "colon"
    if rq.start == site.paras[rq.para][0] and rq.para > 0:
        pps, ppe = site.paras[rq.para - 1]
        if text[ppe - 1] == ":" and ppe - pps < 400:
            ss = sentence_start(text, pps, ppe - 1)
            cue_match = CUE_IN_SENTENCE.search(text, ss, ppe)
            spk = (head_subject(text, r, ss, cue_match.start(1)) if cue_match else r.sentence_subject(ss, ppe))
            if spk is not None:
                return spk, cue_match.group(1) if cue_match else ":", "colon"
    return None


def partial(site: Site) -> Found | None:
    """Quoted words inside reported speech: ``Lavrov said the plan was "a threat"``."""
    text, r, head, hs = site.text, site.resolver, site.head, site.hs
    if not head.strip():
        return None
    m = _HEAD_CUE.search(head, max(0, len(head) - 300))
    if m and m.group("obj") and not head.rstrip().endswith((",", ":")):
        spk = head_subject(text, r, hs, hs + m.start("cue"))
        if spk is not None and _a_source(spk):
            return spk, m.group("cue"), "partial"
    for cm in CUE_IN_SENTENCE.finditer(head):
        before = head[:cm.start()]
        cut = max(before.rfind(","), before.rfind(";"))
        spk = r.subject_before(hs + cut + 1, hs + cm.start()) if cm.start() > 0 else None
        if spk is not None and _a_source(spk):
            return spk, cm.group(1), "partial"
        break
    return None


def _a_source(spk: Speaker) -> bool:
    """True for a speaker that can be quoted in part: a person or organisation, a pronoun resolved to one,
    or an unnamed source described by a role ("critics", "a spokesman"), not any words before a verb."""
    if spk.name is None:
        return False
    if spk.person is not None:
        return True
    words = (spk.mention or "").lower().split()
    return spk.how == "descriptor" and bool(words) and is_role_noun(words[-1])


# -- passages: continuation and filter -----------------------------------------------------------

@dataclass
class Floor:
    """Who holds the floor: the last speaker, the paragraph of their quote, and where its attribution ends."""

    speaker: Speaker
    para: int
    end: int


def continuation(site: Site, floor: Floor | None) -> Speaker | None:
    """A quote with no cue keeps the floor:

    * the previous speaker, when the quote is in the same paragraph or opens the next one and nobody
      else is named after the previous attribution's sentence;
    * or the subject of the sentence right before the quote, when that sentence reports speech
      ("Heald noted the findings show ... . "An air-quality cleanup would ..."").
    """
    rq, text = site.quote, site.text
    ps = site.paras[rq.para][0]
    opens_paragraph = text[ps:rq.start].strip() == ""
    if floor is not None and floor.speaker.mention is not None and rq.para - floor.para <= 1 and \
            (rq.para == floor.para or opens_paragraph) and \
            not any(m.start >= floor.end for m in _first(site.resolver.index.before(rq.start), 3)):
        return floor.speaker
    if site.head.strip() or (floor is not None and floor.end > site.lo):
        return None
    # the sentence before: in this paragraph, or the last one of the paragraph before
    lo = site.paras[rq.para - 1][0] if opens_paragraph and rq.para > 0 else ps
    end = last_char_before(text, lo, site.hs) + 1
    start = sentence_start(text, max(lo, site.prev_quote_end), end - 1)
    if start >= end or site.quote_between(start, end):
        return None
    sentence = text[start:end]
    if CUE_IN_SENTENCE.search(sentence) is None and "statement" not in sentence:
        return None
    spk = site.resolver.sentence_subject(start, end)
    return spk if spk is not None and spk.name is not None else None


def _first(items: Iterable[NameMention], n: int) -> list[NameMention]:
    return list(itertools.islice(items, n))


MIN_UNCUED_WORDS = 6
"""A quote with no speech verb near it must have at least this many words (else: scare quote)."""

_TITLE_LIKE = re.compile(r"^[\W\d]*(?:[A-Z0-9][\w’'\-]*|of|the|a|an|and|in|on|to|for|at|by|with|or|&)"
                         r"(?:\W+(?:[A-Z0-9][\w’'\-]*|of|the|a|an|and|in|on|to|for|at|by|with|or|&))*[\W]*$")
_TITLE_CONTEXT = re.compile(r"(?:['’]s|\b(?:on|On|in|In|of|from|to|told|with|watch|watching|read|book|show|program|"
                            r"film|movie|song|column|titled|called|dubbed|named|episode|series))\s*$")


def not_a_quote(site: Site, speaker: Speaker | None, frame: str) -> str | None:
    """Why the quoted words are not a quotation (a scare quote, a title), or None when they may be one."""
    content, rq = site.content.strip(), site.quote
    n_words = len(content.split())
    if speaker is None:
        if n_words < MIN_UNCUED_WORDS:
            return "fewer words than a quotation and no speech verb: a scare quote"
        if _TITLE_LIKE.match(content):
            return "capitalised like a title, and no speech verb"
        if not rq.closed and n_words < 12:
            return "an unclosed mark with a few words after it"
        return None
    if frame != "continuation" and _TITLE_LIKE.match(content) and n_words <= 8 \
            and not content.rstrip().endswith((",", ".", "?", "!")):
        return "a title in quotation marks (\"told 'Fox News Sunday'\")"
    if _TITLE_LIKE.match(content) and n_words <= 6 and _TITLE_CONTEXT.search(site.text, max(0, rq.start - 40), rq.start):
        return "a show's title ('on Fox News Channel's \"Fox & Friends,\" Rep. X said')"
    # (a few quoted words inside reported speech are a partial quotation: 'said the plan was "a threat"')
    weak = frame == "verb-after" or (frame != "partial" and speaker.person is None and speaker.how == "descriptor")
    if n_words <= 4 and not content.endswith((".", ",", "?", "!", "—", "-")) and frame != "continuation" and weak:
        return "a short phrase in quotation marks, weakly attributed: a scare quote"
    return None


# -- explanations -----------------------------------------------------------------------------------

_EXPLAIN = {
    "cue-after": "the speech verb {cue!r} right after the quote names {who}",
    "verb-after": "the verb {cue!r} right after the quote names {who}",
    "cue-before": "the speech verb {cue!r} right before the quote names {who}",
    "according-to": "'according to' next to the quote names {who}",
    "colon": "a colon after {who} introduces the quote",
    "partial": "the quoted words sit in a sentence where {who} is the subject of {cue!r}",
    "reported": "{who} is the subject of {cue!r}, and the words after it report what was said",
    "reported-subject": "{cue!r} shares its subject with the sentence, which names {who}",
    "continuation": "no speech verb: the quote goes on with {who}, who spoke just before it (or is the subject of "
                    "the sentence before it), and nobody else was named in between",
    "none": "no speech verb and no previous speaker: unattributed",
}
_HOW = {
    "name": "",
    "surname": " (the surname of someone named in full earlier)",
    "pronoun": " (the pronoun refers to the subject of the sentence before, or the last speaker, or the nearest "
               "earlier person of that gender)",
    "descriptor": " (the most recently named person whose roles fit the description)",
    "clause": " (the speaker of the same sentence)",
}


def explain(rule: str, spk: Speaker | None, cue: str | None) -> str:
    """The sentence that says why a quote has its speaker (``Quote.explanation``)."""
    frame, _, how = rule.partition("+")
    if spk is None:
        return _EXPLAIN["none"]
    who = repr(spk.mention) if spk.mention else "someone"
    if spk.name and spk.mention != spk.name:
        who += f" = {spk.name}"
    how_text = _HOW.get(how, "")
    if how == "descriptor" and spk.person is None:  # "one shop owner said": nobody named earlier fits
        how_text = " (an unnamed source: nobody named earlier fits the description)"
    sentence = _EXPLAIN.get(frame, frame).format(cue=cue, who=who) + how_text + "."
    return sentence[:1].upper() + sentence[1:]


# -- the registry -----------------------------------------------------------------------------------

REGISTRY: dict[str, Rule] = {rule.name: rule for rule in (
    Rule("cue-after", "cue", 'a speech verb right after the quote: "...," said Rice / "...," the minister said',
         '"We will win," said Mayor Ann Hollis.', find=cue_after),
    Rule("verb-after", "cue", 'any verb right after a quote that ends with a comma: "...," he mocked',
         'Mayor Ann Hollis spoke. "Nobody will stop us now," Hollis mocked.', find=verb_after),
    Rule("according-to", "cue", 'According to Rice, "..." / "...", according to Rice / In the words of Rice, "..."',
         'According to Mayor Ann Hollis, "the bridge will open in May and nobody can stop it."', find=according_to),
    Rule("cue-before", "cue", 'a speech verb right before the quote: Rice said: "..." / Said Rice, "..."',
         'Mayor Ann Hollis said: "The bridge will open in May."', find=cue_before),
    Rule("colon", "cue", 'a colon introduces the quote: Rice: "..." / X delivered a message: "..."',
         'Mayor Ann Hollis was blunt: "The bridge will open in May, whatever the council says."', find=colon),
    Rule("partial", "cue", 'quoted words inside reported speech: Lavrov said the plan was "a threat to peace"',
         'Mayor Ann Hollis said the bridge was "a gift to the children" of the town.', find=partial),
    Rule("continuation", "passage", "a quote with no cue keeps the previous speaker if nobody else was named",
         '"We won," said Mayor Ann Hollis. "The count is final and nobody disputes it."', ("cue-after",)),
    Rule("pronoun", "speaker", '"she" and "he" are resolved to a person named earlier',
         'Mayor Ann Hollis arrived. "The bridge will open in May," she said.', ("cue-after",)),
    Rule("descriptor", "speaker", '"the Russian minister" is resolved to the person named last whose roles fit',
         'Foreign Minister Ivo Rask arrived. "We refuse," the minister said.', ("cue-after",)),
    Rule("filter", "filter", "scare quotes, titles and short phrases weakly attributed are dropped",
         'Critics called the bridge a "vanity project" on Friday.'),
    Rule("reported", "reported", "reported speech: Lavrov said that ...", "Mayor Ann Hollis said that the bridge would open in May."),
)}
"""Every rule by name, in the order :func:`~casestudy.quotes.find_quotes` applies them."""

RULES = tuple(REGISTRY)
"""The names of the rules, in order (pass a subset as ``rules=`` to see what each adds)."""

CUE_RULES = tuple(rule for rule in REGISTRY.values() if rule.kind == "cue")
"""The cue rules, in the order they are tried on each quote."""
