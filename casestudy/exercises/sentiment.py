"""Self-checks for notebook 03 (sentiment).

The expected answers are computed by the package (VADER's lexicon, the
explanation, the attributed quotes of the bundled article), never typed in by
hand, so they stay right if the lexicon or the quote rules change.

>>> check_hand_score(...)
✏️ Replace the ... with your answer to exercise 1, then run the cell again.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..pipeline import read_article
from ..sentiment import ArticleSentiment, explain, score
from . import Check, not_yet, unanswered, verdict

HAND_SENTENCE = "The plan is very good."
"""The sentence of exercise 1, scored by hand."""


@lru_cache(maxsize=1)
def _oslo() -> ArticleSentiment:
    from ..text.loading import load_article

    return read_article(load_article()).sentiment


def _quote_by(speaker_word: str, containing: str) -> str:
    for qs in _oslo().quotes:
        if qs.quote.speaker and speaker_word in qs.quote.speaker and containing in qs.quote.content:
            return qs.quote.content
    raise LookupError(f"no quote by {speaker_word} containing {containing!r}")  # pragma: no cover


def check_hand_score(answer: Any) -> Check:
    """Exercise 1: the compound score of "The plan is very good.", computed by hand (to 3 decimals).

    >>> bool(check_hand_score(score(HAND_SENTENCE).compound))
    True
    """
    if unanswered(answer):
        return not_yet("exercise 1")
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return verdict(False, "", "Give a number, for example 0.123.")
    expected = score(HAND_SENTENCE).compound
    if abs(value - expected) < 0.001:
        return verdict(True, f"Right: {expected:+.4f}, the same as VADER's.", "")
    if abs(value - explain(HAND_SENTENCE).raw_sum) < 0.001:
        return verdict(False, "", "That is the raw sum; now squash it with x / sqrt(x*x + 15).")
    if abs(value - expected) < 0.01:
        return verdict(False, "", "Very close: do not round along the way, and give at least three decimals.")
    return verdict(False, "", "Start from the lexicon valence of 'good', add the booster B_INCR for 'very', "
                              "then apply x / sqrt(x*x + 15).")


def check_positive_words(answer: Any) -> Check:
    """Exercise 2: the words that make Baluyevsky's accusation score positive (a list of strings).

    >>> e = explain(_quote_by("Baluyevsky", "real goal"))
    >>> bool(check_positive_words([r.word for r in e.matched if r.valence > 0]))
    True
    """
    if unanswered(answer):
        return not_yet("exercise 2")
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        return verdict(False, "", "Give a list of words, e.g. ['first', 'second'].")
    words = [r.word for r in explain(_quote_by("Baluyevsky", "real goal")).matched if r.valence > 0]
    expected = {w.lower() for w in words}
    given = {str(w).strip().lower() for w in answer}
    if given == expected:
        return verdict(True, f"Right: {', '.join(words)}. In this accusation, not one of them is meant kindly.", "")
    missing, extra = expected - given, given - expected
    hint = []
    if missing:
        hint.append(f"{len(missing)} positive word(s) missing (look at the explanation table again)")
    if extra:
        hint.append(f"not in the lexicon or not positive: {', '.join(sorted(extra))}")
    return verdict(False, "", "; ".join(hint) + ".")


def check_misreading(sentence: Any) -> Check:
    """Exercise 3: write a hostile diplomatic sentence that VADER scores as positive (compound >= 0.05)."""
    if unanswered(sentence):
        return not_yet("exercise 3")
    if not isinstance(sentence, str) or not sentence.strip():
        return verdict(False, "", "Write your sentence as a string, in quotes.")
    e = explain(sentence)
    words = ", ".join(f"{r.word} ({r.valence:+.2f})" for r in e.matched) or "none"
    if e.compound >= 0.05:
        return verdict(True, f"VADER gives {e.compound:+.3f}: a misreading, if your sentence is hostile. "
                             f"Lexicon words: {words}.", "")
    return verdict(False, "", f"VADER gives {e.compound:+.3f} (lexicon words: {words}). Borrow the trick of "
                              "Baluyevsky's sentence: friendly-sounding words in an accusation.")


def check_quote_count(speaker: Any, n: Any) -> Check:
    """Exercise 4: how many quotes is a speaker's mean score based on? (speaker's full name, number)"""
    if unanswered(speaker) or unanswered(n):
        return not_yet("exercise 4")
    speakers = _oslo().speakers
    if speaker not in speakers:
        return verdict(False, "", f"Use a full name as in the table: {', '.join(speakers)}.")
    expected = speakers[speaker].n
    if isinstance(n, str):
        return verdict(False, "", "Give the number as a number, without quotation marks (e.g. 7, not '7').")
    if n == expected:
        sd = speakers[speaker].sd
        spread = "no spread at all: one quote" if sd is None else f"a standard deviation of {sd:.2f}"
        return verdict(True, f"Right: {expected} quote(s), with {spread}. Would you trust that mean?", "")
    return verdict(False, "", "Count the direct and continuation quotes only: reported speech is the "
                              "journalist's wording, not the speaker's.")
