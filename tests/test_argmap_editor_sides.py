"""Specification of the map editor's sides (issue 10): the side buttons are the map's own, 1 to 8 plus neither."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("ipywidgets")

from casestudy.argmap import ArgumentMap, save_map
from casestudy.models import NEITHER, Side
from casestudy.palette import side_styles
from casestudy.widgets.argmap import ArgumentMapEditor, claims_table_html

THREE = (Side("EU", description="the European Commission and the member states"),
         Side("UK", colour="#0072B2", description="the British government"), Side("Norway"))


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)


def editor(**kw) -> ArgumentMapEditor:
    return ArgumentMapEditor(evidence=[], draw=False, compare=False, **kw)


def test_side_buttons_are_the_maps_sides_then_neither():
    """Buttons for each of the map's sides in order, then neither; each tooltip is the side's description."""
    e = editor(amap=ArgumentMap(sides=THREE))
    for buttons in (e.new_side, e.edit_side):
        assert list(buttons.options) == ["EU", "UK", "Norway", NEITHER]
        assert list(buttons.tooltips) == ["the European Commission and the member states", "the British government",
                                          "claimed by Norway", "claimed by neither side"]
    assert e.new_side.value == "EU"


@pytest.mark.parametrize("n", [1, 2, 8])
def test_one_to_eight_sides(n):
    """One to eight sides: that many buttons plus neither, each with a tooltip; a claim can go to any of them."""
    names = [f"Side {i}" for i in range(1, n + 1)]
    e = editor(sides=names)
    assert list(e.new_side.options) == [*names, NEITHER] and all(e.new_side.tooltips)
    e.new_side.value = names[-1]
    e.new_text.value = "A claim of the last side."
    e.on_add()
    assert e.map.claims["c1"].side == names[-1] and e.last_error is None


def test_a_new_map_takes_the_bundled_articles_sides_by_default():
    """Without sides or a map, the editor starts a map with the bundled article's sides (US/NATO, Russia)."""
    e = editor()
    assert list(e.new_side.options) == ["US/NATO", "Russia", NEITHER]
    assert e.new_side.tooltips[0].startswith("the United States")


def test_load_and_undo_change_the_side_buttons(tmp_path: Path):
    """Loading a map with other sides brings its buttons; Undo of the Load brings the old ones back."""
    other = ArgumentMap(sides=THREE)
    other.add_claim("Quotas protect the stock.", side="Norway")
    save_map(other, tmp_path / "other.json")
    e = editor()
    e.path.value = str(tmp_path / "other.json")
    e.on_load()
    assert list(e.new_side.options) == ["EU", "UK", "Norway", NEITHER]
    assert e.edit_side.value == "Norway"  # the selected claim's side
    e.on_undo()
    assert list(e.new_side.options) == ["US/NATO", "Russia", NEITHER]


def test_claims_table_takes_side_colours_from_the_palette():
    """Each claim's side cell is marked in its side's palette colour (the side's own colour where it has one)."""
    m = ArgumentMap(sides=THREE)
    for side in ("EU", "UK", "Norway", NEITHER):
        m.add_claim(f"A claim of {side}.", side=side)
    page = claims_table_html(m)
    styles = side_styles(m.sides)
    for side in ("EU", "UK", "Norway", NEITHER):
        assert f"border-left:6px solid {styles[side].colour};padding-left:4px\">{side}<" in page
    assert styles["UK"].colour == "#0072B2"
