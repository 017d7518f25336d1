"""Self-checks of notebook 01 accept the solutions and reject wrong answers."""

from __future__ import annotations

from casestudy import load_article
from casestudy.text.cleaning import clean_article
from casestudy.exercises import Check
from casestudy.exercises import cleaning as ex

CLEAN = clean_article(load_article())


def test_placeholders_are_reminders() -> None:
    """Leaving ... in place gives a reminder, not an error."""
    for result in (ex.check_removed_characters(...), ex.check_dates(..., ...), ex.check_naive_break(...),
                   ex.check_own_dateline(..., ...)):
        assert isinstance(result, Check) and not result and "Replace the ..." in result.message


def test_solutions_pass() -> None:
    """The solutions shown in the notebook pass their checks."""
    assert ex.check_removed_characters(sum(len(piece.text) for piece in CLEAN.removed))
    assert ex.check_dates(CLEAN.published, CLEAN.page_timestamp.iso[:10])
    assert ex.check_naive_break(load_article().raw.split(". ")[16])
    assert ex.check_own_dateline("BERLIN, May 2 (Reuters) - Ministers met again on Friday.", "Berlin")


def test_only_the_piece_of_joined_paragraphs_is_accepted() -> None:
    """Of the 19 naive pieces, only the one whose start and end are right, yet holds three paragraphs, passes."""
    naive = load_article().raw.split(". ")
    assert [i for i, piece in enumerate(naive) if ex.check_naive_break(piece)] == [16]
    assert ex.check_naive_break('We will continue to talk to the Russians about it," Rice said')   # its printed tail


def test_every_piece_is_told_all_that_is_wrong_with_it() -> None:
    """Furniture, a start or an end inside a sentence, an abbreviation and paragraphs run together are all named."""
    naive = load_article().raw.split(". ")
    assert "not the story (page timestamp, site button, the headline" in ex.check_naive_break(naive[0]).message
    three = ex.check_naive_break(naive[3]).message
    assert "starts in the middle of a sentence" in three and "runs 2 sentences together, across 2 paragraphs" in three
    assert "ends at 'U.S', an abbreviation" in three
    assert "comment section footer" in ex.check_naive_break(naive[18]).message
    four = ex.check_naive_break(naive[4]).message
    assert "starts in the middle of a sentence" in four and "abbreviation" not in four.split(".")[0]


def test_wrong_answers_fail_with_a_hint() -> None:
    """Wrong answers are rejected with a hint."""
    assert not ex.check_removed_characters(25)
    assert "without quotation marks" in ex.check_removed_characters("319").message
    swapped = ex.check_dates("2019-01-23", "2007-04-26")
    assert not swapped and "wrong way round" in swapped.message
    assert "not one of the pieces" in ex.check_naive_break("Lavrov reiterated that any cooperation must involve").message
    assert "not one of the pieces" in ex.check_naive_break("something I made up entirely").message
    assert not ex.check_own_dateline("no dateline here", "Berlin")
