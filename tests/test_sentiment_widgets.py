"""The sentiment widgets driven without a browser: set values, call the button handlers, read the outputs."""

from __future__ import annotations

import base64
import json

import pytest

pytest.importorskip("ipywidgets")
import matplotlib

matplotlib.use("Agg")

from casestudy.sentiment.ratings import load_ratings
from casestudy.storage import backup_path
from casestudy.sentiment import score
from casestudy.widgets.sentiment import RatingActivity, SentimentExplorer, download_link_html

TEXTS = ["The plan is very good.", "The plan is not good.", "The talks took place in Oslo.", "<b>Bold</b> & bad"]


# -- the explorer --------------------------------------------------------------------------

def test_explorer_shows_the_first_item():
    """The explorer opens on the first item, with its score and table."""
    ex = SentimentExplorer([("Ann", TEXTS[0]), ("Bob", TEXTS[1])])
    assert f"{score(TEXTS[0]).compound:+.4f}" in ex._result.value
    assert "booster" in ex._result.value


def test_explorer_follows_the_choice():
    """Choosing another item explains that item."""
    ex = SentimentExplorer([("Ann", TEXTS[0]), ("Bob", TEXTS[1])])
    ex._choice.value = 1
    assert "negation" in ex._result.value
    assert ex.explanation.text == TEXTS[1]


def test_explorer_escapes_and_explains_typed_text():
    """A typed sentence is explained; its markup is shown as text, not run."""
    ex = SentimentExplorer([])
    ex._own.value = TEXTS[3]
    ex._on_explain_own()
    assert "<b>Bold</b>" not in ex._result.value
    assert "&lt;b&gt;Bold&lt;/b&gt;" in ex._result.value


def test_explorer_empty_text_asks_for_input():
    """Explaining an empty box asks for a sentence instead of failing."""
    ex = SentimentExplorer([])
    ex._on_explain_own()
    assert "Type a sentence" in ex._result.value


# -- the rating activity ---------------------------------------------------------------------

def test_ratings_saved_on_change_and_restored(tmp_path):
    """Each rating is saved at once, and a new activity (a restarted kernel) finds it again."""
    path = tmp_path / "ratings.json"
    act = RatingActivity(TEXTS, path)
    act.set_rating(0, 2)
    act.set_rating(1, -1)
    assert {r.rating for r in load_ratings(path).values()} == {2, -1}
    again = RatingActivity(TEXTS, path)
    assert [again.rating(k) for k in range(len(TEXTS))] == [2, -1, None, None]
    assert again._choices[2].label == "not rated"  # the menu says so, it is not left empty
    assert "Loaded 2 rating(s)" in again._status.value


def test_unrating_removes_and_backup_is_kept(tmp_path):
    """Setting an item back to 'not rated' removes it; the previous file stays as .bak."""
    path = tmp_path / "ratings.json"
    act = RatingActivity(TEXTS, path)
    act.set_rating(0, 1)
    act.set_rating(0, None)
    assert load_ratings(path) == {}
    assert len(load_ratings(backup_path(path))) == 1


def test_ratings_of_other_items_are_kept(tmp_path):
    """Ratings in the file for sentences not shown now are not lost when saving."""
    path = tmp_path / "ratings.json"
    RatingActivity(["Another sentence."], path).set_rating(0, 2)
    act = RatingActivity(TEXTS, path)
    act.set_rating(0, 1)
    assert {r.text for r in load_ratings(path).values()} == {"Another sentence.", TEXTS[0]}


def test_malformed_file_is_reported_and_never_overwritten(tmp_path):
    """A broken ratings file is named in the widget, and ratings are not written over it."""
    path = tmp_path / "ratings.json"
    path.write_text("{broken", encoding="utf-8")
    act = RatingActivity(TEXTS, path)
    assert "not valid JSON" in act._status.value
    act.set_rating(0, 2)
    act.on_save()
    assert path.read_text(encoding="utf-8") == "{broken"
    assert "unchanged" in act._status.value


def test_choose_another_path(tmp_path):
    """The student can type another file name; Save writes there."""
    act = RatingActivity(TEXTS, tmp_path / "a.json")
    act._path.value = str(tmp_path / "b.json")
    act.set_rating(2, 0)
    assert len(load_ratings(tmp_path / "b.json")) == 1


def _shown_html(act) -> str:
    """Every piece of HTML the activity shows, nested boxes included."""
    out, todo = [], [act.widget]
    while todo:
        w = todo.pop()
        todo += list(getattr(w, "children", ()))
        out.append(str(getattr(w, "value", "")) if not isinstance(getattr(w, "value", ""), bytes) else "")
    return "\n".join(out)


def test_no_score_is_shown_before_every_item_is_rated(tmp_path):
    """Blind rating: Compare with items unrated names them and shows no VADER score, no table, no figure."""
    act = RatingActivity(TEXTS, tmp_path / "r.json")
    for k, rating in enumerate([2, 1, 0]):
        act.set_rating(k, rating)
        act.on_compare()
        assert "still to rate: " + ", ".join(str(i) for i in range(k + 2, 5)) in act._table.value
        shown = _shown_html(act)
        assert all(f"{2 * score(t).compound:+.2f}" not in shown for t in TEXTS)
        assert "compound" not in shown.lower() and not act._plot.children


def test_compare_shows_differences_and_figure_then_locks(tmp_path):
    """With every item rated, Compare reveals each item's scaled score and the agreement figure, and locks the menus."""
    act = RatingActivity(TEXTS[:2], tmp_path / "r.json")
    act.set_rating(0, 2)
    act.set_rating(1, 1)
    act.on_compare()
    assert "same label on 1 of 2 items" in act._table.value
    assert f"{2 * score(TEXTS[0]).compound:+.2f}" in act._table.value
    assert act.last_figure is not None and act.last_figure.axes[0].get_xlabel()
    assert len(act._plot.children) == 1
    assert all(choice.disabled for choice in act._choices)


def test_the_reveal_is_recorded_and_survives_a_restart(tmp_path):
    """The file lists the revealed items; a new activity on it keeps their menus locked and says so."""
    path = tmp_path / "r.json"
    act = RatingActivity(TEXTS[:2], path)
    act.set_rating(0, -1)
    act.set_rating(1, 0)
    act.on_compare()
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert sorted(doc["revealed"]) == sorted(act.ids)
    again = RatingActivity(TEXTS[:2], path)
    assert all(choice.disabled for choice in again._choices)
    assert "2 locked" in again._status.value
    assert [again.rating(0), again.rating(1)] == [-1, 0]


def test_compare_figure_shows_its_whole_title(tmp_path):
    """The figure's long title fits in the picture (it was cut at the right edge in JupyterLab)."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    act = RatingActivity(["The real goal is to protect the United States from missiles, they said.", TEXTS[1]],
                         tmp_path / "r.json")
    act.set_rating(0, 1)
    act.set_rating(1, -2)
    act.on_compare()
    picture = act._plot.children[0].children[0]
    fig = act.last_figure
    everything = fig.get_tightbbox(FigureCanvasAgg(fig).get_renderer())  # in inches, title included
    assert everything.x1 > fig.get_figwidth()  # the title is wider than the figure: the case to check
    assert Image.open(io.BytesIO(picture.value)).width >= everything.width * 90 - 1


def test_compare_escapes_text(tmp_path):
    """Sentences shown in the comparison table are escaped."""
    act = RatingActivity(TEXTS[3:], tmp_path / "r.json")
    act.set_rating(0, -2)
    act.on_compare()
    assert "&lt;b&gt;Bold" in act._table.value and "<b>Bold</b>" not in act._table.value


def test_download_link_holds_the_file(tmp_path):
    """The download link is a data URI containing the saved ratings document."""
    act = RatingActivity(TEXTS, tmp_path / "r.json")
    act.set_rating(0, 2)
    html_link = act._download.value
    assert html_link.startswith('<a download="r.json"')
    b64 = html_link.split("base64,", 1)[1].split('"', 1)[0]
    assert json.loads(base64.b64decode(b64)) == json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))


def test_download_link_escapes_file_name():
    """A strange file name cannot break out of the link's attribute."""
    assert '"><script>' not in download_link_html({}, 'x"><script>.json')


# -- output held back until the blind rating is done --------------------------------------------

def _held_shows(held) -> str:
    """What an AfterRating now shows in its output area (text and HTML of each display)."""
    return "\n".join(str(out["data"].get("text/html", out["data"].get("text/plain", ""))) for out in held.output.outputs)


def test_output_about_the_items_is_held_back_until_compare(tmp_path):
    """after_rating holds a figure or text back while items are unrated, and shows it in place after Compare."""
    act = RatingActivity(TEXTS[:2], tmp_path / "r.json", noun="quote", where="in section 5")
    held = act.after_rating(f"VADER gives {score(TEXTS[0]).compound:+.3f}")
    assert not act.finished and not held.opened and held.output.outputs == ()
    assert "Hidden until you have rated the quotes in section 5" in held._note.value
    act.set_rating(0, 1)
    act.on_compare()   # one item still unrated: nothing is shown
    assert not held.opened
    act.set_rating(1, -1)
    act.on_compare()
    assert act.finished and held.opened and f"{score(TEXTS[0]).compound:+.3f}" in _held_shows(held)
    assert held.widget.children == (held.output,)


def _compared_file(path):
    """A ratings file in which both of the first two texts were rated and compared with VADER."""
    act = RatingActivity(TEXTS[:2], path)
    act.set_rating(0, 2)
    act.set_rating(1, 0)
    act.on_compare()
    return path


def test_output_is_shown_at_once_when_the_rating_is_done(tmp_path):
    """After a restart with a compared ratings file, after_rating returns the output itself (no widget)."""
    again = RatingActivity(TEXTS[:2], _compared_file(tmp_path / "r.json"))
    assert again.finished
    shown = again.after_rating("a table of scores")
    assert repr(shown) == "a table of scores"   # printed text, without a string's quotation marks


def test_loading_a_compared_file_opens_held_output(tmp_path):
    """Loading another file whose items were all compared shows the held-back output."""
    done = _compared_file(tmp_path / "done.json")
    act = RatingActivity(TEXTS[:2], tmp_path / "new.json")
    held = act.after_rating("scores")
    act._path.value = str(done)
    act.on_load()
    assert held.opened


def test_showing_it_now_ends_the_blind_rating(tmp_path):
    """The held output's button shows every held output, locks the menus and records ratings made before as seen."""
    path = tmp_path / "r.json"
    act = RatingActivity(TEXTS[:3], path)
    act.set_rating(0, 2)
    first, second = act.after_rating("one"), act.after_rating("two")
    first._show.click()
    assert first.opened and second.opened and act.finished
    assert all(choice.disabled for choice in act._choices)
    assert "not be blind" in act._status.value
    assert json.loads(path.read_text(encoding="utf-8"))["revealed"] == [act.ids[0]]
    again = RatingActivity(TEXTS[:3], path)
    assert again._choices[0].disabled and not again._choices[1].disabled


def test_the_widget_names_its_items(tmp_path):
    """The widget speaks of the items as the notebook does ('quote'), in its heading and its menus."""
    act = RatingActivity(TEXTS[:2], tmp_path / "r.json", noun="quote")
    assert "Rate each quote" in _shown_html(act) and "sentence" not in _shown_html(act).replace("sentence_", "")
    assert act._choices[0].tooltip == "Your rating of quote 1, from -2 to +2"
