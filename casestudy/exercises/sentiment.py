"""Self-checks for notebook 03 (sentiment).

The expected answers are computed by the package (VADER's lexicon, the
explanation, the attributed quotes of the bundled article), never typed in by
hand, so they stay right if the lexicon or the quote rules change.

>>> check_hand_score(...)
✏️ Replace the ... with your answer to exercise 1, then run the cell again.
"""

from __future__ import annotations

import re
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
    if abs(value - score("The plan is good.").compound) < 0.001:
        return verdict(False, "", "That is the score of 'good' alone: 'very' first adds the booster B_INCR to the "
                                  "valence of 'good', then you squash the sum.")
    return verdict(False, "", "Start from the lexicon valence of 'good', add the booster B_INCR for 'very', "
                              "then apply x / sqrt(x*x + 15) (15 is ALPHA).")


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


KEEP_WORDS = ("against", "Europe", "playground")
"""Exercise 3: the words a rewrite of Lavrov's complaint keeps, so that it stays the same complaint."""

_NEGATED_AGAINST = re.compile(r"\b(?:not|never|no longer|hardly|n't|nt)\s+(?:\w+\s+)?against\b", re.IGNORECASE)


def check_misreading(sentence: Any) -> Check:
    """Exercise 3: Lavrov's "playground" complaint, rewritten so that VADER scores it positive (>= 0.05).

    The rewrite keeps :data:`KEEP_WORDS`, so it still says what he is against and his image;
    a negated "against" turns the complaint around and is refused.

    >>> bool(check_misreading("We are sincerely against any proposal that turns Europe into a playground."))
    True
    >>> bool(check_misreading("I love you."))
    False
    """
    if unanswered(sentence):
        return not_yet("exercise 3")
    if not isinstance(sentence, str) or not sentence.strip():
        return verdict(False, "", "Write your sentence as a string, in quotes.")
    e = explain(sentence)
    words = ", ".join(f"{r.word} ({r.valence:+.2f})" for r in e.matched) or "none"
    scored = f"VADER gives {e.compound:+.3f} (lexicon words: {words})."
    present = {w.lower() for w in re.findall(r"[A-Za-z]+", sentence)}
    missing = [w for w in KEEP_WORDS if w.lower() not in present]
    if missing:
        return verdict(False, "", f"{scored} But your sentence lacks {', '.join(repr(w) for w in missing)}: keep "
                                  "what Lavrov is against and his image, so that it stays his complaint.")
    if _NEGATED_AGAINST.search(sentence):
        return verdict(False, "", f"{scored} But 'not against' turns the complaint around: keep him against "
                                  "the proposal, and change the tone with other words.")
    if e.compound >= 0.05:
        return verdict(True, f"{scored} Positive, though the complaint is unchanged: the friendly words carry "
                             "the score, and no rule of VADER reads what they are said about.", "")
    return verdict(False, "", f"{scored} That is not yet positive (0.05 or more): add a friendly-sounding "
                              "word that leaves the complaint as it is, such as a polite adverb.")


QUOTE_COUNT_SPEAKER = "Sergei Lavrov"
"""The speaker exercise 4 asks about."""


def check_quote_count(speaker: Any, n: Any) -> Check:
    """Exercise 4: how many quotes is Sergei Lavrov's mean score based on? (his full name, the number)"""
    if unanswered(speaker) or unanswered(n):
        return not_yet("exercise 4")
    speakers = _oslo().speakers
    if not isinstance(speaker, str) or speaker not in speakers:
        return verdict(False, "", f"Use a full name as in the table: {', '.join(speakers)}.")
    if isinstance(n, str):
        return verdict(False, "", "Give the number as a number, without quotation marks (e.g. 7, not '7').")
    if speaker != QUOTE_COUNT_SPEAKER:
        return verdict(False, "", f"The exercise asks about {QUOTE_COUNT_SPEAKER}, not {speaker}.")
    expected = speakers[speaker].n
    if n == expected:
        sd = speakers[speaker].sd
        spread = "no spread at all: one quote" if sd is None else f"a standard deviation of {sd:.2f}"
        return verdict(True, f"Right: {expected} quote(s), with {spread}. Would you trust that mean?", "")
    everything = sum(qs.quote.speaker == speaker for qs in _oslo().quotes)
    if n == everything:
        return verdict(False, "", "That counts his reported speech too. Count the direct and continuation quotes "
                                  "only: reported speech is the journalist's wording, not the speaker's.")
    return verdict(False, "", "Read n in the speaker's row of the table in section 7 (result.speakers[name].n).")
