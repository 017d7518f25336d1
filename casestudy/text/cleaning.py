"""From a scraped news page to clean text, in small named steps.

A page saved from a news site holds more than the story: a clock, buttons
("Listen Live", "Get short URL"), counters, a comment footer, and often the
lead paragraph twice.  Each step below does one job, returns what it kept and
what it removed (with the raw character offsets and a reason), and also works
on text that has none of that furniture.  :func:`clean_article` runs them in
order:

1. :func:`split_lines` - the page as lines, each with its offsets in the raw text;
2. :func:`find_furniture` - remove page furniture, recording each piece and why;
3. :func:`split_timestamp` - read the page's run-together clock ("16:32 GMT +323 January 2019");
4. :func:`find_title` - the headline, if the page starts with one;
5. :func:`find_dateline` - "OSLO, April 26 (RIA Novosti) -": place, date, agency;
6. :func:`drop_duplicate_lead` - the summary that repeats the first paragraph;
7. :func:`reflow` - paragraphs from any layout: hard-wrapped lines (wire copy, e-mail, PDF text) joined,
   paragraphs found by blank lines or indentation (:func:`find_layout` says which);
   :func:`make_paragraphs` and :func:`normalise` - paragraphs with tidy spaces and straight quotes;
8. :func:`casestudy.text.tokens.split_sentences` - sentences with offsets into the clean text.

Every non-blank character of the raw page ends up in exactly one place: the
title, the dateline, a body paragraph, or the list of removed pieces
(:func:`unaccounted` checks this).

At about 700 lines this module is longer than most in the package, on purpose:
it is notebook 01 in code, the steps in the order the notebook walks through
them, each short and on its own, so a student follows one file from top to
bottom.  :class:`OffsetMap` ties the clean text back to the raw page.

>>> clean = clean_article("Talks resume\\n\\nOSLO, May 2 (AP) - Talks resumed today. \\u201cGood,\\u201d he said.")
>>> clean.title, clean.place, clean.agency, clean.published
('Talks resume', 'Oslo', 'AP', None)
>>> clean.paragraphs
['Talks resumed today. "Good," he said.']
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from ..errors import InputError
from .loading import load_text
from ..models import Article, plural
from .tokens import Sentence, split_sentences

# -- data types ----------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One non-blank line of the raw page, stripped, with its offsets in the raw text."""

    text: str
    start: int
    end: int
    blank_before: bool = False
    indent: int = 0   # white space before the text on its line


@dataclass(frozen=True)
class Removed:
    """A piece of the raw page that is not part of the story, and why it was removed."""

    text: str
    reason: str
    start: int
    end: int


@dataclass(frozen=True)
class PageTimestamp:
    """The page's clock, split into its two run-together fields."""

    raw: str
    time: str  # "16:32"
    zone: str  # "GMT+3"
    date: str  # "23 January 2019"
    iso: str | None  # "2019-01-23T16:32:00+03:00", or None if the fields do not make a valid date
    note: str = ""


@dataclass(frozen=True)
class Dateline:
    """The opening "PLACE, Month Day (AGENCY) -" of a wire story."""

    text: str
    place: str
    date: str | None
    agency: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: clean text plus the span of the raw page it came from.

    ``runs`` ties the clean text back to the raw page: each ``(clean, raw)``
    pair says that the clean text from offset ``clean`` on (within the
    paragraph) copies the raw page from offset ``raw`` on, character for
    character, until the next run starts.
    """

    text: str
    raw_start: int
    raw_end: int
    runs: tuple[tuple[int, int], ...] = ()


class OffsetMap:
    """Where each character of the clean text came from in the raw page.

    Cleaning only drops characters (furniture, extra spaces, line breaks) and
    swaps single characters (curly quotation marks, no-break spaces), so a
    stretch of clean text copies a stretch of the raw page one to one.  The map
    keeps the start of each stretch; :meth:`to_raw` finds the stretch by
    bisection.  The ``quotes`` command uses it to give offsets into the file it read.

    >>> clean = clean_article("Title\\n\\nOSLO (AP) - We  met\\nthe mayor.\\n\\nThe end.")
    >>> clean.text
    'We met the mayor.\\n\\nThe end.'
    >>> a, b = clean.offsets.span_to_raw(3, 16)
    >>> clean.raw[a:b]
    'met\\nthe mayor'
    """

    def __init__(self, clean_starts: array[int] | None = None, raw_starts: array[int] | None = None) -> None:
        self.clean_starts = clean_starts if clean_starts is not None else array("q")
        self.raw_starts = raw_starts if raw_starts is not None else array("q")

    def add(self, clean: int, raw: int) -> None:
        """Say that clean offset ``clean`` copies raw offset ``raw`` (and so on, until the next run)."""
        self.clean_starts.append(clean)
        self.raw_starts.append(raw)

    def to_raw(self, pos: int) -> int:
        """The raw offset of clean offset ``pos``."""
        k = bisect.bisect_right(self.clean_starts, pos) - 1
        if k < 0:
            return pos
        return self.raw_starts[k] + pos - self.clean_starts[k]

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span of the clean span ``[start, end)``: from its first character to just after its last."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1

    def __repr__(self) -> str:
        return f"OffsetMap({len(self.clean_starts)} runs)"


@dataclass(frozen=True)
class CleanArticle:
    """The result of :func:`clean_article`."""

    raw: str
    title: str | None
    title_span: tuple[int, int] | None
    dateline: Dateline | None
    published: str | None
    published_source: str | None
    page_timestamp: PageTimestamp | None
    body: tuple[Paragraph, ...]
    removed: tuple[Removed, ...]
    sentences: tuple[Sentence, ...]  # offsets into ``text``
    text: str  # the body paragraphs joined by blank lines
    offsets: OffsetMap = field(default_factory=OffsetMap, repr=False, compare=False)  # ``text`` back to ``raw``

    @property
    def paragraphs(self) -> list[str]:
        """The body paragraphs' clean text."""
        return [p.text for p in self.body]

    @property
    def place(self) -> str | None:
        return self.dateline.place if self.dateline else None

    @property
    def agency(self) -> str | None:
        return self.dateline.agency if self.dateline else None

    def to_json(self) -> dict[str, Any]:
        """The cleaned article as ``python -m casestudy clean --json`` prints it."""
        return {
            "title": self.title,
            "place": self.place,
            "dateline_date": self.dateline.date if self.dateline else None,
            "published": self.published,
            "published_source": self.published_source,
            "agency": self.agency,
            "page_timestamp": self.page_timestamp.iso if self.page_timestamp else None,
            "paragraphs": self.paragraphs,
            "text": self.text,
            "sentences": [{"start": s.start, "end": s.end, "text": s.text, "id": s.id} for s in self.sentences],
            "removed": [{"text": r.text, "reason": r.reason, "start": r.start, "end": r.end} for r in self.removed],
        }

    def summary(self) -> str:
        """A short human-readable report (what the command line prints without ``--json``)."""
        lines = [
            f"Title:      {self.title or '(none found)'}",
            f"Dateline:   {self.dateline.text if self.dateline else '(none found)'}",
            f"Place:      {self.place or '-'}    Agency: {self.agency or '-'}",
            f"Published:  {self.published or 'unknown'}" + (f" (from the {self.published_source})" if self.published_source else ""),
            f"Page saved: {self.page_timestamp.iso if self.page_timestamp else 'unknown'}",
            f"Body:       {plural(len(self.body), 'paragraph')}, {plural(len(self.sentences), 'sentence')}, "
            f"{plural(len(self.text.split()), 'word')}",
            f"Removed:    {plural(len(self.removed), 'piece')}",
        ]
        lines += [f"  - {r.text[:60]!r}: {r.reason}" for r in self.removed]
        return "\n".join(lines)


# -- step 1: lines ---------------------------------------------------------------


def split_lines(raw: str) -> list[Line]:
    """The non-blank lines of a page, stripped, each with its start and end offset in ``raw``.

    >>> split_lines("  Hello\\n\\nworld ")
    [Line(text='Hello', start=2, end=7, blank_before=False, indent=2), Line(text='world', start=9, end=14, blank_before=True, indent=0)]
    """
    lines: list[Line] = []
    blank = False
    pos = 0
    for text in raw.split("\n"):
        stripped = text.strip()
        if stripped:
            indent = len(text) - len(text.lstrip())
            start = pos + indent
            lines.append(Line(stripped, start, start + len(stripped), blank_before=blank and bool(lines), indent=indent))
            blank = False
        else:
            blank = True
        pos += len(text) + 1
    return lines


# -- step 2: furniture -----------------------------------------------------------

TIMESTAMP = re.compile(
    r"^(?P<time>\d{1,2}:\d{2})\s*(?P<zone>GMT|UTC)\s*(?P<sign>[+-])\s*(?P<digits>\d{1,4})\s*"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?P<year>\d{4})$",
    re.IGNORECASE,
)
"""A page clock with its time zone and date run together, e.g. "16:32 GMT +323 January 2019"."""

FURNITURE: list[tuple[re.Pattern[str], str]] = [
    (TIMESTAMP, "page timestamp: when the archive page was saved, not when the story was published"),
    (re.compile(r"^listen live$", re.I), "site button: audio player link"),
    (re.compile(r"^get short url$", re.I), "site button: share link"),
    (re.compile(r"^\d+(?:\s+\d+)*$"), "page counters (views, comments), not part of the story"),
    (re.compile(r"^community standards.*$", re.I), "comment section footer"),
    (re.compile(r"^comment via .*$", re.I), "comment section footer"),
    (re.compile(r"^(?:advertisement|print|e-?mail|tweet|share(?: this)?(?: article| story)?|"
                r"(?:subscribe|sign up|follow us|read more|related (?:articles|stories))\b.{0,60})$", re.I),
     "site navigation or advertising"),
]
"""Lines that are page furniture, each with the reason it is removed.

Only whole lines match, and a line must be short (under 80 characters), so a
sentence of the story that mentions "comment" or "subscribe" is never removed.
"""


def find_furniture(lines: list[Line]) -> tuple[list[Line], list[Removed]]:
    """Split lines into the story's lines and the page furniture (with reasons).

    >>> kept, removed = find_furniture(split_lines("Listen Live\\nRice spoke.\\n0 10"))
    >>> [line.text for line in kept], [(r.text, r.reason) for r in removed]
    (['Rice spoke.'], [('Listen Live', 'site button: audio player link'), ('0 10', 'page counters (views, comments), not part of the story')])
    """
    kept: list[Line] = []
    removed: list[Removed] = []
    for line in lines:
        reason = None
        if len(line.text) < 80:
            reason = next((why for pattern, why in FURNITURE if pattern.match(line.text)), None)
        if reason:
            removed.append(Removed(line.text, reason, line.start, line.end))
        else:
            kept.append(line)
    return kept, removed


# -- step 3: the page clock ----------------------------------------------------------

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]


def split_timestamp(text: str) -> PageTimestamp | None:
    """Split a run-together page clock into time, zone and date.

    "16:32 GMT +323 January 2019" is two fields glued together: "16:32 GMT+3"
    and "23 January 2019".  The digits "323" could be +3 and day 23, or +32 and
    day 3; time zones run from -12 to +14, so only the first reading is valid.
    When both readings are valid (e.g. "+111": +1 and day 11, or +11 and day 1)
    we take the one-digit zone and say so in ``note``.

    >>> ts = split_timestamp("16:32 GMT +323 January 2019")
    >>> ts.time, ts.zone, ts.date, ts.iso
    ('16:32', 'GMT+3', '23 January 2019', '2019-01-23T16:32:00+03:00')
    >>> split_timestamp("Oslo talks") is None
    True
    """
    m = TIMESTAMP.match(text.strip())
    if not m:
        return None
    digits, sign = m["digits"], m["sign"]
    month = _MONTHS.index(m["month"].lower()) + 1
    year = int(m["year"])
    readings = []
    for cut in range(1, len(digits)):
        offset, day = int(digits[:cut]), int(digits[cut:])
        if offset <= 14 and not digits[cut:].startswith("0"):
            try:
                date(year, month, day)
            except ValueError:
                continue
            readings.append((offset, day))
    if not readings:
        return PageTimestamp(text, m["time"], f"{m['zone'].upper()}{sign}{digits}", f"? {m['month']} {year}", None,
                             note="no valid split of the zone and day digits")
    offset, day = readings[0]
    note = "" if len(readings) == 1 else f"ambiguous: also readable as {m['zone'].upper()}{sign}{readings[1][0]}, day {readings[1][1]}"
    hours, minutes = (int(x) for x in m["time"].split(":"))
    tz = timezone(timedelta(hours=offset if sign == "+" else -offset))
    try:
        when = datetime(year, month, day, hours, minutes, tzinfo=tz)
        iso: str | None = when.isoformat()
    except ValueError:
        iso, note = None, "the time of day is not valid"
    return PageTimestamp(text, m["time"], f"{m['zone'].upper()}{sign}{offset}",
                         f"{day} {m['month'].capitalize()} {year}", iso, note)


# -- step 4: the title ---------------------------------------------------------------


def looks_like_headline(text: str) -> bool:
    """A headline is short (at most 20 words) and does not end like a sentence (nor start with a quotation mark).

    >>> looks_like_headline("U.S., NATO to press Russia on missile shield at Oslo talks")
    True
    >>> looks_like_headline("The talks resumed on Thursday.")
    False
    """
    return 1 <= len(text.split()) <= 20 and not text.rstrip().endswith((".", ",", ";", ":", '"', "\u201d")) \
        and not text.lstrip().startswith(('"', "\u201c"))


def find_title(lines: list[Line]) -> tuple[Line | None, list[Line]]:
    """The headline, if the page starts with one and more text follows; and the other lines.

    The headline is the first line if it looks like a headline and stands on
    its own.  A long headline may wrap onto the next lines
    (:func:`wrapped_headline`); then those lines together are the title, one
    :class:`Line` from the start of the first to the end of the last, so no
    character is lost.  A first line that runs on into a paragraph is no title.

    >>> title, rest = find_title(split_lines("Oslo talks open\\n\\nMinisters met today."))
    >>> title.text, [line.text for line in rest]
    ('Oslo talks open', ['Ministers met today.'])
    >>> find_title(split_lines("Ministers met today. They talked."))[0] is None
    True
    >>> title, rest = find_title(split_lines("Talks stall again as fishers\\nand ministers dig in\\n\\nOSLO (AP) - No deal."))
    >>> title.text, (title.start, title.end), len(rest)
    ('Talks stall again as fishers and ministers dig in', (0, 49), 1)
    >>> find_title(split_lines("Talks went on\\nwell into the night.\\n\\nNobody spoke."))[0] is None
    True
    """
    if len(lines) < 2 or DATELINE.match(lines[0].text):
        return None, list(lines)
    n = wrapped_headline(lines)
    if n > 1:
        text = " ".join(line.text for line in lines[:n])
        return Line(text, lines[0].start, lines[n - 1].end, lines[0].blank_before, lines[0].indent), lines[n:]
    if looks_like_headline(lines[0].text) and not _runs_on(lines[0], lines[1], lines):
        return lines[0], lines[1:]
    return None, list(lines)


def _runs_on(line: Line, nxt: Line, lines: list[Line]) -> bool:
    """True when ``nxt`` goes on with ``line``: no blank line between, and it starts in lower case or the
    text is hard-wrapped and its first word would not have fitted on ``line`` (the first lines tell the width)."""
    if nxt.blank_before or DATELINE.match(nxt.text):
        return False
    if nxt.text[:1].islower():
        return True
    layout = find_layout(lines[:200])
    return layout.wrapped and _forced(line, nxt, layout.width)


def wrapped_headline(lines: list[Line]) -> int:
    """How many lines the page's headline takes when it wraps onto more than one line, else 0.

    The first lines (two to four) form a wrapped headline when they stand
    apart (a blank line or a dateline follows them, and more text comes after),
    read as a headline when joined (:func:`looks_like_headline`), and every
    line runs on into the next (:func:`_runs_on`: the next starts in lower case,
    or the text is hard-wrapped and the break was forced by the width).  A
    headline on one line, or a headline with a standfirst under it, gives 0.

    >>> wrapped_headline(split_lines("Reservoir plan stalls\\nas farmers dig in\\n\\nThe council met."))
    2
    >>> wrapped_headline(split_lines("Talks fail\\nMinisters walk out after six hours\\n\\nThe council met."))
    0
    """
    end = next((i for i, line in enumerate(lines[1:], 1) if line.blank_before or DATELINE.match(line.text)),
               len(lines))
    if end < 2 or end == len(lines) or end > 4:
        return 0
    block = lines[:end]
    if not looks_like_headline(" ".join(line.text for line in block)):
        return 0
    return end if all(_runs_on(line, nxt, lines) for line, nxt in zip(block, block[1:])) else 0


# -- step 5: the dateline --------------------------------------------------------------

_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x530)) if c.isupper())
"""Capital letters of a place in a dateline: A-Z and the capitals of Latin, Greek and Cyrillic (SÃO PAULO, ZÜRICH)."""
DATELINE = re.compile(
    r"^(?P<place>[" + _CAPS + r"][" + _CAPS + r".'\u2019\- ]*[" + _CAPS + r".]"
    r"(?:,\s+[" + _CAPS + r"](?:[^\W\d_]|\.)+(?:\s[" + _CAPS + r"](?:[^\W\d_]|\.)+)?)?)"
    r"(?:,\s+(?P<date>(?:" + _MONTH_ABBR + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH_ABBR + r")"
    r"(?:,?\s+(?P<year>\d{4}))?))?"
    r"(?:\s*\((?P<agency>[^)\n]{2,40})\))?"
    r"\s*(?:-{1,2}|\u2013|\u2014)\s*"
)
"""A wire-story dateline: PLACE in capitals, an optional "Month Day[, Year]" (or "Day Month"),
an optional "(Agency)", then a dash.  Examples: "OSLO, April 26 (RIA Novosti) - ",
"WASHINGTON (Reuters) - ", "LONDON, 3 June (BBC) - ", "MECCA, Saudi Arabia, Sept 12 (AP) - "."""


def parse_dateline(text: str) -> tuple[Dateline, str] | None:
    """Read a dateline at the start of a paragraph; return it and the rest of the paragraph.

    >>> d, rest = parse_dateline("OSLO, April 26 (RIA Novosti) - The United States will try.")
    >>> d.place, d.date, d.agency, rest
    ('Oslo', 'April 26', 'RIA Novosti', 'The United States will try.')
    >>> parse_dateline("WASHINGTON (Reuters) -- Congress met.")[0].place
    'Washington'
    >>> parse_dateline("LONDON, 3 June (BBC) - Rain fell.")[0].date
    '3 June'
    >>> parse_dateline("NATO said on Tuesday - and meant it.") is None
    True
    >>> parse_dateline("S\u00c3O PAULO, May 2 (Reuters) - Rain fell.")[0].place
    'S\u00e3o Paulo'
    """
    m = DATELINE.match(text)
    if not m or not (m["date"] or m["agency"]):
        return None  # capitals and a dash alone ("NATO - ...") are not enough
    place = m["place"].strip()
    if place.isupper():
        place = " ".join(w.capitalize() if not re.fullmatch(r"(?:[A-Z]\.)+", w) else w for w in place.split())
    return Dateline(m.group().rstrip(), place, m["date"], m["agency"], 0, len(m.group().rstrip())), text[m.end():]


def find_dateline(lines: list[Line]) -> tuple[Dateline | None, list[Line], list[Line]]:
    """Find the first line that opens with a dateline.

    Returns the dateline (offsets in the raw page), the lines before it, and the
    lines from it on, the first one shortened to the text after the dateline.
    Without a dateline, everything counts as "from it on".
    """
    for i, line in enumerate(lines):
        parsed = parse_dateline(line.text)
        if parsed is None:
            continue
        d, rest = parsed
        dateline = Dateline(d.text, d.place, d.date, d.agency, line.start, line.start + d.end)
        rest_start = line.end - len(rest)
        after = ([Line(rest, rest_start, line.end, line.blank_before, line.indent)] if rest else []) + lines[i + 1:]
        return dateline, lines[:i], after
    return None, [], list(lines)


# -- step 6: the duplicated lead ---------------------------------------------------------


def _same_words(a: str, b: str) -> bool:
    return normalise(a).casefold() == normalise(b).casefold()


def drop_duplicate_lead(before: list[Line], body: list[Line]) -> tuple[list[Line], list[Removed]]:
    """Remove lines before the dateline that repeat a body paragraph (the page's summary).

    Pages often show the lead paragraph twice: once as a summary under the
    headline, once after the dateline.  The copy after the dateline is the
    story's own, so the earlier copy goes.  Other lines before the dateline
    (a standfirst, a caption) are removed too, with their own reason, because
    a wire story starts at its dateline.  Without a dateline (``before`` empty)
    nothing is removed, except a paragraph that repeats the one just before it.

    >>> body = split_lines("The talks resumed.\\n\\nMore talks.")
    >>> kept, removed = drop_duplicate_lead(split_lines("The talks  resumed."), body)
    >>> [line.text for line in kept], removed[0].reason
    (['The talks resumed.', 'More talks.'], 'duplicate of the first body paragraph (the page summary)')
    """
    removed: list[Removed] = []
    for line in before:
        if any(_same_words(line.text, b.text) for b in body[:3]):
            reason = "duplicate of the first body paragraph (the page summary)"
        else:
            reason = "text before the dateline (a summary or caption, not part of the wire story)"
        removed.append(Removed(line.text, reason, line.start, line.end))
    kept: list[Line] = []
    for line in body:
        if kept and _same_words(kept[-1].text, line.text):
            removed.append(Removed(line.text, "repeats the paragraph before it", line.start, line.end))
        else:
            kept.append(line)
    return kept, removed


# -- step 7: paragraphs and normalisation ------------------------------------------------------

_QUOTES = str.maketrans({
    "\u201c": '"',  # “ left double quotation mark
    "\u201d": '"',  # ” right double quotation mark
    "\u201e": '"',  # „ double low-9 quotation mark
    "\u201f": '"',  # ‟ double high-reversed-9 quotation mark
    "\u2018": "'",  # ‘ left single quotation mark
    "\u2019": "'",  # ’ right single quotation mark (also the apostrophe in "don’t")
    "\u201a": "'",  # ‚ single low-9 quotation mark
    "\u00a0": " ",  # no-break space
})


def normalise(text: str) -> str:
    """Straight quotation marks and single spaces.

    >>> normalise("  \\u201cWe don\\u2019t   want\\tthis,\\u201d  he said. ")
    '"We don\\'t want this," he said.'
    """
    return " ".join(text.translate(_QUOTES).split())


@dataclass(frozen=True)
class Layout:
    """How a text marks its paragraphs (found by :func:`find_layout`)."""

    wrapped: bool        # lines broken at a fixed width (wire copy, e-mail, text copied out of a PDF)
    width: int           # the width the lines are wrapped at (the longest usual line)
    indented: bool       # a paragraph's first line is indented
    blank_lines: bool    # blank lines separate paragraphs

    def describe(self) -> str:
        """The layout in words.

        >>> find_layout(split_lines("One line.\\nAnother line.")).describe()
        'one paragraph per line'
        """
        if not self.wrapped:
            return "paragraphs separated by blank lines" if self.blank_lines else "one paragraph per line"
        marks = [w for w, on in (("indentation", self.indented), ("blank lines", self.blank_lines)) if on]
        return (f"hard-wrapped at about {self.width} characters; paragraphs marked by "
                + (" and ".join(marks) if marks else "short lines that end a sentence"))


_SENTENCE_DONE = ('.', '!', '?', ':', '"', "'", '\u201d', '\u2019', ')')
MAX_WRAP = 100
"""Lines wrapped at a fixed width are at most this long (web text has one long line per paragraph)."""


def _forced(line: Line, nxt: Line, width: int) -> bool:
    """True when ``nxt``'s first word would not have fitted on ``line``: the break came from the width."""
    first = nxt.text.split(maxsplit=1)[0]
    return line.indent + len(line.text) + 1 + len(first) > width


def find_layout(lines: list[Line]) -> Layout:
    """Tell hard-wrapped lines from one-paragraph-per-line text, and how paragraphs are marked.

    A text is hard-wrapped when most line breaks inside a paragraph were forced by the width (the
    next word would not have fitted on the line) and the lines are short (at most :data:`MAX_WRAP`).

    >>> wire = "   The talks began on\\nMonday in Oslo and went on\\nuntil late at night.\\n   Rice spoke\\nfirst, and then Lavrov."
    >>> find_layout(split_lines(wire)).describe()
    'hard-wrapped at about 26 characters; paragraphs marked by indentation'
    """
    blank = any(line.blank_before for line in lines[1:])
    base = min((line.indent for line in lines), default=0)
    pairs = [(a, b) for a, b in zip(lines, lines[1:]) if not b.blank_before]
    # the width: the longest line inside a paragraph (not its indented first line)
    inner = sorted(a.indent + len(a.text) for a, b in pairs if b.indent <= a.indent == base)
    short = [n for n in inner if n <= MAX_WRAP]
    width = short[-1] if short else 0
    forced = sum(1 for a, b in pairs if _forced(a, b, width))
    ends = sum(1 for a, _ in pairs if a.text.endswith(_SENTENCE_DONE))   # one sentence per line is no wrapping
    wrapped = (len(lines) >= 4 and len(pairs) >= max(3, 0.4 * len(lines)) and len(short) >= 0.75 * len(inner)
               and forced >= 0.5 * len(pairs) and ends < 0.8 * len(pairs))
    indented = wrapped and any(line.indent > base for line in lines[1:])
    return Layout(wrapped, width if wrapped else 0, indented, blank)


def reflow(lines: list[Line], layout: Layout | None = None) -> list[list[Line]]:
    """Group lines into paragraphs, whatever the layout (step 7a).

    * hard-wrapped text (wire copy, e-mail, PDF text): a line continues the paragraph unless a blank
      line or an indented line starts a new one, or the line before ended a sentence well short of
      the width (the next word would have fitted);
    * other text with blank lines: the lines between two blank lines are one paragraph;
    * other text: one paragraph per line.

    >>> wire = "   The talks began on\\nMonday in Oslo and went on\\nuntil late at night.\\n   Rice spoke\\nfirst, and then Lavrov."
    >>> [" ".join(line.text for line in group) for group in reflow(split_lines(wire))]
    ['The talks began on Monday in Oslo and went on until late at night.', 'Rice spoke first, and then Lavrov.']
    """
    layout = find_layout(lines) if layout is None else layout
    base = min((line.indent for line in lines), default=0)
    groups: list[list[Line]] = []
    for line in lines:
        if not groups or line.blank_before:
            groups.append([line])
            continue
        prev = groups[-1][-1]
        if layout.wrapped:
            new = (layout.indented and line.indent > base) or \
                  (not _forced(prev, line, layout.width) and prev.text.endswith(_SENTENCE_DONE))
        else:
            new = not layout.blank_lines
        if new:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def make_paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Group lines into paragraphs (:func:`reflow`) with tidy spaces and straight quotation marks.

    >>> [p.text for p in make_paragraphs(split_lines("One\\nline.\\n\\nTwo."))]
    ['One line.', 'Two.']
    >>> [p.text for p in make_paragraphs(split_lines("One.\\nTwo."))]
    ['One.', 'Two.']
    """
    return [_paragraph(group) for group in reflow(lines)]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of every paragraph, found as cleaning finds them (a hard-wrapped
    paragraph spans its lines, line breaks included).

    >>> text = "Title\\n\\nOne\\nline.\\n\\nTwo."
    >>> [text[a:b] for a, b in paragraph_spans(text)]
    ['Title', 'One\\nline.', 'Two.']
    """
    return [(group[0].start, group[-1].end) for group in reflow(split_lines(text))]


_ODD_SPACE = re.compile(r"\s\s|[^\S ]")


def _paragraph(lines: list[Line]) -> Paragraph:
    """One paragraph from its lines: normalised text, and the runs that tie it to the raw page."""
    text = normalise(" ".join(line.text for line in lines))
    runs: list[tuple[int, int]] = []
    pos = 0
    for line in lines:
        if _ODD_SPACE.search(line.text) is None:   # single spaces only: the line is copied as it is
            pieces = [(0, line.text)]
        else:
            pieces = [(m.start(), m.group()) for m in re.finditer(r"\S+", line.text.translate(_QUOTES))]
        for offset, piece in pieces:
            runs.append((pos, line.start + offset))
            pos += len(piece) + 1
    return Paragraph(text, lines[0].start, lines[-1].end, tuple(runs))


# -- all steps -------------------------------------------------------------------------------


def _published(dateline: Dateline | None, article: Article) -> tuple[str | None, str | None]:
    if article.metadata.published:
        return article.metadata.published, "metadata"
    if dateline and dateline.date:
        m = re.match(r"(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})", dateline.date)
        if m:
            month = next((i + 1 for i, name in enumerate(_MONTHS) if name.startswith(m["month"].lower()[:3])), None)
            try:
                if month:
                    return date(int(m["year"]), month, int(m["day"])).isoformat(), "dateline"
            except ValueError:
                pass
    return None, None


def clean_article(article: Article | str) -> CleanArticle:
    """Run every cleaning step on an article (or a string) and return the result.

    The publication date comes from the article's metadata (the bundled article
    has it) or from a dateline that prints the year; otherwise it is ``None``:
    "April 26" alone does not say which year.
    """
    if isinstance(article, str):
        article = load_text(article)
    if not isinstance(article, Article):
        raise InputError(f"clean_article needs an Article or a string, not {type(article).__name__}: "
                         "use casestudy.load_article(path) first")
    raw = article.raw
    lines = split_lines(raw)
    kept, removed = find_furniture(lines)
    timestamp = next((ts for r in removed if (ts := split_timestamp(r.text))), None)
    title, rest = find_title(kept)
    dateline, before, after = find_dateline(rest)
    body_lines, dropped = drop_duplicate_lead(before, after)
    removed = sorted(removed + dropped, key=lambda r: r.start)
    body = make_paragraphs(body_lines)
    body = [p for p in body if p.text]
    if not body:
        raise InputError(f"{article.source} has no story text left after cleaning "
                         f"(found only: {', '.join(sorted({r.reason.split(':')[0] for r in removed})) or 'a title'}): "
                         "check that the file holds the article itself")
    text = "\n\n".join(p.text for p in body)
    offsets = OffsetMap()
    pos = 0
    for p in body:
        for clean, raw_pos in p.runs:
            offsets.add(pos + clean, raw_pos)
        pos += len(p.text) + 2
    published, published_source = _published(dateline, article)
    return CleanArticle(
        raw=raw,
        title=normalise(title.text) if title else None,
        title_span=(title.start, title.end) if title else None,
        dateline=dateline,
        published=published,
        published_source=published_source,
        page_timestamp=timestamp,
        body=tuple(body),
        removed=tuple(removed),
        sentences=tuple(split_sentences(text)),
        text=text,
        offsets=offsets,
    )


def unaccounted(clean: CleanArticle) -> list[tuple[int, int, str]]:
    """Stretches of non-blank raw text that are in none of title, dateline, body or removed.

    An empty list means every character of the page is accounted for.

    >>> unaccounted(clean_article("Talks\\n\\nOSLO (AP) - They met."))
    []
    """
    covered = bytearray(len(clean.raw))
    spans = [(r.start, r.end) for r in clean.removed] + [(p.raw_start, p.raw_end) for p in clean.body]
    if clean.title_span:
        spans.append(clean.title_span)
    if clean.dateline:
        spans.append((clean.dateline.start, clean.dateline.end))
    for a, b in spans:
        covered[a:b] = b"\x01" * (b - a)
    gaps = []
    for m in re.finditer(r"\S+(?:[ \t]+\S+)*", clean.raw):
        missing = [i for i in range(m.start(), m.end()) if not covered[i] and not clean.raw[i].isspace()]
        if missing:
            gaps.append((missing[0], missing[-1] + 1, clean.raw[missing[0]:missing[-1] + 1]))
    return gaps
