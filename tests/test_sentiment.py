"""Specification of casestudy.sentiment: offline VADER, explanations that add up, aggregates with n and sd."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casestudy import sentiment
import casestudy.sentiment.vader
from casestudy.errors import MissingResourceError
from casestudy.models import Quote
from casestudy.sentiment import (
    Aggregate, aggregate, analyzer, by_side, by_speaker, explain, label_for, normalise,
    score, score_quotes, score_sentences,
)
from casestudy.text.tokens import split_sentences

# -- the analyzer, offline -----------------------------------------------------------


def test_analyzer_never_calls_nltk_data(monkeypatch):
    """The analyzer is built from the vaderSentiment lexicon without touching nltk.data."""
    import nltk.data

    def refuse(*args, **kwargs):
        raise AssertionError("nltk.data.load must not be called")

    monkeypatch.setattr(nltk.data, "load", refuse)
    analyzer.cache_clear()
    try:
        sia = analyzer()
        assert len(sia.lexicon) > 7000
        assert sia.polarity_scores("good")["compound"] > 0
    finally:
        analyzer.cache_clear()


def test_analyzer_is_cached():
    """The same analyzer object is reused, so scoring many sentences builds the lexicon once."""
    assert analyzer() is analyzer()


def test_missing_lexicon_names_the_fix(monkeypatch):
    """Without the vaderSentiment package the error says exactly what to install."""
    monkeypatch.setattr(sentiment.vader, "LEXICON_PACKAGE", "no_such_package_for_vader")
    analyzer.cache_clear()
    try:
        with pytest.raises(MissingResourceError, match=r"pip install vaderSentiment"):
            analyzer()
    finally:
        analyzer.cache_clear()


# -- scores on sentences with known behaviour ---------------------------------------------

KNOWN = [
    # (text, expected label, why)
    ("The plan is good.", "positive", "a positive lexicon word"),
    ("The plan is not good.", "negative", "negation flips the sign"),
    ("The plan is bad.", "negative", "a negative lexicon word"),
    ("The plan is not bad.", "positive", "negation of a negative word"),
    ("The talks took place in Oslo.", "neutral", "no lexicon word"),
    ("We are against any proposal that turns Europe into a playground for someone.", "neutral",
     "no word of it is in the lexicon"),
]


@pytest.mark.parametrize("text, label, why", KNOWN)
def test_known_labels(text, label, why):
    """Short sentences get the label their rules predict."""
    assert score(text).label == label, why


STRONGER = [
    # (weaker, stronger, rule)
    ("The plan is good.", "The plan is very good.", "booster"),
    ("The plan is good.", "The plan is GOOD.", "ALL CAPS"),
    ("The plan is good.", "The plan is good!", "exclamation mark"),
    ("The plan is good.", "The plan is good!!!", "exclamation marks"),
    ("The plan is bad.", "The plan is very bad.", "booster on a negative word"),
]


@pytest.mark.parametrize("weaker, stronger, rule", STRONGER)
def test_emphasis_makes_scores_stronger(weaker, stronger, rule):
    """Boosters, capitals and exclamation marks move the compound score away from zero."""
    assert abs(score(stronger).compound) > abs(score(weaker).compound), rule


def test_but_shifts_weight_to_the_second_clause():
    """After "but", words count 1.5 times; before it, half."""
    assert score("The food is great but the service is bad.").compound < 0
    assert score("The service is bad but the food is great.").compound > 0


@pytest.mark.parametrize("compound, label", [(0.05, "positive"), (0.0499, "neutral"), (-0.05, "negative"), (0.0, "neutral")])
def test_label_cut_offs(compound, label):
    """The neutral band is -0.05 < compound < 0.05."""
    assert label_for(compound) == label


def test_score_sentences_keeps_offsets():
    """Sentence scores keep the offsets of the sentences they came from."""
    text = "I love it. I hate it. It is a table."
    scored = score_sentences(split_sentences(text))
    assert [text[s.start:s.end] for s in scored] == [s.text for s in scored]
    assert [s.label for s in scored] == ["positive", "negative", "neutral"]
    assert set(scored[0].to_json()) == {"start", "end", "text", "compound", "pos", "neu", "neg"}


# -- the explanation --------------------------------------------------------------------

SENTENCES = [
    "",
    "!!!",
    "The plan is good.",
    "The plan is not good.",
    "The plan is not very good.",
    "The plan is NOT GOOD at all, but I LOVE the people!!",
    "This is kind of good.",
    "This is sort of bad, isn't it??",
    "The food is great, but the service is very bad!",
    "Never so happy. Never this sad.",
    "It is the least good idea, at least.",
    "Good good good, bad bad.",
    "Not good. Not good at all. Good.",
    "That was the bomb, yeah right.",
    "The real goal [of the deployment] is to protect [the U.S.] from the Russian and Chinese nuclear missile "
    "potential and to create exclusive conditions for the invulnerability of the United States,",
    "We are against any proposal that turns Europe into a playground for someone,",
    '"We do not want to play these games."',
    "I don't know why you would not want to engage in missile defense cooperation that gives you the "
    "possibility of protecting your people and your territory against missile threats.",
    "She was SO HAPPY :) despite the rain?!?",
]


def _nltk_numbers(text):
    return analyzer().polarity_scores(text)


@pytest.mark.parametrize("text", SENTENCES)
def test_explanation_equals_nltk(text):
    """Our replay of VADER's rules gives exactly NLTK's four numbers."""
    e = explain(text)
    assert {"neg": e.neg, "neu": e.neu, "pos": e.pos, "compound": e.compound} == _nltk_numbers(text)


@pytest.mark.parametrize("text", SENTENCES)
def test_explanation_adds_up(text):
    """Per-word valences add up to the word sum; with punctuation, to the raw sum that becomes compound."""
    e = explain(text)
    assert math.isclose(sum(r.valence for r in e.rows), e.word_sum, abs_tol=1e-12)
    assert math.isclose(e.word_sum + e.punctuation, e.raw_sum, abs_tol=1e-12)
    assert round(normalise(e.raw_sum), 4) == e.compound


@pytest.mark.parametrize("text", SENTENCES)
def test_each_word_valence_is_its_steps(text):
    """Each word starts at its lexicon valence and every change is a recorded step."""
    for row in explain(text).rows:
        start = row.lexicon_valence if row.matched else 0.0
        for step in row.steps:
            assert math.isclose(step.before, start, abs_tol=1e-12)
            start = step.after
        assert math.isclose(start, row.valence, abs_tol=1e-12)


WORDS = st.sampled_from(
    "good bad GOOD BAD very VERY not never so this but least at kind of sort the bomb yeah right hardly "
    "isn't without love hate great terrible United States protect kinda despite nothing :) games. ! ?? !!".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=14).map(" ".join))
def test_explanation_equals_nltk_on_random_text(text):
    """On random mixes of rule-triggering words the explanation still equals NLTK."""
    e = explain(text)
    assert {"neg": e.neg, "neu": e.neu, "pos": e.pos, "compound": e.compound} == _nltk_numbers(text)
    assert math.isclose(sum(r.valence for r in e.rows) + e.punctuation, e.raw_sum, abs_tol=1e-12)


RULES = [
    # (text, word, rule that must be recorded for it)
    ("The plan is not good.", "good", "negation"),
    ("The plan is very good.", "good", "booster"),
    ("The plan is slightly good.", "good", "dampener"),
    ("The plan is GOOD.", "GOOD", "ALL CAPS"),
    ("It was good but it was bad.", "good", "but"),
    ("It was good but it was bad.", "bad", "but"),
]


@pytest.mark.parametrize("text, word, rule", RULES)
def test_rules_are_named(text, word, rule):
    """The explanation names the rule that changed a word."""
    row = next(r for r in explain(text).rows if r.word == word)
    assert rule in [s.rule for s in row.steps]


def test_repeated_word_follows_nltk_and_says_so():
    """NLTK scores every copy of a word in the context of its first occurrence; the explanation notes it."""
    e = explain("It is not good and good")
    assert [round(r.valence, 3) for r in e.matched] == [-1.406, -1.406]
    assert e.compound == _nltk_numbers("It is not good and good")["compound"]
    assert any("more than once" in n for n in e.notes)


def test_punctuation_is_shown_separately():
    """Exclamation marks add to the raw sum, not to any word."""
    e = explain("Good!!")
    assert e.word_sum == 1.9
    assert math.isclose(e.punctuation, 2 * 0.292)


def test_offsets_point_at_the_words():
    """Each row's offsets cut its word out of the text."""
    text = 'He said: "We do NOT want bad games." Fine!'
    for r in explain(text).rows:
        assert text[r.start:r.end] == r.word


def test_table_lists_matched_words():
    """The table has one row per lexicon word, with its lexicon and adjusted valence."""
    rows = explain("The plan is not good.").table()
    assert rows == [{"word": "good", "lexicon": 1.9, "rules": "negation ('not'): 1.9 -> -1.41", "valence": -1.406}]


def test_html_is_escaped():
    """Text shown as HTML is escaped, so a quote cannot inject markup."""
    e = explain("<script>alert(1)</script> good & bad")
    assert "<script>" not in e.highlighted_html()
    assert "&lt;script&gt;" in e.highlighted_html()
    assert "<script>" not in e.table_html()
    assert e.highlighted_html().count("<mark") == 2


def test_unmatched_text_explains_itself():
    """A text with no lexicon word says so in its table."""
    e = explain("a playground for someone")
    assert e.compound == 0.0 and e.matched == []
    assert "no word of this text is in the lexicon" in e.table_html()


# -- aggregation ---------------------------------------------------------------------------

def _quote(content, speaker, side, kind="direct"):
    return Quote(0, len(content) + 2, f'"{content}"', content, speaker, kind, "test", side=side)


QUOTES = [
    _quote("We love this good plan.", "Ann Smith", "US/NATO"),
    _quote("It is a great offer.", "Ann Smith", "US/NATO", "continuation"),
    _quote("This is a bad and dangerous idea.", "Ivan Petrov", "Russia"),
    _quote("Wonderful news for everyone.", "Ivan Petrov", "Russia", "reported"),  # reported: not counted
    _quote("Nobody knows.", None, "unknown"),
]


@pytest.mark.parametrize("values, expected", [
    ([], Aggregate(0, None, None)),
    ([0.5], Aggregate(1, 0.5, None)),
    ([0.5, -0.1, 0.2], Aggregate(3, 0.2, 0.3)),
    ([1.0, 1.0], Aggregate(2, 1.0, 0.0)),
])
def test_aggregate(values, expected):
    """n, mean and sample sd; sd is None below two values, mean None for none."""
    assert aggregate(values) == expected


def test_by_speaker_counts_direct_and_continuation_only():
    """Reported speech and quotes without a speaker do not count for speakers."""
    speakers = by_speaker(score_quotes(QUOTES))
    assert {k: a.n for k, a in speakers.items()} == {"Ann Smith": 2, "Ivan Petrov": 1}
    assert speakers["Ivan Petrov"].sd is None
    assert speakers["Ann Smith"].mean > 0 > speakers["Ivan Petrov"].mean


def test_by_side_reports_every_side():
    """US/NATO, Russia and unknown are always present, each with its count."""
    sides = by_side(score_quotes(QUOTES))
    assert {k: a.n for k, a in sides.items()} == {"US/NATO": 2, "Russia": 1, "unknown": 1}


def test_quote_content_is_scored_not_the_marks():
    """A quote's score is the score of its content."""
    (qs,) = score_quotes([QUOTES[0]])
    assert qs.score == score(QUOTES[0].content)


def test_aggregate_json_shape():
    """Aggregates serialise as n, mean and sd (null when undefined)."""
    assert json.loads(json.dumps(aggregate([0.3]).to_json())) == {"n": 1, "mean": 0.3, "sd": None}


# -- the bundled article and the command line ---------------------------------------------------

def test_article_sentences_all_scored():
    """Every sentence of the cleaned article gets a score with offsets into the cleaned text."""
    from casestudy import load_article
    from casestudy.text.cleaning import clean_article

    clean = clean_article(load_article())
    scored = score_sentences(clean.sentences)
    assert len(scored) == len(clean.sentences) > 10
    assert all(clean.text[s.start:s.end] == s.text for s in scored)


def test_cli_json_contract(capsys):
    """`sentiment --json` prints sentences, speakers and sides in the documented shape."""
    pytest.importorskip("casestudy.quotes")
    from casestudy.cli import main

    assert main(["sentiment", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"sentences", "speakers", "sides"}
    assert set(out["sides"]) == {"US/NATO", "Russia", "unknown"}
    for name in ("Sergei Lavrov", "Condoleezza Rice", "Yury Baluyevsky"):
        assert out["speakers"][name]["n"] >= 1
    for agg in [*out["speakers"].values(), *out["sides"].values()]:
        assert set(agg) == {"n", "mean", "sd"}
        assert (agg["sd"] is None) == (agg["n"] < 2)
    assert set(out["sentences"][0]) == {"start", "end", "text", "compound", "pos", "neu", "neg"}


def test_cli_report_and_bad_file(capsys, tmp_path):
    """Without --json a readable report; a missing file is a one-line error with status 2."""
    pytest.importorskip("casestudy.quotes")
    from casestudy.cli import main

    assert main(["sentiment"]) == 0
    assert "Sides:" in capsys.readouterr().out
    assert main(["sentiment", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and err.count("\n") == 1


# -- what notebook 03 says about the article ---------------------------------------------------

def _article_quote(speaker, containing):
    pytest.importorskip("casestudy.quotes")
    from casestudy import load_article
    from casestudy.pipeline import read_article

    for qs in read_article(load_article()).sentiment.quotes:
        if qs.quote.speaker == speaker and containing in qs.quote.content:
            return qs
    raise AssertionError(f"no quote by {speaker} containing {containing!r}")


def test_baluyevsky_accusation_reads_positive():
    """Notebook 03's claim: the accusation is strongly positive, carried by protect, create, exclusive, United."""
    qs = _article_quote("Yury Baluyevsky", "real goal")
    e = explain(qs.quote.content)
    assert e.compound > 0.75
    assert {r.word.lower() for r in e.matched if r.valence > 0} == {"protect", "create", "exclusive", "united"}
    assert not [r for r in e.matched if r.valence < 0]


def test_lavrov_playground_scores_zero():
    """Notebook 03's claim: 'a playground for someone' has no lexicon word, so it scores exactly 0."""
    qs = _article_quote("Sergei Lavrov", "playground")
    e = explain(qs.quote.content)
    assert e.compound == 0.0 and e.matched == []


def _lavrov_n():
    from casestudy import load_article
    from casestudy.pipeline import read_article

    return read_article(load_article()).sentiment.speakers["Sergei Lavrov"].n


@pytest.mark.parametrize("check, right, wrong", [
    ("check_hand_score", lambda: (1.9 + 0.293, score("The plan is very good.").compound), lambda: (1.9, 0.9)),
    ("check_positive_words", lambda: ["protect", "create", "exclusive", "United"], lambda: ["protect"]),
    ("check_misreading",
     lambda: "We are kindly against any proposal that turns Europe into a playground for someone.",
     lambda: "We will protect you from your own great mistakes."),  # friendly, but not Lavrov's complaint
    ("check_quote_count", lambda: ("Sergei Lavrov", _lavrov_n()), lambda: ("Sergei Lavrov", _lavrov_n() + 2)),
])
def test_exercise_checks(check, right, wrong):
    """Each self-check accepts a right answer, rejects a wrong one and reminds about a blank one."""
    pytest.importorskip("casestudy.quotes")
    from casestudy.exercises import sentiment as ex

    fn = getattr(ex, check)
    args = lambda v: v if isinstance(v, tuple) else (v,)  # noqa: E731
    blank = (...,) * len(args(right()))
    assert bool(fn(*args(right()))) is True
    assert bool(fn(*args(wrong()))) is False
    assert "Replace the ..." in repr(fn(*blank))


def test_rice_pretty_soon_is_read_as_pretty():
    """Notebook 03's probe: in "pretty soon", the lexicon reads "pretty" as a positive word."""
    qs = _article_quote("Condoleezza Rice", "pretty soon")
    assert [r.word for r in explain(qs.quote.content).matched if r.valence > 0] == ["pretty"]


def test_rice_plea_is_negated():
    """Notebook 03's discussion: Rice's plea for cooperation scores negative, through negations."""
    qs = _article_quote("Condoleezza Rice", "I don't know why")
    e = explain(qs.quote.content)
    assert e.compound < 0
    assert any(s.rule == "negation" for r in e.matched for s in r.steps)


def test_repeated_word_skipped_by_its_first_occurrence_is_explained() -> None:
    """A word NLTK skips because its first copy is a hedge ('kind of') shows its lexicon value, 0, and why."""
    from casestudy.sentiment import explain, score

    e = explain("kind of nice, very kind")
    last = e.rows[-1]
    assert (last.word, last.lexicon_valence, last.valence) == ("kind", 2.4, 0.0)
    assert [s.rule for s in last.steps] == ["first occurrence"]
    assert e.compound == score("kind of nice, very kind").compound
