"""Property-based tests: the text-processing steps never crash and their offsets never lie.

Examples are bounded (a few dozen per property, short texts) so the suite stays fast.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casestudy import InputError
from casestudy.text.cleaning import clean_article, unaccounted
from casestudy.text.tokens import split_sentences

PIECES = list("abcXYZ .,;:-\u2014!?\"'\n\t()[]0123456789\u201c\u201d\u2019\x00\x0b\u00a0") + [
    "U.S. ", "Mr. ", "said ", " he said. ", "Rice said", "OSLO, April 26 (AP) - ", "Listen Live\n",
    "\n\n", "<b>", "</b>", "\r\n", "''", "She ", "The minister ",
]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
"""Texts made of characters and news-like pieces: quotes, cues, datelines, furniture, markup, controls."""
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(NEWSY)
def test_sentence_offsets_slice_the_text(text: str) -> None:
    """Every sentence's offsets lie inside the text and slice out exactly its text."""
    for s in split_sentences(text):
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start:s.end] == s.text


@FAST
@given(NEWSY)
def test_cleaning_never_crashes_and_accounts_for_everything(text: str) -> None:
    """Cleaning either refuses the text with InputError or accounts for every character."""
    try:
        clean = clean_article(text)
    except InputError:
        return
    assert unaccounted(clean) == []
    for r in clean.removed:
        assert clean.raw[r.start:r.end] == r.text
    for s in clean.sentences:
        assert clean.text[s.start:s.end] == s.text
    assert clean.text == "\n\n".join(clean.paragraphs)


@FAST
@given(NEWSY)
def test_quote_offsets_match_their_text(text: str) -> None:
    """Every quote found lies inside the text, and its text and mention are the slices they claim."""
    from casestudy.quotes import find_quotes

    for q in find_quotes(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        if q.mention_start is not None:
            assert 0 <= q.mention_start <= q.mention_end <= len(text)
            if q.mention is not None:
                assert text[q.mention_start:q.mention_end] == q.mention
