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
from ..quotes import evaluate, find_quotes, naive_quotes, pair_marks, voice_share
from ..quotes.people import find_people
from ..quotes.rules import MIN_UNCUED_WORDS
from . import Check, not_yet, unanswered, verdict


def _oslo_quotes() -> list[Quote]:
    article = load_article()
    return find_quotes(article.raw, people=article.people)


def check_naive_speakers(answer: Any) -> Check:
    """Exercise 1: of the article's 9 quoted passages, how many does the naive regex give the right speaker?"""
    if unanswered(answer):
        return not_yet("exercise 1")
    if isinstance(answer, str):
        return verdict(False, "", "Give a number, without quotation marks around it.")
    naive = evaluate(naive_quotes(load_article().raw))
    expected = naive.right_speaker
    if answer == expected:
        return verdict(True, f"Right: only {expected}. The others are named by a pronoun, a description, or not at "
                             "all.", "")
    if answer == len(naive_quotes(load_article().raw)):
        return verdict(False, "", f"{answer} is how many passages the naive regex finds; how many of them get the "
                                  "right speaker?")
    return verdict(False, "", "In the naive table of section 2, count the passages whose speaker is the person "
                              "who really said them (section 4 lists who said each one); a passage with no "
                              "speaker does not count.")


def check_minister_rule(answer: Any) -> Check:
    """Exercise 2: which rule (the part after '+') decided who said 'We are against any proposal ...'?"""
    if unanswered(answer):
        return not_yet("exercise 2")
    quote = next(q for q in _oslo_quotes() if q.content.startswith("We are against"))
    frame, _, how = quote.rule.partition("+")
    given = str(answer).strip().lower()
    if given in (quote.rule, how):
        return verdict(True, f"Right: {quote.rule!r}. {quote.explanation}", "")
    if given == frame:
        return verdict(False, "", f"{frame!r} is the part before '+': how the quote is introduced. The part "
                                  "after '+' names the rule that decided who the speaker is.")
    return verdict(False, "", "Find the quote in the list and print its .rule and .explanation.")


def check_louder_side(side: Any, share: Any) -> Check:
    """Exercise 3: which side gets more quoted words, and its share of all quoted words (0 to 1)?"""
    if unanswered(side) or unanswered(share):
        return not_yet("exercise 3")
    quotes = _oslo_quotes()
    rows = voice_share(quotes, by="side")
    top = rows[0]
    sides = sorted({row.who for row in rows})
    if isinstance(share, bool) or not isinstance(share, (int, float)):
        return verdict(False, "", "Give the share as a number between 0 and 1, e.g. 0.5, without quotation marks.")
    with_reported = {row.who: row.share_of_words for row in voice_share(quotes, by="side", include_reported=True)}
    close = abs(float(share) - top.share_of_words) < 0.02
    if side == top.who and close:
        return verdict(True, f"Right: {top.who}, with {top.share_of_words:.0%} of the quoted words in "
                             f"{top.quotes} quotes.", "")
    if side == top.who and 1 < float(share) <= 100 and abs(float(share) / 100 - top.share_of_words) < 0.02:
        return verdict(False, "", "Right side. Give the share as a number between 0 and 1: 50% is 0.5.")
    if side == top.who and abs(float(share) - with_reported.get(top.who, -1)) < 0.02:
        return verdict(False, "", "Right side. For the share, count quoted words only (direct quotes, the first "
                                  "table by side), not the table that includes reported speech.")
    if side == top.who:
        return verdict(False, "", "Right side, but not its share: read its share of the quoted words in the "
                                  "table by side of section 6 (the one without reported speech).")
    if side in sides:
        return verdict(False, "", f"{side} is a side of the table, but not the one with the most quoted words: "
                                  "the table lists the sides from most to fewest words.")
    return verdict(False, "", f"Section 6's table by side lists the sides from most to fewest quoted words. "
                              f"Write the side exactly as the table does: one of {sides}.")


_FEMALE, _MALE = {"she", "her"}, {"he", "him", "his"}


def check_pronoun_sentence(text: Any, speaker: Any) -> Check:
    """Exercise 4: write two sentences: a person named with a title, then a quote with 'he said' or 'she said'."""
    if unanswered(text) or unanswered(speaker):
        return not_yet("exercise 4")
    if not isinstance(text, str) or not isinstance(speaker, str):
        return verdict(False, "", "Give the text and the name as strings, in quotes.")
    quotes = [q for q in find_quotes(text) if q.kind != "reported"]
    if not quotes:
        return verdict(False, "", "The rules found no quote: use quotation marks around a full sentence, "
                                  "then a comma, then 'she said'.")
    q = quotes[-1]
    given = " ".join(speaker.split())
    if "pronoun" not in q.rule:
        return verdict(False, "", f"The rules named {q.speaker!r} by rule {q.rule!r}, not by a pronoun: introduce "
                                  "the quote with 'he said' or 'she said'.")
    if q.speaker == given:
        return verdict(True, f"Right: {q.mention!r} was resolved to {q.speaker!r} ({q.rule}).", "")
    if q.speaker is not None:
        if given.endswith(q.speaker):
            return verdict(False, "", f"Almost: the rules found {q.speaker!r}. Write the name without the title.")
        if given and (q.speaker.endswith(given) or given in q.speaker.split()):
            return verdict(False, "", f"The rules found {q.speaker!r}: give the full name, as they write it.")
        return verdict(False, "", f"The rules chose {q.speaker!r} for {q.mention!r}, not {given!r}. The pronoun goes "
                                  "to the nearest earlier person it can mean: who is that in your text?")
    pronoun = (q.mention or "").lower()
    wanted = "female" if pronoun in _FEMALE else "male" if pronoun in _MALE else None
    people = find_people(text).people
    meant = next((p for p in people if p.name == given or given.endswith(p.name) or p.name.endswith(given)), None)
    if meant is not None and wanted and meant.gender not in (wanted, "unknown"):
        return verdict(False, "", f"The rules know {meant.name} as {meant.gender} (from a title or first name), so "
                                  f"{q.mention!r} cannot mean them: does your pronoun agree with the person?")
    if meant is None:
        return verdict(False, "", f"The rules found no person called {given!r} before the quote: name them with a "
                                  "title or a common first name ('Senator Mary Blake').")
    return verdict(False, "", f"The rules could not resolve {q.mention!r} to {meant.name}: name the person in the "
                              "sentence just before the quote, with a title or a common first name.")


def check_scare_quote(text: Any) -> Check:
    """Exercise 5: write a sentence with words in quotation marks that are NOT a quote (a scare quote or a title).

    Quotation marks are found as the attributor finds them (:func:`~casestudy.quotes.pair_marks`), so
    single marks count as quotation marks when the text uses them so, as in notebook 02's British report.

    >>> bool(check_scare_quote("The so-called 'peace plan' failed."))
    True
    """
    if unanswered(text):
        return not_yet("exercise 5")
    if not isinstance(text, str) or not text.strip():
        return verdict(False, "", "Write your sentence as a string, in quotes.")
    if not pair_marks(text):
        return verdict(False, "", "Put some words of your sentence between quotation marks: \"...\", '...', "
                                  "\u201c...\u201d or \u00ab...\u00bb.")
    found = [q for q in find_quotes(text) if q.kind != "reported"]
    if not found:
        return verdict(True, "Right: the rules ignore it, as a reader would.", "")
    q = found[0]
    if q.speaker:
        why = (f"The rules took {q.text!r} for a quote by {q.speaker} (rule {q.rule}): quoted words with a "
               "speech verb and someone to say them are a quotation. Leave out the speech verb, or quote only "
               "a word or two, as a label.")
    else:
        why = (f"The rules took {q.text!r} for a quote, though they found no speaker for it: {MIN_UNCUED_WORDS} "
               "or more quoted words are kept as a quotation even without a speech verb. Quote only a word or "
               "two, as a label.")
    return verdict(False, "", why)
