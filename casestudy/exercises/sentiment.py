"""Self-checks for notebook 03 (sentiment).

The expected answers are computed by the package (VADER's lexicon, the
explanation, the attributed quotes of the bundled article), never typed in by
hand, so they stay right if the lexicon or the quote rules change.

>>> check_hand_score(..., ...)
✏️ Replace the ... with your answer to exercise 1, then run the cell again.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from nltk.sentiment.vader import VaderConstants

from ..pipeline import read_article
from ..sentiment import ALPHA, ArticleSentiment, analyzer, explain, score
from ..text.tokens import split_sentences
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


def _squash(raw_sum: float) -> float:
    return raw_sum / math.sqrt(raw_sum * raw_sum + ALPHA)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def check_hand_score(raw_sum: Any, hand_score: Any) -> Check:
    """Exercise 1: "The plan is very good." by hand: the raw sum of its valences, then the compound score.

    Asking for both numbers shows the working: the raw sum (the valence of *good* plus the booster
    for *very*), then the formula of section 2.  The check sees the numbers, not how they were
    made, and its message says so.

    >>> bool(check_hand_score(explain(HAND_SENTENCE).raw_sum, score(HAND_SENTENCE).compound))
    True
    """
    if unanswered(raw_sum) or unanswered(hand_score):
        return not_yet("exercise 1")
    if isinstance(raw_sum, str) or isinstance(hand_score, str):
        return verdict(False, "", "Give numbers, without quotation marks around them (0.123, not '0.123').")
    if not (_number(raw_sum) and _number(hand_score)):
        return verdict(False, "", "Give two numbers: the raw sum, then the compound score, e.g. 1.5 and 0.361.")
    expected_raw, expected = explain(HAND_SENTENCE).raw_sum, score(HAND_SENTENCE).compound
    good, boost = analyzer().lexicon["good"], VaderConstants.B_INCR
    raw_right = abs(raw_sum - expected_raw) < 0.001
    if raw_right and abs(hand_score - expected) < 0.001:
        return verdict(True, f"Right: {good:g} for 'good' plus {boost:g} for 'very' make a raw sum of "
                             f"{expected_raw:.3f}, squashed to {expected:+.4f}, the same as VADER's. (The check "
                             "sees your numbers, not how you got them: if they came from score() or explain(), "
                             "do the two steps by hand once, as VADER does them.)", "")
    if abs(raw_sum - expected) < 0.001 and abs(hand_score - expected_raw) < 0.001:
        return verdict(False, "", "You have the two the wrong way round: first the raw sum, then the compound score.")
    if raw_right:
        if abs(hand_score - raw_sum) < 0.001:
            return verdict(False, "", "The raw sum is right, and it is not yet the score: squash it with "
                                      "x / sqrt(x*x + 15).")
        if abs(hand_score - expected) < 0.01:
            return verdict(False, "", "The raw sum is right and the score very close: do not round along the way, "
                                      "and give at least three decimals.")
        return verdict(False, "", "The raw sum is right; the score is not: put it into the formula of section 2, "
                                  "x / sqrt(x*x + 15), with x the raw sum.")
    if abs(raw_sum - good) < 0.001:
        return verdict(False, "", "That is the valence of 'good' alone: 'very' first adds the booster B_INCR to it.")
    if abs(hand_score - _squash(raw_sum)) < 0.001:
        return verdict(False, "", "You squashed your raw sum correctly, but the raw sum is not right: the lexicon "
                                  "valence of 'good' plus the booster B_INCR for 'very'.")
    return verdict(False, "", "Start from the lexicon valence of 'good' and add the booster B_INCR for 'very': that "
                              "is the raw sum. Then put it into x / sqrt(x*x + 15) (15 is ALPHA).")


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


def complaint() -> str:
    """Lavrov's complaint of exercise 3, as the attributor found it in the article (without its closing comma)."""
    return _quote_by("Lavrov", "playground").rstrip(" ,.")


TARGET_WORD = "against"
"""Exercise 3: words may be added only before this word of the complaint (to how he says it, not to what he says)."""

NEGATIONS = frozenset(VaderConstants.NEGATE) | {"no", "hardly", "barely", "scarcely"}
"""Words that turn a statement around: VADER's own negation list, plus 'no' and the 'hardly' family."""

CONTRASTS = frozenset({"but", "however", "although", "though", "yet", "whereas", "while", "except", "unless"})
"""Words that add a second, contrasting statement ("... but we love peace")."""


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?", text)]


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    rest = iter(long)
    return all(any(w == x for x in rest) for w in short)


def check_misreading(sentence: Any) -> Check:
    """Exercise 3: Lavrov's "playground" complaint with friendly words added in front, so that VADER scores it positive.

    The point: the complaint itself stays word for word, and VADER still moves.  So every word of
    the complaint is kept, in order; words are added only before *against* (how he says it), none
    inside what he is against (that would change it: "a wonderful proposal"); none of the added
    words negates or sets up a contrast, and it stays one sentence.  Then the compound score must
    be 0.05 or more.

    >>> bool(check_misreading("With all due respect, we are against any proposal that turns Europe into a playground for someone."))
    True
    >>> bool(check_misreading("I love you."))
    False
    """
    if unanswered(sentence):
        return not_yet("exercise 3")
    if not isinstance(sentence, str) or not sentence.strip():
        return verdict(False, "", "Write your sentence as a string, in quotes.")
    e = explain(sentence)
    counted = ", ".join(f"{r.word} ({r.valence:+.2f})" for r in e.matched) or "none"
    scored = f"VADER gives {e.compound:+.3f} (lexicon words: {counted})."
    original = _words(complaint())
    cut = original.index(TARGET_WORD)
    head, tail = original[:cut], original[cut:]
    given = _words(sentence)
    added = list(given)
    for w in original:   # what is left are the words the student added
        if w in added:
            added.remove(w)
    if len(split_sentences(sentence)) > 1:
        return verdict(False, "", f"{scored} But that is more than one sentence: a second sentence says something "
                                  "he did not say. Keep his one sentence, and add friendly words inside it.")
    negating = [w for w in added if w in NEGATIONS or w.endswith("n't")]
    if negating:
        return verdict(False, "", f"{scored} But '{negating[0]}' turns the complaint around: keep him against the "
                                  "proposal, and change only the tone.")
    contrasting = [w for w in added if w in CONTRASTS]
    if contrasting:
        return verdict(False, "", f"{scored} But '{contrasting[0]}' adds a second statement beside the complaint: "
                                  "add only words that change how he says it.")
    missing = [w for w in dict.fromkeys(original) if given.count(w) < original.count(w)]
    if missing:
        return verdict(False, "", f"{scored} But your sentence lacks {', '.join(repr(w) for w in missing)}: keep "
                                  f"every word of his complaint, \u201c{complaint()}\u201d, in its order.")
    if given[len(given) - len(tail):] != tail or not _is_subsequence(head, given[:len(given) - len(tail)]):
        text = complaint()
        target = text[text.lower().index(TARGET_WORD):]
        return verdict(False, "", f"{scored} But you added words inside or after what he is against, "
                                  f"\u201c{target}\u201d (or moved his words): there they change what he says. Add "
                                  f"your words before '{TARGET_WORD}', where they change only how he says it.")
    if e.compound >= 0.05:
        return verdict(True, f"{scored} Positive, though the complaint is word for word the same: the friendly "
                             "words carry the score, and no rule of VADER reads what they are said about.", "")
    return verdict(False, "", f"{scored} That is not yet positive (0.05 or more): add a friendly-sounding word "
                              f"before '{TARGET_WORD}', such as a polite adverb ('sincerely').")


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
