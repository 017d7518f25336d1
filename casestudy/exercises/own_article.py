"""Self-checks for notebook 05 (your own article).

The exercises use the invented practice article, so the checks have an
answer: expected values are computed by the pipeline, and "what the rules got
wrong" comes from comparing the pipeline with the hand-written answer key in
``data/practice_article.json`` (the key is used only here and for measuring).
"""

from __future__ import annotations

from typing import Any

from ..models import Person
from ..pipeline import check_against_key, practice_notes, read_article
from . import Check, not_yet, unanswered, verdict

_PRONOUN_QUOTE = "We held six public meetings"
"""The opening of the practice quote introduced by 'she said'; its speaker comes from the answer key."""


def check_quotes_per_100_words(answer: Any) -> Check:
    """Exercise 1: quotes (of all kinds) per 100 words of the practice article's body."""
    if unanswered(answer):
        return not_yet("exercise 1")
    expected = read_article().profile()["quotes_per_100_words"]
    try:
        close = abs(float(answer) - expected) < 0.1
    except (TypeError, ValueError):
        return verdict(False, "", "Give a number, e.g. 100 * len(quotes) / words.")
    return verdict(close, f"Right: {expected} quotes per 100 words.",
                   "Use the practice article (practice, not your own reading): divide the number of its quotes "
                   "by the number of words in its body (practice.words), then multiply by 100.")


def check_wrong_speaker(answer: Any) -> Check:
    """Exercise 2: the first words of a quote whose speaker the rules got wrong (or missed)."""
    if unanswered(answer):
        return not_yet("exercise 2")
    if not isinstance(answer, str) or len(answer.split()) < 2:
        return verdict(False, "", "Paste the first few words of the quote as a string, e.g. \"The first words\".")
    results = check_against_key(read_article().quotes, practice_notes()["answer_key"])
    said = " ".join(answer.split()).lower().strip("\"' ")
    for r in results:
        key = " ".join(r.starts.split()).lower()
        if key.startswith(said) or said.startswith(key):
            if r.speaker_right:
                return verdict(False, "", f"The rules got that one right ({r.speaker or 'nobody named'}). "
                                          "Look for a quote where the speaker differs from the person who said it.")
            found = "missed it" if r.found is None else f"say {r.found.speaker or 'nobody'}"
            return verdict(True, f"Right: {r.speaker or 'nobody named'} said it, but the rules {found}.", "")
    return verdict(False, "", "That does not start any quote of the practice article: copy the first words exactly.")


def check_people_fix(people: Any) -> Check:
    """Exercise 3: a list of Person objects that makes the rules give 'she said' to the mayor."""
    if unanswered(people):
        return not_yet("exercise 3")
    if not isinstance(people, (list, tuple)) or not all(isinstance(p, Person) for p in people):
        return verdict(False, "", "Give a list of Person(...) objects, e.g. [Person(\"Jane Doe\")].")
    odd = [p.gender for p in people if p.gender not in ("female", "male", "unknown")]
    if odd:
        return verdict(False, "", f"The rules know the genders 'female', 'male' and 'unknown', not {odd[0]!r}.")
    expected = next(item["speaker"] for item in practice_notes()["answer_key"] if item["starts"] == _PRONOUN_QUOTE)
    quote = next((q for q in read_article(people=people).quotes if q.content.startswith(_PRONOUN_QUOTE)), None)
    who = quote.speaker if quote else None
    return verdict(who == expected, f"Right: with her gender known, 'she' now goes to {expected}.",
                   f"'She said' still goes to {who or 'nobody'}. Who is the nearest earlier person the pronoun "
                   "could mean, and what does the attributor need to know about the mayor?")
