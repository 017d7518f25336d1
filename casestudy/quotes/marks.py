"""Where quotations, paragraphs and sentences begin and end (step 0 of the attributor, always on).

>>> [text[q.start:q.end] for text in ['"A b," he said. "C d."'] for q in pair_marks(text)]
['"A b,"', '"C d."']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKS = re.compile(r"''+|``|[\"“”„]|&quot;|&#34;|&ldquo;|&rdquo;")
"""Quotation marks: straight, curly, double apostrophe and backticks (and HTML entities)."""

SENT_END = re.compile(r"[.!?][\"”'’)\]]*(?=\s+(?:''|[\"“'‘(\[])?[A-Z0-9]|\s*$)")
ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|Jr|Sr|St|Jan|Feb|Mar|Apr|"
                    r"Aug|Sept|Sep|Oct|Nov|Dec|Inc|Co|Corp|Ltd|No|vs|U\.S|U\.N|U\.K|D\.C|a\.m|p\.m|[A-Z]))$")
"""A word before a full stop that does not end the sentence."""

MAX_SENTENCE = 1200
"""No sentence is looked at beyond this many characters (keeps odd texts without full stops fast)."""


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


# -- paragraphs ----------------------------------------------------------------------------

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

def mark_role(text: str, start: int, end: int) -> str:
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


def pair_marks(text: str) -> list[RawQuote]:
    """Pair quotation marks into quotes, paragraph by paragraph.

    >>> text = '"First paragraph\\n\\n"second paragraph."'
    >>> [(q.closed, q.para, q.para_end) for q in pair_marks(text)]
    [(True, 0, 1)]
    """
    paras = paragraphs(text)
    quotes: list[RawQuote] = []
    open_q: tuple[int, int, int] | None = None   # (mark start, inner start, paragraph)
    for pi, (ps, pe) in enumerate(paras):
        marks = []
        for m in MARKS.finditer(text, ps, pe):
            s, e = m.start(), m.end()
            if text[s] == "'" and e - s > 2:      # ''' : a single quote next to a double one
                role = mark_role(text, s, e)
                s, e = (s, s + 2) if role == "open" else (e - 2, e)
            marks.append((s, e, mark_role(text, s, e)))
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
                quotes.append(RawQuote(open_q[0], e, open_q[1], s, open_q[2], pi, True))
                open_q = None
        if open_q is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            mark = MARKS.match(text, nxt[0]) if nxt is not None else None
            if nxt is not None and mark and mark_role(text, nxt[0], mark.end()) != "close":
                continue                  # the quote runs on into the next paragraph
            quotes.append(RawQuote(open_q[0], pe, open_q[1], pe, open_q[2], pi, False))
            open_q = None
    return quotes


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
