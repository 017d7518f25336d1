"""Self-checks of notebook 02 accept the solutions and answer typical wrong answers with a fitting hint."""

from __future__ import annotations

import pytest

from casestudy.exercises import quotes as ex

PRONOUN_TEXT = 'Senator Mary Blake spoke. "We will fight on," she said.'


@pytest.mark.parametrize("check, args, hint", [
    (ex.check_louder_side, ("US/NATO", 56), "between 0 and 1"),
    (ex.check_louder_side, ("US/NATO", 0.53), "not the table that includes reported speech"),
    (ex.check_louder_side, ("US", 0.56), "exactly as the table does"),
    (ex.check_pronoun_sentence, (PRONOUN_TEXT, "Senator Mary Blake"), "without the title"),
    (ex.check_minister_rule, ("continuation",), ".rule and .explanation"),
])
def test_wrong_answer_gets_its_hint(check, args, hint) -> None:
    """Each typical wrong answer is rejected with the hint that names its mistake."""
    result = check(*args)
    assert not result and hint in result.message


@pytest.mark.parametrize("check, args", [
    (ex.check_naive_speakers, (3,)),
    (ex.check_minister_rule, ("descriptor",)),
    (ex.check_minister_rule, ("cue-after+descriptor",)),
    (ex.check_louder_side, ("US/NATO", 0.56)),
    (ex.check_pronoun_sentence, (PRONOUN_TEXT, "Mary Blake")),
    (ex.check_scare_quote, ('Critics called the plan a "vanity project" on Friday.',)),
])
def test_right_answer_passes(check, args) -> None:
    """The answers given in the notebook's solutions pass."""
    assert check(*args)
