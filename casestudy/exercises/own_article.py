"""Self-checks for notebook 05 (your own article).

The exercises use invented texts, so the checks have an answer: expected values
are computed by the pipeline, and "what the rules got wrong" comes from
comparing the rules' output with a hand-written answer key (the practice
article's in ``data/practice_article.json``, and :data:`PUZZLE_KEY` for the short
:data:`PUZZLE`); the keys are used only here and for measuring.
"""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..models import UNKNOWN, Person
from ..pipeline import KeyResult, Reading, check_against_key, practice_article, read_article
from ..quotes import find_quotes
from . import Check, not_yet, unanswered, verdict

PUZZLE = ("Mayor Vesla Ornes opened the meeting at seven. Councillor Jorund Brekk arrived late "
          "and sat at the back.\n\n"
          "\"We held six public meetings,\" she said. \"Every one of them was open to the fishers.\"\n\n"
          "\"Not one fisher was invited,\" Brekk replied.")
"""A short invented text (a town like the practice article's) that the rules get wrong: neither
first name is in the rules' name list, so nothing tells them who is a woman, and the councillor
is the subject of the sentence right before "she"."""

PUZZLE_KEY = (
    {"starts": "We held six public meetings", "kind": "direct", "speaker": "Vesla Ornes"},
    {"starts": "Every one of them", "kind": "continuation", "speaker": "Vesla Ornes"},
    {"starts": "Not one fisher was invited", "kind": "direct", "speaker": "Jorund Brekk"},
)
"""The puzzle's answer key, written by hand (for the self-checks only)."""

_PRONOUN_QUOTE = "We held six public meetings"
"""The opening of the puzzle's quote introduced by 'she said'; its speaker comes from the puzzle's key."""


def puzzle_results(people: Any = ()) -> list[KeyResult]:
    """The rules' speakers for :data:`PUZZLE` (with an optional list of people) against its key.

    >>> [r.speaker_right for r in puzzle_results()]
    [False, False, True]
    """
    return check_against_key(find_quotes(PUZZLE, people), PUZZLE_KEY)


def check_quotes_per_100_words(answer: Any) -> Check:
    """Exercise 1: quotes (of all kinds) per 100 words of the practice article's body."""
    if unanswered(answer):
        return not_yet("exercise 1")
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        return verdict(False, "", "Give a number, without quotation marks, e.g. 100 * len(quotes) / words.")
    practice = read_article(practice_article())
    expected = practice.profile()["quotes_per_100_words"]
    if abs(answer - expected) < 0.1:
        return verdict(True, f"Right: {expected} quotes per 100 words.", "")
    if abs(answer * 100 - expected) < 0.1:
        return verdict(False, "", "That is quotes per word: multiply by 100 to get quotes per 100 words.")
    if answer == len(practice.quotes):
        return verdict(False, "", "That is the number of quotes; divide it by the words of the body "
                                  "(practice.words) and multiply by 100.")
    oslo = read_article().profile()["quotes_per_100_words"]
    if abs(answer - oslo) < 0.1:
        return verdict(False, "", "That is the Oslo article's rate: use the practice article (practice).")
    return verdict(False, "", "Divide the number of the practice article's quotes (len(practice.quotes)) by the "
                              "words of its body (practice.words), then multiply by 100.")


def check_wrong_speaker(answer: Any) -> Check:
    """Exercise 2: the first words of a quote of :data:`PUZZLE` whose speaker the rules got wrong (or missed)."""
    if unanswered(answer):
        return not_yet("exercise 2")
    if not isinstance(answer, str) or len(answer.split()) < 2:
        return verdict(False, "", "Paste the first few words of the quote as a string, e.g. \"The first words\".")
    results = puzzle_results()
    said = " ".join(answer.split()).lower().strip("\"' ")
    for r in results:
        key = " ".join(r.starts.split()).lower()
        if key.startswith(said) or said.startswith(key):
            if r.speaker_right:
                return verdict(False, "", f"The rules got that one right ({r.speaker or 'nobody named'}). "
                                          "Look for a quote where the speaker differs from the person who said it.")
            found = "missed it" if r.found is None else f"say {r.found.speaker or 'nobody'}"
            return verdict(True, f"Right: {r.speaker or 'nobody named'} said it, but the rules {found}.", "")
    return verdict(False, "", "That does not start any quote of ex.PUZZLE: copy the first words exactly.")


def check_people_fix(people: Any) -> Check:
    """Exercise 3: a list of Person objects that makes the rules give the puzzle's 'she said' to the mayor
    (the councillor is the subject of the sentence before; only a known gender rules him out)."""
    if unanswered(people):
        return not_yet("exercise 3")
    if not isinstance(people, (list, tuple)) or not all(isinstance(p, Person) for p in people):
        return verdict(False, "", "Give a list of Person(...) objects, e.g. [Person(\"Jane Doe\")].")
    odd = [p.gender for p in people if p.gender not in ("female", "male", "unknown")]
    if odd:
        return verdict(False, "", f"The rules know the genders 'female', 'male' and 'unknown', not {odd[0]!r}.")
    expected = next(item["speaker"] for item in PUZZLE_KEY if item["starts"] == _PRONOUN_QUOTE)
    quote = next((q for q in find_quotes(PUZZLE, people) if q.content.startswith(_PRONOUN_QUOTE)), None)
    who = quote.speaker if quote else None
    known = [f"{p.name} as {p.gender}" for p in people if p.gender in ("female", "male")]
    if who == expected:
        told = " and ".join(known) if known else "the people you listed"
        return verdict(True, f"Right: told {told}, the rules now give 'she' to {expected}.", "")
    if not known:
        return verdict(False, "", f"'She said' still goes to {who or 'nobody'}: your list gives nobody's gender. "
                                  "What does the attributor need to know, and about whom?")
    return verdict(False, "", f"'She said' still goes to {who or 'nobody'}. Why could the rules not rule that person "
                              "out? Tell them what the text does not say about them.")


def check_own_side(sides: Any, moves: Any = None) -> Check:
    """Exercise 4: the practice article's sides with one more, and its one named speaker of no side moved onto it.

    ``sides`` is the list of side names and ``moves`` the speakers to move
    (``{speaker: side}``), as :meth:`~casestudy.pipeline.Reading.assign_sides`
    takes them; the check calls it, so a mistake there is a hint, not an error.
    A reading already made with ``assign_sides`` is accepted too.
    """
    if unanswered(sides):
        return not_yet("exercise 4 (new_sides)")
    before = read_article(practice_article())
    if isinstance(sides, Reading) and moves is None:
        reading = sides
    else:
        if unanswered(moves):
            return not_yet("exercise 4 (moves)")
        if isinstance(sides, (str, bytes)) or not isinstance(sides, (list, tuple)):
            what = ("the sides editor, a widget" if type(sides).__name__ == "SidesEditor"
                    else f"a {type(sides).__name__}" if not isinstance(sides, str) else "one string")
            return verdict(False, "", f"new_sides is {what}: give the sides as a list of names, starting with "
                                      "the practice article's own: [*practice.side_names, ...].")
        if not isinstance(moves, dict):
            return verdict(False, "", "moves is a dict of who moves to which side: {\"Speaker Name\": \"Side\"}.")
        missing = [side for side in moves.values() if isinstance(side, str) and side != UNKNOWN and side not in sides]
        if missing:
            return verdict(False, "", f"{missing[0]!r} is not in new_sides yet: add it to the list of sides, "
                                      "after the three the article has, then move the speaker onto it.")
        known = {" ".join(name.split()).casefold() for name in before.speakers}
        stranger = next((name for name in moves if isinstance(name, str)
                         and " ".join(name.split()).casefold() not in known), None)
        if stranger is not None:
            return verdict(False, "", f"{stranger!r} is not one of the speakers the rules found: write the name "
                                      "as practice.speakers gives it.")
        try:
            reading = before.assign_sides(sides, moves)
        except InputError as error:
            return verdict(False, "", f"assign_sides cannot use these: {error}.")
    speaker = next(p.name for p in before.people if p.side == UNKNOWN and p.name in before.speakers)
    added = [s for s in reading.side_names if s not in before.side_names]
    if reading.side_names[:len(before.side_names)] != before.side_names:
        return verdict(False, "", f"Keep the three sides ({', '.join(before.side_names)}) first, in their order, and "
                                  "add one more after them: [*practice.side_names, ...].")
    if len(added) != 1:
        return verdict(False, "", f"The three sides are there; now add exactly one more after them (you added "
                                  f"{len(added)}), the side of her own.")
    on_it = sorted({q.speaker or "?" for q in reading.quotes if q.side == added[0]})
    if on_it != [speaker]:
        who = ", ".join(on_it) or "nobody"
        return verdict(False, "", f"On {added[0]!r} now: {who}. Move the named speaker who is on no side (unknown in "
                                  "the people file) there, and only her.")
    old = next(r for r in before.voice_share() if r.who == UNKNOWN).share_of_words
    new = next(r for r in reading.voice_share() if r.who == UNKNOWN).share_of_words
    return verdict(True, f"Right: {speaker} speaks for {added[0]!r} now, and the share of quoted words from no side "
                         f"falls from {old:.0%} to {new:.0%} (the shop owner, who is not named, is still on none).", "")
