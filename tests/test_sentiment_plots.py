"""Specification of the sentiment figures: real Figure objects with labelled axes, titles and non-colour cues."""

from __future__ import annotations

import pytest

pytest.importorskip("matplotlib")
import matplotlib
import matplotlib.text

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


# -- one side, one colour, in every figure of an article ------------------------------------------

def _oslo_figures():
    from casestudy.pipeline import read_article
    from casestudy.quotes import voice_share

    reading = read_article()
    result, sides = reading.sentiment, reading.sides
    return reading, {
        "sentences": plots.plot_sentences(result.sentences, result.quotes, side_list=sides),
        "speakers": plots.plot_quotes_by_speaker(result.quotes, sides),
        "sides": plots.plot_quotes_by_side(result.quotes, sides),
        "voice share": plots.plot_voice_share(voice_share(reading.quotes, by="speaker"), side_list=sides),
    }


def _painted(fig):
    """Every facecolour and line colour the figure's artists use, as '#RRGGBB'."""
    from matplotlib.colors import to_hex

    found = set()
    for artist in fig.findobj():
        for getter in ("get_facecolor", "get_color", "get_markerfacecolor"):
            try:
                value = getattr(artist, getter)()
            except (AttributeError, TypeError):
                continue
            values = value if hasattr(value, "ndim") and getattr(value, "ndim", 0) == 2 else [value]
            for v in values:
                try:
                    found.add(to_hex(v).upper())
                except ValueError:
                    pass
    return found


def test_every_oslo_figure_paints_each_side_in_its_declared_colour():
    """With the article's sides, US/NATO is blue and Russia vermillion (the people file's colours) in every figure."""
    from casestudy.palette import side_styles

    reading, figures = _oslo_figures()
    declared = {side.name: side_styles(reading.sides)[side.name].colour for side in reading.sides}
    assert declared == {"US/NATO": OKABE_ITO["blue"], "Russia": OKABE_ITO["vermillion"]}
    for name, fig in figures.items():
        painted = _painted(fig)
        assert set(declared.values()) <= painted, (name, painted)
        assert OKABE_ITO["orange"] not in painted and OKABE_ITO["sky_blue"] not in painted, (name, painted)


SIDE_ARGUMENT = {"plot_sentences": 4, "plot_quotes_by_speaker": 2, "plot_quotes_by_side": 2, "plot_voice_share": 3}
"""Figure functions that colour sides, and the position of their ``side_list`` argument (1-based)."""


def _side_figure_calls():
    import ast
    import json
    from pathlib import Path

    for path in sorted((Path(__file__).parent.parent / "notebooks").glob("0*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in SIDE_ARGUMENT:
                    yield path.name, node.func.id, node, ast.get_source_segment(source, node)


SIDE_CALLS = list(_side_figure_calls())


def test_the_chapters_draw_side_figures():
    """02, 03 and 05 draw figures coloured by side (so the next test checks something)."""
    assert {notebook[:2] for notebook, *_ in SIDE_CALLS} >= {"02", "03", "05"}


@pytest.mark.parametrize("notebook, function, node, source", SIDE_CALLS, ids=[f"{c[0]}:{c[1]}" for c in SIDE_CALLS])
def test_notebook_side_figures_get_the_articles_sides(notebook, function, node, source):
    """Every figure coloured by side is given the article's sides, so a side has one colour in every figure."""
    given = len(node.args) >= SIDE_ARGUMENT[function] or any(k.arg == "side_list" for k in node.keywords)
    assert given, f"{notebook}: {source} is not given the article's sides (side_list)"


@pytest.mark.parametrize("name", ["sentences", "speakers", "sides", "voice share"])
def test_exported_png_shows_all_the_text(name):
    """At figure_png's defaults, everything drawn (titles, labels, ticks, notes) lies inside the picture."""
    from casestudy.plots.figures import figure_png

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = _oslo_figures()[1][name]
    figure_png(fig)   # saving lays the figure out as it is saved, at the default 100 dpi
    canvas = FigureCanvasAgg(fig)
    fig.set_dpi(100)
    canvas.draw()
    drawn = fig.get_tightbbox(canvas.get_renderer())   # everything drawn, in inches
    whole = fig.bbox_inches
    assert drawn.x0 >= whole.x0 - 0.01 and drawn.y0 >= whole.y0 - 0.01, (name, drawn, whole)
    assert drawn.x1 <= whole.x1 + 0.01 and drawn.y1 <= whole.y1 + 0.01, (name, drawn, whole)
