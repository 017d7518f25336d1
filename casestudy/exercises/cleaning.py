"""Self-checks for notebook 01 (cleaning).

The expected answers are computed by the package from the bundled article,
never typed in by hand, so they stay right if the cleaning rules improve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..text.cleaning import CleanArticle, clean_article, parse_dateline
from ..text.loading import load_article
from ..text.tokens import ABBREVIATIONS
from . import Check, not_yet, unanswered, verdict


def _oslo() -> CleanArticle:
    return clean_article(load_article())


def check_removed_characters(answer: Any) -> Check:
    """Exercise 1: how many characters do the pieces the cleaning removed hold together?"""
    if unanswered(answer):
        return not_yet("exercise 1")
    clean = _oslo()
    expected = sum(len(piece.text) for piece in clean.removed)
    if isinstance(answer, str):
        return verdict(False, "", "Give a number, without quotation marks around it.")
    if isinstance(answer, (list, tuple)):
        return verdict(False, "", "That is one number per piece: add them up with sum(...).")
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        return verdict(False, "", "Give one number: the characters of all removed pieces together.")
    if answer == expected:
        biggest = max(clean.removed, key=lambda piece: len(piece.text))
        return verdict(True, f"Right: {expected} characters, {len(biggest.text)} of them in one piece "
                             f"({biggest.reason.split(':')[0]}).", "")
    if answer == len(clean.removed):
        return verdict(False, "", f"{answer} is the number of pieces; the question asks for their characters: "
                                  "len(piece.text) for each piece, added up.")
    if answer == len(clean.raw) - len(clean.text):
        return verdict(False, "", "That difference also counts the headline, the dateline and the spaces and line "
                                  "breaks between lines, which are not removed pieces; add up only clean.removed.")
    return verdict(False, "", "For each piece in clean.removed take len(piece.text), then add these numbers up.")


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_dates(published: Any, page_saved: Any) -> Check:
    """Exercise 2: the publication date and the date the page was saved, as ISO strings ('YYYY-MM-DD')."""
    if unanswered(published) or unanswered(page_saved):
        return not_yet("exercise 2")
    if not isinstance(published, str) or not isinstance(page_saved, str):
        return verdict(False, "", "Give each date as a string, in quotes: '2001-09-30'.")
    published, page_saved = published.strip(), page_saved.strip()
    malformed = [d for d in (published, page_saved) if not _ISO_DATE.match(d)]
    if malformed:
        return verdict(False, "", f"Write dates as 'YYYY-MM-DD' (four digits, two, two): {malformed[0]!r} is not.")
    clean = _oslo()
    saved = clean.page_timestamp.iso[:10] if clean.page_timestamp and clean.page_timestamp.iso else None
    if published == saved and page_saved == clean.published:
        return verdict(False, "", "You have the two dates the wrong way round: which one is the archive's clock?")
    if published == clean.published and page_saved == saved:
        return verdict(True, f"Right: published {clean.published}, saved by the archive {saved}, almost 12 years "
                             "later.", "")
    hints = []
    if published != clean.published:
        hints.append("the publication date is not right: the dateline gives month and day (its 'April 26'), "
                     "and the year comes from what we know about the article (clean.published)")
    if page_saved != saved:
        hints.append("the page date is not right: it is the day of the page clock (clean.page_timestamp)")
    text = "; ".join(hints)
    return verdict(False, "", text[0].upper() + text[1:] + ".")


@dataclass(frozen=True)
class NaivePiece:
    """One piece of the naive split of the raw page on '. ', and what is wrong with it.

    Offsets are into the raw page.  ``page_parts`` names what of the page that is not the story the
    piece holds (furniture, the headline, the dateline, the duplicated lead); ``sentences`` counts
    the story's sentences it overlaps; ``starts_inside`` and ``ends_inside`` say whether it starts or
    ends in the middle of a sentence, and ``abbreviation`` is its last word when it ends at one.
    """

    index: int
    text: str
    start: int
    end: int
    page_parts: tuple[str, ...]
    sentences: int
    paragraphs: int
    starts_inside: bool
    ends_inside: bool
    abbreviation: str | None

    @property
    def only_joined(self) -> bool:
        """True when its start and end are right and it holds no page furniture, yet it is several sentences."""
        return not (self.page_parts or self.starts_inside or self.ends_inside) and self.sentences > 1

    def faults(self) -> list[str]:
        """What is wrong with the piece, in words, in reading order (empty: it is one whole sentence)."""
        out = []
        if self.page_parts:
            out.append("holds parts of the web page that are not the story (" + _and(list(self.page_parts)) + ")")
        if self.starts_inside:
            out.append("starts in the middle of a sentence")
        if self.sentences > 1:
            across = f", across {self.paragraphs} paragraphs" if self.paragraphs > 1 else ""
            out.append(f"runs {self.sentences} sentences together{across}")
        if self.abbreviation:
            out.append(f"ends at '{self.abbreviation}', an abbreviation, in the middle of a sentence")
        elif self.ends_inside:
            out.append("ends in the middle of a sentence")
        return out


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def naive_pieces(clean: CleanArticle | None = None) -> list[NaivePiece]:
    """The pieces of ``clean.raw.split('. ')`` (notebook 01's naive split), each with what is wrong with it.

    Computed from the cleaning's own record (its sentences, paragraphs, removed pieces, headline and
    dateline, all with offsets into the raw page), so it works for any article.

    >>> pieces = naive_pieces(clean_article('OSLO (AP) - The U.S. met Gen. Lee.\\n\\nTalks ended. They left.'))
    >>> for piece in pieces[:2]:
    ...     print(repr(piece.text), "|", "; ".join(piece.faults()))
    'OSLO (AP) - The U.S' | holds parts of the web page that are not the story (the dateline); ends at 'U.S', an abbreviation, in the middle of a sentence
    'met Gen' | starts in the middle of a sentence; ends at 'Gen', an abbreviation, in the middle of a sentence
    """
    clean = clean or _oslo()
    raw = clean.raw
    spans = [clean.offsets.span_to_raw(s.start, s.end) for s in clean.sentences]
    paragraphs = [(p.raw_start, p.raw_end) for p in clean.body]
    page: list[tuple[int, int, str]] = [(r.start, r.end, re.split(r"[:(]", r.reason)[0].strip()) for r in clean.removed]
    if clean.title_span:
        page.append((*clean.title_span, "the headline"))
    if clean.dateline:
        page.append((clean.dateline.start, clean.dateline.end, "the dateline"))

    def inside_page(pos: int) -> bool:
        return any(a <= pos < b for a, b, _ in page)

    out, pos = [], 0
    for index, text in enumerate(raw.split(". ")):
        start, end = pos, pos + len(text)
        pos = end + 2
        parts = tuple(dict.fromkeys(name for a, b, name in sorted(page) if a < end and start < b))
        story = [k for k in range(start, end) if not raw[k].isspace() and not inside_page(k)]
        overlapping = [(a, b) for a, b in spans if a < end and start < b]
        first, last = (story[0], story[-1] + 1) if story else (start, end)
        starts_inside = any(a < first < b for a, b in spans)
        # the split removed the full stop after the piece: a sentence that ends there ends at end + 1
        ends_inside = bool(story) and not inside_page(end - 1) and not any(b in (last, last + 1) for _, b in spans) \
            and any(a < last < b for a, b in spans)
        words = text.split()
        abbreviation = words[-1] if ends_inside and words and words[-1].lower() in ABBREVIATIONS else None
        n_paragraphs = sum(1 for a, b in paragraphs if a < end and start < b)
        out.append(NaivePiece(index, text, start, end, parts, len(overlapping), n_paragraphs, starts_inside,
                              ends_inside, abbreviation))
    return out


def check_naive_break(answer: Any) -> Check:
    """Exercise 3: the piece of the naive split that starts and ends where sentences do, yet is not one sentence.

    Most pieces of ``raw.split('. ')`` go wrong at "U.S."; the one asked for goes wrong for another
    reason (paragraphs run together).  Whatever piece is given, the message says everything that
    is wrong with it.

    >>> answer = next(p for p in naive_pieces() if p.only_joined).text
    >>> bool(check_naive_break(answer))
    True
    """
    if unanswered(answer):
        return not_yet("exercise 3")
    if isinstance(answer, int) and not isinstance(answer, bool):
        return verdict(False, "", f"Give the piece itself, naive[{answer}], not its number.")
    if not isinstance(answer, str) or not answer.strip():
        return verdict(False, "", "Give one of the pieces as a string: naive[i] for the piece number i.")

    def flat(text: str) -> str:  # line breaks and runs of spaces count as one space
        return " ".join(text.split()).rstrip(".")

    given = flat(answer)
    pieces = naive_pieces()
    matches = [p for p in pieces if flat(p.text) == given] or \
              [p for p in pieces if len(given) >= 15 and flat(p.text).endswith(given)]
    if not matches:
        return verdict(False, "", "That is not one of the pieces of naive: print(naive[i]) shows piece number i in "
                                  "full; give one whole piece, as naive[i].")
    piece = matches[0]
    if piece.only_joined:
        return verdict(True, f"Right: naive[{piece.index}] starts and ends where sentences do, yet it holds "
                             f"{piece.sentences} sentences from {piece.paragraphs} paragraphs. A paragraph ends "
                             "with a full stop and a line break, not '. ', so the naive split never cuts there.", "")
    faults = piece.faults()
    if not faults:
        return verdict(False, "", f"naive[{piece.index}] is one whole sentence: there the naive split is right. "
                                  "Find a piece that starts and ends where sentences do, yet holds more than one.")
    listed = faults[0] if len(faults) == 1 else "; ".join(faults[:-1]) + "; and it " + faults[-1]
    return verdict(False, "", f"naive[{piece.index}] {listed}. Find a piece whose start and end are both right, "
                              "with nothing of the web page in it, that is still not one sentence.")


def _dateline_problem(text: str) -> str:
    """Why :func:`parse_dateline` finds no dateline at the start of ``text``, in words."""
    first = re.match(r"[^\W\d_][^,(\-\u2013\u2014]*", text.strip())
    place = first.group().strip() if first else ""
    if not place or not any(c.isalpha() for c in place) or not place.isupper():
        return "Start with the place in CAPITALS (BERLIN), then a date or an (Agency), then a dash."
    dash = re.search(r"\s(?:-{1,2}|\u2013|\u2014)\s", text)
    if not dash:
        return f"After {place!r} and the date or agency, put a dash with a space on each side: ' - '."
    if text[:dash.start()].strip().rstrip(",").strip() == place:
        return (f"Between {place!r} and the dash, give the date ('May 2') or the agency in brackets "
                "('(Reuters)'): 'BERLIN, May 2 (Reuters) - ...'.")
    return (f"{place!r} is in capitals, but what comes before the dash is not a date the parser reads ('May 2', "
            "'2 May' or 'May 2, 2024') or an agency in brackets ('(Reuters)'): 'BERLIN, May 2 (Reuters) - ...'.")


def check_own_dateline(text: Any, place: Any) -> Check:
    """Exercise 4: write a paragraph that starts with a dateline, and say which place the parser should find."""
    if unanswered(text) or unanswered(place):
        return not_yet("exercise 4")
    if not isinstance(text, str) or not text.strip():
        return verdict(False, "", "Write your sentence as a string, in quotes: 'BERLIN, May 2 (Reuters) - ...'.")
    parsed = parse_dateline(text.strip())
    if parsed is None:
        return verdict(False, "", _dateline_problem(text))
    found, rest = parsed[0].place, parsed[1]
    if len(re.findall(r"[^\W\d_]+", rest)) < 3:
        return verdict(False, "", f"The dateline is fine (the parser found {found!r}); now write the story's first "
                                  "sentence after the dash.")
    if not isinstance(place, str) or not place.strip():
        return verdict(False, "", f"Give the place as a string, in quotes: the parser found {found!r}.")
    if place.strip().lower() == found.lower():
        return verdict(True, f"Right: the parser found {found!r} (it writes a place in capitals as a name).", "")
    return verdict(False, "", f"The parser found {found!r}, not {place!r}. Which of you is right?")
