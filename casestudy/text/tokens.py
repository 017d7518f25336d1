"""Sentence and word tokenisation with NLTK, fully offline.

NLTK's ready-made ``sent_tokenize`` loads a trained Punkt model with
``nltk.download('punkt_tab')``, which needs the network, and NLTK 3.10 only
reads data from folders that are not group- or world-writable.  We avoid all
of that: Punkt's *algorithm* is in NLTK's code, and the only thing the trained
model adds that news text needs is a list of abbreviations.  So we build a
:class:`~nltk.tokenize.punkt.PunktSentenceTokenizer` from
:class:`~nltk.tokenize.punkt.PunktParameters` written here, in plain sight.

>>> [s.text for s in split_sentences("Mr. Smith met Gen. Lee in the U.S. embassy. They talked.")]
['Mr. Smith met Gen. Lee in the U.S. embassy.', 'They talked.']

Limits: an abbreviation that really ends a sentence ("... talks with the U.S.
Then ...") is not split there; Punkt can only guess from the next word.

Reference: Kiss, T. and Strunk, J. (2006). Unsupervised Multilingual Sentence
Boundary Detection. Computational Linguistics 32(4), 485-525.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..errors import REINSTALL, MissingResourceError
from ..models import sentence_id

if TYPE_CHECKING:  # pragma: no cover
    from nltk.tokenize.punkt import PunktSentenceTokenizer

ABBREVIATIONS = frozenset("""
    u.s u.k u.n e.u u.s.a u.s.s.r d.c n.y l.a
    mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr cpl pvt brig
    pres amb sec dept gov't st jr sr rev hon messrs mmes
    jan feb mar apr jun jul aug sep sept oct nov dec
    inc corp co ltd bros assn univ
    no nos vs etc e.g i.e cf approx est
    a.m p.m
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo
""".split())
"""Words that end with a full stop but do not end a sentence (lower case, without the final stop)."""


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and its character offsets into the text it came from."""

    start: int
    end: int
    text: str

    @property
    def id(self) -> str:
        """A stable id derived from the sentence's words (see :func:`casestudy.models.stable_id`)."""
        return sentence_id(self.text)


def _nltk_punkt() -> Any:  # nltk.tokenize.punkt: nltk ships no type hints
    try:
        from nltk.tokenize import punkt
    except ImportError:  # pragma: no cover - nltk is a declared dependency
        raise MissingResourceError(
            f"NLTK is not installed for this Python: {REINSTALL}"
        ) from None
    return punkt


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """NLTK's Punkt sentence tokenizer, with our abbreviation list and no downloaded model."""
    punkt = _nltk_punkt()
    params = punkt.PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return punkt.PunktSentenceTokenizer(params)


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences with character offsets (``text[s.start:s.end] == s.text``).

    Paragraph breaks (a blank line) always end a sentence, even without a full stop.

    >>> s = split_sentences('He said: "Go." She left.')
    >>> [(x.start, x.end, x.text) for x in s]
    [(0, 14, 'He said: "Go."'), (15, 24, 'She left.')]
    """
    tokenizer = sentence_tokenizer()
    out: list[Sentence] = []
    pos = 0
    for block in text.split("\n\n"):
        for a, b in tokenizer.span_tokenize(block):
            out.append(Sentence(pos + a, pos + b, block[a:b]))
        pos += len(block) + 2
    return out


def split_words(text: str) -> list[str]:
    """Word tokens (NLTK's Treebank-style tokenizer), sentence by sentence, with no downloads.

    ``nltk.word_tokenize`` would first call ``sent_tokenize``, which needs the
    downloaded ``punkt_tab`` model; we split sentences ourselves and hand each
    one to the same word tokenizer.

    >>> split_words("The U.S. didn't say.")
    ['The', 'U.S.', 'did', "n't", 'say', '.']
    """
    from nltk.tokenize import NLTKWordTokenizer

    tok = NLTKWordTokenizer()
    return [w for s in split_sentences(text) for w in tok.tokenize(s.text)]
