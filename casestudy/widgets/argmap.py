"""A widget to build an argument map in JupyterLab: claims, sides, links, evidence, undo, save.

The widget is a thin layer over :class:`casestudy.argmap.ArgumentMap`.  Each
button handler only reads the controls, calls one method of the map, and
refreshes the views; any error (an empty claim, a claim linked to itself, a
file that is not a map) appears as one line in the status area, never lost in
the log.  The handlers are public (``editor.on_add()`` and so on), so tests and
headless notebook runs can drive the widget without a browser:

>>> editor = ArgumentMapEditor(evidence=[], draw=False)
>>> editor.new_text.value = "The shield is needed against Iran."
>>> editor.new_side.value = "US/NATO"
>>> editor.on_add()
>>> list(editor.map.claims)
['c1']
>>> editor.on_add()            # the text box was cleared: nothing to add
>>> "needs some text" in editor.status.value
True

Everything the article or the student wrote is escaped (:func:`html.escape`)
before it is shown as HTML, so a ``<script>`` typed into a claim shows as text.
Only standard ipywidgets 8 controls are used (no extra JupyterLab extension);
each has a description, and the tab order follows the layout: new claim,
selected claim, evidence, links, file.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as W

from ..argmap import (
    DEFAULT_FILE, RELATION_TYPES, RELATION_VERBS, ArgumentMap, Evidence, compare_maps,
    load_map, map_sides, reference_map, same_evidence, save_map,
)
from ..argmap.checks import describe_cycle
from ..argmap.files import FileState, file_state
from ..storage import aside_path, backup_path
from ..errors import CaseStudyError, InputError
from ..models import NEITHER, Side
from ..palette import side_styles, style_of
from ..pipeline import read_article
from ..text.loading import load_sides
from .style import WIDGET_CSS

_WIDE = W.Layout(width="98%")
_STYLE = {"description_width": "9em"}


def side_choices(amap: ArgumentMap) -> tuple[list[str], list[str]]:
    """The side buttons for a map: its sides in order, then "neither", and what each means (their tooltips).

    A side's tooltip is its description, read out by screen readers; a side without one says whose claims it holds.

    >>> side_choices(ArgumentMap(sides=[Side("EU", description="the European Commission"), Side("UK")]))
    (['EU', 'UK', 'neither'], ['the European Commission', 'claimed by UK', 'claimed by neither side'])
    """
    options = [*amap.side_names(), NEITHER]
    tips = [side.description or f"claimed by {side.name}" for side in amap.sides] + ["claimed by neither side"]
    return options, tips

def _shown(handler: Callable[..., None]) -> Callable[..., None]:
    """Make a handler show any error as one line in the widget's status area instead of raising."""
    def run(self: ArgumentMapEditor, *args: Any) -> None:
        try:
            handler(self, *args)
        except Exception as exc:  # shown in the widget: a browser user never sees the log
            self.show_error(exc)
    run.__name__, run.__doc__ = handler.__name__, handler.__doc__
    return run


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def download_link_html(amap: ArgumentMap, filename: str = DEFAULT_FILE) -> str:
    """An ``<a download>`` link that holds the map file itself (a data URI): no server needed.

    >>> link = download_link_html(ArgumentMap(), 'my "map".json')
    >>> link.startswith('<a download="my &quot;map&quot;.json" href="data:application/json;base64,')
    True
    """
    payload = base64.b64encode(amap.to_json().encode("utf-8")).decode("ascii")
    name = html.escape(Path(filename).name or DEFAULT_FILE, quote=True)
    return (f'<a download="{name}" href="data:application/json;base64,{payload}" '
            f'title="Save your map on your own computer">\u2b07 Download {name}</a>')


def claims_table_html(amap: ArgumentMap) -> str:
    """The claims as an HTML table (id, side, role, text and note, evidence and its words), every text escaped.

    A claim linked to nothing is a contention only because no arrow leaves it
    yet: its role says so ("contention (not linked yet)").
    """
    if not amap.claims:
        return "<p><i>No claims yet: write one above and press <b>Add claim</b>.</i></p>"
    roles = amap.roles()
    linked = {cid for r in amap.relations.values() for cid in (*r.premises, r.target)}
    styles = side_styles(amap.sides)
    rows = []
    for c in amap.claims.values():
        colour = style_of(styles, c.side).colour
        role = roles.get(c.id, "")
        if role == "contention" and c.id not in linked and len(amap.claims) > 1:
            role += " (not linked yet)"
        evidence = "<br>".join(
            f"<code>{html.escape(e)}</code> {html.escape(_short(amap.evidence_texts.get(e, ''), 80))}"
            for e in c.evidence) or "<i>none yet</i>"
        note = f"<br><i>{html.escape(c.note)}</i>" if c.note else ""
        rows.append(
            f'<tr><td><b>{html.escape(c.id)}</b></td>'
            f'<td style="border-left:6px solid {colour};padding-left:4px">{html.escape(c.side)}</td>'
            f"<td>{html.escape(role)}</td><td>{html.escape(c.text)}{note}</td><td>{evidence}</td></tr>")
    links = "".join(f"<li><code>{html.escape(r.id)}</code>: {html.escape(r.describe())}</li>"
                    for r in amap.relations.values())
    return ("<table><thead><tr><th>id</th><th>side</th><th>role</th><th>claim</th><th>evidence</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
            + (f"<p><b>Links</b></p><ul>{links}</ul>" if links else ""))


class ArgumentMapEditor:
    """Build, draw, save and reload an argument map, with the article's quotes as evidence.

    ``evidence`` is the list of quotes and sentences students can cite
    (default: the evidence of :func:`casestudy.pipeline.read_article` on the bundled article).
    ``path`` is the file used by *Save* and *Load* (default: ``my_argument_map.json``
    in the working folder).  ``draw=False`` skips the live drawing (faster tests).
    ``compare=False`` leaves out the comparison with the Oslo reference map, which
    means nothing for a map of another article.  A new map takes ``sides``
    (default: the bundled article's); the side buttons always show the sides of
    the map being edited (1 to 8, then "neither"), also after *Load*.
    """

    def __init__(self, amap: ArgumentMap | None = None, evidence: Sequence[Evidence] | None = None,
                 path: str | Path = DEFAULT_FILE, draw: bool = True, compare: bool = True,
                 sides: Sequence[Side | str] | None = None) -> None:
        self.map = amap if amap is not None else ArgumentMap(sides=map_sides(load_sides() if sides is None else sides))
        self.evidence = list(read_article().evidence if evidence is None else evidence)
        self._evidence_by_id = {e.id: e for e in self.evidence}
        self.draw = draw
        self.last_error: str | None = None
        self._own_files: set[Path] = set()  # files this editor loaded or saved: Save may replace them
        self._asked_to_replace: Path | None = None  # Save pressed once on a file that needs a second press

        # 1. a new claim
        self.title = W.Text(value=self.map.title, description="Map title", placeholder="e.g. Oslo 2007: two positions",
                            layout=_WIDE, style=_STYLE, continuous_update=False)
        self.new_text = W.Textarea(description="New claim", placeholder="Write the claim in your own words",
                                   layout=W.Layout(width="98%", height="4em"), style=_STYLE)
        options, tips = side_choices(self.map)
        self.new_side = W.ToggleButtons(options=options, description="Side", style=_STYLE, tooltips=tips)
        self.add_button = W.Button(description="Add claim", icon="plus", button_style="primary",
                                   tooltip="Add the new claim to the map")
        # 2. the selected claim
        self.selected = W.Dropdown(description="Selected claim", options=[], layout=_WIDE, style=_STYLE)
        self.edit_text = W.Textarea(description="Its text", layout=W.Layout(width="98%", height="4em"), style=_STYLE)
        self.edit_side = W.ToggleButtons(options=options, description="Its side", style=_STYLE, tooltips=tips)
        self.save_claim_button = W.Button(description="Save changes", icon="check",
                                          tooltip="Store the edited text and side of the selected claim")
        self.delete_button = W.Button(description="Delete claim", icon="trash", button_style="danger",
                                      tooltip="Delete the selected claim and its links (Undo brings it back)")
        # 3. evidence for the selected claim
        self.evidence_filter = W.Text(description="Find evidence", placeholder="a word, or a speaker's name",
                                      layout=_WIDE, style=_STYLE)
        self.evidence_choice = W.Select(description="Quotes", options=[], rows=6, layout=_WIDE, style=_STYLE)
        self.attach_button = W.Button(description="Attach to claim", icon="paperclip",
                                      tooltip="Cite the chosen quote or sentence as evidence for the selected claim")
        self.cited = W.Select(description="Cited", options=[], rows=3, layout=_WIDE, style=_STYLE)
        self.detach_button = W.Button(description="Remove evidence", icon="unlink",
                                      tooltip="Stop citing the chosen evidence")
        # 4. links between claims
        self.premises = W.SelectMultiple(description="Premise(s)", options=[], rows=4, layout=_WIDE, style=_STYLE)
        self.relation_type = W.Dropdown(description="Relation",
                                        options=[(RELATION_VERBS[t], t) for t in RELATION_TYPES], style=_STYLE)
        self.target = W.Dropdown(description="Target claim", options=[], layout=_WIDE, style=_STYLE)
        self.link_button = W.Button(description="Link", icon="arrow-right",
                                    tooltip="Link: premise(s) support / object to / rebut the target "
                                            "(several premises = co-premises that only work together)")
        self.relation_choice = W.Dropdown(description="Existing link", options=[], layout=_WIDE, style=_STYLE)
        self.unlink_button = W.Button(description="Delete link", icon="times", tooltip="Delete the chosen link")
        # 5. undo, file, status, views
        self.undo_button = W.Button(description="Undo", icon="undo", tooltip="Take back the last change")
        self.path = W.Text(value=str(path), description="File", layout=_WIDE, style=_STYLE)
        self.save_button = W.Button(description="Save", icon="save", tooltip="Save the map to the file above")
        self.load_button = W.Button(description="Load", icon="folder-open", tooltip="Load the map from the file above")
        self.compare_button = W.Button(description="Compare with reference", icon="balance-scale",
                                       layout=W.Layout(width="max-content"),
                                       tooltip="Which reference claims and links your map covers, with hints")
        self.feedback = W.HTML()
        self.download = W.HTML()
        self.status = W.HTML()
        self.claims_view = W.HTML()
        # The drawing as SVG at its own size (8 pt text stays 8 pt, sharp when zoomed), scrolling sideways.
        self.picture = W.Image(format="svg+xml", layout=W.Layout(max_width="none"))
        self.picture_box = W.Box([self.picture], layout=W.Layout(overflow="auto", max_width="100%"))
        self.picture_words = W.HTML()  # the drawing in words (an Image widget has no alt text)

        for button in (self.add_button, self.save_claim_button, self.delete_button, self.attach_button,
                       self.detach_button, self.link_button, self.unlink_button, self.undo_button,
                       self.save_button, self.load_button):
            button.layout.width = "max-content"  # room for the whole label, no wider
        for button, handler in [
            (self.add_button, self.on_add), (self.save_claim_button, self.on_edit), (self.delete_button, self.on_delete),
            (self.attach_button, self.on_attach), (self.detach_button, self.on_detach),
            (self.link_button, self.on_link), (self.unlink_button, self.on_unlink), (self.undo_button, self.on_undo),
            (self.save_button, self.on_save), (self.load_button, self.on_load),
            (self.compare_button, self.on_compare),
        ]:
            button.on_click(handler)
        self.selected.observe(self.on_select, names="value")
        self.evidence_filter.observe(self.on_filter, names="value")
        self.title.observe(self.on_title, names="value")

        def heading(text: str) -> W.HTML:
            return W.HTML(f"<h4 style='margin:0.6em 0 0.2em'>{html.escape(text)}</h4>")

        # One box per step, in tab order; the status line stays at the top, where it is seen.
        self.widget = W.VBox([
            W.HTML(WIDGET_CSS),
            self.title,
            self.status,
            W.VBox([heading("1. Add a claim"), self.new_text, self.new_side, self.add_button]),
            W.VBox([heading("2. The selected claim"), self.selected, self.edit_text, self.edit_side,
                    W.HBox([self.save_claim_button, self.delete_button])]),
            W.VBox([heading("3. Its evidence (quotes and sentences of the article)"), self.evidence_filter,
                    self.evidence_choice, self.attach_button, self.cited, self.detach_button]),
            W.VBox([heading("4. Link claims"), self.premises, self.relation_type, self.target, self.link_button,
                    self.relation_choice, self.unlink_button]),
            W.VBox([heading("5. Undo, save, load"), W.HBox([self.undo_button, self.save_button, self.load_button]),
                    self.path, self.download]),
            W.VBox([heading("Your map"), self.claims_view, self.picture_box, self.picture_words]),
            *([W.VBox([heading("6. Compare with the reference (when you have built both positions)"),
                       self.compare_button, self.feedback])] if compare else []),
        ])
        self.widget.add_class("casestudy-widget")
        self.refresh()
        earlier = Path(str(path)).expanduser()
        if earlier.is_file():  # after a restart the map starts afresh: say how to get the saved one back
            self.status.value = (f"\u2139 {html.escape(earlier.name)} already holds a map you saved: press "
                                 "<b>Load</b> to go on with it. <b>Save</b> asks before it replaces that map "
                                 "(and keeps the old version as .bak).")

    # -- plumbing -----------------------------------------------------------

    def show_error(self, exc: BaseException) -> None:
        """Show an error in the status area (and keep its text in ``last_error``)."""
        kind = "" if isinstance(exc, CaseStudyError) else f"unexpected error ({exc.__class__.__name__}): "
        self.last_error = f"{kind}{exc}"
        self._asked_to_replace = None
        self.status.value = f'<span style="color:#D55E00">\u26a0 {html.escape(self.last_error)}</span>'

    def say(self, message: str) -> None:
        """Show a success message in the status area."""
        self.last_error = None
        self._asked_to_replace = None
        self.status.value = f'<span style="color:#009E73">\u2714</span> {html.escape(message)}'

    def _claim_options(self) -> list[tuple[str, str]]:
        return [(f"{c.id} [{c.side}] {_short(c.text)}", c.id) for c in self.map.claims.values()]

    def _evidence_options(self) -> list[tuple[str, str]]:
        words = self.evidence_filter.value.lower().split()
        return [(e.label(), e.id) for e in self.evidence  # search the whole text, not the shortened label
                if all(w in e.label(width=len(e.text) + 200).lower() for w in words)]

    def _sync_sides(self) -> None:
        """Side buttons for the sides of the map being edited (they change with Load, or Undo of a Load)."""
        options, tips = side_choices(self.map)
        for buttons in (self.new_side, self.edit_side):
            if list(buttons.options) != options or list(buttons.tooltips) != tips:
                keep = buttons.value if buttons.value in options else options[0]
                buttons.tooltips = tips
                buttons.options = options
                buttons.value = keep

    def _fill_evidence_texts(self) -> None:
        """Keep the words of every cited quote or sentence the editor knows in the map (a map built in code may lack them).

        They show in the table, and go into the saved file and the exports; the
        map's own texts are never replaced.
        """
        for eid in self.map.evidence_ids():
            if eid in self._evidence_by_id and not self.map.evidence_texts.get(eid):
                self.map.evidence_texts[eid] = self._evidence_by_id[eid].describe()

    def refresh(self) -> None:
        """Bring every control and view in line with the map (after each change)."""
        self._fill_evidence_texts()
        self._sync_sides()
        claims = self._claim_options()
        keep = self.selected.value if self.selected.value in self.map.claims else None
        self.selected.options = claims
        self.selected.value = keep if keep else (claims[-1][1] if claims else None)
        self.premises.options = claims
        target_keep = self.target.value if self.target.value in self.map.claims else None
        self.target.options = claims
        self.target.value = target_keep if target_keep else (claims[0][1] if claims else None)
        link_keep = self.relation_choice.value if self.relation_choice.value in self.map.relations else None
        self.relation_choice.options = [(f"{r.id}: {r.describe()}", r.id) for r in self.map.relations.values()]
        self.relation_choice.value = link_keep or (list(self.map.relations)[-1] if self.map.relations else None)
        if self.title.value != self.map.title:
            self.title.value = self.map.title
        self.on_select()
        if not self.evidence_choice.options:
            self.evidence_choice.options = self._evidence_options()
        self.claims_view.value = claims_table_html(self.map)
        self.download.value = download_link_html(self.map, self.path.value)
        self.undo_button.disabled = not self.map.can_undo
        for button in (self.save_claim_button, self.delete_button, self.attach_button, self.detach_button):
            button.disabled = not self.map.claims
        self.link_button.disabled = len(self.map.claims) < 2
        self.unlink_button.disabled = not self.map.relations
        if self.draw:
            from ..plots.argmap import draw_map
            from ..plots.figures import alt_text, figure_svg

            fig = draw_map(self.map, highlight=self.selected.value)
            self.picture.value = figure_svg(fig)
            self.picture_words.value = ("<details><summary>The drawing in words</summary>"
                                        f"<p>{html.escape(alt_text(fig))}</p></details>")

    # -- handlers (each thin: read controls, call the model, refresh) -------

    @_shown
    def on_add(self, _button: Any = None) -> None:
        """Add the new claim with the chosen side, select it, and clear the text box."""
        claim = self.map.add_claim(self.new_text.value, side=self.new_side.value)
        self.new_text.value = ""
        self.selected.options = self._claim_options()
        self.selected.value = claim.id
        self.refresh()
        self.say(f"added {claim.id}; now attach its evidence and link it to other claims")

    @_shown
    def on_select(self, _change: Any = None) -> None:
        """Show the selected claim's text, side and evidence in the edit controls."""
        cid = self.selected.value
        claim = self.map.claims.get(cid) if cid else None
        self.edit_text.value = claim.text if claim else ""
        if claim and claim.side in self.edit_side.options:
            self.edit_side.value = claim.side
        self.cited.options = [(self._evidence_label(e), e) for e in claim.evidence] if claim else []

    def _evidence_label(self, evidence_id: str) -> str:
        if evidence_id in self._evidence_by_id:
            return self._evidence_by_id[evidence_id].label(90)
        return f"{evidence_id} {_short(self.map.evidence_texts.get(evidence_id, ''), 70)}"

    @_shown
    def on_edit(self, _button: Any = None) -> None:
        """Store the edited text and side of the selected claim."""
        cid = self._selected_id()
        self.map.edit_claim(cid, text=self.edit_text.value, side=self.edit_side.value)
        self.refresh()
        self.say(f"changed {cid}")

    @_shown
    def on_delete(self, _button: Any = None) -> None:
        """Delete the selected claim and the links that need it."""
        cid = self._selected_id()
        removed = self.map.delete_claim(cid)
        self.selected.value = None
        self.refresh()
        gone = f" and its links {', '.join(removed)}" if removed else ""
        self.say(f"deleted {cid}{gone} (Undo brings them back)")

    @_shown
    def on_filter(self, _change: Any = None) -> None:
        """Show only the quotes and sentences containing every word typed in the filter."""
        self.evidence_choice.options = self._evidence_options()

    @_shown
    def on_attach(self, _button: Any = None) -> None:
        """Cite the chosen quote or sentence for the selected claim."""
        cid = self._selected_id()
        eid = self.evidence_choice.value
        if eid is None:
            raise InputError("choose a quote or sentence in the list first (type a word to find one)")
        self.map.attach_evidence(cid, eid, self._evidence_by_id[eid].describe())
        self.refresh()
        self.say(f"{cid} now cites {eid}")

    @_shown
    def on_detach(self, _button: Any = None) -> None:
        """Stop citing the evidence chosen in the *Cited* list."""
        cid = self._selected_id()
        if self.cited.value is None:
            raise InputError("choose the evidence to remove in the 'Cited' list first")
        eid = self.cited.value
        self.map.detach_evidence(cid, eid)
        self.refresh()
        self.say(f"{cid} no longer cites {eid}")

    @_shown
    def on_link(self, _button: Any = None) -> None:
        """Link the chosen premise(s) to the target claim with the chosen relation."""
        if not self.premises.value:
            raise InputError("choose one premise (or several co-premises) in the 'Premise(s)' list first")
        if self.target.value is None:
            raise InputError("choose the target claim first")
        relation = self.map.add_relation(self.relation_type.value, list(self.premises.value), self.target.value)
        self.refresh()
        circles = [describe_cycle(self.map, c) for c in self.map.cycles()
                   if relation.target in c and any(p in c for p in relation.premises)]
        self.say(f"linked: {relation.describe()}" + "".join(f". Hint: {c}" for c in circles))

    @_shown
    def on_unlink(self, _button: Any = None) -> None:
        """Delete the link chosen in *Existing link*."""
        rid = self.relation_choice.value
        if rid is None:
            raise InputError("choose the link to delete first")
        self.map.delete_relation(rid)
        self.refresh()
        self.say(f"deleted link {rid}")

    @_shown
    def on_title(self, _change: Any = None) -> None:
        """Store the map title typed in the title box."""
        if self.title.value.strip() != self.map.title:
            self.map.set_title(self.title.value)
            self.refresh()

    @_shown
    def on_undo(self, _button: Any = None) -> None:
        """Take back the last change."""
        undoing_load = self.map.can_undo and self.map._history[-1][0].startswith("load ")
        what = self.map.undo()
        self.refresh()
        self.say("undid Load: your map is back as it was before Load; the file is unchanged (Load reads it again)"
                 if undoing_load else what)

    def _file(self) -> Path:
        text = self.path.value.strip()
        if not text:
            raise InputError(f"type a file name in 'File' first, e.g. {DEFAULT_FILE}")
        return Path(text).expanduser()  # save_map refuses folders and the installed package

    @_shown
    def on_save(self, _button: Any = None) -> None:
        """Save the map to the file named in *File* (atomically, keeping a .bak of the previous one).

        Save asks first (a second press saves) before it replaces a map this
        editor has not loaded or saved, or a damaged map file; a damaged file is
        then kept as NAME.unreadable and NAME.bak is left as it is.
        """
        path = self._file()
        state = file_state(path)
        question = self._replace_question(path, state)
        if question:  # a first press only asks; a second press on the same file saves
            self.last_error = None
            self.status.value = f'<span style="color:#D55E00">\u26a0 {html.escape(question)}</span>'
            self._asked_to_replace = path.resolve()
            return
        aside = aside_path(path)
        save_map(self.map, path, replace_unreadable=state.kind == "damaged")
        self._own_files.add(path.resolve())
        self.download.value = download_link_html(self.map, str(path))
        if state.kind == "damaged":
            bak = backup_path(path)
            kept = (f"; the file that could not be read is kept as {aside.name}"
                    + (f", and {bak.name} is unchanged" if bak.is_file() else ""))
        else:
            kept = f"; the previous version is in {backup_path(path).name}" if state.kind == "map" else ""
        self.say(f"saved {_plural(len(self.map.claims), 'claim')} and {_plural(len(self.map.relations), 'link')} "
                 f"to {path}{kept}")

    def _replace_question(self, path: Path, state: FileState) -> str | None:
        """Why Save should ask before replacing ``path``, or None when it can save at once.

        Save asks (and a second press saves) when the file holds claims that this
        editor never loaded or saved (a map saved before a kernel restart), when
        the map is empty and would replace claims (after Undo of a Load), or when
        the file is a damaged map file (it is then kept aside, never lost).
        """
        if self._asked_to_replace == path.resolve() or state.kind in ("free", "foreign"):
            return None  # a foreign file: save_map refuses it with its own message
        if state.kind == "damaged":
            bak = backup_path(path)
            keep = f", and {bak.name} stays as it is" if bak.is_file() else ""
            return (f"{path.name} cannot be read as a map ({state.reason}). Press Save again to save your map "
                    f"under that name: the unreadable file is kept as {aside_path(path).name}{keep}")
        on_disk = len(load_map(path, validate=False).claims)
        if not on_disk:
            return None
        if not self.map.claims:
            return (f"your map is empty and {path.name} holds {_plural(on_disk, 'claim')}: press Load to get "
                    "them back, or press Save again to replace them with the empty map (the old file is kept as .bak)")
        if path.resolve() not in self._own_files:
            return (f"{path.name} already holds a map of {_plural(on_disk, 'claim')} that you have not loaded here: "
                    "press Load to go on with it, or press Save again to replace it "
                    "(the old file is kept as .bak)")
        return None

    @_shown
    def on_load(self, _button: Any = None) -> None:
        """Load the map from the file named in *File* (Undo returns to the map you had)."""
        path = self._file()
        loaded = load_map(path)
        self._own_files.add(path.resolve())
        loaded._history = [*self.map._history, (f"load {path.name}", self.map._state())]
        self.map = loaded
        self.selected.value = None
        self.refresh()
        self.say(f"loaded {_plural(len(loaded.claims), 'claim')} and {_plural(len(loaded.relations), 'link')} "
                 f"from {path}; Undo returns to the map you had")

    @_shown
    def on_compare(self, _button: Any = None) -> None:
        """Compare the map with the hand-written reference and show the feedback, escaped."""
        result = compare_maps(self.map, reference_map(), same_as=same_evidence(self.evidence))
        items = "".join(f"<li>{html.escape(f)}</li>" for f in result.feedback)
        self.feedback.value = f"<p><b>{html.escape(result.summary())}</b></p>" + (f"<ul>{items}</ul>" if items else "")
        self.say(result.summary())

    def _selected_id(self) -> str:
        if self.selected.value is None:
            raise InputError("select a claim first (add one if the map is empty)")
        return str(self.selected.value)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def argument_map_editor(amap: ArgumentMap | None = None, path: str | Path = DEFAULT_FILE,
                        evidence: Sequence[Evidence] | None = None,
                        sides: Sequence[Side | str] | None = None) -> ArgumentMapEditor:
    """The editor for a map (a new one with ``sides`` by default), saving to ``path`` in the working folder."""
    return ArgumentMapEditor(amap, evidence=evidence, path=path, sides=sides)
