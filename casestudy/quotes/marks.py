"""Where quotations, paragraphs and sentences begin and end (step 0 of the attributor, always on).

>>> [text[q.start:q.end] for text in ['"A b," he said. "C d."'] for q in pair_marks(text)]
['"A b,"', '"C d."']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.cleaning import paragraph_spans

SENT_END = re.compile(r"[.!?][\"”'’»›)\]]*(?=\s+(?:''|[\"“'‘«‹„(\[])?[A-Z0-9]|\s*$)")
ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|Jr|Sr|St|Jan|Feb|Mar|Apr|"
                    r"Aug|Sept|Sep|Oct|Nov|Dec|Inc|Co|Corp|Ltd|No|vs|U\.S|U\.N|U\.K|D\.C|a\.m|p\.m|[A-Z]))$")
"""A word before a full stop that does not end the sentence."""

MAX_SENTENCE = 1200
"""No sentence is looked at beyond this many characters (keeps odd texts without full stops fast)."""


# -- paragraphs ----------------------------------------------------------------------------

def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph, white space trimmed, found as cleaning finds them
    (:func:`casestudy.text.cleaning.reflow`: a hard-wrapped paragraph spans several lines).

    >>> paragraphs("  One.\\n\\nTwo.\\n")
    [(2, 6), (8, 12)]
    """
    return paragraph_spans(text)


def para_of(paras: list[tuple[int, int]], pos: int) -> int | None:
    """The index of the paragraph that holds ``pos`` (None between paragraphs)."""
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


# -- quotation marks -------------------------------------------------------------------------

DOUBLE, SINGLE, GUILLEMET = "double", "single", "guillemets"
"""The three families of quotation marks."""

MARK = re.compile(r"'''|''|``|[\"“”„‟«»‹›‘‚]|&quot;|&#34;|&ldquo;|&rdquo;|&lsquo;|&rsquo;|&#39;|(?<!\w)['’]|['’](?!\w)")
"""Every character (or entity) that may be a quotation mark; an apostrophe inside a word (don't) is left out."""

_FAMILY = {'"': DOUBLE, "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "‟": DOUBLE, "``": DOUBLE, "&quot;": DOUBLE,
           "&#34;": DOUBLE, "&ldquo;": DOUBLE, "&rdquo;": DOUBLE, "'": SINGLE, "‘": SINGLE, "’": SINGLE, "‚": SINGLE,
           "&lsquo;": SINGLE, "&rsquo;": SINGLE, "&#39;": SINGLE, "«": GUILLEMET, "»": GUILLEMET, "‹": GUILLEMET,
           "›": GUILLEMET}
_LEFT = frozenset({"“", "„", "``", "&ldquo;", "‘", "‚", "&lsquo;"})
"""Marks that are written only at the start of a quotation (when typeset with care)."""
_RIGHT = frozenset({"”", "&rdquo;", "’", "&rsquo;"})
_OPEN_BEFORE = "([{—–-/“‘„‚«‹"
_CLOSE_AFTER = ".,;:!?)]}—–-/”’»›"
_ELISION = re.compile(r"(?:\d\d(?:s\b|\b)|(?:em|n|til|tis|twas|cause|bout|nuff)\b)", re.IGNORECASE)
"""What follows an apostrophe at the start of a word: the '90s, 'em, rock 'n' roll, 'til, 'tis."""
_NEXT_WORD = re.compile(r" ([a-z]+)(?: ([a-z]+))?")
_SAYS = frozenset("said says say added adds told asked wrote writes he she they i we".split())


@dataclass
class RawQuote:
    """A pair of quotation marks (or an unclosed opening mark), before anyone is attributed."""

    start: int          # position of the opening mark
    end: int            # just after the closing mark (or the paragraph end when unclosed)
    inner_start: int
    inner_end: int
    para: int           # index of the paragraph it starts in
    para_end: int       # index of the paragraph it ends in
    closed: bool
    family: str = DOUBLE
    runs_on: bool = False   # no closing mark: the next quote opens right after it (two paragraphs run together)


@dataclass(frozen=True)
class QuoteStyle:
    """Which marks open a quotation in a document, found once by counting the pairs of each kind.

    ``opening`` is ``"double"`` ("..." or “...”), ``"single"`` ('...' or ‘...’, British style),
    ``"guillemets"`` (« ... ») or ``"none"`` (no pair at all).
    """

    opening: str
    pairs: tuple[tuple[str, int], ...]
    curly: bool

    def describe(self) -> str:
        """The style in words, as the ``quotes`` command and notebook 02 show it.

        >>> print(detect_style("‘We won,’ she said. ‘It was “a miracle”.’").describe())
        single quotation marks ‘…’ open a quotation (2 pairs)
        """
        counts = dict(self.pairs)
        if self.opening == "none":
            return "no quotation marks"
        glyph = {DOUBLE: "“…”" if self.curly else '"…"', SINGLE: "‘…’" if self.curly else "'…'",
                 GUILLEMET: "«…»"}[self.opening]
        others = [f"{n} pair{'s' if n != 1 else ''} of {fam if fam != GUILLEMET else 'guillemet'}"
                  f"{' marks' if fam != GUILLEMET else 's'}" for fam, n in self.pairs if fam != self.opening and n]
        n = counts[self.opening]
        return (f"{self.opening} quotation marks {glyph} open a quotation ({n} pair{'s' if n != 1 else ''}"
                + ("; " + ", ".join(others) if others else "") + ")")


def _token_family(mark: str, single_style: bool) -> str:
    if mark == "''":
        return SINGLE if single_style else DOUBLE   # two apostrophes: a double mark in US copy, a typo in British
    return _FAMILY[mark]


def mark_role(text: str, start: int, end: int, family: str = DOUBLE) -> str:
    """'open', 'close', 'either' or 'none' (an apostrophe) for the mark text[start:end], from its neighbours.

    >>> [mark_role(t, t.index("'"), t.index("'") + 1, SINGLE) for t in ["don't", "the '90s", "'We", "won,' he"]]
    ['none', 'none', 'open', 'close']
    >>> t = "the players' union"
    >>> mark_role(t, 11, 12, SINGLE)
    'none'
    """
    mark = text[start:end]
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    left_space = before.isspace() or before in _OPEN_BEFORE
    right_space = (after.isspace() or after in _CLOSE_AFTER) and not text.startswith(("...", "…"), end)
    if family == GUILLEMET:
        if left_space != right_space:
            return "open" if left_space else "close"
        return "open" if mark in "«‹" else "close"
    if family == SINGLE:
        if before.isalnum() and after.isalnum():
            return "none"                          # don't, Blair's, O'Neil
        if left_space and not right_space:
            # 'em, 'til, the '90s; a left mark ‘ is an elision only before digits (‘cause opens a quote)
            elision = _ELISION.match(text, end)
            return "none" if elision and (mark not in _LEFT or elision.group(0)[:1].isdigit()) else "open"
        if right_space and not left_space:
            if mark == "‘" and before in ".,;:!?":
                return "close"
            if before in "sSzZ" and after == " ":
                m = _NEXT_WORD.match(text, end)
                if m and m.group(1) not in _SAYS and m.group(2) not in _SAYS:
                    return "none"                  # the players' union, Jones' car
            return "open" if mark in _LEFT and not before.isalnum() and before not in ".,;:!?" else "close"
        if mark in _LEFT:
            return "open"
        return "none" if left_space and right_space else "either"
    if mark in _LEFT:
        # a left mark used as a closing one ('unusual,“ said'): trust the neighbours
        return "close" if right_space and not left_space and before in ".,;:!?" else "open"
    if mark in _RIGHT:
        return "open" if left_space and not right_space and before.isspace() and after.isalpha() else "close"
    if left_space and not right_space:
        return "open"
    if right_space and not left_space:
        return "close"
    return "either"


_Token = tuple[int, int, str, str]   # start, end, family, role


def _tokens(text: str, paras: list[tuple[int, int]], single_style: bool) -> list[list[_Token]]:
    """The quotation marks of each paragraph, with their family and role (apostrophes left out)."""
    out: list[list[_Token]] = [[] for _ in paras]
    if not paras:
        return out
    pi, (ps, pe) = 0, paras[0]
    for m in MARK.finditer(text, paras[0][0], paras[-1][1]):
        s, e = m.start(), m.end()
        while s >= pe and pi + 1 < len(paras):
            pi += 1
            ps, pe = paras[pi]
        if s < ps or e > pe:
            continue
        mark = m.group(0)
        if mark == "'"+"''":     # a single quote next to a double one: keep the pair that opens or closes
            role = mark_role(text, s, e)
            s, e = (s, s + 2) if role == "open" else (e - 2, e)
            mark = "''"
        family = _token_family(mark, single_style)
        role = mark_role(text, s, e, family)
        if role != "none":
            out[pi].append((s, e, family, role))
    return out


def _simple_pairs(tokens: list[_Token], family: str) -> list[tuple[int, int]]:
    """Spans of the marks of one family paired in turn (an opening one, then the next closing one)."""
    spans, opened = [], -1
    for s, e, fam, role in tokens:
        if fam != family:
            continue
        if opened < 0 and role in ("open", "either"):
            opened = s
        elif opened >= 0 and role in ("close", "either"):
            spans.append((opened, e))
            opened = -1
    return spans


def detect_style(text: str, paras: list[tuple[int, int]] | None = None) -> QuoteStyle:
    """Which marks open a quotation in this text: the kind with the most pairs that are not inside a
    pair of another kind (double when tied).

    >>> detect_style('She said: "It is odd." He called it "odd" twice.').opening
    'double'
    >>> detect_style("‘We won,’ she said. ‘We’ll win “again”.’").opening
    'single'
    """
    paras = paragraphs(text) if paras is None else paras
    return _style(text, _tokens(text, paras, single_style=False))


def _style(text: str, tokens_by_para: list[list[_Token]]) -> QuoteStyle:
    counts = {DOUBLE: 0, SINGLE: 0, GUILLEMET: 0}
    curly = straight = 0
    for tokens in tokens_by_para:
        if not tokens:
            continue
        spans = {family: _simple_pairs(tokens, family) for family in counts}
        if any(text[t[0]:t[1]] == "''" for t in tokens):
            # two apostrophes: a double mark in US copy, a doubled single mark in British copy; count both ways
            spans[SINGLE] = _simple_pairs([(a, b, SINGLE if text[a:b] == "''" else f, r) for a, b, f, r in tokens],
                                          SINGLE)
        for family, own in spans.items():
            others = [span for f, pairs in spans.items() if f != family for span in pairs]
            counts[family] += sum(1 for a, b in own if not any(x <= a and b <= y for x, y in others))
        for s, e, _, _ in tokens:
            if text[s] in "“”‘’„‚":
                curly += 1
            elif text[s] in "\"'":
                straight += 1
    best = max(counts.values())
    opening = "none" if best == 0 else next(f for f in (DOUBLE, SINGLE, GUILLEMET) if counts[f] == best)
    return QuoteStyle(opening, tuple(counts.items()), curly > straight)


def pair_marks(text: str, style: QuoteStyle | None = None,
               paras: list[tuple[int, int]] | None = None) -> list[RawQuote]:
    """Pair quotation marks into quotes, paragraph by paragraph (the document's style decides which marks open).

    * the marks of the document's style open a quotation, double marks and guillemets always do; marks
      of another kind inside a quotation are a quotation inside it (‘He called it “a farce”,’ she said);
    * apostrophes are not marks (don't, the '90s, the players' union);
    * a paragraph that ends inside a quote continues when the next one opens with a mark (the wire
      convention), and a quote is cut where a new one opens after a full stop with no closing mark
      (two paragraphs run together: ``"We will not sign. "The offer is unfair," she said.``).

    >>> [text[q.start:q.end] for text in ['"A b," he said. "C d."'] for q in pair_marks(text)]
    ['"A b,"', '"C d."']
    >>> text = '"First paragraph\\n\\n"second paragraph."'
    >>> [(q.closed, q.para, q.para_end) for q in pair_marks(text)]
    [(True, 0, 1)]
    >>> text = "'Our generals don't know it,' he said. 'They will.'"
    >>> [text[q.start:q.end] for q in pair_marks(text)]
    ["'Our generals don't know it,'", "'They will.'"]
    """
    paras = paragraphs(text) if paras is None else paras
    tokens_by_para = _tokens(text, paras, single_style=False)
    style = _style(text, tokens_by_para) if style is None else style
    single_style = style.opening == SINGLE
    if single_style and "''" in text:
        tokens_by_para = _tokens(text, paras, single_style=True)
    quotes: list[RawQuote] = []
    # the open quotation (family, mark start, inner start, paragraph), then any quotations inside it
    stack: list[tuple[str, int, int, int]] = []
    carried = False
    for pi, (ps, pe) in enumerate(paras):
        tokens = tokens_by_para[pi]
        if not tokens and not stack:
            continue
        tokens_next = tokens_by_para[pi + 1] if pi + 1 < len(paras) else []
        for k, (s, e, family, role) in enumerate(tokens):
            if k == 0 and carried and s == ps:
                continue          # the mark that re-opens a quote carried over from the previous paragraph
            if not stack:
                if role == "close" or (family == SINGLE and not single_style):
                    continue      # a stray closing mark, or single marks in a document that quotes with double ones
                stack.append((family, s, e, pi))
                continue
            top_family = stack[0][0]
            if family == stack[-1][0]:
                if role == "open" and len(stack) == 1 and _runs_on(text, ps, s):
                    # "We will not sign. "The offer ...": the first quote's closing mark is missing
                    end = _last_non_space(text, ps, s)
                    quotes.append(RawQuote(stack[0][1], end, stack[0][2], end, stack[0][3], pi, False, top_family, True))
                    stack = [(family, s, e, pi)]
                elif role == "open" and text[s:e] in _LEFT and len(stack) == 1:
                    stack = [(family, s, e, pi)]     # a left mark while a quote is open: the earlier mark was stray
                elif len(stack) > 1:
                    stack.pop()                      # a quotation inside the quotation closes
                else:
                    quotes.append(RawQuote(stack[0][1], e, stack[0][2], s, stack[0][3], pi, True, top_family))
                    stack = []
            elif role == "close" or (role == "either" and any(f == family for f, *_ in stack)):
                depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == family), None)
                if depth == 0:
                    quotes.append(RawQuote(stack[0][1], e, stack[0][2], s, stack[0][3], pi, True, top_family))
                    stack = []
                elif depth is not None:
                    del stack[depth:]
            else:
                stack.append((family, s, e, pi))      # a quotation inside the quotation opens
        carried = False
        if stack:
            family = stack[0][0]
            first = tokens_next[0] if tokens_next else None
            if first is not None and first[0] == paras[pi + 1][0] and first[2] == family and first[3] != "close":
                stack = stack[:1]
                carried = True                       # the quote runs on into the next paragraph
                continue
            quotes.append(RawQuote(stack[0][1], pe, stack[0][2], pe, stack[0][3], pi, False, family))
            stack = []
    return quotes


def _runs_on(text: str, ps: int, s: int) -> bool:
    """True when the opening mark at ``s`` follows a sentence's end and white space ("... sign. "The")."""
    k = s - 1
    if k < ps or not text[k].isspace():
        return False
    while k > ps and text[k].isspace():
        k -= 1
    return text[k] in ".!?"


def _last_non_space(text: str, lo: int, pos: int) -> int:
    k = pos
    while k > lo and text[k - 1].isspace():
        k -= 1
    return k


# -- sentences -------------------------------------------------------------------------------

def sentence_start(text: str, lo: int, pos: int) -> int:
    """The start of the sentence containing ``pos`` (not before ``lo``, nor more than MAX_SENTENCE back)."""
    lo = max(lo, pos - MAX_SENTENCE)
    best = lo
    for m in SENT_END.finditer(text, lo, pos):
        if ABBREV.search(text, max(lo, m.start() - 6), m.start()):
            continue
        best = m.end()
    while best < pos and text[best].isspace():
        best += 1
    return best


def last_char_before(text: str, lo: int, pos: int) -> int:
    """The position of the last word character before ``pos`` (skipping the full stop and spaces)."""
    k = pos - 1
    while k > lo and (text[k].isspace() or text[k] in ".!?\"”'’"):
        k -= 1
    return max(lo, k)


def sentence_end(text: str, pos: int, hi: int) -> int:
    """The end of the sentence that contains ``pos`` (not after ``hi``, nor more than MAX_SENTENCE on)."""
    hi = min(hi, pos + MAX_SENTENCE)
    for m in SENT_END.finditer(text, pos, hi):
        if ABBREV.search(text, max(pos, m.start() - 6), m.start()):
            continue
        return m.end()
    return hi
