"""Plain data types shared by the whole package.

These are frozen dataclasses with no NLTK, matplotlib or ipywidgets imports,
so ``import casestudy`` stays fast and every result is easy to print and test.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

UNKNOWN = "unknown"
"""The side of a speaker nobody has placed on a side."""

NEITHER = "neither"
"""The side of an argument-map claim that belongs to no side (the reporter's framing, say)."""

MAX_SIDES = 8
"""How many sides an article may have: the colour-blind-safe palette has eight distinct colours."""

_QUOTE_CHARS = str.maketrans({
    "\u201c": '"',  # “ left double quotation mark
    "\u201d": '"',  # ” right double quotation mark
    "\u201e": '"',  # „ double low-9 quotation mark
    "\u00ab": '"',  # « left-pointing double angle quotation mark
    "\u00bb": '"',  # » right-pointing double angle quotation mark
    "\u2018": "'",  # ‘ left single quotation mark
    "\u2019": "'",  # ’ right single quotation mark
})


def plural(n: int, word: str, many: str | None = None) -> str:
    """A count with its noun, singular for one: messages never say "1 pieces".

    >>> plural(1, "piece"), plural(3, "piece"), plural(0, "person", "people")
    ('1 piece', '3 pieces', '0 people')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"


def normalise_for_id(text: str) -> str:
    """The form of a text that stable ids are computed from.

    Case, quotation-mark style, punctuation and spacing do not change an id,
    so the same quote gets the same id in the raw page and in the cleaned text.

    >>> normalise_for_id('  \u201cWe do NOT want\\n to play these games.\u201d ')
    'we do not want to play these games'
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_CHARS).lower()
    words = re.findall(r"[^\W_]+", text)
    return " ".join(words)


def stable_id(prefix: str, text: str) -> str:
    """A short id derived from a text's content, not from its position in a list.

    Saved argument maps point at quotes and sentences by these ids, so the
    links survive when the rules that find quotes improve.

    >>> stable_id("q", "We do not want to play these games.")
    'q-2a96b4ec8c'
    >>> stable_id("q", "\u201cWe do not want to play these games\u201d") == stable_id("q", "We do not want to play these games.")
    True
    """
    digest = hashlib.sha1(normalise_for_id(text).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:10]}"


def quote_id(content: str) -> str:
    """The stable id of a quote, from its words (without quotation marks)."""
    return stable_id("q", content)


def sentence_id(text: str) -> str:
    """The stable id of a sentence, from its words."""
    return stable_id("s", text)


@dataclass(frozen=True)
class Side:
    """One side of a debate, as an article's people file declares it.

    ``colour`` is optional (an Okabe-Ito colour name such as ``"blue"`` or a
    ``#RRGGBB`` code): sides without one take the palette's colours in order.

    >>> Side("EU", description="the European Commission and member states").name
    'EU'
    """

    name: str
    colour: str | None = None
    description: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name}
        if self.colour:
            out["colour"] = self.colour
        if self.description:
            out["description"] = self.description
        return out


def side_names(sides: Iterable[Side | str]) -> tuple[str, ...]:
    """The names of some sides, in order.

    >>> side_names([Side("EU"), "UK"])
    ('EU', 'UK')
    """
    return tuple(s.name if isinstance(s, Side) else str(s) for s in sides)


@dataclass(frozen=True)
class Person:
    """Someone the article names, as written by hand in ``data/people.json``."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""
    side: str = "unknown"
    gender: str = "unknown"


@dataclass(frozen=True)
class ArticleMetadata:
    """What is known (and what is inferred) about where an article came from."""

    title: str | None = None
    publisher: str | None = None
    dateline_place: str | None = None
    published: str | None = None
    page_timestamp: str | None = None
    copyright: str | None = None
    known: tuple[str, ...] = ()
    inferred: tuple[str, ...] = ()
    sources: tuple[dict[str, str], ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Article:
    """A raw news text as loaded from a file, with what we know about it."""

    raw: str
    source: str
    metadata: ArticleMetadata = field(default_factory=ArticleMetadata)
    people: tuple[Person, ...] = ()
    bundled: bool = False
    sides: tuple[Side, ...] = ()

    def __repr__(self) -> str:  # the raw text is long: show its size instead
        return (f"Article(source={self.source!r}, {len(self.raw)} characters, "
                f"{len(self.people)} people, {len(self.sides)} sides, bundled={self.bundled})")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


QUOTE_KINDS = ("direct", "continuation", "reported")


@dataclass(frozen=True)
class Quote:
    """One attributed quote: what was said, by whom, and why we think so.

    ``start``/``end`` are character offsets into the text the quote was found
    in, spanning the quotation marks (for reported speech, the reported words);
    ``text`` is exactly that slice and ``content`` the words without the marks.
    ``mention_start``/``mention_end`` span the words that name the speaker
    ("Army General Yury Baluyevsky", "she"), or are ``None``.  ``rule`` names the
    rule that chose the speaker and ``explanation`` says it in a sentence.
    """

    start: int
    end: int
    text: str
    content: str
    speaker: str | None
    kind: str
    rule: str
    cue: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    mention: str | None = None
    side: str = "unknown"
    explanation: str = ""

    @property
    def id(self) -> str:
        """Stable id from the quote's words: see :func:`quote_id`."""
        return quote_id(self.content)

    def to_json(self) -> dict[str, Any]:
        """The quote as the ``quotes --json`` command prints it."""
        return {
            "id": self.id, "start": self.start, "end": self.end, "text": self.text,
            "content": self.content, "speaker": self.speaker, "side": self.side,
            "mention_start": self.mention_start, "mention_end": self.mention_end,
            "mention": self.mention, "cue": self.cue, "kind": self.kind, "rule": self.rule,
            "explanation": self.explanation,
        }


def sides_of(people: Sequence[Person], declared: Iterable[Side] = ()) -> tuple[Side, ...]:
    """An article's sides: those its people file declares, else its people's sides in order of first appearance.

    ``unknown`` and ``neither`` are never sides of their own: they are what is
    left over.

    >>> people = [Person("Ann Lee", side="UK"), Person("Bo Berg", side="EU"), Person("Cy Dane", side="UK")]
    >>> side_names(sides_of(people))
    ('UK', 'EU')
    >>> side_names(sides_of(people, [Side("EU"), Side("UK"), Side("Norway")]))
    ('EU', 'UK', 'Norway')
    """
    declared = tuple(declared)
    if declared:
        return declared
    seen: dict[str, Side] = {}
    for person in people:
        side = person.side.strip()
        if side and side.lower() not in (UNKNOWN, NEITHER) and side not in seen:
            seen[side] = Side(side)
    return tuple(seen.values())
