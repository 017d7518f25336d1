"""Specification of accessibility: colour-blind-safe colours, never colour alone, a text alternative
that states each figure's finding, and widgets whose every control can be named and reached by keyboard."""

from __future__ import annotations

import html

import pytest

pytest.importorskip("matplotlib")
import matplotlib

matplotlib.use("Agg")

from matplotlib.collections import Collection
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from casestudy import load_article
from casestudy.argmap import ArgumentMap, reference_map, tiny_example
from casestudy.plots.argmap import describe_map, draw_map
from casestudy.text.cleaning import clean_article
from casestudy.plots.figures import Captioned, alt_text, figure_png, png_description, set_alt_text, show
from casestudy.palette import OKABE_ITO, side_styles
from casestudy.text.loading import load_sides
from casestudy.plots import (
    plot_agreement, plot_aggregates, plot_explanation, plot_quotes_by_side, plot_quotes_by_speaker, plot_sentences,
)
from casestudy.plots.quotes import plot_voice_share
from casestudy.quotes import find_quotes, voice_share
from casestudy.sentiment import aggregate, article_sentiment, by_side, by_speaker, explain

# -- the figures, drawn once from the bundled article ------------------------------------------

ARTICLE = load_article()
CLEAN = clean_article(ARTICLE)
QUOTES = find_quotes(CLEAN.text, ARTICLE.people)
RESULT = article_sentiment(CLEAN.sentences, QUOTES)
RATED = (["We welcome the plan.", "This is a threat.", "The talks took place in Oslo."], [2, -1, 0])


def _figures():
    return {
        "sentences": plot_sentences(RESULT.sentences, RESULT.quotes),
        "speakers": plot_quotes_by_speaker(RESULT.quotes),
        "sides": plot_quotes_by_side(RESULT.quotes),
        "aggregates": plot_aggregates({"Ann": aggregate([0.5, 0.1]), "Ivan": aggregate([-0.4])},
                                      sides={"Ann": "US/NATO", "Ivan": "Russia"}),
        "explanation": plot_explanation(explain("The plan is NOT good, but the people are very nice!")),
        "agreement": plot_agreement(RATED[0], RATED[1], [explain(t).compound for t in RATED[0]]),
        "voice share": plot_voice_share(voice_share(QUOTES, by="speaker")),
        "map": draw_map(reference_map()),
        "small map": draw_map(tiny_example()),
        "empty map": draw_map(ArgumentMap(title="Nothing yet")),
    }


FIGURES = _figures()
NAMES = list(FIGURES)


def _expected_words(name):
    """Names and numbers each figure's text must state, computed here independently of the figure."""
    speakers = by_speaker(RESULT.quotes)
    sides = by_side(RESULT.quotes)
    return {
        "sentences": [f"{len(RESULT.sentences)} sentences",
                      f"{min(s.compound for s in RESULT.sentences):+.2f}",
                      f"{max(s.compound for s in RESULT.sentences):+.2f}"],
        "speakers": [part for name, a in speakers.items() if a.n for part in (name, f"{a.mean:+.2f}", f"{a.n} quote")],
        "sides": [part for name, a in sides.items() if a.n for part in (name, f"{a.mean:+.2f}", f"{a.n} quote")],
        "aggregates": ["Ann (US/NATO) +0.30 over 2 quotes (sd 0.28)", "Ivan (Russia) -0.40 over 1 quote",
                       "lowest: Ivan (-0.40, negative)"],
        "explanation": ["+0.576", "good", "nice", "Punctuation"],
        "agreement": ["3 items", "same label on", "Largest gap"],
        "voice share": [part for r in voice_share(QUOTES) for part in (r.who, f"{r.words} words")],
        "map": [f"{len(reference_map().claims)} claims", f"{len(reference_map().relations)} links",
                *reference_map().claims, "ru6 and ru7 together object to us4"],
        "small map": ["6 claims", "c2 supports c1", "Bikes left in the rain rust."],
        "empty map": ["Nothing yet", "empty"],
    }[name]


@pytest.mark.parametrize("name", NAMES)
def test_every_figure_states_its_finding_in_words(name):
    """Each figure's text alternative is non-empty and names the people and numbers it shows."""
    text = alt_text(FIGURES[name])
    assert len(text) > 20
    for expected in _expected_words(name):
        assert expected.lower() in text.lower(), (expected, text)


# -- colours -------------------------------------------------------------------------------------

PALETTE = [to_rgba(c)[:3] for c in OKABE_ITO.values()]


def _base_colour(rgb):
    """The palette colour ``rgb`` is (or a pale tint of, mixed with white); 'grey' for neutral greys; else None."""
    if max(rgb) - min(rgb) < 0.02:
        return "grey"
    for base in PALETTE:
        if max(abs(a - b) for a, b in zip(rgb, base)) < 0.01:
            return base
        shares = [(c - b) / (1 - b) for c, b in zip(rgb, base) if b < 0.99]
        if shares and all(0 <= s <= 1 for s in shares) and max(shares) - min(shares) < 0.02 \
                and all(abs(c - 1) < 0.01 for c, b in zip(rgb, base) if b >= 0.99):
            return base
    return None


def _colours(artist):
    """Every visible colour an artist paints with (fill, edge, line, markers, text)."""
    found = []
    if isinstance(artist, Patch):
        found += [artist.get_facecolor(), artist.get_edgecolor()]
    elif isinstance(artist, Line2D):
        found += [artist.get_color(), artist.get_markerfacecolor(), artist.get_markeredgecolor()]
    elif isinstance(artist, Collection):
        found += list(artist.get_facecolor()) + list(artist.get_edgecolor())
    elif isinstance(artist, matplotlib.text.Text):
        found.append(artist.get_color())
    out = []
    for c in found:
        if isinstance(c, str) and c in ("none", "auto"):
            continue
        rgba = to_rgba(c)
        if rgba[3] > 0:
            out.append(rgba[:3])
    return out


@pytest.mark.parametrize("name", NAMES)
def test_figures_paint_only_with_the_palette(name):
    """Every colour in every figure is an Okabe-Ito colour, a pale tint of one, or a grey (incl. black and white)."""
    fig = FIGURES[name]
    fig.canvas.draw()
    for artist in fig.findobj():
        for rgb in _colours(artist):
            assert _base_colour(rgb) is not None, (name, artist, rgb)


def _style(artist):
    """What tells an artist apart without colour: its kind, marker, hatch and line style."""
    if isinstance(artist, Line2D):
        return ("line", artist.get_marker(), artist.get_linestyle())
    if isinstance(artist, Patch):
        return ("patch", artist.get_hatch() or "", artist.get_linestyle())
    return None


@pytest.mark.parametrize("name", ["explanation", "agreement"])
def test_figures_without_sides_paint_in_black_white_and_grey(name):
    """A figure that shows no sides uses no palette colour: those colours stand for sides in the other figures."""
    fig = FIGURES[name]
    fig.canvas.draw()
    for artist in fig.findobj():
        for rgb in _colours(artist):
            assert _base_colour(rgb) == "grey", (name, artist, rgb)


@pytest.mark.parametrize("name", ["sentences", "speakers", "sides", "aggregates", "voice share", "map"])
def test_colour_is_never_the_only_signal(name):
    """Artists in different palette colours (e.g. the two sides) also differ in marker, hatch or line style."""
    by_colour: dict[tuple, set] = {}
    for artist in FIGURES[name].findobj():
        style = _style(artist)
        if style is None:
            continue
        for rgb in _colours(artist):
            base = _base_colour(rgb)
            if base not in (None, "grey"):
                by_colour.setdefault(base, set()).add(style)
    colours = list(by_colour)
    assert len(colours) >= 2, f"{name}: expected at least two colours in use"
    for i, a in enumerate(colours):
        for b in colours[i + 1:]:
            assert by_colour[a] != by_colour[b], (name, a, b, by_colour[a])


def test_side_colours_are_distinct_palette_colours():
    """The bundled article's two sides keep the colours its people file gives them (blue and vermillion)."""
    styles = side_styles(load_sides())
    assert styles["US/NATO"].colour == OKABE_ITO["blue"]
    assert styles["Russia"].colour == OKABE_ITO["vermillion"]


@pytest.mark.parametrize("n", range(1, 9))
def test_any_number_of_sides_gets_distinct_colours_markers_and_hatches(n):
    """One to eight sides: each its own palette colour, marker and hatch; unknown stays grey."""
    styles = side_styles([f"side {i}" for i in range(n)])
    own = [styles[f"side {i}"] for i in range(n)]
    for attribute in ("colour", "marker", "hatch"):
        assert len({getattr(s, attribute) for s in own}) == n
    assert OKABE_ITO["grey"] not in {s.colour for s in own}
    assert styles["unknown"].colour == OKABE_ITO["grey"]
    assert set(s.colour for s in own) <= set(OKABE_ITO.values())


# -- the text alternative travels with the picture ------------------------------------------------

@pytest.mark.parametrize("name", ["speakers", "map", "empty map"])
def test_png_export_carries_the_text(name):
    """A PNG saved with figure_png holds the figure's text alternative as its Description."""
    fig = FIGURES[name]
    assert png_description(figure_png(fig, dpi=30)) == alt_text(fig)


def test_show_gives_image_alt_and_caption_escaped():
    """show(fig) renders the picture with the text as alt attribute and as a visible caption, escaped."""
    fig = set_alt_text(plot_voice_share(voice_share(QUOTES)), 'Ann said "<b>no</b>" & left.')
    shown = show(fig, dpi=30)
    assert isinstance(shown, Captioned)
    page = shown._repr_html_()
    assert 'alt="Ann said &quot;&lt;b&gt;no&lt;/b&gt;&quot; &amp; left."' in page
    assert "<figcaption" in page and "<b>no</b>" not in page
    assert repr(shown) == 'Figure, in words: Ann said "<b>no</b>" & left.'


def test_map_text_lists_every_claim_and_link():
    """The map in words names every claim id, its side and role, and every link."""
    amap = reference_map()
    text = describe_map(amap)
    roles = amap.roles()
    for cid, claim in amap.claims.items():
        assert f"{cid} ({claim.side}, {roles[cid]})" in text
    for rel in amap.relations.values():
        assert rel.describe() in text


# -- widgets -------------------------------------------------------------------------------------

W = pytest.importorskip("ipywidgets")


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _widgets():
    from casestudy.widgets.argmap import ArgumentMapEditor
    from casestudy.widgets import ArticleChooser
    from casestudy.widgets.sentiment import RatingActivity, SentimentExplorer

    return {
        "sentiment explorer": SentimentExplorer([("Rice", "We welcome the plan.")]).widget,
        "rating activity": RatingActivity(RATED[0], path="/nonexistent-dir/ratings.json").widget,
        "output held until rated": RatingActivity(RATED[0], path="/nonexistent-dir/ratings.json",
                                                  noun="quote").after_rating("VADER's scores").widget,
        "argument map editor": ArgumentMapEditor(evidence=[], draw=False).widget,
        "article chooser": ArticleChooser().widget,
    }


WIDGETS = _widgets()
CONTROLS = (W.Button, W.Text, W.Textarea, W.Dropdown, W.Select, W.SelectMultiple, W.ToggleButtons,
            W.IntSlider, W.FloatSlider, W.Checkbox)


@pytest.mark.parametrize("name", list(WIDGETS))
def test_every_control_has_a_name(name):
    """Every control a student can reach with Tab has a description or a tooltip a screen reader can read."""
    controls = [w for w in _walk(WIDGETS[name]) if isinstance(w, CONTROLS)]
    assert controls
    for w in controls:
        assert (w.description or "").strip() or (w.tooltip or "").strip(), (name, type(w).__name__)
        assert w.tabbable is not False, (name, w.description)  # nothing is taken out of the Tab order


@pytest.mark.parametrize("name", list(WIDGETS))
def test_buttons_have_words_and_tooltips(name):
    """Buttons say what they do in words (never an icon alone) and explain it in a tooltip."""
    buttons = [w for w in _walk(WIDGETS[name]) if isinstance(w, W.Button)]
    for b in buttons:
        assert len(b.description.strip()) >= 3, b.icon
        assert b.tooltip and b.tooltip.strip(), b.description


@pytest.mark.parametrize("name", list(WIDGETS))
def test_toggle_buttons_explain_each_option(name):
    """Each option of a row of toggle buttons has its own tooltip."""
    for w in _walk(WIDGETS[name]):
        if isinstance(w, W.ToggleButtons):
            assert len(w.tooltips) == len(w.options) and all(w.tooltips), w.description


def test_rating_figure_has_a_caption_in_words(tmp_path):
    """After Compare, the agreement figure is shown with its finding in words as a caption below it."""
    from casestudy.widgets.sentiment import RatingActivity

    act = RatingActivity(RATED[0], path=tmp_path / "r.json")
    for k, rating in enumerate(RATED[1]):  # the rating is blind: the figure comes once every item is rated
        act.set_rating(k, rating)
    act.on_compare()
    image, caption = act._plot.children[0].children
    assert isinstance(image, W.Image)
    assert html.escape(alt_text(act.last_figure)) in caption.value and "same label on" in caption.value


def test_map_picture_has_the_map_in_words():
    """Under the editor's drawing, the map in words (a details block), updated after each change."""
    from casestudy.widgets.argmap import ArgumentMapEditor

    editor = ArgumentMapEditor(evidence=[])
    editor.new_text.value = "The shield is needed against Iran."
    editor.on_add()
    assert "c1 (US/NATO, contention)" in editor.picture_words.value
    assert "The shield is needed against Iran." in editor.picture_words.value
    assert editor.picture_words.value.startswith("<details><summary>")


@pytest.mark.parametrize("name", list(WIDGETS))
def test_images_have_no_tooltip(name):
    """Image widgets get no tooltip: JupyterLab's Image view fails to render one (found by the browser test)."""
    assert all(not w.tooltip for w in _walk(WIDGETS[name]) if isinstance(w, W.Image))


# -- notebooks -----------------------------------------------------------------------------------

def _figure_cells():
    import json
    import re
    from pathlib import Path

    draws = re.compile(r"\b(plot_\w+|draw_map)\(")
    for path in sorted((Path(__file__).parent.parent / "notebooks").glob("0*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            lines = [ln for ln in "".join(cell["source"]).splitlines() if ln.strip() and not ln.startswith("#")]
            if cell["cell_type"] == "code" and lines and draws.search(lines[-1]):
                yield path.name, lines[-1]


FIGURE_CELLS = list(_figure_cells())


def test_notebooks_draw_figures():
    """The chapters draw figures (so the next test checks something)."""
    assert len(FIGURE_CELLS) >= 5


@pytest.mark.parametrize("notebook, last_line", FIGURE_CELLS)
def test_notebook_figures_come_with_their_finding_in_words(notebook, last_line):
    """A notebook cell that shows a figure wraps it in show(), which writes its finding in words below it.

    (The figure may be held back until a blind rating is done: ``activity.after_rating(show(...))``.)
    """
    import re

    assert re.match(r"^(?:activity\.after_rating\()?show\((?:plot_\w+|draw_map)\(", last_line), f"{notebook}: {last_line}"
