"""Choosing an article in notebook 05: paste it, or name a file (and, optionally, its people file).

The widget only collects input; :meth:`ArticleChooser.article` reads it when
the next cell runs (through :func:`casestudy.pipeline.choose_article`).  Its
status line reads the same input as soon as it changes, so a file that cannot
be used (a notebook, a PDF, a people file for another article) is named there
at once, with the reason, before any cell runs.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Article, side_names
from ..pipeline import choose_article, people_warning, practice_article

WARNING = "\u26a0\ufe0f "
"""The sign before a status line that needs the student's attention."""

FALLBACK = "Until then, the next cells use the practice article."
"""What the status line adds when the chosen text cannot be used."""


class ArticleChooser:
    """A text area to paste an article into, a box for an article file and one for a people file, with a status line.

    The widget only collects input; :meth:`article` reads it when the next cell
    runs, so a notebook with nothing pasted (or run with no browser at all)
    uses the practice article.  :meth:`update_status` is the handler the widgets
    call on every change (the file boxes when Enter is pressed or the box is
    left); tests call it directly.
    """

    def __init__(self) -> None:
        import ipywidgets as widgets

        self.text = widgets.Textarea(placeholder="Paste the text of a news article here (or leave empty)",
                                     description="Article:", layout=widgets.Layout(width="95%", height="12em"))
        self.path = widgets.Text(placeholder="or the article's text file, e.g. my_article.txt",
                                 description="Article file:", continuous_update=False,
                                 style={"description_width": "initial"}, layout=widgets.Layout(width="60%"))
        self.people = widgets.Text(placeholder="optional: a people file with its sides, e.g. my_people.json",
                                   description="People file:", continuous_update=False,
                                   style={"description_width": "initial"}, layout=widgets.Layout(width="60%"))
        self.status = widgets.HTML()
        for w in (self.text, self.path, self.people):
            w.observe(self.update_status, names="value")
        self.widget = widgets.VBox([self.text, self.path, self.people, self.status])
        self.update_status()

    def update_status(self, change: Any = None) -> str:
        """Say which text the next cell will use (reading it now), or why it cannot be used; return the message."""
        pasted = self.text.value.strip()
        typed = self.path.value.strip()
        cast = self.people.value.strip()
        if cast and not Path(cast).expanduser().is_file():
            return self._say(f"No people file {cast!r} in {Path.cwd()}: check the name, or leave it empty "
                             "(and declare the sides below).", warn=True)
        if not pasted and typed and not Path(typed).expanduser().is_file():
            return self._say(f"No file {typed!r} in {Path.cwd()}: check the name, or paste the text instead. "
                             f"{FALLBACK}", warn=True)
        try:
            article = choose_article(self.text.value, self.path.value, self.people.value)
        except InputError as error:
            return self._say(f"Cannot use this: {error}. {FALLBACK}", warn=True)
        words = len(article.raw.split())
        if pasted:
            message = f"Using your pasted text ({words} words)."
        elif typed:
            message = f"Using the file {typed!r} ({words} words)."
        else:
            message = "Nothing pasted: using the practice article (invented, for practice)."
        if cast:
            sides = ", ".join(side_names(article.sides)) or "none declared"
            message += f" People and sides from {cast!r} (sides: {sides})."
        warning = people_warning(article) if cast else None
        if warning:
            return self._say(f"{message} But {warning}.", warn=True)
        return self._say(f"{message} Run the next cells to analyse it.")

    def _say(self, message: str, warn: bool = False) -> str:
        self.status.value = f"<p>{WARNING if warn else ''}{html.escape(message)}</p>"
        return message

    def article(self) -> Article:
        """The chosen article; if it cannot be read, say why and use the practice article (a doubtful people file is named too)."""
        try:
            article = choose_article(self.text.value, self.path.value, self.people.value)
        except InputError as error:
            print(f"{WARNING}Could not use your text: {error}\n"
                  "The cells below use the practice article instead. Fix the text or path and run this cell again.")
            return practice_article()
        warning = people_warning(article) if self.people.value.strip() else None
        if warning:
            print(f"{WARNING}Check the people file: {warning}.")
        return article

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """Show the widget when the chooser is the last expression of a cell."""
        return self.widget._repr_mimebundle_(**kwargs)
