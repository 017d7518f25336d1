"""The evidence a claim can cite: the article's attributed quotes and its sentences, by stable ids.

Each claim points at its evidence by an id computed from the words of a quote
(:func:`casestudy.models.quote_id`, ``q-...``) or a sentence
(:func:`casestudy.models.sentence_id`, ``s-...``), never by a position in a
list, so a saved map still points at the right words after the quote-finding
rules improve.  :func:`casestudy.pipeline.read_article` builds the catalogue
of an article (``reading.evidence``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import InputError
from ..models import NEITHER, Quote
from ..text.tokens import Sentence

_EVIDENCE_ID = re.compile(r"^[qs]-[0-9a-f]{10}$")


def is_evidence_id(text: str) -> bool:
    """True for ids made by ``quote_id`` (``q-...``) or ``sentence_id`` (``s-...``).

    >>> is_evidence_id("q-2a96b4ec8c"), is_evidence_id("quote 3")
    (True, False)
    """
    return isinstance(text, str) and bool(_EVIDENCE_ID.match(text))



@dataclass(frozen=True)
class Evidence:
    """One thing a claim can cite: an attributed quote, or a sentence of the cleaned article.

    ``sentence_id`` is the id of the sentence the quote stands in (for a
    sentence, its own id).  When maps are compared, a quote and its sentence
    count as the same evidence where the reference cites neither of them
    exactly (:func:`same_evidence`).
    """

    id: str
    kind: str  # "direct", "continuation", "reported" or "sentence"
    speaker: str | None
    side: str
    text: str
    sentence_id: str

    def label(self, width: int = 110) -> str:
        """A one-line label for pick lists: ``'Condoleezza Rice (direct): We have offered...'``."""
        words = " ".join(self.text.split())
        line = f"sentence: {words}" if self.kind == "sentence" else \
            f"{self.speaker or 'unknown speaker'} ({self.kind}): {words}"
        return line if len(line) <= width else line[: width - 1] + "\u2026"

    def describe(self) -> str:
        """What :attr:`ArgumentMap.evidence_texts` stores: speaker and words."""
        who = self.speaker or ("Sentence" if self.kind == "sentence" else "Unknown speaker")
        return f"{who}: {' '.join(self.text.split())}"


def evidence_catalogue(quotes: Iterable[Quote], sentences: Iterable[Sentence]) -> list[Evidence]:
    """Every quote, then every sentence, as evidence a claim can cite, each id once.

    Quotes come first (what students usually cite); sentences cover what the
    reporter says in their own words.  Quotes and sentences must have offsets
    into the same text: a quote's ``sentence_id`` is the sentence it starts in.
    :func:`casestudy.pipeline.read_article` builds this for an article.
    """
    sentences = list(sentences)
    starts = [sent.start for sent in sentences]

    def sentence_of(pos: int) -> str:
        k = bisect.bisect_right(starts, pos) - 1
        return sentences[k].id if k >= 0 and sentences[k].start <= pos < sentences[k].end else ""

    out: dict[str, Evidence] = {}
    for q in quotes:
        sid = sentence_of(q.start + (1 if q.kind != "reported" else 0))
        out.setdefault(q.id, Evidence(q.id, q.kind, q.speaker, q.side, q.content, sid or q.id))
    for sent in sentences:
        out.setdefault(sent.id, Evidence(sent.id, "sentence", None, NEITHER, sent.text, sent.id))
    return list(out.values())


def find_evidence(catalogue: Iterable[Evidence], words: str, kind: str | None = None) -> Evidence:
    """The first quote or sentence whose speaker and text contain all the ``words`` (any case).

    ``kind`` narrows the search ("direct", "reported", "sentence"...).  Handy
    for building a map in code without copying ids by hand:

    >>> e = Evidence("q-0000000001", "direct", "Condoleezza Rice", "US/NATO", "We have offered them defense cooperation", "s-0000000001")
    >>> find_evidence([e], "rice offered").id
    'q-0000000001'
    >>> find_evidence([e], "lavrov")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: no quote or sentence contains all of 'lavrov': try fewer or other words
    """
    wanted = words.lower().split()
    for e in catalogue:
        if kind is not None and e.kind != kind:
            continue
        haystack = f"{e.speaker or ''} {e.text}".lower()
        if all(w in haystack for w in wanted):
            return e
    raise InputError(f"no quote or sentence contains all of {words!r}: try fewer or other words")


def same_evidence(catalogue: Iterable[Evidence]) -> dict[str, str]:
    """Each quote mapped to the sentence it stands in, for :func:`compare_maps`.

    The comparison matches evidence exactly first and falls back on this
    only when no reference claim cites a piece of evidence itself: then a
    quote (direct or reported) and its sentence count as the same evidence,
    so a student who cites the whole sentence around a quote is not told the
    words are wrong.

    >>> e = Evidence("q-0000000001", "direct", "Yury Baluyevsky", "Russia", "The real goal is...", "s-0000000009")
    >>> same_evidence([e])
    {'q-0000000001': 's-0000000009'}
    """
    return {e.id: e.sentence_id for e in catalogue
            if e.kind != "sentence" and e.sentence_id and e.sentence_id != e.id}
