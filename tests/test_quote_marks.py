"""Quotation marks as newsrooms use them, specified by small invented texts (never by real news copy)."""

from __future__ import annotations

import pytest

from casestudy.quotes import find_quotes, pair_marks
from casestudy.quotes.marks import SINGLE, detect_style, mark_role


def passages(text: str) -> list[str]:
    """The text of every quoted passage the attributor keeps (reported speech left out)."""
    return [q.text for q in find_quotes(text) if q.kind != "reported"]


def paired(text: str) -> list[str]:
    return [text[q.start:q.end] for q in pair_marks(text)]


STYLE_CASES = [
    # (text, which marks open a quotation)
    ('"We won," she said. "We will win again."', "double"),
    ("\u201cWe won,\u201d she said.", "double"),
    ("'We won,' she said. 'We'll win again.'", "single"),
    ("\u2018We won,\u2019 she said. \u2018It was \u201ca miracle\u201d.\u2019", "single"),
    ('"He called it \'a farce\'," she said. "It was."', "double"),
    ("\u00abNous avons gagn\u00e9\u00bb, a-t-elle dit. \u00abEncore.\u00bb", "guillemets"),
    ("No quotation at all, just the players' union and the '90s.", "none"),
]


@pytest.mark.parametrize("text, opening", STYLE_CASES)
def test_a_documents_style_is_the_kind_of_mark_that_opens_its_quotations(text: str, opening: str) -> None:
    """detect_style counts the pairs of each kind of mark that are not inside a pair of another kind."""
    assert detect_style(text).opening == opening


APOSTROPHE_CASES = [
    # (text, index of the mark, role)
    ("don't", 3, "none"),
    ("Blair's plan", 5, "none"),
    ("in the '90s", 7, "none"),
    ("rock 'n' roll", 5, "none"),
    ("the Joneses' house", 11, "none"),
    ("the players' union", 11, "none"),
    ("'We won", 0, "open"),
    ("we won,' he said", 7, "close"),
    ("the Joneses' said", 11, "close"),      # a speech verb after it: the mark closes a quotation
    ("would, \u2018cause real damage", 7, "open"),   # a left mark before "cause" opens (the elision is \u2019cause)
    ("said '...plied the detective", 5, "open"),   # a quotation may open with an ellipsis
]


@pytest.mark.parametrize("text, at, role", APOSTROPHE_CASES)
def test_apostrophes_are_told_apart_from_single_quotation_marks(text: str, at: int, role: str) -> None:
    """Between letters, before a year or an elision, or after a plural's s with more words to come: an apostrophe."""
    assert mark_role(text, at, at + 1, SINGLE) == role


BRITISH_CASES = [
    # straight single marks with apostrophes inside
    ("'We don't accept Blair's plan, not in the '90s and not now,' said Mayor Ann Hollis.",
     ["'We don't accept Blair's plan, not in the '90s and not now,'"]),
    # curly single marks, a double-quoted title inside
    ("\u2018It was \u201ca farce\u201d from start to finish,\u2019 said Mayor Ann Hollis.",
     ["\u2018It was \u201ca farce\u201d from start to finish,\u2019"]),
    # a doubled mark at the start is not a double quotation mark that swallows the paragraph
    ("''Our generals are ready for the storm,' he said. Mayor Ann Hollis agreed.",
     ["''Our generals are ready for the storm,'"]),
    # the players' union is no closing mark
    ("'The players' union will not sign this year,' said Mayor Ann Hollis.",
     ["'The players' union will not sign this year,'"]),
]


@pytest.mark.parametrize("text, expected", BRITISH_CASES)
def test_british_single_quotation_marks(text: str, expected: list[str]) -> None:
    """Single marks open quotations in British copy; apostrophes and nested double marks stay inside them."""
    assert passages(text) == expected


def test_quotations_inside_quotations_stay_inside() -> None:
    """Double inside single and single inside double: one passage each, the inner marks part of it."""
    assert paired('"He said \'no\' twice," she said.') == ['"He said \'no\' twice,"']
    assert paired("'He said \"no\" twice,' she said. 'Really.'") == ["'He said \"no\" twice,'", "'Really.'"]


def test_guillemets_and_low_marks_pair() -> None:
    """« » and „ “ pair like other marks."""
    assert paired("Er sagte: \u201eWir bleiben hier.\u201c Dann ging er.") == ["\u201eWir bleiben hier.\u201c"]
    assert paired("Elle a dit : \u00abNous restons.\u00bb") == ["\u00abNous restons.\u00bb"]


def test_a_quote_over_several_paragraphs_in_single_marks() -> None:
    """The wire convention with single marks: no closing mark at the paragraph's end, a new opening mark next."""
    text = ("Mayor Ann Hollis spoke at length.\n\n'This is the first paragraph of a long statement.\n\n"
            "'And this is the second one,' she said.")
    quotes = [q for q in find_quotes(text) if q.kind != "reported"]
    assert len(quotes) == 1 and quotes[0].speaker == "Ann Hollis"
    assert quotes[0].text.startswith("'This is") and quotes[0].text.endswith("second one,'")


def test_two_quotations_run_together_are_two_quotes_of_one_speaker() -> None:
    """A new opening mark after a full stop ends a quote whose closing mark is missing (merged paragraphs)."""
    text = 'Mayor Ann Hollis spoke. "We will not sign. "The offer is unfair," she said.'
    quotes = [(q.text, q.speaker) for q in find_quotes(text) if q.kind != "reported"]
    assert quotes == [('"We will not sign.', "Ann Hollis"), ('"The offer is unfair,"', "Ann Hollis")]


def test_quoted_words_inside_reported_speech() -> None:
    """A partial quotation is found, and the reported statement keeps the quoted words it contains."""
    text = 'Sergei Lavrov said the plan was "a threat" to Europe. Lavrov said the plan would need "much more work" soon.'
    quotes = find_quotes(text)
    assert [(q.text, q.speaker) for q in quotes if q.kind == "direct"] == [
        ('"a threat"', "Sergei Lavrov"), ('"much more work"', "Sergei Lavrov")]
    reported = [q.content for q in quotes if q.kind == "reported"]
    assert reported == ['the plan was "a threat" to Europe.', 'the plan would need "much more work" soon.']
