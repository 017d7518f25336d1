"""Declaring an article's sides and putting its speakers on them (notebook 05).

A text box takes the sides ("EU, UK, Norway"); each speaker the rules found
gets a menu of those sides (and ``unknown``); *Save* writes a people file
(the format of ``data/people.json``) that ``load_article(FILE, people=...)``
and the command line's ``--people`` read.  The widget only collects choices:
:meth:`SidesEditor.reading` applies them when the next cell runs, through
:meth:`casestudy.pipeline.Reading.assign_sides`, and the checks live in
:mod:`casestudy.text.people_file`.  Tests drive the handlers without a browser.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

from ..errors import InputError
from ..models import UNKNOWN, Side, side_names
from ..pipeline import Reading
from ..text.people_file import parse_side_names, save_people_file

MAX_SPEAKERS = 30
"""Speakers with a menu of their own, most quoted first; the rest keep the side their people file gives them."""

NOTE = ("Written in notebook 05's sides editor: the article's sides, in order, and the side of each "
        "person quoted. Load it with load_article(FILE, people=THIS_FILE), or --people THIS_FILE.")
"""The note a saved people file carries, so whoever opens it knows where it came from."""


class SidesEditor:
    """A box for the article's sides, a menu per speaker, and a button that saves them as a people file.

    Make it empty (notebook 05 does, in its Setup) and fill it with
    :meth:`edit` once the article is read, or give it the reading at once.
    The article's sides and its people's sides fill the widget at the start.
    """

    def __init__(self, reading: Reading | None = None, path: str = "my_people.json") -> None:
        import ipywidgets as widgets

        self.base: Reading | None = None
        self._sides: tuple[Side, ...] = ()
        self.hidden: list[str] = []
        self.menus: dict[str, Any] = {}
        self.sides_box = widgets.Text(description="Sides:", continuous_update=False,
                                      placeholder="the sides, separated by commas, e.g. EU, UK, Norway",
                                      layout=widgets.Layout(width="95%"))
        self.sides_box.observe(self.update_sides, names="value")
        self.speakers = widgets.VBox([])
        self.path = widgets.Text(value=path, description="File:", layout=widgets.Layout(width="60%"))
        self.save_button = widgets.Button(description="Save people file", icon="save",
                                          tooltip="write the sides and each speaker's side to the file above")
        self.save_button.on_click(self.save)
        self.status = widgets.HTML()
        self.widget = widgets.VBox([self.sides_box, self.speakers, widgets.HBox([self.path, self.save_button]),
                                    self.status])
        if reading is None:
            self._say("Read an article first, then give it to this editor: sides.edit(reading).")
        else:
            self.edit(reading)

    def edit(self, reading: Reading) -> SidesEditor:
        """Show ``reading``'s sides and speakers (the 30 most quoted), and return the editor to display it."""
        import ipywidgets as widgets

        self.base = reading
        self._sides = reading.sides
        counts = Counter(q.speaker for q in reading.quotes if q.speaker)
        ranked = sorted(reading.speakers, key=lambda name: -counts[name])   # stable: first quoted first on ties
        self.hidden = ranked[MAX_SPEAKERS:]
        self.menus = {}
        for name in ranked[:MAX_SPEAKERS]:
            menu = widgets.Dropdown(options=self._options(), value=reading.side_of(name),
                                    description=f"{name} ({counts[name]} quote{'s' if counts[name] != 1 else ''})",
                                    style={"description_width": "initial"}, layout=widgets.Layout(width="auto"))
            menu.observe(self.update_status, names="value")
            self.menus[name] = menu
        rows = list(self.menus.values()) or [widgets.HTML("<p>No speakers found: nobody to put on a side.</p>")]
        if self.hidden:
            rows.append(widgets.HTML(f"<p>... and {len(self.hidden)} more speakers with fewer quotes (they keep "
                                     "the side their people file gives them).</p>"))
        self.speakers.children = tuple(rows)
        self.sides_box.unobserve(self.update_sides, names="value")
        self.sides_box.value = ", ".join(reading.side_names)
        self.sides_box.observe(self.update_sides, names="value")
        self.update_status()
        return self

    def _options(self) -> list[str]:
        return [*side_names(self._sides), UNKNOWN]

    def update_sides(self, change: Any = None) -> str:
        """Read the sides typed in the box; each menu offers them (a speaker on a side that is gone goes to unknown)."""
        try:
            sides = parse_side_names(self.sides_box.value)
        except InputError as error:
            return self._say(f"{error}. Until that is fixed, the sides stay: {', '.join(side_names(self._sides)) or 'none'}.",
                             warn=True)
        known = {s.name: s for s in self._sides}
        self._sides = tuple(known.get(s.name, s) for s in sides)
        for menu in self.menus.values():
            value = menu.value if menu.value in self._options() else UNKNOWN
            menu.options = self._options()
            menu.value = value
        return self.update_status()

    def assignment(self) -> dict[str, str]:
        """Each speaker with a menu, and the side chosen for them."""
        return {name: menu.value for name, menu in self.menus.items()}

    def update_status(self, change: Any = None) -> str:
        """Say how many speakers are on each side, and return the message."""
        chosen = self.assignment()
        counts = ", ".join(f"{side} {sum(v == side for v in chosen.values())}" for side in self._options())
        sides = len(self._sides)
        return self._say(f"{sides} side{'s' if sides != 1 else ''}; speakers per side: {counts}. "
                         "Run the next cells to see voice share and sentiment by side.")

    def _say(self, message: str, warn: bool = False) -> str:
        self.status.value = f"<p>{'⚠️ ' if warn else ''}{html.escape(message)}</p>"
        return message

    def reading(self, base: Reading | None = None) -> Reading:
        """The reading with the sides and speakers chosen here.

        ``base`` is a reading of the same article made again (notebook 05's
        later sections read it afresh); a reading of another article, or one
        given before anything was edited, comes back unchanged.  If the choices
        cannot be used, the article's own sides are kept, with a warning.
        """
        edited = self.base
        if edited is None or (base is not None and base.article.raw != edited.article.raw):
            if base is None:
                raise InputError("the sides editor has no article yet: read one and give it to sides.edit(reading)")
            return base
        target = base or edited
        try:
            return target.assign_sides(self._sides, self.assignment())
        except InputError as error:
            print(f"⚠️ Could not use these sides: {error}\nThe cells below use the article's own sides instead.")
            return target

    def save(self, button: Any = None) -> str:
        """Write the sides and the speakers' sides to the file in the box (the old one is kept as ``.bak``)."""
        if self.base is None:
            return self._say("Nothing to save yet: read an article and give it to sides.edit(reading).", warn=True)
        try:
            reading = self.base.assign_sides(self._sides, self.assignment())
            path = save_people_file(self.path.value.strip() or "my_people.json", reading.people, reading.sides, NOTE)
        except InputError as error:
            return self._say(f"Not saved: {error}", warn=True)
        return self._say(f"Saved {len(reading.people)} people and {len(reading.sides)} sides to {path}. "
                         f"Next time, give it to the article chooser (People file) or to load_article(..., "
                         f"people={str(path)!r}).")

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """Show the widget when the editor is the last expression of a cell."""
        return self.widget._repr_mimebundle_(**kwargs)
