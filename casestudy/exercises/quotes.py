"""Self-checks for notebook 02 (quote attribution).

The expected answers are computed by the package from the bundled article,
never typed in by hand, so they stay right if the rules improve.

>>> check_naive_speakers(...).ok
False
>>> check_naive_speakers(3).ok
True
"""

from __future__ import annotations

from typing import Any

from ..text.loading import load_article
from ..models import Quote
from ..quotes import evaluate, find_quotes, naive_quotes, voice_share
from . import Check, not_yet, unanswered, verdict


def _oslo_quotes() -> list[Quote]:
    article = load_article()
    return find_quotes(article.raw, people=article.people)


def check_naive_speakers(answer: Any) -> Check:
    """Exercise 1: of the article's 9 quoted passages, how many does the naive regex give the right speaker?"""
    if unanswered(answer):
        return not_yet("exercise 1")
    expected = evaluate(naive_quotes(load_article().raw)).right_speaker
    return verdict(answer == expected,
                   f"Right: only {expected}. The others are named by a pronoun, a description, or not at all.",
                   "Run evaluate(naive_quotes(article.raw)) and look at right_speaker, or count the quotes "
                   "whose speaker is a name next to 'said'.")


def check_minister_rule(answer: Any) -> Check:
    """Exercise 2: which rule (the part after '+' is enough) decided who said 'We are against any proposal ...'?"""
    if unanswered(answer):
        return not_yet("exercise 2")
    quote = next(q for q in _oslo_quotes() if q.content.startswith("We are against"))
    frame, _, how = quote.rule.partition("+")
    given = str(answer).strip().lower()
    ok = given in (quote.rule, how, frame)
    return verdict(ok, f"Right: {quote.rule!r}. {quote.explanation}",
                   "Find the quote in the list and print its .rule and .explanation.")


def check_louder_side(side: Any, share: Any) -> Check:
    """Exercise 3: which side gets more quoted words, and its share of all quoted words (0 to 1)?"""
    if unanswered(side) or unanswered(share):
        return not_yet("exercise 3")
    rows = voice_share(_oslo_quotes(), by="side")
    top = rows[0]
    try:
        close = abs(float(share) - top.share_of_words) < 0.02
    except (TypeError, ValueError):
        return verdict(False, "", "Give the share as a number between 0 and 1, e.g. 0.5.")
    if side == top.who and 1 < float(share) <= 100:
        return verdict(False, "", "Right side. Give the share as a number between 0 and 1: 50% is 0.5.")
    if side == top.who and not close:
        return verdict(False, "", "Right side. For the share, count quoted words only (direct quotes, the first "
                                  "table by side), not the table that includes reported speech.")
    sides = sorted({row.who for row in rows})
    return verdict(side == top.who and close,
                   f"Right: {top.who}, with {top.share_of_words:.0%} of the quoted words in {top.quotes} quotes.",
                   f"Use voice_share(quotes, by='side'): the first row is the side with the most words. "
                   f"Write the side exactly as the table does: one of {sides}.")


def check_pronoun_sentence(text: Any, speaker: Any) -> Check:
    """Exercise 4: write two sentences: a person named with a title, then a quote with 'he said' or 'she said'."""
    if unanswered(text) or unanswered(speaker):
        return not_yet("exercise 4")
    quotes = [q for q in find_quotes(str(text)) if q.kind != "reported"]
    if not quotes:
        return verdict(False, "", "The rules found no quote: use quotation marks around a full sentence, "
                                  "then a comma, then 'she said'.")
    q = quotes[-1]
    if q.speaker and q.speaker != speaker and str(speaker).endswith(q.speaker):
        return verdict(False, "", f"Almost: the rules found {q.speaker!r}. Write the name without the title.")
    ok = q.speaker == speaker and "pronoun" in q.rule
    return verdict(ok, f"Right: {q.mention!r} was resolved to {q.speaker!r} ({q.rule}).",
                   f"The rules say {q.speaker!r} by rule {q.rule!r}. Does your pronoun agree with the person's "
                   "gender (a title like Mr./Ms. or a common first name helps)?")


def check_scare_quote(text: Any) -> Check:
    """Exercise 5: write a sentence with words in quotation marks that are NOT a quote (a scare quote or a title)."""
    if unanswered(text):
        return not_yet("exercise 5")
    text = str(text)
    if not any(mark in text for mark in ('"', "\u201c", "''")):
        return verdict(False, "", "Put some words of your sentence in quotation marks.")
    found = [q for q in find_quotes(text) if q.kind != "reported"]
    hint = (f"The rules took {found[0].text!r} for a quote ({found[0].rule}). Shorter, or with no speech "
            "verb near it, it will look like a scare quote.") if found else ""
    return verdict(not found, "Right: the rules ignore it, as a reader would.", hint)
