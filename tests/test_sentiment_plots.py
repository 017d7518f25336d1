"""Specification of the sentiment figures: real Figure objects with labelled axes, titles and non-colour cues."""

from __future__ import annotations

import pytest

pytest.importorskip("matplotlib")
import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure

from casestudy import plots
from casestudy.models import Quote
from casestudy.palette import OKABE_ITO
from casestudy.sentiment import explain, score_quotes, score_sentences
from casestudy.text.tokens import split_sentences

TEXT = 'Ann Smith said: "This is a great plan." Ivan Petrov said: "It is a bad idea." The weather was mild.'


def _quotes():
    a = TEXT.index('"This')
    b = TEXT.index('"It')
    return score_quotes([
        Quote(a, a + 23, TEXT[a:a + 23], "This is a great plan.", "Ann Smith", "direct", "test", side="US/NATO"),
        Quote(b, b + 19, TEXT[b:b + 19], "It is a bad idea.", "Ivan Petrov", "direct", "test", side="Russia"),
    ])


def _figures():
    sentences = score_sentences(split_sentences(TEXT))
    quotes = _quotes()
    return {
        "sentences": plots.plot_sentences(sentences, quotes),
        "speakers": plots.plot_quotes_by_speaker(quotes),
        "sides": plots.plot_quotes_by_side(quotes),
        "explanation": plots.plot_explanation(explain("The plan is NOT good, but the people are very nice!")),
        "agreement": plots.plot_agreement(["good", "bad", "table"], [2, -1, 0], [0.44, -0.54, 0.0]),
    }


@pytest.mark.parametrize("name", ["sentences", "speakers", "sides", "explanation", "agreement"])
def test_figures_are_labelled(name):
    """Each function returns a Figure whose axes have x and y labels and a title."""
    fig = _figures()[name]
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    fig.canvas.draw()  # renders without error


def test_sentence_plot_marks_sides_by_shape():
    """Sentences with quotes are marked with each side's own marker, not only its colour."""
    ax = _figures()["sentences"].axes[0]
    labels = {line.get_label(): line.get_marker() for line in ax.get_lines()}
    assert labels["contains a quote: US/NATO"] == "o"
    assert labels["contains a quote: Russia"] == "s"


def test_speaker_plot_writes_n_and_sd():
    """The speaker plot writes n and sd beside each bar, so a mean of one quote is visible as such."""
    ax = _figures()["speakers"].axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["n=1, sd n/a", "n=1, sd n/a"]


def test_side_bars_use_hatches_and_okabe_ito():
    """Russia's bar is hatched and both bars use Okabe-Ito colours."""
    ax = _figures()["sides"].axes[0]
    bars = [p for p in ax.patches if p.get_hatch() is not None or p.get_facecolor()]
    hatches = {p.get_hatch() for p in bars}
    assert "//" in hatches
    palette = {matplotlib.colors.to_hex(c).lower() for c in OKABE_ITO.values()}
    for p in ax.patches:
        if p.get_fill() and p.get_height() == 0.6:
            assert matplotlib.colors.to_hex(p.get_facecolor()[:3]).lower() in palette


def test_explanation_plot_has_one_bar_per_word_plus_punctuation():
    """The explanation figure lists each lexicon word and the punctuation emphasis."""
    ax = _figures()["explanation"].axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["good", "nice", "! and ?"]
