"""Self-checks for notebook 01 (cleaning).

The expected answers are computed by the package from the bundled article,
never typed in by hand, so they stay right if the cleaning rules improve.
"""

from __future__ import annotations

from typing import Any

from ..cleaning import CleanArticle, clean_article, parse_dateline
from ..loading import load_article
from . import Check, not_yet, unanswered, verdict


def _oslo() -> CleanArticle:
    return clean_article(load_article())


def check_paragraph_count(answer: Any) -> Check:
    """Exercise 1: how many body paragraphs does the cleaned article have?"""
    if unanswered(answer):
        return not_yet("exercise 1")
    expected = len(_oslo().paragraphs)
    return verdict(answer == expected, f"Right: {expected} paragraphs, from the dateline to Rice's last quote.",
                   "Count the paragraphs of clean.paragraphs with len(...), rather than the lines of the raw page.")


def check_dates(published: Any, page_saved: Any) -> Check:
    """Exercise 2: the publication date and the date the page was saved, as ISO strings ('YYYY-MM-DD')."""
    if unanswered(published) or unanswered(page_saved):
        return not_yet("exercise 2")
    clean = _oslo()
    saved = clean.page_timestamp.iso[:10] if clean.page_timestamp and clean.page_timestamp.iso else None
    if published == saved and page_saved == clean.published:
        return verdict(False, "", "You have the two dates the wrong way round: which one is the archive's clock?")
    ok = published == clean.published and page_saved == saved
    return verdict(ok, f"Right: published {clean.published}, saved by the archive {saved}, almost 12 years later.",
                   "Write dates as 'YYYY-MM-DD'. The dateline gives month and day; where does the year come from? "
                   "The page clock is clean.page_timestamp.")


def check_naive_break(answer: Any) -> Check:
    """Exercise 3: a piece that the naive split on '. ' cut in the wrong place (paste it as a string)."""
    if unanswered(answer):
        return not_yet("exercise 3")
    if not isinstance(answer, str) or not answer.strip():
        return verdict(False, "", "Paste one of the pieces as a string, in quotes.")
    text = _oslo().text
    pieces = [p.strip() for p in text.replace("\n\n", " ").split(". ")]
    sentence_ends = {s.text.rstrip(".").strip() for s in _oslo().sentences}
    bad = [p for p in pieces if p.rstrip(".") not in sentence_ends]
    ok = answer.strip().rstrip(".") in [b.rstrip(".") for b in bad]
    return verdict(ok, "Right: that piece ends at an abbreviation (or a quotation), not at the end of a sentence.",
                   "Look at the pieces that end with 'U.S' or start mid-sentence; copy one exactly.")


def check_own_dateline(text: Any, place: Any) -> Check:
    """Exercise 4: write a paragraph that starts with a dateline, and say which place the parser should find."""
    if unanswered(text) or unanswered(place):
        return not_yet("exercise 4")
    parsed = parse_dateline(str(text))
    if parsed is None:
        return verdict(False, "", "Start with the place in CAPITALS, then a date or an (Agency), then a dash: "
                                  "'BERLIN, May 2 (Reuters) - ...'.")
    found = parsed[0].place
    return verdict(found == place, f"Right: the parser found {found!r}.",
                   f"The parser found {found!r}, not {place!r}. Which of you is right?")
