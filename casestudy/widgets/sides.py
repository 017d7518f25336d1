"""Declaring an article's sides and putting its speakers on them (notebook 05).

A text box takes the sides ("EU, UK, Norway"); each speaker the rules found
gets a menu of those sides (and ``unknown``); *Save people file* writes a
people file (the format of ``data/people.json``) that
``load_article(FILE, people=...)`` and the command line's ``--people`` read.
The widget only collects choices: :meth:`SidesEditor.reading` applies them
when the next cell runs, through :meth:`casestudy.pipeline.Reading.assign_sides`,
and the checks live in :mod:`casestudy.text.people_file`.

Renaming a side in the box ("Farmers" to "Farmers' union") keeps its speakers
on it; a side taken out sends its speakers to ``unknown``, and the status line
says who moved.  *Save* never replaces a file that is not a people file (an
article, a notebook, a map), wants a ``.json`` name, asks once before it
replaces a people file it did not save itself, and keeps the previous version
as ``.bak`` (:mod:`casestudy.storage`).  Tests drive the handlers without a browser.
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import UNKNOWN, Side, plural, side_names
from ..pipeline import Reading
from ..storage import ReplaceGuard, backup_path
from ..text.people_file import (
    DEFAULT_PEOPLE_FILE, parse_side_names, people_file_path, read_people_file, save_people_file,
)

MAX_SPEAKERS = 30
"""Speakers with a menu of their own, most quoted first; the rest keep the side their people file gives them."""

NOTE = ("Written in notebook 05's sides editor: the article's sides, in order, and the side of each "
        "person quoted. Load it with load_article(FILE, people=THIS_FILE), or --people THIS_FILE.")
"""The note a saved people file carries, so whoever opens it knows where it came from."""

HOW_TO_START = "Read an article first, then give it to this editor: sides_editor.edit(reading)."
"""What the editor says before it has an article (notebook 05 calls the editor ``sides_editor``)."""


def renamed_sides(old: tuple[str, ...], new: tuple[str, ...]) -> dict[str, str]:
    """Which sides were renamed rather than taken out: a name gone from ``old`` paired with a new name in ``new``.

    A new name in the place of a name that is gone (same position) is a
    rename; so is the one new name when exactly one name went.  Other names
    that went are taken out.

    >>> renamed_sides(("Farmers", "Water firm"), ("Farmers' union", "Water firm"))
    {'Farmers': "Farmers' union"}
    >>> renamed_sides(("A", "B", "C"), ("A", "C"))
    {}
    """
    gone = [name for name in old if name not in new]
    added = [name for name in new if name not in old]
    pairs = {name: new[i] for i, name in enumerate(old) if name in gone and i < len(new) and new[i] in added}
    rest_gone = [name for name in gone if name not in pairs]
    rest_added = [name for name in added if name not in pairs.values()]
    if len(rest_gone) == 1 and len(rest_added) == 1:
        pairs[rest_gone[0]] = rest_added[0]
    return pairs


class SidesEditor:
    """A box for the article's sides, a menu per speaker, and a button that saves them as a people file.

    Make it empty (notebook 05 does, in its Setup) and fill it with
    :meth:`edit` once the article is read, or give it the reading at once.
    The article's sides and its people's sides fill the widget at the start.
    """

    def __init__(self, reading: Reading | None = None, path: str = DEFAULT_PEOPLE_FILE) -> None:
        import ipywidgets as widgets

        self.base: Reading | None = None
        self._sides: tuple[Side, ...] = ()
        self._renamed: dict[str, str] = {}   # the base reading's side names -> their names now
        self._guard = ReplaceGuard()
        self.hidden: list[str] = []
        self.menus: dict[str, Any] = {}
        self.sides_box = widgets.Text(description="Sides:", continuous_update=False,
                                      placeholder="the sides, separated by commas, e.g. EU, UK, Norway",
                                      layout=widgets.Layout(width="95%"))
        self.sides_box.observe(self.update_sides, names="value")
        self.speakers = widgets.VBox([])
        self.path = widgets.Text(value=path, description="People file:", placeholder=f"e.g. {DEFAULT_PEOPLE_FILE}",
                                 style={"description_width": "initial"}, layout=widgets.Layout(width="60%"))
        self.path.observe(self._forget_question, names="value")
        self.save_button = widgets.Button(description="Save people file", icon="save",
                                          tooltip="write the sides and each speaker's side to the people file "
                                                  "named on the left (a .json file; never your article)")
        self.save_button.on_click(self.save)
        self.status = widgets.HTML()
        self.widget = widgets.VBox([self.sides_box, self.speakers, widgets.HBox([self.path, self.save_button]),
                                    self.status])
        if reading is None:
            self._say(HOW_TO_START)
        else:
            self.edit(reading)

    def edit(self, reading: Reading) -> SidesEditor:
        """Show ``reading``'s sides and speakers (the 30 most quoted), and return the editor to display it."""
        import ipywidgets as widgets

        self.base = reading
        self._sides = reading.sides
        self._renamed = {}
        counts = Counter(q.speaker for q in reading.quotes if q.speaker)
        ranked = sorted(reading.speakers, key=lambda name: -counts[name])   # stable: first quoted first on ties
        self.hidden = ranked[MAX_SPEAKERS:]
        self.menus = {}
        for name in ranked[:MAX_SPEAKERS]:
            menu = widgets.Dropdown(options=self._options(), value=reading.side_of(name),
                                    description=f"{name} ({plural(counts[name], 'quote')})",
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
        """Read the sides typed in the box; each menu offers them.

        A renamed side keeps its speakers, colour and description; the speakers
        of a side taken out go to unknown, and the status line names them.
        """
        try:
            sides = parse_side_names(self.sides_box.value)
        except InputError as error:
            return self._say(f"{error}. Until that is fixed, the sides stay: {', '.join(side_names(self._sides)) or 'none'}.",
                             warn=True)
        renames = renamed_sides(side_names(self._sides), side_names(sides))
        known = {s.name: s for s in self._sides}
        for old, new in renames.items():
            known[new] = Side(new, known[old].colour, known[old].description)
        self._sides = tuple(known.get(s.name, s) for s in sides)
        first_names = side_names(self.base.sides) if self.base is not None else ()
        self._renamed = {first: renames.get(now, now) for first, now in self._renamed.items()}
        self._renamed.update({old: new for old, new in renames.items()
                              if old in first_names and old not in self._renamed})
        moved: list[str] = []
        for name, menu in self.menus.items():
            value = renames.get(menu.value, menu.value)
            if value not in self._options():
                moved.append(name)
                value = UNKNOWN
            menu.unobserve(self.update_status, names="value")
            menu.options = self._options()
            menu.value = value
            menu.observe(self.update_status, names="value")
        notes = [f"renamed {old!r} to {new!r} (its speakers stay on it)" for old, new in renames.items()]
        if moved:
            notes.append(f"moved to unknown, as their side is gone: {', '.join(moved)}")
        note = "; ".join(notes)
        return self.update_status(note=f"{note[:1].upper()}{note[1:]}. " if note else "")

    def assignment(self) -> dict[str, str]:
        """Each speaker with a menu, and the side chosen for them."""
        return {name: menu.value for name, menu in self.menus.items()}

    def update_status(self, change: Any = None, note: str = "") -> str:
        """Say how many speakers are on each side (after ``note``, what just changed), and return the message."""
        chosen = self.assignment()
        counts = ", ".join(f"{side} {sum(v == side for v in chosen.values())}" for side in self._options())
        return self._say(f"{note}{plural(len(self._sides), 'side')}; speakers per side: {counts}. "
                         "Run the next cells to see voice share and sentiment by side.")

    def _say(self, message: str, warn: bool = False) -> str:
        self._guard.forget()   # anything else done: Save asks again before replacing a file
        self.status.value = f"<p>{'⚠️ ' if warn else ''}{html.escape(message)}</p>"
        return message

    def _forget_question(self, change: Any = None) -> None:
        self._guard.forget()

    def _chosen(self, target: Reading) -> Reading:
        return target.assign_sides(self._sides, self.assignment(), self._renamed)

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
                raise InputError("the sides editor has no article yet: read one and give it to sides_editor.edit(reading)")
            return base
        target = base or edited
        try:
            return self._chosen(target)
        except InputError as error:
            print(f"⚠️ Could not use these sides: {error}\nThe cells below use the article's own sides instead.")
            return target

    def save(self, button: Any = None) -> str:
        """Write the sides and the speakers' sides to the people file named in the box.

        Refused, with the reason, for a name that does not end in ``.json`` or
        a file that is not a people file; the first press on a people file this
        editor did not save asks, the second replaces it; the previous version
        is kept as ``.bak``, and the message says so.
        """
        if self.base is None:
            return self._say(f"Nothing to save yet: {HOW_TO_START[0].lower()}{HOW_TO_START[1:]}", warn=True)
        try:
            reading = self._chosen(self.base)
            path = people_file_path(Path(self.path.value.strip() or DEFAULT_PEOPLE_FILE).expanduser())
            existed = path.is_file() and path.stat().st_size > 0
            if self._guard.must_ask(path):
                people, sides = read_people_file(path)
                self.status.value = (
                    f"<p>⚠️ {html.escape(path.name)} already holds a people file ({html.escape(plural(len(people), 'person', 'people'))}; "
                    f"sides: {html.escape(', '.join(side_names(sides)) or 'none')}). Press <b>Save people file</b> again "
                    f"to replace it with these sides (the old one is kept as {html.escape(backup_path(path).name)}), "
                    "or type another file name.</p>")
                return f"{path.name} already holds a people file: press Save again to replace it"
            path = save_people_file(path, reading.people, reading.sides, NOTE)
        except (InputError, OSError) as error:
            return self._say(f"Not saved: {error}", warn=True)
        message = self._say(f"Saved {plural(len(reading.people), 'person', 'people')} and "
                            f"{plural(len(reading.sides), 'side')} to {path}"
                            + (f"; the previous version is in {backup_path(path).name}" if existed else "")
                            + f". Next time, give it to the article chooser (People file) or to "
                              f"load_article(..., people={str(path)!r}).")
        self._guard.own(path)
        return message

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """Show the widget when the editor is the last expression of a cell."""
        return self.widget._repr_mimebundle_(**kwargs)
