"""Choosing an article in notebook 05: paste it, or name a file (and, optionally, its people file).

The widget only collects input; :meth:`ArticleChooser.article` reads it when
the next cell runs (through :func:`casestudy.pipeline.choose_article`).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Article
from ..pipeline import choose_article, practice_article


class ArticleChooser:
    """A text area to paste an article into and a box for a file path, with a one-line status.

    The widget only collects input; :meth:`article` reads it when the next cell
    runs, so a notebook with nothing pasted (or run with no browser at all)
    uses the practice article.  :meth:`update_status` is the handler the widgets
    call on every change; tests call it directly.
    """

    def __init__(self) -> None:
        import ipywidgets as widgets

        self.text = widgets.Textarea(placeholder="Paste the text of a news article here (or leave empty)",
                                     description="Article:", layout=widgets.Layout(width="95%", height="12em"))
        self.path = widgets.Text(placeholder="or a file path, e.g. my_article.txt", description="File:",
                                 layout=widgets.Layout(width="60%"))
        self.people = widgets.Text(placeholder="optional: a people file with its sides, e.g. my_people.json",
                                   description="People:", layout=widgets.Layout(width="60%"))
        self.status = widgets.HTML()
        for w in (self.text, self.path, self.people):
            w.observe(self.update_status, names="value")
        self.widget = widgets.VBox([self.text, self.path, self.people, self.status])
        self.update_status()

    def update_status(self, change: Any = None) -> str:
        """Say which text the next cell will use, and return the message."""
        pasted = self.text.value.strip()
        typed = self.path.value.strip()
        cast = self.people.value.strip()
        if cast and not Path(cast).expanduser().is_file():
            message = (f"No people file {cast!r} in {Path.cwd()}: check the name, or leave it empty "
                       "(and declare the sides below).")
            self.status.value = f"<p>\u26a0\ufe0f {html.escape(message)}</p>"
            return message
        if pasted:
            message = f"Using your pasted text ({len(pasted.split())} words)."
        elif typed and not Path(typed).expanduser().is_file():
            message = (f"No file {typed!r} in {Path.cwd()}: check the name, or paste the text instead "
                       "(until then, the next cells use the practice article).")
            self.status.value = f"<p>\u26a0\ufe0f {html.escape(message)}</p>"
            return message
        elif typed:
            message = f"Using the file {typed!r}."
        else:
            message = "Nothing pasted: using the practice article (invented, for practice)."
        if cast:
            message += f" People and sides from {cast!r}."
        self.status.value = f"<p>{html.escape(message)} Run the next cells to analyse it.</p>"
        return message

    def article(self) -> Article:
        """The chosen article; if it cannot be read, say why and use the practice article."""
        try:
            return choose_article(self.text.value, self.path.value, self.people.value)
        except InputError as error:
            print(f"\u26a0\ufe0f Could not use your text: {error}\n"
                  "The cells below use the practice article instead. Fix the text or path and run this cell again.")
            return practice_article()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """Show the widget when the chooser is the last expression of a cell."""
        return self.widget._repr_mimebundle_(**kwargs)
