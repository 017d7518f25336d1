"""Self-checks for notebook 03b (the reporter's voice).

The expected answers are computed by the package from the bundled article (the attributor's
quotes, the sentences' voices, the weekdays the text names, the dateline's date), never typed in
by hand, so they stay right if the rules improve.

>>> check_narration_count(...)
✏️ Replace the ... with your answer to exercise 1, then run the cell again.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..pipeline import Reading, read_article
from ..text.voices import NARRATION, WEEKDAYS, days_named, sentence_voices
from . import Check, not_yet, unanswered, verdict

LAVROV = "Sergei Lavrov"
"""The speaker of exercises 2 and 3 (a name the attributor gives, checked against the people file)."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@lru_cache(maxsize=1)
def _oslo() -> Reading:
    return read_article()


def _number(answer: Any) -> bool:
    return isinstance(answer, (int, float)) and not isinstance(answer, bool)


def narration_count() -> int:
    """How many of the article's sentences are mostly the reporter's narration."""
    reading = _oslo()
    return sum(v.voice == NARRATION for v in sentence_voices(reading.clean.text, reading.clean.sentences,
                                                             reading.quotes))


def check_narration_count(answer: Any) -> Check:
    """Exercise 1: how many sentences are mostly narration (the reporter's own words)?

    >>> bool(check_narration_count(narration_count()))
    True
    """
    if unanswered(answer):
        return not_yet("exercise 1")
    if isinstance(answer, str):
        return verdict(False, "", "Give a number, without quotation marks around it.")
    if not _number(answer):
        return verdict(False, "", "Give one number: how many sentences have 'narration' as their voice.")
    reading = _oslo()
    expected = narration_count()
    total = len(reading.clean.sentences)
    no_marks = sum('"' not in s.text for s in reading.clean.sentences)
    if answer == expected:
        return verdict(True, f"Right: {expected} of {total} sentences are mostly the reporter's; the reporter "
                             "also speaks in every frame ('she said') and every paraphrase.", "")
    if answer == total:
        return verdict(False, "", f"{total} is every sentence of the article; count only those whose voice "
                                  "is 'narration'.")
    if answer == no_marks:
        return verdict(False, "", f"{no_marks} sentences have no quotation mark, but some of them are mostly "
                                  "reported speech: count the sentences whose voice is 'narration'.")
    return verdict(False, "", "Count the sentences whose voice is 'narration': each sentence of section 1 "
                              "names its voice, and the count below the list gives the mix.")


def own_and_paraphrased_words(speaker: str = LAVROV) -> tuple[int, int]:
    """Words of a speaker in their own words (direct, continuation) and in the reporter's paraphrase (reported)."""
    quotes = [q for q in _oslo().quotes if q.speaker == speaker]
    own = sum(len(q.content.split()) for q in quotes if q.kind in ("direct", "continuation"))
    paraphrased = sum(len(q.content.split()) for q in quotes if q.kind == "reported")
    return own, paraphrased


def check_lavrov_words(own: Any, paraphrased: Any) -> Check:
    """Exercise 2: how many of Lavrov's words are quoted (his own) and how many paraphrased (the reporter's)?

    Counts within 2 words are accepted: brackets and dashes can be counted either way.  An answer
    nearer the two counts swapped than the right way round is the wrong way round, even when both
    counts are within 2 words of both (Lavrov's are 50 and 51).

    >>> bool(check_lavrov_words(*own_and_paraphrased_words()))
    True
    """
    if unanswered(own) or unanswered(paraphrased):
        return not_yet("exercise 2")
    if isinstance(own, str) or isinstance(paraphrased, str):
        return verdict(False, "", "Give two numbers, without quotation marks around them.")
    if not (_number(own) and _number(paraphrased)):
        return verdict(False, "", "Give two numbers: words in his own quotes, words in the reporter's paraphrases.")
    expected_own, expected_par = own_and_paraphrased_words()
    quotes = [q for q in _oslo().quotes if q.speaker == LAVROV]
    n_own = sum(q.kind in ("direct", "continuation") for q in quotes)
    n_par = sum(q.kind == "reported" for q in quotes)

    def near(a: float, b: int) -> bool:
        return abs(a - b) <= 2

    # The two counts can lie within the tolerance of each other (50 and 51 for Lavrov): an answer is
    # taken the right way round only when it is nearer the right order than the swapped one.
    right_way = abs(own - expected_own) + abs(paraphrased - expected_par)
    swapped = abs(own - expected_par) + abs(paraphrased - expected_own)
    if swapped < right_way and near(own, expected_par) and near(paraphrased, expected_own):
        return verdict(False, "", "You have the two the wrong way round: his own words are the direct and "
                                  "continuation quotes; the paraphrase is the reported speech.")
    if near(own, expected_own) and near(paraphrased, expected_par):
        share = expected_par / (expected_own + expected_par)
        return verdict(True, f"Right: {expected_own} words in his own quotes, {expected_par} in paraphrase: "
                             f"{share:.0%} of what the report has Lavrov say is in the reporter's words.", "")
    if (own, paraphrased) == (n_own, n_par):
        return verdict(False, "", f"Those are the numbers of quotes ({n_own} and {n_par}); the question asks for "
                                  "words: len(q.content.split()) for each quote, added up.")
    wrong = [name for name, given, want in (("own", own, expected_own), ("paraphrased", paraphrased, expected_par))
             if not near(given, want)]
    return verdict(False, "", f"Check the {' and the '.join(wrong)} count: take Lavrov's quotes "
                              "(q.speaker == 'Sergei Lavrov'), split by q.kind, and add up len(q.content.split()).")


def lavrov_date() -> str:
    """The date (ISO) of the weekday the text names before Lavrov's direct words, counted back from the dateline."""
    reading = _oslo()
    published = date.fromisoformat(reading.clean.published or "")
    named = next(d for d in days_named(reading.clean.text, reading.quotes)
                 if d.quote.speaker == LAVROV and d.quote.kind == "direct")
    back = (published.weekday() - WEEKDAYS.index(named.day or "")) % 7
    return (published - timedelta(days=back)).isoformat()


def check_lavrov_date(answer: Any) -> Check:
    """Exercise 3: the date (YYYY-MM-DD) on which Lavrov spoke the words the report sets before Rice's answer.

    >>> bool(check_lavrov_date(lavrov_date()))
    True
    """
    if unanswered(answer):
        return not_yet("exercise 3")
    if not isinstance(answer, str):
        return verdict(False, "", "Give the date as a string, in quotes: 'YYYY-MM-DD'.")
    given = answer.strip()
    if given.capitalize() in WEEKDAYS:
        return verdict(False, "", f"{given.capitalize()} is the day the text names; turn it into a date, counting "
                                  "back from the dateline's date (reading.clean.published).")
    if not _ISO_DATE.match(given):
        return verdict(False, "", "Write the date as 'YYYY-MM-DD', e.g. '2001-09-30'.")
    expected = lavrov_date()
    published = _oslo().clean.published
    if given == expected:
        day = date.fromisoformat(expected).strftime("%A")
        return verdict(True, f"Right: {day} {expected}, two days and a country away from Rice's Thursday in Oslo: "
                             "the exchange is the reporter's montage.", "")
    if given == published:
        return verdict(False, "", f"{published} is the dateline, the day Rice spoke in Oslo; which day does the "
                                  "text name for Lavrov's news conference?")
    try:
        date.fromisoformat(given)
    except ValueError:
        return verdict(False, "", f"{given} is not a date of the calendar; check month and day.")
    return verdict(False, "", "Start from the dateline (reading.clean.published) and count back to the weekday "
                              "the text names for Lavrov's news conference.")
