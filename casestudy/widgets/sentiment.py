"""Widgets for the sentiment chapter: explore VADER's scores, and rate sentences yourself.

Logic lives in :mod:`casestudy.sentiment` and :mod:`casestudy.sentiment.ratings`; each
callback here only reads the controls, calls that logic and shows the result
(or the error, as one line in the widget).  So tests can drive a widget with
no browser: set a control's ``value`` or call a button handler, then read the
output widgets.

* :class:`SentimentExplorer` - choose a sentence or quote, or type your own,
  and see its score, the sentence with lexicon words highlighted, and the
  word-by-word table;
* :class:`RatingActivity` - rate sentences or quotes from -2 to +2 *blind* (no score is
  shown until every item is rated), saved to a JSON file after each change, then
  compared with VADER, downloadable as a file;  ``activity.after_rating(x)`` holds back
  any other output that shows VADER's scores (a figure, a table) until the rating is done.

All article and student text shown as HTML goes through ``html.escape``.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as W

from ..errors import CaseStudyError
from ..models import sentence_id
from ..sentiment.ratings import (
    RATINGS_FILE, SCALE, SCALE_LABELS, Rating, agreement, differences, load_ratings, load_revealed,
    ratings_to_json, save_ratings,
)
from ..sentiment import Explanation, explain, score
from .style import WIDGET_CSS

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure


def _error_html(exc: BaseException) -> str:
    """One line, escaped, for an error shown inside a widget."""
    if isinstance(exc, CaseStudyError):
        return f'<span style="color:#D55E00">\u26a0 {html.escape(str(exc))}</span>'
    return (f'<span style="color:#D55E00">\u26a0 unexpected error ({exc.__class__.__name__}): '
            f"{html.escape(str(exc))}</span>")


def score_html(text: str) -> str:
    """The score, the highlighted sentence and the explanation table, as one escaped HTML block."""
    e = explain(text)
    s = e.score
    return (f"<p><b>compound {s.compound:+.4f}</b> ({s.label}); pos {s.pos:.3f}, neu {s.neu:.3f}, "
            f"neg {s.neg:.3f}</p><p>{e.highlighted_html()}</p>{e.table_html()}"
            + "".join(f"<p><i>Note: {html.escape(n)}</i></p>" for n in e.notes))


class SentimentExplorer:
    """Pick a sentence or quote (or type one) and see VADER's score, explained word by word.

    ``items`` is a list of ``(label, text)`` pairs, e.g. each quote with its
    speaker as label.  ``explorer.explanation`` is the last explanation shown.
    """

    def __init__(self, items: Sequence[tuple[str, str]], title: str = "Choose a sentence or quote") -> None:
        self.items = list(items)
        self.explanation: Explanation | None = None
        self._choice = W.Dropdown(options=[(self._short(label), i) for i, (label, _) in enumerate(self.items)],
                                  description="Text:", layout=W.Layout(width="95%"),
                                  style={"description_width": "initial"},
                                  tooltip="Choose a sentence or quote of the article to explain")
        self._own = W.Text(placeholder="...or type your own sentence and press Enter", description="Your own:",
                           style={"description_width": "initial"}, layout=W.Layout(width="auto", flex="1 1 auto"),
                           tooltip="Type a sentence of your own; Enter explains it")
        self._explain_own = W.Button(description="Explain my sentence", icon="search",
                                     layout=W.Layout(width="max-content", flex="0 0 auto"),  # whole label shown
                                     tooltip="Explain the sentence typed in the box")
        self._result = W.HTML()
        self._choice.observe(self._on_choice, names="value")
        self._own.continuous_update = False
        self._own.observe(self._on_own, names="value")
        self._explain_own.on_click(self._on_explain_own)
        self.widget = W.VBox([W.HTML(f"<b>{html.escape(title)}</b>"), self._choice,
                              W.HBox([self._own, self._explain_own]), self._result])
        if self.items:
            self.show(self.items[0][1])

    @staticmethod
    def _short(label: str, width: int = 110) -> str:
        return label if len(label) <= width else label[: width - 3] + "..."

    def show(self, text: str) -> None:
        """Explain ``text`` in the result area (errors appear there too)."""
        try:
            if not text.strip():
                self._result.value = "<i>Type a sentence first.</i>"
                return
            self.explanation = explain(text)
            self._result.value = score_html(text)
        except Exception as exc:  # shown, not raised: the notebook keeps working
            self._result.value = _error_html(exc)

    def _on_choice(self, change: dict[str, Any]) -> None:
        if change["new"] is not None:
            self.show(self.items[change["new"]][1])

    def _on_own(self, change: dict[str, Any]) -> None:
        self.show(change["new"])

    def _on_explain_own(self, _button: Any = None) -> None:
        self.show(self._own.value)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def download_link_html(ratings: dict[str, Rating], filename: str = RATINGS_FILE, revealed: Sequence[str] = ()) -> str:
    """An ``<a download>`` link whose address holds the ratings file itself (a data URI): no server needed.

    >>> download_link_html({}).startswith('<a download="sentiment_ratings.json" href="data:application/json;base64,')
    True
    """
    data = json.dumps(ratings_to_json(ratings, revealed), ensure_ascii=False, indent=1).encode("utf-8")
    b64 = base64.b64encode(data).decode("ascii")
    name = html.escape(Path(filename).name, quote=True)
    return (f'<a download="{name}" href="data:application/json;base64,{b64}" target="_blank">'
            f"\u2b07 Download your ratings ({name})</a>")


NOT_RATED = ""
"""The value of the "not rated" entry in each rating menu."""


class Printed:
    """Text shown as it is, like ``print``'s output (a string as a cell's result would show its quotes)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


class AfterRating:
    """Output held back until a :class:`RatingActivity` is done: its scores would colour a blind rating.

    Shows one line saying why, and a button that shows the output now (and ends the blind rating);
    when the rating is compared with VADER, or the button is pressed, the output appears in place.
    """

    def __init__(self, activity: RatingActivity, shown: Any) -> None:
        self.activity = activity
        self.shown = shown
        self.output = W.Output()
        self._note = W.HTML(
            f"<i>\U0001f648 Hidden until you have rated the {html.escape(activity.noun)}s "
            f"{html.escape(activity.where)} and pressed <b>Compare with VADER</b>: this shows VADER's scores of "
            f"them, and a number seen first colours your own reading.</i>")
        self._show = W.Button(description="Show it now (no blind rating)", icon="eye",
                              layout=W.Layout(width="max-content"),
                              tooltip="Show VADER's scores now; the rating menus are locked, as it is no longer blind")
        self._show.on_click(lambda _button: activity.skip())
        self.widget = W.VBox([self._note, self._show, self.output])
        self.opened = False

    def open(self) -> None:
        """Show the held-back output in place of the note (once)."""
        if self.opened:
            return
        self.opened = True
        self.output.append_display_data(self.shown)
        self.widget.children = (self.output,)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


class RatingActivity:
    """Rate sentences from -2 (very negative) to +2 (very positive), blind, then compare with VADER.

    The rating is blind: no VADER score is shown until every item is rated.  **Compare with
    VADER** then reveals the scores, and the revealed items' menus are locked, so the file keeps
    the student's own reading (it records which items were revealed).  Ratings are saved to ``path`` (default ``sentiment_ratings.json`` in the
    working folder) after every change, atomically, with the previous version
    kept as ``.bak``; they come back after a kernel restart.  A file that is
    not a valid ratings file is reported in the widget and never overwritten.

    ``noun`` names the items in the widget ("quote", "sentence"); ``where`` says where the
    widget is, for the notes of held-back output ("in section 5").  :meth:`after_rating` holds
    back other output that shows VADER's scores of the items until the rating is done
    (:attr:`finished`): pressing **Compare with VADER**, or the held-back output's own button,
    which ends the blind rating (:meth:`skip`).
    """

    def __init__(self, texts: Sequence[str], path: str | Path = RATINGS_FILE, noun: str = "sentence",
                 where: str = "above") -> None:
        self.noun, self.where = noun, where
        self.skipped = False
        self._held: list[AfterRating] = []
        self.texts = list(dict.fromkeys(texts))  # no duplicates: one rating per text
        self.ids = [sentence_id(t) for t in self.texts]
        self.vader = [score(t).compound for t in self.texts]
        self.saved: dict[str, Rating] = {}
        self.revealed: set[str] = set()
        self.last_figure: Figure | None = None
        # "not rated" has a value of its own: a Dropdown whose value is None shows an empty menu
        options = [("not rated", NOT_RATED)] + [(f"{v:+d} {SCALE_LABELS[v]}", v) for v in SCALE]
        self._choices = [W.Dropdown(options=options, value=NOT_RATED, description=f"Rating {k + 1}:",
                                    style={"description_width": "initial"}, layout=W.Layout(width="230px"),
                                    tooltip=f"Your rating of {noun} {k + 1}, from -2 to +2")
                         for k in range(len(self.texts))]
        rows = []
        for k, (text, choice) in enumerate(zip(self.texts, self._choices)):
            choice.observe(self._on_rating, names="value")
            rows.append(W.HBox([choice, W.HTML(f"{k + 1}. {html.escape(text)}", layout=W.Layout(width="75%"))]))
        self._path = W.Text(value=str(path), description="File:", layout=W.Layout(width="60%"))
        self._load = W.Button(description="Load", icon="folder-open", tooltip="read the ratings saved in this file")
        self._save = W.Button(description="Save", icon="save", tooltip="write the ratings to this file")
        self._compare = W.Button(description="Compare with VADER", icon="balance-scale", button_style="info",
                                 layout=W.Layout(width="max-content"),
                                 tooltip="Show your ratings beside VADER's scores, as a table and a figure")
        self._status = W.HTML()
        self._download = W.HTML()
        self._table = W.HTML()
        self._plot = W.Box()
        self._load.on_click(self.on_load)
        self._save.on_click(self.on_save)
        self._compare.on_click(self.on_compare)
        self.widget = W.VBox([
            W.HTML(WIDGET_CSS),
            W.HTML(f"<b>Rate each {html.escape(noun)}</b>: -2 very negative, 0 neutral, +2 very positive. "
                   f"VADER's scores stay hidden until you have rated every {html.escape(noun)}; then press "
                   "<i>Compare with VADER</i>. After that your ratings are locked: they record your own reading."),
            *rows,
            W.HBox([self._path, self._load, self._save]), self._status, self._download,
            self._compare, self._table, self._plot,
        ])
        self.widget.add_class("casestudy-widget")  # WIDGET_CSS: a visible keyboard focus
        self._loading = False
        self.on_load()

    # -- state -------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return Path(self._path.value.strip() or RATINGS_FILE).expanduser()

    def set_rating(self, index: int, value: int | None) -> None:
        """Set one item's rating as if chosen in its menu (this saves, like a real change)."""
        self._choices[index].value = NOT_RATED if value is None else value

    def rating(self, index: int) -> int | None:
        """The rating now chosen for one item (``None``: not rated)."""
        value = self._choices[index].value
        return None if value in (None, NOT_RATED) else int(value)

    def current(self) -> dict[str, Rating]:
        """The ratings now chosen, merged over those in the file (items rated elsewhere are kept)."""
        out = dict(self.saved)
        for rid, text, choice in zip(self.ids, self.texts, self._choices):
            if choice.value in (None, NOT_RATED):
                out.pop(rid, None)
            else:
                out[rid] = Rating(rid, text, int(choice.value))
        return out

    def _say(self, message: str, ok: bool = True) -> None:
        colour = "#009E73" if ok else "#D55E00"
        self._status.value = f'<span style="color:{colour}">{html.escape(message)}</span>'

    # -- callbacks: thin -----------------------------------------------------------------
    def on_load(self, _button: Any = None) -> None:
        """Read the ratings file and set the menus from it (revealed items stay locked)."""
        try:
            self.saved = load_ratings(self.path)
            self.revealed = load_revealed(self.path)
        except Exception as exc:
            self.saved, self.revealed = {}, set()
            self._status.value = _error_html(exc)
            self._download.value = ""
            return
        self._loading = True
        try:
            for rid, choice in zip(self.ids, self._choices):
                choice.value = self.saved[rid].rating if rid in self.saved else NOT_RATED
                choice.disabled = rid in self.revealed and rid in self.saved
        finally:
            self._loading = False
        found = sum(rid in self.saved for rid in self.ids)
        if self.path.exists():
            locked = sum(choice.disabled for choice in self._choices)
            note = f"; {locked} locked, their VADER scores already seen" if locked else ""
            self._say(f"Loaded {found} rating(s) for these {self.noun}s from {self.path}{note}.")
        else:
            self._say(f"No ratings yet; they will be saved to {self.path} as you rate.")
        self._download.value = download_link_html(self.saved, self.path.name, sorted(self.revealed))
        if self.finished:
            self._open_held()

    def on_save(self, _button: Any = None) -> None:
        """Save the current ratings (atomically; a malformed file is refused, not overwritten)."""
        try:
            ratings = self.current()
            revealed = {rid for rid in self.revealed if rid in ratings}
            save_ratings(self.path, ratings, revealed)
        except Exception as exc:
            self._status.value = _error_html(exc)
            return
        self.saved, self.revealed = ratings, revealed
        self._say(f"Saved {len(ratings)} rating(s) to {self.path}.")
        self._download.value = download_link_html(ratings, self.path.name, sorted(revealed))

    def unrated(self) -> list[int]:
        """The items not rated yet, by index (their scores stay hidden while any is left)."""
        return [k for k in range(len(self._choices)) if self.rating(k) is None]

    def _on_rating(self, change: dict[str, Any]) -> None:
        if not self._loading:
            self.on_save()

    def on_compare(self, _button: Any = None) -> None:
        """Reveal VADER's scores once every item is rated: differences, agreement, a figure; lock the ratings."""
        try:
            missing = self.unrated()
            if missing:
                numbers = ", ".join(str(k + 1) for k in missing)
                self._table.value = (f"<i>Rate every {self.noun} first ({len(missing)} still to rate: {numbers}). "
                                     "VADER's scores stay hidden until then, so that they cannot colour "
                                     "your own reading.</i>")
                return
            rated = list(range(len(self._choices)))
            if not rated:
                self._table.value = "<i>There is nothing to rate.</i>"
                return
            newly = [rid for rid in self.ids if rid not in self.revealed]
            self.revealed |= set(self.ids)
            for choice in self._choices:
                choice.disabled = True
            if newly:
                self.on_save()  # records the reveal in the file
            student = [int(self._choices[k].value) for k in rated]  # rated: never NOT_RATED
            vader = [self.vader[k] for k in rated]
            summary = agreement(student, vader)
            rows = "".join(
                f"<tr><td>{k + 1}</td><td>{html.escape(self.texts[k])}</td><td>{s:+d}</td>"
                f"<td>{2 * v:+.2f}</td><td>{d:+.2f}</td></tr>"
                for k, s, v, d in zip(rated, student, vader, differences(student, vader))
            )
            self._table.value = (
                f"<p><b>{html.escape(summary.describe())}</b></p>"
                "<table><tr><th>#</th><th>text</th><th>you</th><th>VADER compound \u00d7 2</th>"
                f"<th>difference (you \u2212 VADER)</th></tr>{rows}</table>")
            from ..plots.figures import alt_text, figure_png
            from ..plots.sentiment import plot_agreement

            self.last_figure = plot_agreement([self.texts[k] for k in rated], student, vader)
            words = alt_text(self.last_figure)
            self._plot.children = (W.VBox([  # the picture, and below it the same finding in words
                W.Image(value=figure_png(self.last_figure, dpi=90, tight=True), format="png",  # title not cut
                        layout=W.Layout(max_width="100%")),
                W.HTML(f"<p><i>Figure, in words:</i> {html.escape(words)}</p>")]),)
            self._open_held()
        except Exception as exc:
            self._table.value = _error_html(exc)

    # -- output held back until the rating is done ---------------------------------------
    @property
    def finished(self) -> bool:
        """True once VADER's scores of every item have been shown (compared), or the blind rating was skipped."""
        return self.skipped or (bool(self.ids) and all(rid in self.revealed for rid in self.ids))

    def after_rating(self, shown: Any) -> Any:
        """``shown`` itself when the rating is done; else an :class:`AfterRating` that shows it once it is.

        A string is shown as printed text.  Compute ``shown`` first (it is passed, not a callback),
        so the cell's code runs in full either way.
        """
        if isinstance(shown, str):
            shown = Printed(shown)
        if self.finished:
            return shown
        held = AfterRating(self, shown)
        self._held.append(held)
        return held

    def skip(self) -> None:
        """End the blind rating without comparing: show all held-back output, and lock the menus.

        Ratings made before stay (they were blind); the menus lock because a rating made after
        seeing VADER's scores would not be.
        """
        self.skipped = True
        rated = {rid for k, rid in enumerate(self.ids) if self.rating(k) is not None}
        if rated - self.revealed:
            self.revealed |= rated
            self.on_save()   # records that these ratings saw the scores afterwards: they stay locked
        for choice in self._choices:
            choice.disabled = True
        self._say("You chose to see VADER's scores before finishing the rating: the menus are locked, since a "
                  "rating made now would not be blind. Ratings made before stay in the file.", ok=False)
        self._open_held()

    def _open_held(self) -> None:
        for held in self._held:
            held.open()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)
