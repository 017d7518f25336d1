"""The cleaning steps, on the bundled page and on small texts without furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from casestudy import InputError, load_article
from casestudy.text.cleaning import (
    clean_article,
    drop_duplicate_lead,
    find_dateline,
    find_furniture,
    find_title,
    make_paragraphs,
    normalise,
    parse_dateline,
    split_lines,
    split_timestamp,
    unaccounted,
)


@pytest.fixture(scope="module")
def oslo():  # type: ignore[no-untyped-def]
    return clean_article(load_article())


class TestOsloArticle:
    def test_title_dateline_and_dates(self, oslo) -> None:  # type: ignore[no-untyped-def]
        """Title, place, agency, publication date and page clock come out right."""
        assert oslo.title == "U.S., NATO to press Russia on missile shield at Oslo talks"
        assert (oslo.place, oslo.agency, oslo.dateline.date) == ("Oslo", "RIA Novosti", "April 26")
        assert oslo.published == "2007-04-26" and oslo.published_source == "metadata"
        assert oslo.page_timestamp.iso == "2019-01-23T16:32:00+03:00"

    def test_seventeen_paragraphs_starting_after_the_dateline(self, oslo) -> None:  # type: ignore[no-untyped-def]
        """The body has 17 paragraphs; the first is the lead without its dateline."""
        assert len(oslo.paragraphs) == 17
        assert oslo.paragraphs[0].startswith("The United States and its NATO allies will make")
        assert oslo.paragraphs[-1].startswith('"I am expecting that I will go to Moscow')

    def test_no_furniture_left(self, oslo) -> None:  # type: ignore[no-untyped-def]
        """None of the page furniture survives in the clean text."""
        for junk in ("Listen Live", "Get short URL", "0 10", "GMT", "Community standards", "Comment via", "OSLO,"):
            assert junk not in oslo.text

    def test_every_removed_piece_has_a_reason(self, oslo) -> None:  # type: ignore[no-untyped-def]
        """Seven pieces are removed, each with its raw span and a reason."""
        assert len(oslo.removed) == 7
        for r in oslo.removed:
            assert r.reason and oslo.raw[r.start:r.end] == r.text

    def test_every_character_is_accounted_for(self, oslo) -> None:  # type: ignore[no-untyped-def]
        """Title, dateline, body and removed pieces cover the whole page."""
        assert unaccounted(oslo) == []

    def test_spans_do_not_overlap(self, oslo) -> None:  # type: ignore[no-untyped-def]
        """No raw character is in two places."""
        spans = sorted([(r.start, r.end) for r in oslo.removed] + [(p.raw_start, p.raw_end) for p in oslo.body]
                       + [oslo.title_span, (oslo.dateline.start, oslo.dateline.end)])
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))

    def test_quotes_are_straight(self, oslo) -> None:  # type: ignore[no-untyped-def]
        """The clean text has no curly quotation marks."""
        assert not any(ch in oslo.text for ch in "\u201c\u201d\u2018\u2019")

    def test_sentence_offsets(self, oslo) -> None:  # type: ignore[no-untyped-def]
        """Each sentence's offsets slice its text out of the clean text; U.S. is not a break."""
        assert len(oslo.sentences) == 21
        for s in oslo.sentences:
            assert oslo.text[s.start:s.end] == s.text
        assert not any(s.text.endswith("U.S.") for s in oslo.sentences)


class TestStepsOnOtherText:
    PLAIN = "Senators met on Monday.\n\n\u201cWe agree,\u201d Smith said.\n"

    def test_furniture_free_text_is_untouched(self) -> None:
        """A plain story loses nothing: no title, no dateline, no removals."""
        clean = clean_article(self.PLAIN)
        assert clean.title is None and clean.dateline is None and clean.removed == ()
        assert clean.paragraphs == ["Senators met on Monday.", '"We agree," Smith said.']
        assert clean.published is None and clean.page_timestamp is None

    def test_hard_wrapped_paragraphs_are_joined(self) -> None:
        """Lines between blank lines form one paragraph."""
        assert [p.text for p in make_paragraphs(split_lines("A long\nsentence.\n\nNext one."))] == \
            ["A long sentence.", "Next one."]

    def test_one_paragraph_per_line_without_blank_lines(self) -> None:
        """Without blank lines each line is a paragraph."""
        assert len(make_paragraphs(split_lines("One.\nTwo.\nThree."))) == 3

    @pytest.mark.parametrize(
        ("line", "removed"),
        [
            ("Listen Live", True),
            ("Get short URL", True),
            ("0 10", True),
            ("12", True),
            ("Comment via Facebook", True),
            ("Advertisement", True),
            ("Readers can comment via the website, the agency said.", False),
            ("10 people were hurt.", False),
            ("Listen live to the debate tonight, he urged viewers across the country.", False),
        ],
    )
    def test_furniture_is_whole_short_lines_only(self, line: str, removed: bool) -> None:
        """Only whole furniture lines go; story sentences that mention such words stay."""
        kept, gone = find_furniture(split_lines(line))
        assert bool(gone) is removed and bool(kept) is not removed

    @pytest.mark.parametrize(
        ("text", "zone", "day", "iso"),
        [
            ("16:32 GMT +323 January 2019", "GMT+3", "23 January 2019", "2019-01-23T16:32:00+03:00"),
            ("09:05 GMT +31 March 2020", "GMT+3", "1 March 2020", "2020-03-01T09:05:00+03:00"),
            ("23:59 GMT -512 May 2018", "GMT-5", "12 May 2018", "2018-05-12T23:59:00-05:00"),
        ],
    )
    def test_timestamp_split(self, text: str, zone: str, day: str, iso: str) -> None:
        """The zone and the day are split apart; zones over 14 hours are impossible."""
        ts = split_timestamp(text)
        assert (ts.zone, ts.date, ts.iso) == (zone, day, iso)

    def test_ambiguous_timestamp_is_flagged(self) -> None:
        """'+111' reads as +1 and day 11 or +11 and day 1: the note says so."""
        ts = split_timestamp("10:00 GMT +111 June 2019")
        assert ts.zone == "GMT+1" and "ambiguous" in ts.note

    def test_title_needs_a_headline_and_more_text(self) -> None:
        """A lone line or a sentence is not a title."""
        assert find_title(split_lines("Just one line"))[0] is None
        assert find_title(split_lines("A full sentence here.\nAnother."))[0] is None
        assert find_title(split_lines("Headline here\nBody.")).__getitem__(0).text == "Headline here"

    @pytest.mark.parametrize(
        ("text", "place", "date", "agency"),
        [
            ("OSLO, April 26 (RIA Novosti) - Talks.", "Oslo", "April 26", "RIA Novosti"),
            ("WASHINGTON (Reuters) - Talks.", "Washington", None, "Reuters"),
            ("NEW YORK, Jan. 5 (AP) \u2014 Talks.", "New York", "Jan. 5", "AP"),
            ("MOSCOW, May 3, 2007 - Talks.", "Moscow", "May 3, 2007", None),
        ],
    )
    def test_datelines(self, text: str, place: str, date: str | None, agency: str | None) -> None:
        """Common dateline shapes are read; the rest of the paragraph is returned."""
        d, rest = parse_dateline(text)
        assert (d.place, d.date, d.agency, rest) == (place, date, agency, "Talks.")

    @pytest.mark.parametrize("text", ["NATO - the alliance - met.", "The U.S. (and others) - met.", "Talks resumed."])
    def test_not_datelines(self, text: str) -> None:
        """Capitals followed by a dash are not a dateline without a date or agency."""
        assert parse_dateline(text) is None

    def test_year_in_dateline_gives_publication_date(self) -> None:
        """Without metadata, a dateline with a year gives the date; without a year, None."""
        assert clean_article("MOSCOW, May 3, 2007 - Talks went on.").published == "2007-05-03"
        assert clean_article("MOSCOW, May 3 - Talks went on.").published is None

    def test_duplicate_lead_is_dropped_before_the_dateline(self) -> None:
        """A summary repeating the first paragraph is removed; the dated copy stays."""
        raw = "Headline\n\nTalks went on.\n\nOSLO (AP) - Talks went on.\n\nMore."
        clean = clean_article(raw)
        assert clean.paragraphs == ["Talks went on.", "More."]
        assert [r.reason.split(" (")[0] for r in clean.removed] == ["duplicate of the first body paragraph"]
        assert unaccounted(clean) == []

    def test_drop_duplicate_lead_without_dateline(self) -> None:
        """Without a dateline only an immediate repeat is removed."""
        kept, removed = drop_duplicate_lead([], split_lines("A.\nA.\nB."))
        assert [line.text for line in kept] == ["A.", "B."] and len(removed) == 1

    def test_find_dateline_absent(self) -> None:
        """No dateline: all lines are body."""
        d, before, after = find_dateline(split_lines("One.\nTwo."))
        assert d is None and before == [] and len(after) == 2

    def test_normalise(self) -> None:
        """Curly quotes become straight and white space collapses."""
        assert normalise("\u201cA\u00a0 b\u2019s\u201d\n c") == "\"A b's\" c"

    def test_only_furniture_gives_a_clear_error(self) -> None:
        """A page with no story left raises InputError."""
        with pytest.raises(InputError, match="no story text"):
            clean_article("Listen Live\n0 10\n")


# -- paragraphs from any layout (issue 11) ---------------------------------------------------------

WIRE_INDENTED = (
    "Talks resume in Oslo\n"
    "   OSLO, May 2 (Wire) - The talks resumed on Monday after a\n"
    "week of silence, and both sides said they were ready to go on\n"
    "until an agreement was found.\n"
    "   \"We have come to listen and we will stay as long as it\n"
    "takes,\" the minister told reporters. \"Nobody leaves early.\n"
    "   \"Nobody,\" she added.\n"
)
WIRE_BLANK_LINES = (
    "Talks resume in Oslo\n\n"
    "OSLO, May 2 (Wire) - The talks resumed on Monday after a\n"
    "week of silence, and both sides said they were ready to go on\n"
    "until an agreement was found.\n\n"
    "The minister spoke first. She said the talks would go on for\n"
    "as long as they had to, and that nobody would leave early.\n"
)


def test_hard_wrapped_lines_are_reflowed_into_paragraphs() -> None:
    """Wire copy wrapped at a fixed width: paragraphs marked by indentation or blank lines, not by line ends."""
    from casestudy.text.cleaning import find_layout, reflow

    for text, marked_by in ((WIRE_INDENTED, "indentation"), (WIRE_BLANK_LINES, "blank lines")):
        layout = find_layout(split_lines(text))
        assert layout.wrapped and marked_by in layout.describe()
        clean = clean_article(text)
        assert clean.paragraphs[0] == ("The talks resumed on Monday after a week of silence, and both sides said "
                                       "they were ready to go on until an agreement was found.")
        assert len(reflow(split_lines(text))) == len(clean.paragraphs) + 1    # (+ the headline)


def test_one_paragraph_per_line_is_left_alone() -> None:
    """Web text with one long line per paragraph is not taken for wrapped text."""
    from casestudy.text.cleaning import find_layout

    text = "\n".join(f"Paragraph {n}: the council met on Monday and talked for a long time about the plan."
                     for n in range(6))
    assert not find_layout(split_lines(text)).wrapped
    assert len(clean_article(text).paragraphs) == 6


def test_reflowed_offsets_point_into_the_file() -> None:
    """A quote found in the re-flowed text maps back to the file's own characters, line breaks included."""
    clean = clean_article(WIRE_INDENTED)
    start = clean.text.index('"We have')
    end = clean.text.index('takes,"') + len('takes,"')
    a, b = clean.offsets.span_to_raw(start, end)
    assert WIRE_INDENTED[a:b] == '"We have come to listen and we will stay as long as it\ntakes,"'
    assert unaccounted(clean) == []


def test_a_quote_over_wire_paragraphs_keeps_its_speaker() -> None:
    """In wrapped copy, a quote that runs over two paragraphs (no closing mark, a new opening mark) is one passage."""
    from casestudy.quotes import find_quotes

    clean = clean_article(WIRE_INDENTED)
    quotes = [q for q in find_quotes(clean.text) if q.kind != "reported"]
    assert [q.text for q in quotes] == ['"We have come to listen and we will stay as long as it takes,"',
                                        '"Nobody leaves early.\n\n"Nobody,"']
    assert quotes[1].mention == "she"


# -- a headline that wraps ------------------------------------------------------------------------

WRAPPED_HEADLINE = (Path(__file__).parent / "data" / "wrapped_headline_article.txt").read_text(encoding="utf-8")
"""An invented story hard-wrapped at 70 characters (British single quotation marks), whose headline takes two lines."""


def test_a_wrapped_headline_is_one_title() -> None:
    """Both lines of a wrapped headline are the title (and its span); nothing is removed, every character accounted for."""
    clean = clean_article(WRAPPED_HEADLINE)
    assert clean.title == ("Harbour wall repairs put off for a third winter as the council, insurers and fishing "
                           "families trade blame")
    assert clean.title_span is not None
    assert WRAPPED_HEADLINE[slice(*clean.title_span)].endswith("council,\ninsurers and fishing families trade blame")
    assert clean.removed == () and unaccounted(clean) == []
    assert clean.place == "Carnholt" and clean.paragraphs[0].startswith("Repairs to the storm-damaged harbour wall")
    assert "Removed:    0 pieces" in clean.summary()


@pytest.mark.parametrize("text, title", [
    # the next line goes on in lower case: a wrap, whatever the layout
    ("Reservoir plan stalls in the valley\nas farmers, water firm and walkers dig in\n\nThe council met on Monday.",
     "Reservoir plan stalls in the valley as farmers, water firm and walkers dig in"),
    # a headline and a standfirst: the second line starts a new thought (capital, not forced by a width)
    ("Talks fail\nMinisters walk out after six hours\n\nThe council met on Monday.", "Talks fail"),
    # the lines are the story's first paragraph, not a headline (no blank line after them)
    ("Talks in Oslo went on\nwell into the night\nand ended at dawn.\n\nNobody spoke.", None),
    # a one-line headline, as before
    ("Oslo talks open\n\nMinisters met today.", "Oslo talks open"),
])
def test_when_a_headline_wraps(text: str, title: str | None) -> None:
    """A second line joins the headline only when it goes on with it; a standfirst or a paragraph does not."""
    clean = clean_article(text)
    assert clean.title == title
    assert unaccounted(clean) == []


def test_a_one_line_summary_plural() -> None:
    """The summary says '1 piece', not '1 pieces'; and '1 paragraph, 1 sentence'."""
    summary = clean_article("Talks fail\n\nListen Live\n\nOSLO (AP) - They met.").summary()
    assert "Removed:    1 piece\n" in summary and "1 paragraph, 1 sentence, 2 words" in summary
