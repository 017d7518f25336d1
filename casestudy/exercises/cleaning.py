"""Self-checks for notebook 01 (cleaning).

The expected answers are computed by the package from the bundled article,
never typed in by hand, so they stay right if the cleaning rules improve.
"""

from __future__ import annotations

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
    """Exercise 3: a piece of the naive split on '. ' that was cut at an abbreviation (paste it as a string)."""
    if unanswered(answer):
        return not_yet("exercise 3")
    if not isinstance(answer, str) or not answer.strip():
        return verdict(False, "", "Paste one of the pieces as a string, in quotes, or write naive[i] itself.")
    clean = _oslo()

    def flat(text: str) -> str:  # line breaks and runs of spaces count as one space
        return " ".join(text.split()).rstrip(".")

    # Pieces of both splits the notebook mentions: the raw page (`naive`) and the clean text.
    pieces = [flat(p) for text in (load_article().raw, clean.text) for p in text.split(". ")]
    given = flat(answer)
    matches = [p for p in pieces if p == given or (len(given) >= 15 and p.endswith(given))]
    if not matches:
        return verdict(False, "", "That is not one of the pieces: print(naive[i]) shows piece number i in full; "
                                  "copy a whole one, or write naive[i] itself.")
    last_word = given.split()[-1].lower() if given.split() else ""
    at_abbreviation = last_word in ABBREVIATIONS
    return verdict(at_abbreviation,
                   f"Right: the naive split cut after '{given.split()[-1]}.', an abbreviation, "
                   "in the middle of a sentence.",
                   "That piece is cut in a bad place too, but not at an abbreviation. Find one whose last "
                   "word has its own full stop, such as 'U.S'.")


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
