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
    assert ex.check_naive_break(load_article().raw.split(". ")[3])
    assert ex.check_own_dateline("BERLIN, May 2 (Reuters) - Ministers met again on Friday.", "Berlin")


def test_naive_break_accepts_what_the_notebook_shows() -> None:
    """A piece of the raw-page split `naive` cut at an abbreviation, or its printed tail, is accepted; others are not."""
    naive = load_article().raw.split(". ")
    assert ex.check_naive_break(naive[3])
    assert ex.check_naive_break("Russia of the necessity to place elements of a U.S")
    assert not ex.check_naive_break("serious international concerns")


def test_wrong_answers_fail_with_a_hint() -> None:
    """Wrong answers are rejected with a hint."""
    assert not ex.check_removed_characters(25)
    assert "without quotation marks" in ex.check_removed_characters("319").message
    swapped = ex.check_dates("2019-01-23", "2007-04-26")
    assert not swapped and "wrong way round" in swapped.message
    assert not ex.check_naive_break("Lavrov reiterated that any cooperation must involve")
    assert not ex.check_own_dateline("no dateline here", "Berlin")


def test_naive_break_names_pieces_cut_for_other_reasons() -> None:
    """A piece that is wrong but not cut at an abbreviation gets a hint pointing at abbreviations."""
    naive = load_article().raw.split(". ")
    result = ex.check_naive_break(naive[18])
    assert not result and "not at an abbreviation" in result.message
    assert "not one of the pieces" in ex.check_naive_break("something I made up entirely").message
