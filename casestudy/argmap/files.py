"""Saving and loading maps, so that a crash or a malformed file never destroys a student's work.

A map is saved atomically with the previous version kept as ``NAME.bak``
(:mod:`casestudy.storage`).  Loading a malformed, foreign or newer file gives
one line that says what to do and leaves the file alone; it names the ``.bak``
file only when there is one.  Older map files are upgraded as they are read
(:mod:`casestudy.argmap.schema`).

What a save may replace (:func:`file_state`):

* a map this version reads (its previous version becomes ``NAME.bak``);
* a *damaged* map file (not valid JSON, or a map this version cannot read),
  only when asked to (``replace_unreadable=True``; the editor asks first): it
  is kept aside as ``NAME.unreadable`` and ``NAME.bak`` is left as it is, so a
  student who loads the ``.bak`` and saves it under the old name loses neither;
* never a file of another kind (an article, a notebook, other JSON).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..errors import InputError
from ..storage import aside_path, atomic_write_text, backup_path, check_save_path, keep_aside
from ..text.loading import parse_json, read_text
from .model import ArgumentMap
from .schema import FORMAT

DEFAULT_FILE = "my_argument_map.json"
"""Where the widget saves by default: a file in the current working folder."""

MAP_FILE = "an argument map (.json) saved by the argument-map widget"
"""What a map file is, for the messages about folders and binary files."""


def _backup_if_any(path: Path) -> str | None:
    """The name of ``path``'s ``.bak`` file when one exists (to suggest in an error), else ``None``."""
    backup = backup_path(path)
    return backup.name if backup.is_file() else None


def load_map(path: str | Path, validate: bool = True) -> ArgumentMap:
    """Read a saved map; a malformed, foreign or newer file gives a one-line error and is left untouched.

    With ``validate`` (the default) a map with problems (unknown ids, empty
    text...) is refused too, naming the first problem.
    """
    path = Path(path)
    text = read_text(path, MAP_FILE)
    backup = _backup_if_any(path)
    try:
        amap = ArgumentMap.from_json(text, source=str(path), backup=backup)
    except InputError as exc:
        if not backup or backup in str(exc):
            raise
        raise InputError(f"{exc}; or load the previous version from {backup} and save it under the old name "
                         "(Save asks first, then keeps this file aside as a .unreadable copy)") from None
    if validate:
        problems = amap.problems()
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            earlier = f", or load the previous version from {backup}" if backup else ""
            raise InputError(f"{path}: {problems[0]}{more}; the file was not changed: fix it{earlier}")
    return amap


class FileState(NamedTuple):
    """What is at a path a map is about to be saved to (see :func:`file_state`)."""

    kind: str
    """``"free"`` (no file, or an empty one), ``"map"``, ``"damaged"`` (a map file that cannot be read) or ``"foreign"``."""
    reason: str = ""
    """Why a damaged or foreign file cannot be read as a map, in one line."""


def file_state(path: str | Path) -> FileState:
    """Whether ``path`` is free, a map this version reads, a damaged map file, or a file of another kind.

    A file is *damaged* when it says it is a map (``"format": "casestudy-argmap"``)
    but cannot be read as one (bad fields, a newer version), or when it is not
    JSON at all but is named ``.json`` or mentions the map format (a map
    file cut short or edited by hand).  Valid JSON of another format, or a
    file with another name that is not JSON, is *foreign*.
    """
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return FileState("free")
        head = path.read_bytes()[:65536]
    except OSError as exc:
        return FileState("foreign", f"{path.name} cannot be read ({exc.strerror or exc})")
    looks_ours = path.suffix.lower() == ".json" or FORMAT.encode() in head
    try:
        data = parse_json(read_text(path, MAP_FILE), path.name, "")
    except InputError as exc:
        return FileState("damaged" if looks_ours else "foreign", str(exc).removesuffix("; "))
    try:
        ArgumentMap.from_dict(data, path.name)
    except InputError as exc:
        ours = isinstance(data, dict) and data.get("format") == FORMAT
        return FileState("damaged" if ours else "foreign", str(exc))
    return FileState("map")


def save_map(amap: ArgumentMap, path: str | Path, backup: bool = True, replace_unreadable: bool = False) -> Path:
    """Save a map as JSON, atomically, keeping the previous file as ``NAME.bak``.

    See :mod:`casestudy.storage`: the map goes to a temporary file first and
    only then replaces the old one, so a crash midway leaves the old file whole.
    A file of another kind is never overwritten.  A damaged map file is
    replaced only with ``replace_unreadable=True``, and then kept aside as
    ``NAME.unreadable`` (``NAME.bak`` stays as it is).  Returns the path written.
    """
    path = check_save_path(path, DEFAULT_FILE)
    text = amap.to_json()  # serialise first: an error here touches no file
    state = file_state(path)
    if state.kind == "foreign":
        raise InputError(f"{path} already exists and is not an argument map ({state.reason}); "
                         "nothing was written: choose another file name")
    if state.kind == "damaged":
        if not replace_unreadable:
            raise InputError(f"{path} already exists and cannot be read as a map ({state.reason}); nothing was "
                             f"written: choose another file name, or save with replace_unreadable=True to keep "
                             f"that file as {aside_path(path).name} and save the map under its name")
        keep_aside(path)
        return atomic_write_text(path, text, backup=False)  # NAME.bak may hold the last good version: keep it
    return atomic_write_text(path, text, backup=backup)
